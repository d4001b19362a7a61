// The document: one door for change (intents applied only by apply()), and
// derived data keyed in one place by (generation, audience, today).
#include <catch2/catch.hpp>
#include <optional>

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

// [SECTION] Health off the UI thread ------------------------------------------------

namespace {

// The id of the item of the first finding of `check`, or kNoId.
Id item_of_first(const std::vector<Finding>& findings, std::string_view check) {
  for (const Finding& f : findings)
    if (f.check == check) return f.item;
  return kNoId;
}

bool mentions(const std::vector<Finding>& findings, Id item) {
  for (const Finding& f : findings)
    if (f.item == item) return true;
  return false;
}

}  // namespace

TEST_CASE("slow health checks move to a worker and the last findings stay until new ones arrive",
          "[document][health]") {
  Document doc(make_demo());
  doc.set_health_budget_ms(0.0);  // any measured run is "slow"
  // The first run has nothing measured yet: it runs in the call.
  const std::vector<Finding> first = doc.findings(Audience::Provider, kToday);
  CHECK_FALSE(doc.health_pending());
  REQUIRE(doc.last_health_ms() >= 0.0);
  const Id overdue = item_of_first(first, kCheckTaskOverdue);
  REQUIRE(overdue != kNoId);

  doc.hold_background(true);
  doc.submit(Delete<ClientTask>{overdue});
  doc.apply();
  // The call returns at once with the findings of the state before the delete.
  CHECK(mentions(doc.findings(Audience::Provider, kToday), overdue));
  CHECK(doc.health_pending());
  CHECK(doc.health_summary(Audience::Provider, kToday) == health_summary(first));
  CHECK(doc.health_pending());

  doc.hold_background(false);
  doc.wait_for_health();
  const auto& now = doc.findings(Audience::Provider, kToday);
  CHECK_FALSE(doc.health_pending());
  CHECK_FALSE(mentions(now, overdue));
  CHECK(now == check_health(doc.engagement(), kToday));
  CHECK(doc.findings(Audience::Client, kToday).size() <= now.size());
}

TEST_CASE("edits made while the health worker runs are checked after it", "[document][health]") {
  Document doc(make_demo());
  doc.set_health_budget_ms(0.0);
  doc.findings(Audience::Provider, kToday);
  Id first_task = doc.engagement().client_tasks.begin()->first;
  doc.submit(Delete<ClientTask>{first_task});
  doc.apply();
  doc.findings(Audience::Provider, kToday);  // a worker starts on this state
  doc.submit(Delete<Milestone>{first_milestone(doc.engagement())});
  doc.apply();
  // However the worker's timing falls, at most two more runs reach the current state.
  for (int run = 0; run < 3 && doc.health_pending(); ++run) {
    doc.wait_for_health();
    doc.findings(Audience::Provider, kToday);
  }
  CHECK_FALSE(doc.health_pending());
  CHECK(doc.findings(Audience::Provider, kToday) == check_health(doc.engagement(), kToday));
}

TEST_CASE("an opened engagement never shows the findings of the one it replaced",
          "[document][health]") {
  Document doc(make_demo());
  doc.set_health_budget_ms(0.0);
  REQUIRE_FALSE(doc.findings(Audience::Provider, kToday).empty());
  Engagement other = make_demo();
  other.client_tasks = {};
  doc.submit(intent::Replace{other, "other.rapport", {}, false, "Opened other.rapport."});
  doc.apply();
  CHECK(doc.findings(Audience::Provider, kToday).empty());
  CHECK(doc.health_pending());
  doc.wait_for_health();
  CHECK(doc.findings(Audience::Provider, kToday) == check_health(other, kToday));
  CHECK_FALSE(doc.health_pending());
}

TEST_CASE("with a negative budget the checks always run in the call", "[document][health]") {
  Document doc(make_demo());
  doc.set_health_budget_ms(-1.0);
  doc.findings(Audience::Provider, kToday);
  doc.submit(Delete<Milestone>{first_milestone(doc.engagement())});
  doc.apply();
  CHECK(doc.findings(Audience::Provider, kToday) == check_health(doc.engagement(), kToday));
  CHECK_FALSE(doc.health_pending());
}

// [SECTION] The worker's own copy follows edits ------------------------------------

namespace {

// Asks for findings until the worker has caught up with the current state,
// then says whether they are those of the engagement as it is.
bool worker_findings_are_current(Document& doc) {
  doc.findings(Audience::Provider, kToday);
  for (int run = 0; run < 3 && doc.health_pending(); ++run) {
    doc.wait_for_health();
    doc.findings(Audience::Provider, kToday);
  }
  return !doc.health_pending() &&
         doc.findings(Audience::Provider, kToday) == check_health(doc.engagement(), kToday);
}

// Every run of the checks after the first (made here) goes to the worker.
void checks_on_the_worker(Document& doc) {
  doc.set_health_budget_ms(0.0);
  doc.findings(Audience::Provider, kToday);
}

ClientTask with_due(ClientTask t, Date due) {
  t.due = due;
  t.status = TaskStatus::Open;
  t.done_on.reset();
  return t;
}

}  // namespace

