// Commands and History: every command applies, undoes to exactly the state
// before, and redoes to exactly the state after; invalid commands change
// nothing and say why.
#include <catch2/catch.hpp>

#include "named_items.hpp"
#include "rapport/demo.hpp"
#include "rapport/history.hpp"
#include "rapport/ids.hpp"
#include "rapport/validate.hpp"

using namespace rapport;
using rapport::test::titled;

namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

template <class T>
Id first_id(const Engagement& e, bool (*pred)(const T&) = nullptr) {
  for (const auto& [id, item] : KindOf<T>::table(e))
    if (!pred || pred(item)) return id;
  return kNoId;
}

Id stakeholder_named(const Engagement& e, const std::string& name) {
  for (const auto& [id, s] : e.stakeholders)
    if (s.name == name) return id;
  return kNoId;
}
// Apply, undo, redo, and check each state.
void round_trip(const Command& c) {
  Engagement e = make_demo();
  const Engagement before = e;
  History h;
  auto error = h.apply(e, c);
  INFO(describe(before, c));
  REQUIRE_FALSE(error);
  REQUIRE(h.can_undo());
  CHECK(h.dirty());
  CHECK_FALSE(e == before);
  const Engagement after = e;
  REQUIRE(h.undo(e));
  CHECK(e == before);
  CHECK_FALSE(h.dirty());
  REQUIRE(h.redo(e));
  CHECK(e == after);
  CHECK(validate_engagement(e).empty());
}

void refused(const Command& c, const std::string& field, const std::string& words) {
  Engagement e = make_demo();
  const Engagement before = e;
  History h;
  auto error = h.apply(e, c);
  REQUIRE(error);
  CHECK(error->field == field);
  CHECK_THAT(error->message, Catch::Contains(words));
  CHECK(e == before);
  CHECK_FALSE(h.can_undo());
  CHECK_FALSE(h.dirty());
}

}  // namespace

TEST_CASE("the demo engagement is valid and has every part", "[commands][demo]") {
  Engagement e = make_demo();
  CHECK(validate_engagement(e).empty());
  for_each_table(e, [](const auto& table) { CHECK_FALSE(table.empty()); });
  CHECK(e == make_demo());
}

TEST_CASE("generated engagements are valid, deterministic and sized", "[commands][demo]") {
  Engagement a = generate_engagement(1000, 3);
  CHECK(validate_engagement(a).empty());
  CHECK(a == generate_engagement(1000, 3));
  CHECK_FALSE(a == generate_engagement(1000, 4));
  CHECK(a.item_count() > 800);
  CHECK(a.item_count() < 1300);
}

TEST_CASE("every add, edit and delete round-trips through undo and redo", "[commands]") {
  Engagement e = make_demo();
  Id anna = stakeholder_named(e, "Aino Mäkelä");
  Id sanna = stakeholder_named(e, "Sanna Järvinen");
  Id beta = titled<Milestone>(e, "Beta");
  Id weekly = titled<MeetingSeries>(e, "Weekly check-in");

  round_trip(Add<Stakeholder>{Stakeholder{0, Side::Client, "Pieter Jansen", "CFO"}});
  round_trip(Add<Objective>{
      Objective{0, "Fewer phone bookings", ObjectiveHorizon::Immediate, "", {anna}}});
  round_trip(Add<Constraint>{Constraint{0, ConstraintKind::Budget, "No more than €50 000"}});
  round_trip(Add<Question>{Question{0, "Who hosts the site?", anna, d(2026, 11, 1)}});
  round_trip(Add<Expectation>{Expectation{0, "Launch before Easter", anna}});
  round_trip(Add<Responsibility>{Responsibility{0, "Photos", Side::Client, sanna}});
  round_trip(Add<Deliverable>{Deliverable{0, "Style guide", beta, "Signed off"}});
  round_trip(Add<CommunicationChannel>{
      CommunicationChannel{0, ChannelKind::Phone, "Emergencies", "as needed", 2}});
  MeetingSeries retro;
  retro.title = "Retrospective";
  retro.first_date = d(2027, 3, 12);
  round_trip(Add<MeetingSeries>{retro});
  round_trip(Add<Milestone>{Milestone{0, "Content complete", d(2027, 2, 1), d(2027, 2, 1)}});
  round_trip(Add<Boundary>{Boundary{0, BoundaryKind::OutOfScope, "Print design"}});
  round_trip(
      Add<ChangeRequest>{ChangeRequest{0, "Newsletter sign-up", "", sanna, d(2026, 11, 24)}});
  round_trip(
      Add<ClientTask>{ClientTask{0, "Send logo files", sanna, d(2026, 11, 24), d(2026, 12, 1)}});
  round_trip(
      Add<Decision>{Decision{0, d(2026, 11, 24), "Use Finnish as the default language", anna}});
  round_trip(Add<Feedback>{Feedback{0, d(2026, 11, 24), anna, 1, "Good progress"}});

  Stakeholder renamed = *e.stakeholders.find(sanna);
  renamed.role = "Head of brand";
  round_trip(Update<Stakeholder>{renamed});
  Milestone m = *e.milestones.find(beta);
  m.status = MilestoneStatus::InProgress;
  round_trip(Update<Milestone>{m});
  EngagementInfo info = e.info;
  info.name = "Website relaunch 2027";
  round_trip(SetInfo{info});

  round_trip(Delete<Milestone>{beta});
  round_trip(Delete<Stakeholder>{anna});
  round_trip(Delete<MeetingSeries>{weekly});
  round_trip(Delete<Feedback>{first_id<Feedback>(e)});
  round_trip(MoveMilestone{beta, d(2027, 1, 29)});
  round_trip(SetOccurrence{weekly, d(2026, 11, 27),
                           OccurrenceOverride{OccurrenceState::Held, {}, {anna}, "Went well"}});
}

