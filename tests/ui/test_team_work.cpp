// Team work in the app: a Syncthing conflict copy beside the file is offered
// for merging when the file opens (accepting merges the union, declining
// changes nothing); the Conflicts section settles what a merge could not, one
// undo step per choice; the file changed on disk merges with unsaved edits.
#include <catch2/catch.hpp>
#include <filesystem>

#include "../common/team_edits.hpp"
#include "rapport/demo.hpp"
#include "rapport/io.hpp"
#include "rapport/merge.hpp"
#include "rapport/validate.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::Workspace;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCopyName = "plan.sync-conflict-20261130-101500-ABCDEFG.rapport.json";

struct SyncedFolder {
  fs::path dir, file, copy;
  Engagement on_disk;  // the file as written
};

// plan.rapport.json (the demo plus a milestone of its own) and, beside it, a
// Syncthing conflict copy saved elsewhere from the demo with theirs' edits.
SyncedFolder synced_folder(const std::string& name) {
  SyncedFolder f;
  f.dir = rapport::test::fresh_folder(name);
  f.file = f.dir / "plan.rapport.json";
  f.copy = f.dir / kCopyName;
  Engagement copy = make_demo();
  f.on_disk = copy;
  Milestone freeze;
  freeze.title = "File: content freeze";
  freeze.baseline = freeze.current = test::ymd(2027, 2, 12);
  start_new_id_session();
  REQUIRE(test::run(f.on_disk, Add<Milestone>{freeze}).empty());
  start_new_id_session();
  REQUIRE(test::edit_theirs(copy).empty());
  REQUIRE_FALSE(save_file(f.on_disk, f.file));
  REQUIRE_FALSE(save_file(copy, f.copy));
  // Another engagement's copy-like file is never offered.
  Engagement other = make_demo();
  other.uid = 12345;
  REQUIRE_FALSE(save_file(other, f.dir / "plan-LAPTOP.rapport.json"));
  return f;
}

Engagement merged_demo() {
  Engagement base = make_demo(), mine = base, theirs = base;
  start_new_id_session();
  REQUIRE(test::edit_mine(mine).empty());
  start_new_id_session();
  REQUIRE(test::edit_theirs(theirs).empty());
  return merge(base, mine, theirs).merged;
}

}  // namespace

TEST_CASE("a Syncthing conflict copy beside the file is offered and merging it gives the union",
          "[ui][team]") {
  SyncedFolder f = synced_folder("rapport-ui-sync-merge");
  REQUIRE(f.on_disk.uid != 0);
  Workspace w(make_demo());
  std::string error;
  REQUIRE(open_file_now(w.app, f.file.string(), error));
  const Engagement opened = w.app.engagement();
  REQUIRE(opened == f.on_disk);
  REQUIRE(w.until([&] { return w.shows("Conflict copy found"); }, 5));
  CHECK(w.shows(std::string("“") + kCopyName + "”"));
  CHECK(w.shows("Syncthing left a conflict copy of “plan.rapport.json” beside it:"));
  CHECK(w.app.panels.conflict_copies.size() == 1);  // not the other engagement's file
  CHECK(w.app.engagement() == opened);              // nothing merged without asking

  w.click("Merge the copy (Enter)");
  for (int i = 0; i < 3; ++i) w.frame();
  const Engagement& e = w.app.engagement();
  CHECK(validate_engagement(e).empty());
  CHECK(test::id_titled<Milestone>(e, "File: content freeze") != kNoId);   // the file's own
  CHECK(test::id_titled<Stakeholder>(e, "Theirs: Mikko Lahti") != kNoId);  // the copy's
  CHECK(e.milestones.find(test::id_titled<Milestone>(e, "Beta"))->description ==
        "Theirs: beta with the booking flow");
  CHECK(e.change_requests
            .find(test::id_titled<ChangeRequest>(e, "Extra landing page for the spring menu"))
            ->status == ChangeStatus::Rejected);
  CHECK(e.conflicts.empty());  // nothing was changed two ways
  CHECK(w.app.doc.dirty());
  CHECK(w.app.doc.history().undo_label() == std::string("Merge conflict copy “") + kCopyName + "”");

  // Then: move the copy aside, never deleted.
  REQUIRE(w.shows("Move it aside (Enter)"));
  w.click("Move it aside (Enter)");
  for (int i = 0; i < 2; ++i) w.frame();
  CHECK_FALSE(fs::exists(f.copy));
  CHECK(fs::exists(f.dir / (std::string(kCopyName) + ".merged")));
  CHECK_FALSE(w.shows("Conflict copy found"));

  // One undo step takes the merge back.
  w.ctrl('Z');
  CHECK(w.app.engagement() == opened);
}

TEST_CASE("declining a conflict copy changes nothing", "[ui][team]") {
  SyncedFolder f = synced_folder("rapport-ui-sync-decline");
  Workspace w(make_demo());
  std::string error;
  REQUIRE(open_file_now(w.app, f.file.string(), error));
  const Engagement opened = w.app.engagement();
  REQUIRE(w.until([&] { return w.shows("Conflict copy found"); }, 5));
  w.click("Not now");
  for (int i = 0; i < 2; ++i) w.frame();
  CHECK(w.app.engagement() == opened);
  CHECK_FALSE(w.app.doc.dirty());
  CHECK_FALSE(w.app.doc.history().can_undo());
  CHECK(fs::exists(f.copy));
  CHECK(w.shows("Conflict copy left as it is: nothing merged."));
  CHECK_FALSE(w.shows("Conflict copy found"));
}

