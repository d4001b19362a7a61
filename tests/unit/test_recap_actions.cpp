// Recaps that travel inside the engagement (recap_actions.hpp): an agreed
// action of a held meeting becomes a client task, a decision or a provider
// to-do in one undo step, is marked converted, and the mark survives saving,
// reopening and merging.
#include <catch2/catch.hpp>

#include "named_items.hpp"
#include "rapport/demo.hpp"
#include "rapport/history.hpp"
#include "rapport/io.hpp"
#include "rapport/merge.hpp"
#include "rapport/recap.hpp"
#include "rapport/recap_actions.hpp"

using namespace rapport;
using rapport::test::titled;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

Id stakeholder(const Engagement& e, const std::string& first) {
  for (const auto& [id, s] : e.stakeholders)
    if (s.name.rfind(first, 0) == 0) return id;
  FAIL("no stakeholder " << first);
  return kNoId;
}

// The demo with three agreed actions on the weekly check-in held on 20 Nov.
struct Held {
  Engagement e = make_demo();
  Id weekly = kNoId;
  Date date = d(2026, 11, 20);
  Held() {
    weekly = titled<MeetingSeries>(e, "Weekly check-in");
    OccurrenceOverride& o = e.meetings.find(weekly)->overrides.at(date);
    REQUIRE(o.state == OccurrenceState::Held);
    o.agreed_actions =
        "- Sanna sends the final Finnish copy\n\n* Launch the menu page first\n"
        "Eva shares the homepage v3";
  }
  const OccurrenceOverride& occurrence() const {
    return e.meetings.find(weekly)->overrides.at(date);
  }
};
}  // namespace

TEST_CASE("recap actions: agreed action lines lose their list marks and blank lines",
          "[recap-actions]") {
  CHECK(agreed_action_lines("- one\n\n  * two  \n\u2022 three\r\nfour") ==
        std::vector<std::string>{"one", "two", "three", "four"});
  CHECK(agreed_action_lines("").empty());
}

TEST_CASE("recap actions: a line becomes a client task for the client the line names",
          "[recap-actions]") {
  Held h;
  History history;
  REQUIRE_FALSE(
      history.apply(h.e, ConvertAgreedAction{h.weekly, h.date, "Sanna sends the final Finnish copy",
                                             ActionTarget::ClientTask}));
  const ClientTask* t = h.e.client_tasks.find(history.last_added());
  REQUIRE(t);
  CHECK(t->title == "Sanna sends the final Finnish copy");
  CHECK(t->owner == stakeholder(h.e, "Sanna"));
  CHECK(t->created_on == h.date);
  CHECK(t->due == d(2026, 11, 27));
  REQUIRE(h.occurrence().converted.size() == 1);
  CHECK(h.occurrence().converted[0] ==
        ConvertedAction{"Sanna sends the final Finnish copy", ActionTarget::ClientTask, t->id});
  CHECK(history.undo_label() == "Make “Sanna sends the final Finnish copy” a client task");
}

TEST_CASE("recap actions: a decision and a provider to-do, each one undo step", "[recap-actions]") {
  Held h;
  const Engagement before = h.e;
  History history;
  REQUIRE_FALSE(history.apply(
      h.e,
      ConvertAgreedAction{h.weekly, h.date, "Launch the menu page first", ActionTarget::Decision}));
  const Id decision = history.last_added();
  REQUIRE(h.e.decisions.contains(decision));
  const Decision& dec = *h.e.decisions.find(decision);
  CHECK(dec.date == h.date);
  CHECK(dec.rationale == "Agreed at Weekly check-in on Fri 20 Nov 2026.");
  CHECK(dec.consulted == h.occurrence().present);

  REQUIRE_FALSE(
      history.apply(h.e, ConvertAgreedAction{h.weekly, h.date, "Eva shares the homepage v3",
                                             ActionTarget::ProviderTodo}));
  const Id todo_id = history.last_added();
  const Responsibility* todo = h.e.responsibilities.find(todo_id);
  REQUIRE(todo);
  CHECK(todo->side == Side::Provider);
  CHECK(todo->what == "Eva shares the homepage v3");
  CHECK(todo->owner == stakeholder(h.e, "Eva"));
  CHECK(h.occurrence().converted.size() == 2);

  // Each undo takes back one conversion whole: the item and the mark.
  REQUIRE(history.undo(h.e));
  CHECK_FALSE(h.e.responsibilities.contains(todo_id));
  CHECK(h.occurrence().converted.size() == 1);
  REQUIRE(history.undo(h.e));
  CHECK(h.e == before);
  REQUIRE(history.redo(h.e));
  CHECK(h.e.decisions.contains(decision));
}