TEST_CASE("the health worker's findings follow edits, undo and redo", "[document][health]") {
  Document doc(make_demo());
  checks_on_the_worker(doc);
  const ClientTask task = doc.engagement().client_tasks.begin()->second;

  // The first run on the worker starts from a copy; later ones follow edits.
  doc.submit(Update<ClientTask>{with_due(task, kToday.plus_days(60))});
  doc.apply();
  REQUIRE(worker_findings_are_current(doc));

  // One step that touches the same item twice: overdue, then due later again.
  doc.submit(intent::Apply{"Reschedule",
                           {Update<ClientTask>{with_due(task, kToday.plus_days(-30))},
                            Update<ClientTask>{with_due(task, kToday.plus_days(90))}}});
  doc.apply();
  CHECK(worker_findings_are_current(doc));
  // Undo runs the step's inverse edits back to front: the task is not overdue.
  doc.submit(intent::Undo{});
  doc.apply();
  CHECK(worker_findings_are_current(doc));
  doc.submit(intent::Redo{});
  doc.apply();
  CHECK(worker_findings_are_current(doc));

  // Several edits between two runs, a delete that clears references included.
  doc.submit(Add<Stakeholder>{person("Liisa Koskinen")});
  doc.submit(Delete<Milestone>{first_milestone(doc.engagement())});
  doc.submit(Delete<ClientTask>{task.id});
  doc.apply();
  CHECK(worker_findings_are_current(doc));
  doc.submit(intent::Undo{});
  doc.submit(intent::Undo{});
  doc.apply();
  CHECK(worker_findings_are_current(doc));
  const Engagement before_import = doc.engagement();
  doc.submit(intent::Import{"Import", {Add<Milestone>{Milestone{}}}, "1 change imported."});
  doc.apply();
  // An invalid milestone (no title) is refused: the worker's copy stays as it was.
  CHECK(doc.engagement() == before_import);
  CHECK(worker_findings_are_current(doc));
}

TEST_CASE("edits made while the health worker is held are handed over in order",
          "[document][health]") {
  Document doc(make_demo());
  checks_on_the_worker(doc);
  const ClientTask task = doc.engagement().client_tasks.begin()->second;
  doc.hold_background(true);
  doc.submit(Update<ClientTask>{with_due(task, kToday.plus_days(-10))});
  doc.apply();
  doc.findings(Audience::Provider, kToday);  // a worker waits on this state
  doc.submit(Update<ClientTask>{with_due(task, kToday.plus_days(10))});
  doc.submit(intent::Undo{});
  doc.submit(intent::Undo{});
  doc.submit(intent::Redo{});
  doc.apply();
  CHECK(doc.health_pending());
  doc.hold_background(false);
  CHECK(worker_findings_are_current(doc));
}

TEST_CASE("many edits without a run of the checks fall back to a fresh copy",
          "[document][health]") {
  Document doc(make_demo());
  checks_on_the_worker(doc);
  const Id beta = first_milestone(doc.engagement());
  doc.submit(MoveMilestone{beta, kToday});
  doc.apply();
  REQUIRE(worker_findings_are_current(doc));
  // More edits than items before findings are asked for again.
  const size_t edits = 1100 + doc.engagement().item_count();
  for (size_t i = 0; i < edits; ++i)
    doc.submit(MoveMilestone{beta, kToday.plus_days(int32_t(i % 2 ? 5 : -5))});
  doc.apply();
  CHECK(worker_findings_are_current(doc));
}

TEST_CASE("an engagement opened while the worker checks the old one gets a copy of its own",
          "[document][health]") {
  Document doc(make_demo());
  checks_on_the_worker(doc);
  doc.submit(MoveMilestone{first_milestone(doc.engagement()), kToday});
  doc.apply();
  REQUIRE(worker_findings_are_current(doc));
  const std::vector<Finding> old = doc.findings(Audience::Provider, kToday);
  REQUIRE_FALSE(old.empty());

  doc.hold_background(true);
  doc.submit(Delete<Milestone>{first_milestone(doc.engagement())});
  doc.apply();
  doc.findings(Audience::Provider, kToday);  // a worker waits on the old engagement
  Engagement other = make_demo();
  other.client_tasks = {};
  for (auto& [id, m] : other.milestones.items) m.title = "Other " + m.title;
  doc.submit(intent::Replace{other, "other.rapport", {}, false, "Opened other.rapport."});
  doc.apply();
  CHECK(doc.findings(Audience::Provider, kToday).empty());
  doc.hold_background(false);
  doc.wait_for_health();
  // The old engagement's run finished: it is not shown.
  CHECK(doc.findings(Audience::Provider, kToday).empty());
  CHECK(worker_findings_are_current(doc));
  // Edits of the new engagement reach the worker's copy of it, not of the old.
  doc.submit(Delete<Milestone>{first_milestone(doc.engagement())});
  doc.apply();
  CHECK(worker_findings_are_current(doc));
  CHECK(doc.findings(Audience::Provider, kToday) != old);
}