TEST_CASE("the Conflicts section keeps mine or theirs, one undo step each", "[ui][team]") {
  const Engagement merged = merged_demo();
  REQUIRE(merged.conflicts.size() == 3);
  Workspace w(merged);
  // Listed only while there are conflicts; the status bar counts them.
  CHECK(w.shows("3 conflicts"));
  w.click("·  3 conflicts");
  w.frame();
  REQUIRE(w.app.main_window.section == Section::Conflicts);
  CHECK(w.shows("Change request “Extra landing page for the spring menu”: Decision"));
  CHECK(w.shows("Milestone “Design sign-off”: Now"));
  CHECK(w.shows("rejected on 2026-11-21: Theirs: not in this budget"));

  // The last row is the change request's decision: keep theirs (the rejection).
  const Id landing =
      test::id_titled<ChangeRequest>(merged, "Extra landing page for the spring menu");
  w.click("Keep theirs");
  w.frame();
  CHECK(w.app.engagement().change_requests.find(landing)->status == ChangeStatus::Rejected);
  CHECK(w.app.engagement().conflicts.size() == 2);
  CHECK(w.shows("2 conflicts"));
  CHECK(w.app.doc.history().undo_label().rfind("Keep theirs in conflict", 0) == 0);
  w.ctrl('Z');
  CHECK(w.app.engagement() == merged);

  // Keep mine: the approval stays, the record goes; undo brings it back.
  w.click("Keep mine");
  w.frame();
  CHECK(w.app.engagement().change_requests.find(landing)->status == ChangeStatus::Approved);
  CHECK(w.app.engagement().conflicts.size() == 2);
  w.ctrl('Z');
  CHECK(w.app.engagement() == merged);

  // Edit… selects the item for the inspector.
  w.click("Edit…");
  w.frame();
  CHECK(w.app.view.selection.id == landing);

  // The client view never shows conflicts.
  w.f11();
  CHECK_FALSE(w.shows("3 conflicts"));
  CHECK_FALSE(w.shows("Keep mine"));
  CHECK_FALSE(w.shows("Design sign-off”: Now"));
  w.f11();

  // All settled: the section says what it is for.
  for (int i = 0; i < 3; ++i) {
    w.click("Keep mine");
    w.frame();
  }
  CHECK(w.app.engagement().conflicts.empty());
  CHECK(w.shows("No conflicts."));
  CHECK_FALSE(w.shows("0 conflicts"));
}

TEST_CASE("the file changed on disk merges with the unsaved changes", "[ui][team]") {
  const fs::path file = rapport::test::fresh_folder("rapport-ui-disk-merge") / "plan.rapport";
  const Engagement saved = make_demo();
  REQUIRE_FALSE(save_file(saved, file));
  Workspace w(make_demo());
  std::string error;
  REQUIRE(open_file_now(w.app, file.string(), error));
  // Ours, unsaved: Beta and Design sign-off move.
  const Id beta = test::id_titled<Milestone>(saved, "Beta");
  const Id signoff = test::id_titled<Milestone>(saved, "Design sign-off");
  w.app.doc.submit(MoveMilestone{beta, test::ymd(2027, 1, 29)});
  w.app.doc.submit(MoveMilestone{signoff, test::ymd(2026, 11, 27)});
  w.app.apply();
  const Engagement ours = w.app.engagement();
  // Theirs, saved by someone else meanwhile.
  Engagement theirs = saved;
  start_new_id_session();
  REQUIRE(test::edit_theirs(theirs).empty());
  REQUIRE_FALSE(save_file(theirs, file));

  w.ctrl('S');
  REQUIRE(w.until([&] { return w.shows("File changed on disk"); }, 5));
  w.click("Merge");
  for (int i = 0; i < 3; ++i) w.frame();
  const Engagement& e = w.app.engagement();
  CHECK(validate_engagement(e).empty());
  CHECK(e.milestones.find(beta)->current == test::ymd(2027, 1, 29));
  CHECK(e.milestones.find(beta)->description == "Theirs: beta with the booking flow");
  CHECK(test::id_titled<Stakeholder>(e, "Theirs: Mikko Lahti") != kNoId);
  CHECK(e.milestones.find(signoff)->current == test::ymd(2026, 11, 27));  // mine, until settled
  REQUIRE(e.conflicts.size() == 1);
  CHECK(e.conflicts[0].item == signoff);
  CHECK(w.app.doc.dirty());
  CHECK(w.shows("1 conflict"));

  // Their changes are in: saving now writes without asking again.
  w.ctrl('S');
  for (int i = 0; i < 2; ++i) w.frame();
  CHECK_FALSE(w.shows("File changed on disk"));
  LoadResult reread = load_file(file);
  REQUIRE(reread);
  CHECK(*reread.engagement == w.app.engagement());

  // Undo takes the merge back to the unsaved state before it.
  w.ctrl('Z');
  CHECK(w.app.engagement() == ours);
}