TEST_CASE("adding assigns fresh ids and reports the new one", "[commands]") {
  Engagement e = make_demo();
  History h;
  Id next = next_item_id(e);  // collision-free ids: ids.hpp
  CHECK_FALSE(kind_of(e, next).has_value());
  REQUIRE_FALSE(
      h.apply(e, Add<Milestone>{Milestone{0, "Go-live party", d(2027, 3, 12), d(2027, 3, 12)}}));
  CHECK(h.last_added() == next);
  CHECK(e.milestones.find(next)->title == "Go-live party");
  CHECK(e.next_id == next + 1);
  CHECK(h.undo_label() == "Add milestone “Go-live party”");
}

TEST_CASE("an edit applied by move changes the engagement as a copied one does", "[commands]") {
  // The imports' dry run moves each planned edit in instead of copying it.
  const Engagement demo = make_demo();
  const Id weekly = first_id<MeetingSeries>(demo);
  REQUIRE(weekly != kNoId);
  MeetingSeries changed = *demo.meetings.find(weekly);
  changed.title = "Weekly, renamed";
  changed.overrides[changed.first_date].state = OccurrenceState::Cancelled;
  for (const Edit& edit : {Edit{Put<MeetingSeries>{changed}}, Edit{Erase<MeetingSeries>{weekly}},
                           Edit{SetNextId{demo.next_id + 5}}}) {
    Engagement copied = demo, moved = demo;
    Edit copied_inverse = apply_edit(copied, edit);
    Edit moving = edit;
    Edit moved_inverse = apply_edit(moved, std::move(moving));
    CHECK(moved == copied);
    CHECK(moved_inverse.index() == copied_inverse.index());
    apply_edit(copied, copied_inverse);
    apply_edit(moved, std::move(moved_inverse));
    CHECK(moved == demo);
    CHECK(copied == demo);
  }
}

TEST_CASE("deleting a stakeholder clears every reference to them in one step", "[commands]") {
  Engagement e = make_demo();
  History h;
  Id sanna = stakeholder_named(e, "Sanna Järvinen");
  REQUIRE_FALSE(h.apply(e, Delete<Stakeholder>{sanna}));
  CHECK(validate_engagement(e).empty());
  for (const auto& [id, t] : e.client_tasks) CHECK(t.owner != sanna);
  CHECK(h.undo_depth() == 1);
  h.undo(e);
  CHECK(e == make_demo());
}

TEST_CASE("a client task must be owned by someone on the client side", "[commands][validation]") {
  Engagement e = make_demo();
  Id eva = stakeholder_named(e, "Eva de Vries");
  refused(Add<ClientTask>{ClientTask{0, "Write copy", eva, d(2026, 11, 24), d(2026, 12, 1)}},
          "owner", "must be on the client side: “Eva de Vries” is on the provider side");
}

