// A save of a large engagement runs off the UI thread while the window keeps
// drawing. An edit made meanwhile is not in the file: the app must still say
// that there are unsaved changes, and the file must hold the engagement as it was
// when the save began.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "rapport/demo.hpp"
#include "rapport/io.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::fresh_folder;
using rapport::test::Workspace;

namespace {
namespace fs = std::filesystem;

}  // namespace

TEST_CASE("edits made during a background save stay unsaved", "[ui][files]") {
  const fs::path dir = fresh_folder("rapport-ui-test-background-save");
  const fs::path path = dir / "large.rapport";
  Workspace w(generate_engagement(60000, 7));
  REQUIRE(w.app.engagement().item_count() > 50000);
  REQUIRE_FALSE(w.app.doc.dirty());
  const Engagement before = w.app.engagement();

  // The save waits (held) until the edit below is in: whatever the machine's
  // speed, the edit is made while the save runs.
  w.app.doc.hold_background(true);
  save_in_background(w.app, path.string());
  REQUIRE(busy(w.app));  // a job, not a save in the blink of an eye

  // An edit while the job runs. The frames keep drawing; the edit is applied
  // once the worker has its copy of the engagement (made once, at the first
  // background task).
  REQUIRE_FALSE(before.milestones.empty());
  Milestone renamed = before.milestones.begin()->second;
  renamed.title += " (renamed while saving)";
  w.app.commands.push(Update<Milestone>{renamed});
  REQUIRE(w.until([&] { return !w.app.doc.has_pending(); }, 200000));
  REQUIRE(busy(w.app));
  REQUIRE(w.app.engagement().milestones.find(renamed.id)->title == renamed.title);
  w.app.doc.hold_background(false);

  // Frames keep drawing until the job is done and adopted.
  CHECK(w.until([&] { return !busy(w.app); }, 200000));
  w.frame();
  CHECK(w.app.error_message.empty());
  CHECK(fs::path(w.app.file_path()) == fs::absolute(path).lexically_normal());

  // The edit is still unsaved...
  CHECK(w.app.doc.dirty());
  CHECK(w.app.window_title().find("•") != std::string::npos);
  CHECK(w.app.engagement().milestones.find(renamed.id)->title == renamed.title);
  // ...and the file holds the engagement from before it.
  LoadResult saved = load_file(path);
  REQUIRE(saved);
  CHECK(*saved.engagement == before);

  // Undoing the edit comes back to what the file holds: nothing unsaved.
  w.ctrl('Z');
  CHECK(w.app.engagement() == before);
  CHECK_FALSE(w.app.doc.dirty());
  CHECK(w.app.window_title().find("•") == std::string::npos);
}

TEST_CASE("a large engagement's recovery file is written in the background as it was when due",
          "[ui][files]") {
  const fs::path dir = fresh_folder("rapport-ui-test-background-recovery");
  Workspace w(generate_engagement(6000, 11));
  w.app.state_dir = dir / "state";
  w.app.autosave_seconds = 30;
  const Milestone first = w.app.engagement().milestones.begin()->second;
  const auto rename = [&](const std::string& title) {
    Milestone m = first;
    m.title = title;
    w.app.commands.push(Update<Milestone>{m});
    REQUIRE(w.until([&] { return !w.app.doc.has_pending(); }, 200000));
  };
  rename("Kick-off, renamed before the autosave");
  const Engagement due = w.app.engagement();

  w.app.doc.hold_background(true);
  autosave(w.app, 100.0);  // starts the interval
  autosave(w.app, 131.0);  // due: handed to the worker
  REQUIRE(w.app.recovery_write);
  CHECK_FALSE(find_recovery(w.app.state_dir, w.app.file_path()));  // held: not written yet
  rename("Kick-off, renamed while the recovery file is written");
  w.app.doc.hold_background(false);
  w.app.doc.wait_for_background();
  autosave(w.app, 132.0);  // takes the finished write
  CHECK_FALSE(w.app.recovery_write);

  auto found = find_recovery(w.app.state_dir, w.app.file_path());
  REQUIRE(found);
  LoadResult recovered = load_file(*found);
  REQUIRE(recovered);
  CHECK(*recovered.engagement == due);
  // The later edit is not in it: the next interval writes it.
  CHECK(w.app.autosaved_generation != w.app.doc.generation());
  CHECK(seconds_until_autosave(w.app, 132.0) < 30.0);

  // Quitting keeps what is unsaved: the recovery file holds the last edit.
  keep_unsaved_for_recovery(w.app);
  LoadResult at_exit = load_file(*find_recovery(w.app.state_dir, w.app.file_path()));
  REQUIRE(at_exit);
  CHECK(*at_exit.engagement == w.app.engagement());
}

TEST_CASE("a recovery file that could not be written in the background is written again",
          "[ui][files]") {
  const fs::path dir = fresh_folder("rapport-ui-test-background-recovery-fails");
  // The state folder cannot be made: its parent is a file.
  { std::ofstream(dir / "not-a-folder") << "x"; }
  Workspace w(generate_engagement(6000, 13));
  w.app.state_dir = dir / "not-a-folder" / "state";
  Milestone m = w.app.engagement().milestones.begin()->second;
  m.title += " (renamed)";
  w.app.commands.push(Update<Milestone>{m});
  REQUIRE(w.until([&] { return !w.app.doc.has_pending(); }, 200000));
  autosave(w.app, 100.0);
  autosave(w.app, 131.0);  // due: handed to the worker, which cannot write it
  REQUIRE(w.app.recovery_write);
  w.app.doc.wait_for_background();
  autosave(w.app, 132.0);
  CHECK_FALSE(w.app.recovery_write);
  // Not counted as written: due again, and the exit path will try again too.
  CHECK(w.app.autosaved_generation != w.app.doc.generation());
  CHECK(seconds_until_autosave(w.app, 132.0) <= 30.0);
}
