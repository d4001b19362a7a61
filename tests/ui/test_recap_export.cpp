// File ▸ Export ▸ Recap of the selected meeting: offered for a held meeting,
// written as an e-mail draft or Markdown where the user chose.
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "rapport/demo.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::fresh_folder;
using rapport::test::Workspace;

using rapport::test::file_export;

TEST_CASE("the recap of the selected held meeting exports as an e-mail draft", "[ui][recap]") {
  const auto dir = fresh_folder("rapport-ui-test-recap");
  Workspace w(make_demo());
  // Nothing selected: the entry is there but does nothing.
  file_export(w, "Recap of the selected meeting (e-mail draft)…");
  CHECK_FALSE(w.app.panels.file_dialog.is_open());
  rapport::test::close_menus(w, "Overview");  // the section's heading does nothing
  // A held occurrence of the weekly check-in.
  Id series = kNoId;
  Date held;
  for (const auto& [id, s] : w.app.engagement().meetings)
    for (const auto& [date, o] : s.overrides)
      if (o.recap_summary.rfind("Homepage direction", 0) == 0) {
        series = id;
        held = date;
      }
  REQUIRE(series != kNoId);
  w.app.view.selection = Selection{series, held};
  w.frame();
  file_export(w, "Recap of the selected meeting (e-mail draft)…");
  REQUIRE(w.app.panels.file_dialog.is_open());
  REQUIRE(w.app.panels.file_purpose == FilePurpose::ExportRecapEmail);
  const auto path = dir / "check-in.eml";
  use_chosen_file(w.app, path.string());  // what the file chooser does with the answer
  std::string eml = rapport::test::read_file(path);
  CHECK(eml.rfind("X-Unsent: 1\r\n", 0) == 0);
  CHECK(eml.find("Subject: Recap: Weekly check-in, ") != std::string::npos);
  CHECK(eml.find("<aino.makela@kahvila-aalto.fi>") != std::string::npos);
  CHECK(w.app.main_window.status_message == "Exported check-in.eml.");
}
