// A merge brought into the open engagement: a sync tool's conflict copy (no
// common ancestor known) and the file changed on disk (the state as last
// saved is the base), each as one undo step; editing a field in conflict
// settles it.
#include <catch2/catch.hpp>

#include "../common/team_edits.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/fields.hpp"
#include "rapport/merge.hpp"
#include "rapport/validate.hpp"

using namespace rapport;
using namespace rapport::test;

namespace {

bool has_conflict(const Engagement& e, Id item, const std::string& field) {
  for (const Conflict& c : e.conflicts)
    if (!c.on_info && c.item == item && c.field == field) return true;
  return false;
}

// The demo merged with the team edits of tests/common/team_edits.hpp: three conflicts.
Engagement merged_demo() {
  Engagement base = make_demo(), mine = base, theirs = base;
  start_new_id_session();
  REQUIRE(edit_mine(mine).empty());
  start_new_id_session();
  REQUIRE(edit_theirs(theirs).empty());
  Engagement e = merge(base, mine, theirs).merged;
  REQUIRE(e.conflicts.size() == 3);
  return e;
}

}  // namespace

TEST_CASE("merge into the open engagement: the edits between two states are one undo step",
          "[merge][merge-apply]") {
  const Engagement from = make_demo();
  Engagement to = from;
  REQUIRE(edit_theirs(to).empty());
  to.conflicts.push_back(Conflict{false, Kind::Milestone, to.milestones.begin()->first, "title",
                                  "Title", "a", "b", "c", false, ""});
  Engagement e = from;
  History h;
  h.apply_edits(e, "Merge conflict copy “x”", edits_between(from, to));
  CHECK(e == to);
  CHECK(h.undo_label() == "Merge conflict copy “x”");
  CHECK(h.undo_depth() == 1);
  REQUIRE(h.undo(e));
  CHECK(e == from);
  REQUIRE(h.redo(e));
  CHECK(e == to);
  // Nothing between two equal states: no step.
  h.apply_edits(e, "Nothing", edits_between(e, e));
  CHECK(h.undo_depth() == 1);
}

TEST_CASE("merge a conflict copy: its additions and edits come in and nothing of the file is lost",
          "[merge][merge-apply]") {
  // The file as opened; the copy was saved elsewhere from an older state: it
  // lacks the file's newest milestone, answers a question, renames Beta and
  // adds a stakeholder.
  Engagement file = make_demo();
  Milestone newest;
  newest.title = "File: content freeze";
  newest.baseline = newest.current = ymd(2027, 2, 12);
  Engagement copy = file;
  REQUIRE(run(file, Add<Milestone>{newest}).empty());
  start_new_id_session();
  REQUIRE(edit_theirs(copy).empty());
  const Id newest_id = id_titled<Milestone>(file, "File: content freeze");
  REQUIRE(newest_id != kNoId);

  Document doc(file);
  // An unsaved edit of the field the copy changed too: a real disagreement.
  const Id signoff = id_titled<Milestone>(file, "Design sign-off");
  doc.submit(MoveMilestone{signoff, ymd(2026, 11, 27)});
  doc.apply();
  const Engagement ours = doc.engagement();
  REQUIRE(doc.saved_version());
  doc.submit(intent::Merge{"Merge conflict copy “plan (x).rapport”",
                           base_without_ancestor(*doc.saved_version(), copy), copy, std::nullopt});
  auto outcomes = doc.apply();
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].what == Outcome::What::Merged);
  CHECK(outcomes[0].message.find("1 conflict to settle") != std::string::npos);
  const Engagement& e = doc.engagement();
  CHECK(validate_engagement(e).empty());
  CHECK(e.milestones.contains(newest_id));  // missing from the copy: kept, not deleted
  CHECK(id_titled<Stakeholder>(e, "Theirs: Mikko Lahti") != kNoId);
  CHECK(e.milestones.find(id_titled<Milestone>(e, "Beta"))->description ==
        "Theirs: beta with the booking flow");
  CHECK(e.questions.begin()->second.answer == "Theirs: yes, in March");
  // Both changed Design sign-off: mine holds, a conflict records theirs.
  CHECK(e.milestones.find(signoff)->current == ymd(2026, 11, 27));
  CHECK(e.conflicts.size() == 1);
  CHECK(has_conflict(e, signoff, "current"));
  CHECK(e.uid == file.uid);
  // One undo step takes it all back.
  CHECK(doc.history().undo_label() == "Merge conflict copy “plan (x).rapport”");
  doc.submit(intent::Undo{});
  doc.apply();
  CHECK(doc.engagement() == ours);
}