TEST_CASE("invalid input is refused with a reason and changes nothing", "[commands][validation]") {
  Engagement e = make_demo();
  Id sanna = stakeholder_named(e, "Sanna Järvinen");
  Id beta = titled<Milestone>(e, "Beta");
  refused(Add<Stakeholder>{Stakeholder{0, Side::Client, "   "}}, "name",
          "Give the stakeholder a name");
  refused(Add<Stakeholder>{Stakeholder{0, Side::Client, std::string(2000, 'x')}}, "name",
          "too long");
  refused(Add<Stakeholder>{Stakeholder{0, Side::Client, "Bad\xff"}}, "name", "not valid UTF-8");
  refused(Add<Stakeholder>{Stakeholder{0, Side::Client, "Ann", "", "", ChannelKind::Email,
                                       Level::Low, Level::Low, "Nowhere/City"}},
          "time_zone", "not a known time zone");
  refused(Add<ClientTask>{ClientTask{0, "Copy", sanna, d(2026, 12, 1), d(2026, 11, 1)}}, "due",
          "due before it was created");
  refused(Add<ClientTask>{ClientTask{0, "Copy", 99999, d(2026, 11, 1), d(2026, 12, 1)}}, "owner",
          "does not exist");
  Boundary b{0, BoundaryKind::Blackout, "Holiday"};
  b.from = d(2026, 12, 24);
  b.to = d(2026, 12, 20);
  refused(Add<Boundary>{b}, "to", "cannot end before it starts");
  MeetingSeries s;
  s.title = "Sync";
  s.first_date = d(2026, 12, 1);
  s.recurrence.frequency = Frequency::Weekly;
  refused(Add<MeetingSeries>{s}, "weekdays", "at least one weekday");
  ChangeRequest cr{0, "Twice", "", sanna, d(2026, 11, 24)};
  cr.impacts = {{beta, 1}, {beta, 2}};
  refused(Add<ChangeRequest>{cr}, "impacts", "listed twice");
  refused(MoveMilestone{424242, d(2027, 1, 1)}, "", "no longer exists");
  refused(Delete<Decision>{424242}, "", "no longer exists");
  EngagementInfo info = e.info;
  info.end = d(2020, 1, 1);
  refused(SetInfo{info}, "end", "cannot end before it starts");
  Feedback f{0, d(2026, 11, 24), sanna, 3};
  refused(Add<Feedback>{f}, "sentiment", "-2 to +2");
}

TEST_CASE("approving a change request moves its milestones in one undoable step",
          "[commands][change-request]") {
  Engagement e = make_demo();
  History h;
  Id landing = titled<ChangeRequest>(e, "Extra landing page for the spring menu");
  Id launch = titled<Milestone>(e, "Launch");
  Date before = e.milestones.find(launch)->current;
  REQUIRE_FALSE(h.apply(e, DecideChangeRequest{landing, ChangeStatus::Approved, d(2026, 11, 24)}));
  CHECK(e.milestones.find(launch)->current == before.plus_days(5));
  CHECK(e.milestones.find(launch)->baseline == d(2027, 3, 1));
  CHECK(e.change_requests.find(landing)->status == ChangeStatus::Approved);
  CHECK(h.undo_label() == "Approve change request “Extra landing page for the spring menu”");
  // Approving twice would move the milestones twice: refused.
  auto again = h.apply(e, DecideChangeRequest{landing, ChangeStatus::Approved, d(2026, 11, 25)});
  REQUIRE(again);
  CHECK_THAT(again->message, Catch::Contains("already approved"));
  h.undo(e);
  CHECK(e.milestones.find(launch)->current == before);
  CHECK(e.change_requests.find(landing)->status == ChangeStatus::Proposed);
  h.redo(e);
  CHECK(e.milestones.find(launch)->current == before.plus_days(5));
}

TEST_CASE("saying no needs a rationale and an alternative", "[commands][change-request]") {
  Engagement e = make_demo();
  Id landing = titled<ChangeRequest>(e, "Extra landing page for the spring menu");
  refused(DecideChangeRequest{landing, ChangeStatus::Rejected, d(2026, 11, 24)}, "rationale",
          "Say why");
  refused(DecideChangeRequest{landing, ChangeStatus::Rejected, d(2026, 11, 24), kNoId,
                              "Off the agreed goal"},
          "alternative", "alternative");
  History h;
  REQUIRE_FALSE(
      h.apply(e, DecideChangeRequest{landing, ChangeStatus::Rejected, d(2026, 11, 24), kNoId,
                                     "Off the agreed goal", "A banner on the homepage instead"}));
  const ChangeRequest& cr = *e.change_requests.find(landing);
  CHECK(cr.status == ChangeStatus::Rejected);
  CHECK(cr.decided_on == d(2026, 11, 24));
  CHECK(cr.alternative == "A banner on the homepage instead");
  CHECK(h.undo_label() == "Reject change request “Extra landing page for the spring menu”");
}

