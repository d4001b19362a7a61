// A save of a large engagement runs off the UI thread while the window keeps
// drawing. An edit made meanwhile is not in the file: the app must still say
// that there are unsaved changes, and the file must hold the engagement as it was
// when the save began.
#include <catch2/catch.hpp>
#include <filesystem>

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

  save_in_background(w.app, path.string());
  REQUIRE(busy(w.app));  // a job, not a save in the blink of an eye

  // An edit while the job runs: only the next frame's poll can adopt the job,
  // so this edit is applied before the save is marked.
  REQUIRE_FALSE(before.milestones.empty());
  Milestone renamed = before.milestones.begin()->second;
  renamed.title += " (renamed while saving)";
  w.app.commands.push(Update<Milestone>{renamed});
  w.app.apply();
  REQUIRE(busy(w.app));
  REQUIRE(w.app.engagement().milestones.find(renamed.id)->title == renamed.title);

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