TEST_CASE("merge the file changed on disk: the state as last saved is the base",
          "[merge][merge-apply]") {
  const Engagement saved = make_demo();
  Document doc(saved);
  // Ours, unsaved: Beta moves, Design sign-off moves.
  const Id beta = id_titled<Milestone>(saved, "Beta");
  const Id signoff = id_titled<Milestone>(saved, "Design sign-off");
  doc.submit(MoveMilestone{beta, ymd(2027, 1, 29)});
  doc.submit(MoveMilestone{signoff, ymd(2026, 11, 27)});
  doc.apply();
  REQUIRE(doc.dirty());
  // Theirs, on disk: Beta's description, Design sign-off elsewhere, a stakeholder.
  Engagement theirs = saved;
  start_new_id_session();
  REQUIRE(edit_theirs(theirs).empty());

  std::optional<Engagement> base = doc.saved_version();
  REQUIRE(base);
  CHECK(*base == saved);
  const Engagement ours = doc.engagement();
  FileFingerprint disk;
  disk.exists = true;
  disk.size = 1234;
  doc.submit(intent::Merge{"Merge changes on disk", *base, theirs, disk});
  doc.apply();
  const Engagement& e = doc.engagement();
  CHECK(validate_engagement(e).empty());
  CHECK(e.milestones.find(beta)->current == ymd(2027, 1, 29));
  CHECK(e.milestones.find(beta)->description == "Theirs: beta with the booking flow");
  CHECK(id_titled<Stakeholder>(e, "Theirs: Mikko Lahti") != kNoId);
  CHECK(e.milestones.find(signoff)->current == ymd(2026, 11, 27));
  CHECK(has_conflict(e, signoff, "current"));
  // The disk's changes are in: saving no longer needs to ask; still unsaved.
  CHECK(doc.fingerprint() == disk);
  CHECK(doc.dirty());
  doc.submit(intent::Undo{});
  doc.apply();
  CHECK(doc.engagement() == ours);
}

TEST_CASE("the state as last saved is rebuilt from the undo history, or said to be out of reach",
          "[merge][merge-apply]") {
  const Engagement opened = make_demo();
  Document doc(opened);
  CHECK(*doc.saved_version() == opened);
  const Id beta = id_titled<Milestone>(opened, "Beta");
  doc.submit(MoveMilestone{beta, ymd(2027, 1, 29)});
  doc.apply();
  CHECK(*doc.saved_version() == opened);
  const Engagement first = doc.engagement();
  doc.submit(intent::MarkSaved{doc.history().state(), "", {}});
  doc.submit(MoveMilestone{beta, ymd(2027, 2, 5)});
  doc.submit(MoveMilestone{beta, ymd(2027, 2, 12)});
  doc.apply();
  CHECK(*doc.saved_version() == first);
  // Undone past the save: found forward in the redo stack.
  for (int i = 0; i < 3; ++i) doc.submit(intent::Undo{});
  doc.apply();
  CHECK(doc.engagement() == opened);
  CHECK(*doc.saved_version() == first);
  // A new edit there drops the saved state from the history: out of reach.
  doc.submit(MoveMilestone{beta, ymd(2027, 3, 5)});
  doc.apply();
  CHECK_FALSE(doc.saved_version());
}

TEST_CASE("editing a field in conflict settles the conflict in the same undo step",
          "[merge][merge-apply]") {
  const Engagement merged = merged_demo();
  Engagement e = merged;
  const Id signoff = id_titled<Milestone>(e, "Design sign-off");
  const Id landing = id_titled<ChangeRequest>(e, "Extra landing page for the spring menu");
  History h;
  // Another field of the item: the conflict stays.
  Milestone m = *e.milestones.find(signoff);
  m.description = "Agreed on the phone";
  REQUIRE_FALSE(h.apply(e, Update<Milestone>{m}));
  CHECK(has_conflict(e, signoff, "current"));
  // The field itself: settled.
  REQUIRE_FALSE(h.apply(e, MoveMilestone{signoff, ymd(2026, 12, 1)}));
  CHECK_FALSE(has_conflict(e, signoff, "current"));
  CHECK(e.conflicts.size() == 2);
  // A decision edited (its rationale here) settles the decision conflict.
  ChangeRequest cr = *e.change_requests.find(landing);
  cr.rationale = "Approved on the call of 2026-12-01";
  REQUIRE_FALSE(h.apply(e, Update<ChangeRequest>{cr}));
  CHECK_FALSE(has_conflict(e, landing, "decision"));
  // An edit does not settle "deleted": that needs a choice.
  const Id question = merged.questions.begin()->first;
  REQUIRE(has_conflict(e, question, "deleted"));
  Question q = *e.questions.find(question);
  q.answer = "Edited again";
  REQUIRE_FALSE(h.apply(e, Update<Question>{q}));
  CHECK(has_conflict(e, question, "deleted"));
  // Deleting the item settles what was about it.
  REQUIRE_FALSE(h.apply(e, Delete<Question>{question}));
  CHECK(e.conflicts.empty());
  CHECK(validate_engagement(e).empty());
  // Each undo brings back the conflict that step settled.
  REQUIRE(h.undo(e));
  CHECK(has_conflict(e, question, "deleted"));
  REQUIRE(h.undo(e));
  REQUIRE(h.undo(e));
  CHECK(has_conflict(e, landing, "decision"));
  REQUIRE(h.undo(e));
  CHECK(has_conflict(e, signoff, "current"));
  REQUIRE(h.undo(e));
  CHECK(e == merged);
}

TEST_CASE("the client's copy of an engagement holds no conflicts", "[merge][merge-apply]") {
  const Engagement e = merged_demo();
  CHECK(redacted(e).conflicts.empty());
}
