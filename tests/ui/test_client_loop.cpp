// The client loop in the editor: an occurrence's agenda in the inspector
// (proposed, edited, saved as one step), and File ▸ Export ▸ Weekly update,
// written where the user chose and recorded as sent in one undo step.
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/time.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::file_export;
using rapport::test::fresh_folder;
using rapport::test::Workspace;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }
Id weekly_check_in(const Engagement& e) {
  for (const auto& [id, s] : e.meetings)
    if (s.title == "Weekly check-in") return id;
  return kNoId;
}
}  // namespace

TEST_CASE("the next check-in's agenda is proposed in the occurrence editor and saved with it",
          "[ui][agenda]") {
  Workspace w(make_demo());
  const Id weekly = weekly_check_in(w.app.engagement());
  REQUIRE(weekly != kNoId);
  w.app.main_window.section = Section::Meetings;
  w.app.view.selection = Selection{weekly, d(2026, 11, 27)};
  w.frame();
  // Folded to one line that counts the points; nothing stored yet.
  REQUIRE(w.locate("Agenda · ", true));
  CHECK_FALSE(w.shows("Approve the homepage design: due"));
  CHECK(w.app.engagement().meetings.find(weekly)->overrides.count(d(2026, 11, 27)) == 0);
  w.click("Agenda · ", ImVec2(), true);  // unfold it
  REQUIRE(w.locate("Tick what was covered", true));
  CHECK(w.shows("Approve the homepage design: due 27 Nov"));
  CHECK(w.shows("Extra landing page for the spring menu"));
  // A point typed and added is saved with the occurrence, in one undo step.
  w.click("A point to discuss");
  w.type("Photo shoot date");
  w.click("Add point");
  w.click("Save occurrence");
  w.frame();
  const auto& overrides = w.app.engagement().meetings.find(weekly)->overrides;
  REQUIRE(overrides.count(d(2026, 11, 27)) == 1);
  const std::vector<AgendaPoint>& agenda = overrides.at(d(2026, 11, 27)).agenda;
  REQUIRE(agenda.size() >= 3);
  CHECK(agenda.back().text == "Photo shoot date");
  CHECK(agenda.front().text.find("Final Finnish copy") != std::string::npos);
  w.ctrl('Z');
  CHECK(w.app.engagement().meetings.find(weekly)->overrides.count(d(2026, 11, 27)) == 0);
}

TEST_CASE("File Export Weekly update writes the PDF and records it as sent", "[ui][update]") {
  const auto dir = fresh_folder("rapport-ui-test-update");
  Workspace w(make_demo());
  file_export(w, "Weekly update (PDF)…");
  REQUIRE(w.app.panels.file_dialog.is_open());
  REQUIRE(w.app.panels.file_purpose == FilePurpose::ExportUpdate);
  const auto path = dir / "update.pdf";
  use_chosen_file(w.app, path.string());
  w.frame();
  CHECK(rapport::test::read_file(path).rfind("%PDF-", 0) == 0);
  REQUIRE(w.app.engagement().info.updates.size() == 1);
  CHECK(w.app.engagement().info.updates[0].sent_on == d(2026, 11, 24));
  CHECK(w.app.doc.history().undo_label() == "Record weekly update of 24 Nov");
  w.ctrl('Z');
  CHECK(w.app.engagement().info.updates.empty());
}
