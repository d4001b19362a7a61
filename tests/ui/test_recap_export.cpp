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

namespace {
void file_export(Workspace& w, const std::string& label) {
  w.click("File");
  w.ui.move_to(*w.locate("Export"));
  w.click(label);
  w.frame();
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("the recap of the selected held meeting exports as an e-mail draft", "[ui][recap]") {
  const auto dir = fresh_folder("rapport-ui-test-recap");
  Workspace w(make_demo());
  // Nothing selected: the entry is there but does nothing.
  file_export(w, "Recap of the selected meeting (e-mail draft)…");
  CHECK_FALSE(w.app.panels.file_dialog.is_open());
  // Close the menus: a click on empty space in the status bar.
  w.ui.click(ImVec2(800, 995));
  w.frame();
  REQUIRE(GImGui->OpenPopupStack.empty());
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
  std::string eml = read(path);
  CHECK(eml.rfind("X-Unsent: 1\r\n", 0) == 0);
  CHECK(eml.find("Subject: Recap: Weekly check-in, ") != std::string::npos);
  CHECK(eml.find("<aino.makela@kahvila-aalto.fi>") != std::string::npos);
  CHECK(w.app.main_window.status_message == "Exported check-in.eml.");
}