TEST_CASE("recap actions: a converted line, a planned meeting or an unknown line is refused",
          "[recap-actions]") {
  Held h;
  History history;
  const ConvertAgreedAction once{h.weekly, h.date, "Launch the menu page first",
                                 ActionTarget::Decision};
  REQUIRE_FALSE(history.apply(h.e, once));
  const Engagement after = h.e;
  auto again =
      history.apply(h.e, ConvertAgreedAction{h.weekly, h.date, "Launch the menu page first",
                                             ActionTarget::ClientTask});
  REQUIRE(again);
  CHECK(again->message == "“Launch the menu page first” was already made a decision.");
  auto unknown = history.apply(
      h.e, ConvertAgreedAction{h.weekly, h.date, "Nobody said this", ActionTarget::ClientTask});
  REQUIRE(unknown);
  CHECK(unknown->message.find("is not one of the agreed actions") != std::string::npos);
  auto planned = history.apply(
      h.e, ConvertAgreedAction{h.weekly, d(2026, 11, 27), "Anything", ActionTarget::ClientTask});
  REQUIRE(planned);
  CHECK(planned->message.find("Mark the meeting held") != std::string::npos);
  CHECK(h.e == after);
}

TEST_CASE("recap actions: a line naming nobody goes to the first client present",
          "[recap-actions]") {
  Held h;
  History history;
  REQUIRE_FALSE(
      history.apply(h.e, ConvertAgreedAction{h.weekly, h.date, "Launch the menu page first",
                                             ActionTarget::ClientTask}));
  const ClientTask& t = *h.e.client_tasks.find(history.last_added());
  const Stakeholder& owner = *h.e.stakeholders.find(t.owner);
  CHECK(owner.side == Side::Client);
  CHECK(t.owner == h.occurrence().present.front());
}

TEST_CASE("recap actions: converted marks survive saving and reopening in both formats",
          "[recap-actions][io]") {
  Held h;
  History history;
  REQUIRE_FALSE(
      history.apply(h.e, ConvertAgreedAction{h.weekly, h.date, "Eva shares the homepage v3",
                                             ActionTarget::ProviderTodo}));
  for (FileFormat format : {FileFormat::Binary, FileFormat::Json}) {
    LoadResult r = load_bytes(to_bytes(h.e, format), "x");
    REQUIRE(r);
    CHECK(*r.engagement == h.e);
  }
  const std::string json = to_bytes(h.e, FileFormat::Json);
  CHECK(json.find("\"to\": \"provider_todo\"") != std::string::npos);
}

TEST_CASE("recap actions: a merge keeps the lines converted on either side",
          "[recap-actions][merge]") {
  Held h;
  Engagement ours = h.e, theirs = h.e;
  History a, b;
  REQUIRE_FALSE(a.apply(ours, ConvertAgreedAction{h.weekly, h.date, "Launch the menu page first",
                                                  ActionTarget::Decision}));
  REQUIRE_FALSE(b.apply(theirs, ConvertAgreedAction{h.weekly, h.date, "Eva shares the homepage v3",
                                                    ActionTarget::ProviderTodo}));
  MergeResult m = merge(h.e, ours, theirs);
  CHECK(m.new_conflicts == 0);
  const auto& converted = m.merged.meetings.find(h.weekly)->overrides.at(h.date).converted;
  REQUIRE(converted.size() == 2);
  CHECK(converted[0].line == "Launch the menu page first");
  CHECK(converted[1].line == "Eva shares the homepage v3");
  CHECK(m.merged.decisions.contains(converted[0].item));
  CHECK(m.merged.responsibilities.contains(converted[1].item));
}

TEST_CASE("recap actions: the e-mail recap still lists every agreed action", "[recap-actions]") {
  Held h;
  History history;
  REQUIRE_FALSE(history.apply(
      h.e,
      ConvertAgreedAction{h.weekly, h.date, "Launch the menu page first", ActionTarget::Decision}));
  auto recap = meeting_recap(h.e, h.weekly, h.date);
  REQUIRE(recap);
  CHECK(recap->agreed.size() == 3);
}