TEST_CASE("a large engagement just opened has its first checks in the background",
          "[document][health]") {
  Document doc(make_demo());
  doc.set_health_budget_ms(1e9);  // every measured run counts as quick
  doc.findings(Audience::Provider, kToday);
  REQUIRE_FALSE(doc.health_pending());
  Engagement large = generate_engagement(kItemsCheckedInTheBackground + 1000, 3);
  REQUIRE(large.item_count() >= kItemsCheckedInTheBackground);
  doc.submit(intent::Replace{large, "large.rapport", {}, false, "Opened large.rapport."});
  doc.apply();
  doc.hold_background(true);
  // The call returns without checking: nothing yet, and the status says so.
  CHECK(doc.findings(Audience::Provider, kToday).empty());
  CHECK(doc.health_pending());
  doc.hold_background(false);
  doc.wait_for_health();
  CHECK(doc.findings(Audience::Provider, kToday) == check_health(large, kToday));
  CHECK_FALSE(doc.health_pending());
}

// [SECTION] Background tasks over the worker's copy ---------------------------------

TEST_CASE("a background task reads the engagement as it was given while edits go on",
          "[document][background]") {
  Document doc(make_demo());
  const Engagement before = doc.engagement();
  std::optional<Engagement> first, second, third;
  doc.hold_background(true);
  doc.run_in_background([&](const Engagement* e) { first = *e; });
  // apply() may wait for the worker's copy (the first task: nothing is queued
  // before it), never for the held task.
  doc.submit(Delete<Milestone>{first_milestone(doc.engagement())});
  doc.apply();
  const Engagement after_delete = doc.engagement();
  REQUIRE_FALSE(after_delete == before);
  doc.run_in_background([&](const Engagement* e) { second = *e; });
  doc.submit(intent::Undo{});
  doc.submit(Add<Stakeholder>{person("Liisa Koskinen")});
  doc.apply();
  doc.run_in_background([&](const Engagement* e) { third = *e; });
  CHECK_FALSE(first);  // held: nothing ran yet
  doc.hold_background(false);
  doc.wait_for_background();
  REQUIRE(first);
  CHECK(*first == before);
  REQUIRE(second);
  CHECK(*second == after_delete);
  REQUIRE(third);
  CHECK(*third == doc.engagement());
}

namespace {
// The engagement as a background task given now reads it.
Engagement seen_by_a_task(Document& doc) {
  std::optional<Engagement> seen;
  doc.run_in_background([&](const Engagement* e) { seen = *e; });
  doc.wait_for_background();
  REQUIRE(seen);
  return *seen;
}
}  // namespace

TEST_CASE("background tasks after an engagement is replaced read the new one",
          "[document][background]") {
  Document doc(make_demo());
  CHECK(seen_by_a_task(doc) == doc.engagement());

  Engagement other = make_demo();
  for (auto& [id, m] : other.milestones.items) m.title = "Other " + m.title;
  doc.submit(intent::Replace{other, "other.rapport", {}, false, "Opened other.rapport."});
  doc.apply();
  CHECK(seen_by_a_task(doc) == other);
  // Its edits reach the copy of the new engagement, not of the old.
  doc.submit(Delete<Milestone>{first_milestone(doc.engagement())});
  doc.apply();
  CHECK(seen_by_a_task(doc) == doc.engagement());
}

TEST_CASE("a background task after many edits without one sees them all",
          "[document][background]") {
  Document doc(make_demo());
  REQUIRE(seen_by_a_task(doc) == doc.engagement());
  const Id beta = first_milestone(doc.engagement());
  // More edits than items, then one more task: it sees them all.
  const size_t edits = 1100 + doc.engagement().item_count();
  for (size_t i = 0; i < edits; ++i)
    doc.submit(MoveMilestone{beta, kToday.plus_days(int32_t(i % 3) - 1)});
  doc.apply();
  CHECK(seen_by_a_task(doc) == doc.engagement());
}

TEST_CASE("a document destroyed with background work queued finishes what must finish",
          "[document][background]") {
  bool saved = false, checked = false;
  {
    Document doc(make_demo());
    doc.hold_background(true);
    doc.run_in_background([&](const Engagement*) { saved = true; });
    doc.run_in_background([&](const Engagement*) { checked = true; }, /*optional=*/true);
  }
  CHECK(saved);
  CHECK_FALSE(checked);
}
