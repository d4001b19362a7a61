// A large import runs off the UI thread: the window keeps drawing, a progress
// dialog offers Cancel, and the import is one undo step when it is done.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::Workspace;
namespace fs = std::filesystem;

namespace {

// A calendar of more than 1 MB: too large to read on the UI thread. Each test
// has a folder of its own: CTest runs them in parallel, and fresh_folder()
// empties the folder it is given.
fs::path large_calendar(const std::string& folder) {
  fs::path file = rapport::test::fresh_folder(folder) / "large.ics";
  std::string text = export_ics(generate_engagement(60000, 3));
  REQUIRE(text.size() > (1u << 20));
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

}  // namespace

TEST_CASE("a large calendar imports off the UI thread as one undo step", "[ui][import]") {
  fs::path file = large_calendar("rapport-import-job-test-undo");
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  import_file(w.app, file.string(), /*planner=*/false);
  CHECK(busy(w.app));
  CHECK(w.until([&] { return w.shows("Importing “large.ics”"); }, 5));
  int frames = 0;
  CHECK(w.until([&] { return ++frames, !busy(w.app); }, 200000));
  w.frame();
  CHECK(w.app.engagement().meetings.size() > before.meetings.size());
  CHECK(w.app.doc.history().undo_label().rfind("Import calendar “large.ics”", 0) == 0);
  w.app.doc.submit(intent::Undo{});
  w.app.apply();
  CHECK(w.app.engagement() == before);
}

TEST_CASE("cancelling a large import changes nothing", "[ui][import]") {
  fs::path file = large_calendar("rapport-import-job-test-cancel");
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  // Still waiting to run when Cancel is pressed, however fast the machine (the
  // document releases the hold when it goes, also when a check below fails).
  w.app.doc.hold_background(true);
  import_file(w.app, file.string(), /*planner=*/false);
  REQUIRE(busy(w.app));
  REQUIRE(w.until([&] { return w.shows("Importing “large.ics”"); }, 5));
  w.click("Cancel");
  CHECK_FALSE(busy(w.app));
  for (int i = 0; i < 3; ++i) w.frame();
  CHECK(w.app.engagement() == before);
  CHECK_FALSE(w.app.doc.dirty());
  CHECK(w.shows("Import cancelled: nothing changed."));
}
