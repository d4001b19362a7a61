// File ▸ Import ▸ MS Project XML: a preview of what each task becomes, which
// the user changes before anything is added; Import is one undo step, Cancel
// changes nothing.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "rapport/demo.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::Workspace;
namespace fs = std::filesystem;

namespace {

const std::string kPlan = (fs::path(RAPPORT_TEST_DATA) / "mspdi" / "ms-project.xml").string();

bool has_milestone(const Engagement& e, const std::string& title) {
  for (const auto& [id, m] : e.milestones)
    if (m.title == title) return true;
  return false;
}

}  // namespace

TEST_CASE("the MS Project preview lets the user choose what a task becomes", "[ui][import]") {
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  preview_mspdi(w.app, kPlan);
  REQUIRE(w.until([&] { return w.shows("Import MS Project plan"); }, 5));
  CHECK(w.shows("Design sign-off"));
  CHECK(w.shows("phase milestone"));
  CHECK(w.app.engagement() == before);  // nothing added while the preview is open
  // The provider's wireframes are skipped by default: the only "skip" row.
  w.click("skip");
  w.frame();
  w.click("milestone");
  for (int i = 0; i < 2; ++i) w.frame();
  w.click("Import");
  for (int i = 0; i < 3; ++i) w.frame();
  const Engagement& e = w.app.engagement();
  CHECK(has_milestone(e, "Wireframes"));
  CHECK(has_milestone(e, "Design sign-off"));
  CHECK(w.app.doc.history().undo_label().rfind("Import MS Project plan “ms-project.xml”", 0) == 0);
  w.app.doc.submit(intent::Undo{});
  w.app.apply();
  CHECK(w.app.engagement() == before);
}

TEST_CASE("cancelling the MS Project preview changes nothing", "[ui][import]") {
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  preview_mspdi(w.app, kPlan);
  REQUIRE(w.until([&] { return w.shows("Import MS Project plan"); }, 5));
  w.click("Cancel");
  for (int i = 0; i < 3; ++i) w.frame();
  CHECK(w.app.engagement() == before);
  CHECK_FALSE(w.app.doc.dirty());
  CHECK_FALSE(w.app.panels.mspdi_preview);
  CHECK(w.shows("Import cancelled: nothing changed."));
}

TEST_CASE("a hostile MS Project file is refused with a message and no preview", "[ui][import]") {
  fs::path file = rapport::test::fresh_folder("rapport-mspdi-hostile") / "bomb.xml";
  {
    std::ofstream out(file, std::ios::binary);
    out << "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM "
           "\"file:///etc/passwd\">]>\n<Project><Title>&x;</Title></Project>\n";
  }
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  preview_mspdi(w.app, file.string());
  CHECK(w.until([&] { return w.shows("Could not import"); }, 5));
  CHECK_FALSE(w.app.panels.mspdi_preview);
  CHECK(w.app.engagement() == before);
}
