// The document: one door for change (intents applied only by apply()), and
// derived data keyed in one place by (generation, audience, today).
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/document.hpp"

using namespace rapport;

namespace {

const Date kToday = Date::from_ymd(2026, 11, 24);

Id first_milestone(const Engagement& e) { return e.milestones.begin()->first; }

Stakeholder person(const std::string& name) {
  Stakeholder s;
  s.name = name;
  s.side = Side::Client;
  return s;
}

}  // namespace

TEST_CASE("a submitted command changes nothing until apply", "[document]") {
  Document doc(make_demo());
  const Engagement before = doc.engagement();
  doc.submit(Add<Stakeholder>{person("Liisa Koskinen")}, /*select_added=*/true);
  CHECK(doc.has_pending());
  CHECK(doc.engagement() == before);
  auto outcomes = doc.apply();
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].what == Outcome::What::Changed);
  REQUIRE(outcomes[0].added != kNoId);
  CHECK(doc.engagement().stakeholders.find(outcomes[0].added)->name == "Liisa Koskinen");
  CHECK(doc.dirty());
  CHECK_FALSE(doc.has_pending());
}

TEST_CASE("undo and redo are intents that name the step they take back", "[document]") {
  Document doc(make_demo());
  Id beta = first_milestone(doc.engagement());
  Date was = doc.engagement().milestones.find(beta)->current;
  doc.submit(MoveMilestone{beta, was.plus_days(7)});
  doc.apply();
  doc.submit(intent::Undo{});
  auto undone = doc.apply();
  REQUIRE(undone.size() == 1);
  CHECK(undone[0].what == Outcome::What::Undone);
  CHECK(undone[0].message.find("Undone: Move milestone") == 0);
  CHECK(doc.engagement().milestones.find(beta)->current == was);
  doc.submit(intent::Redo{});
  doc.submit(intent::Redo{});  // nothing more to redo: says so, changes nothing
  auto redone = doc.apply();
  REQUIRE(redone.size() == 2);
  CHECK(redone[0].what == Outcome::What::Redone);
  CHECK(redone[1].what == Outcome::What::NothingToDo);
  CHECK(doc.engagement().milestones.find(beta)->current == was.plus_days(7));
}

TEST_CASE("a refused command leaves the engagement and the history as they were", "[document]") {
  Document doc(make_demo());
  const Engagement before = doc.engagement();
  doc.submit(MoveMilestone{Id(999999), kToday});
  auto outcomes = doc.apply();
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].what == Outcome::What::Refused);
  CHECK_FALSE(outcomes[0].message.empty());
  CHECK(doc.engagement() == before);
  CHECK_FALSE(doc.history().can_undo());
  CHECK_FALSE(doc.dirty());
}

TEST_CASE("replacing the engagement forgets its history and changes the generation", "[document]") {
  Document doc(make_demo());
  doc.submit(MoveMilestone{first_milestone(doc.engagement()), kToday});
  doc.apply();
  const uint64_t generation = doc.generation();
  Engagement fresh;
  fresh.info.name = "Fresh";
  doc.submit(intent::Replace{fresh, "/tmp/fresh.rapport", {}, false, "Opened fresh.rapport."});
  auto outcomes = doc.apply();
  REQUIRE(outcomes[0].what == Outcome::What::Replaced);
  CHECK(outcomes[0].message == "Opened fresh.rapport.");
  CHECK(doc.engagement().info.name == "Fresh");
  CHECK(doc.path() == "/tmp/fresh.rapport");
  CHECK_FALSE(doc.history().can_undo());
  CHECK_FALSE(doc.dirty());
  // History::revision() may restart; the generation never repeats.
  CHECK(doc.generation() > generation);
}

TEST_CASE("a recovered engagement is unsaved until it is saved", "[document]") {
  Document doc;
  doc.submit(intent::Replace{make_demo(), "", {}, /*unsaved=*/true, "Unsaved changes restored."});
  doc.apply();
  CHECK(doc.dirty());
  doc.submit(intent::MarkSaved{doc.history().state(), "/tmp/demo.rapport", {}});
  doc.apply();
  CHECK_FALSE(doc.dirty());
}

TEST_CASE("edits made while a save runs stay unsaved after it finishes", "[document]") {
  Document doc(make_demo());
  Id beta = first_milestone(doc.engagement());
  doc.submit(MoveMilestone{beta, kToday});
  doc.apply();
  const uint64_t saved_copy = doc.history().state();     // the copy a background save writes
  doc.submit(MoveMilestone{beta, kToday.plus_days(1)});  // typed while it writes
  doc.apply();
  doc.submit(intent::MarkSaved{saved_copy, "/tmp/demo.rapport", {}});
  doc.apply();
  CHECK(doc.dirty());
  CHECK(doc.path() == "/tmp/demo.rapport");
  doc.submit(intent::Undo{});  // back to what was saved
  doc.apply();
  CHECK_FALSE(doc.dirty());
}

TEST_CASE("the client sees a redacted copy and no internal finding", "[document]") {
  Document doc(make_demo());
  bool has_internal_notes = false;
  for (const auto& [id, s] : doc.engagement().stakeholders)
    has_internal_notes |= !s.internal_notes.empty();
  REQUIRE(has_internal_notes);
  for (const auto& [id, s] : doc.shown(Audience::Client).stakeholders)
    CHECK(s.internal_notes.empty());
  CHECK(&doc.shown(Audience::Provider) == &doc.engagement());

  const auto& all = doc.findings(Audience::Provider, kToday);
  const auto& client = doc.findings(Audience::Client, kToday);
  size_t internal = 0;
  for (const Finding& f : all) internal += f.internal ? 1 : 0;
  REQUIRE(internal > 0);
  CHECK(client.size() == all.size() - internal);
  for (const Finding& f : client) CHECK_FALSE(f.internal);
  CHECK(doc.health_summary(Audience::Client, kToday) == health_summary(client));
}

TEST_CASE("derived data follows every change, undo and audience", "[document]") {
  Document doc(make_demo());
  const auto s0 = doc.stamp(Audience::Provider, kToday);
  CHECK_FALSE(s0 == doc.stamp(Audience::Client, kToday));
  CHECK_FALSE(s0 == doc.stamp(Audience::Provider, kToday.plus_days(1)));
  Id beta = first_milestone(doc.engagement());
  const size_t before = doc.timeline_index(Audience::Provider, kToday).item_count();
  doc.submit(Delete<Milestone>{beta});
  doc.apply();
  CHECK_FALSE(doc.stamp(Audience::Provider, kToday) == s0);
  CHECK(doc.timeline_index(Audience::Provider, kToday).item_count() == before - 1);
  doc.submit(intent::Undo{});
  doc.apply();
  CHECK(doc.timeline_index(Audience::Provider, kToday).item_count() == before);
}