TEST_CASE("occurrences: only real ones can be marked, and cancelling needs a reason",
          "[commands][meetings]") {
  Engagement e = make_demo();
  Id weekly = titled<MeetingSeries>(e, "Weekly check-in");
  refused(SetOccurrence{weekly, d(2026, 11, 26), OccurrenceOverride{OccurrenceState::Held}}, "",
          "has no meeting on 2026-11-26");
  OccurrenceOverride cancel;
  cancel.state = OccurrenceState::Cancelled;
  refused(SetOccurrence{weekly, d(2026, 11, 27), cancel}, "cancel_reason", "Say why");
  cancel.cancel_reason = "Client off-site";
  History h;
  REQUIRE_FALSE(h.apply(e, SetOccurrence{weekly, d(2026, 11, 27), cancel}));
  CHECK(h.undo_label() == "Cancel “Weekly check-in” of 2026-11-27");
  // Resetting to the default removes the override entirely.
  REQUIRE_FALSE(h.apply(e, SetOccurrence{weekly, d(2026, 11, 27), OccurrenceOverride{}}));
  CHECK(e.meetings.find(weekly)->overrides.count(d(2026, 11, 27)) == 0);
}

TEST_CASE("history: labels, groups, dirty state and no empty steps", "[commands][history]") {
  Engagement e = make_demo();
  History h;
  Id beta = titled<Milestone>(e, "Beta");
  CHECK_FALSE(h.dirty());
  CHECK(h.undo_label().empty());
  REQUIRE_FALSE(h.apply(e, MoveMilestone{beta, d(2027, 2, 5)}));
  CHECK(h.undo_label() == "Move milestone “Beta”");
  h.mark_saved();
  CHECK_FALSE(h.dirty());
  // A command that changes nothing leaves no undo step.
  uint64_t rev = h.revision();
  REQUIRE_FALSE(h.apply(e, MoveMilestone{beta, d(2027, 2, 5)}));
  CHECK(h.undo_depth() == 1);
  CHECK(h.revision() == rev);
  // Undo past the save point is a change; redo back to it is clean again.
  h.undo(e);
  CHECK(h.dirty());
  CHECK(h.redo_label() == "Move milestone “Beta”");
  h.redo(e);
  CHECK_FALSE(h.dirty());
  // A group is one step, all or nothing.
  const Engagement before = e;
  auto error =
      h.apply_group(e, "Plan the review",
                    {
                        Add<Milestone>{Milestone{0, "Review", d(2027, 2, 10), d(2027, 2, 10)}},
                        Add<Stakeholder>{Stakeholder{0, Side::Client, ""}},  // refused
                    });
  REQUIRE(error);
  CHECK(e == before);
  REQUIRE_FALSE(
      h.apply_group(e, "Plan the review",
                    {
                        Add<Milestone>{Milestone{0, "Review", d(2027, 2, 10), d(2027, 2, 10)}},
                        Add<Milestone>{Milestone{0, "Sign-off", d(2027, 2, 12), d(2027, 2, 12)}},
                    }));
  CHECK(e.milestones.size() == before.milestones.size() + 2);
  CHECK(h.undo_label() == "Plan the review");
  h.undo(e);
  CHECK(e == before);
  // A new change after undo drops the redo branch.
  REQUIRE_FALSE(h.apply(e, MoveMilestone{beta, d(2027, 2, 6)}));
  CHECK_FALSE(h.can_redo());
}

#include "rapport/defaults.hpp"

TEST_CASE("every kind: edit and delete round-trip through undo and redo", "[commands]") {
  const Engagement demo = make_demo();
  const Date today = Date::from_ymd(2026, 11, 24);
  for_each_table(demo, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    INFO(to_string(KindOf<T>::kind));
    REQUIRE_FALSE(table.empty());
    Id id = table.begin()->first;
    // An edit: the item replaced by a fresh default with the same id.
    T edited = default_item<T>(demo, today);
    edited.id = id;
    round_trip(Update<T>{edited});
    round_trip(Delete<T>{id});
  });
}
