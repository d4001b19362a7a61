// File ▸ Export ▸ "<Kind> table (CSV)…" in every section of the table of
// screens: with each tab open it writes the CSV of exactly the kind being looked
// at, byte for byte what core's export_csv writes; on the screens without a
// table (Overview, Health) the entry is disabled and nothing is written.
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::fresh_folder;
using rapport::test::Workspace;

namespace {
namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir)) found.push_back(entry.path());
  return found;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find("\r\n")); }

// Clicks the section `title` in the navigation: the first place it is drawn (the
// navigation comes before the timeline's lane titles and the section's heading).
void go_to_section(Workspace& w, const std::string& title) {
  w.frame();
  const test::DrawnText* found = nullptr;
  for (const auto& t : test::captured_text())
    if (t.text == title) {
      found = &t;
      break;
    }
  INFO("section “" << title << "” in the navigation");
  REQUIRE(found);
  ImVec2 size = ImGui::CalcTextSize(found->text.c_str());
  w.ui.click(ImVec2(found->pos.x + size.x * 0.5f, found->pos.y + size.y * 0.5f));
  w.frame();
}

}  // namespace

TEST_CASE("each section exports the table of the kind being looked at as CSV", "[ui][csv]") {
  const fs::path dir = fresh_folder("rapport-ui-test-csv-export");
  Workspace w(make_demo());
  // Exports are offered beside the open file.
  w.app.doc.submit(
      intent::Replace{w.app.engagement(), (dir / "demo.rapport").string(), {}, false, ""});
  w.app.apply();
  w.frame();
  std::set<std::string> headers;
  size_t exported = 0;

  for (const Screen& s : screens()) {
    if (!listed(s, w.app.engagement())) continue;  // Conflicts, while there are none
    go_to_section(w, s.title);
    REQUIRE(w.app.main_window.section == s.section);
    if (s.kinds.empty()) {
      INFO("section " << s.title << " has no table");
      test::file_export(w, "The table you are looking at (CSV)…");  // drawn disabled
      CHECK_FALSE(w.app.panels.file_dialog.is_open());
      test::close_menus(w, s.title);
      CHECK(files_in(dir).empty());
      continue;
    }
    for (Kind kind : s.kinds) {
      INFO("section " << s.title << ", " << plural_title(kind));
      if (s.kinds.size() > 1) w.click(plural_title(kind));  // its tab
      w.frame();
      REQUIRE(w.app.panels.csv_kind == kind);
      test::file_export(w, std::string(plural_title(kind)) + " table (CSV)…");
      REQUIRE(w.app.panels.file_dialog.is_open());
      w.click("Save");
      w.frame();
      const std::vector<fs::path> written = files_in(dir);
      REQUIRE(written.size() == 1);
      CHECK(written[0].extension() == ".csv");
      const std::string text = test::read_file(written[0]);
      const std::string expected = export_csv(w.app.engagement(), kind);
      CHECK(first_line(text) == first_line(expected));
      CHECK(text == expected);
      CHECK(w.shows("Exported " + written[0].filename().string() + "."));
      headers.insert(first_line(text));
      ++exported;
      fs::remove(written[0]);
    }
  }
  // Every kind was exported once, each with its own columns.
  CHECK(exported == size_t(kKindCount));
  CHECK(headers.size() == exported);
  CHECK_FALSE(w.app.doc.dirty());
}

TEST_CASE("an export is written under the file name as typed", "[ui][csv]") {
  // The rule: what was typed stays; only a name without an extension gets one.
  CHECK(save_path_as_typed("x.html", {"-status.html"}) == fs::path("x.html"));
  CHECK(save_path_as_typed("report", {"-status.html"}) == fs::path("report.html"));
  CHECK(save_path_as_typed("notes.txt", {"-status.md"}) == fs::path("notes.txt"));
  CHECK(save_path_as_typed("calendar", {".ics"}) == fs::path("calendar.ics"));
  CHECK(save_path_as_typed("plan", {}) == fs::path("plan.rapport"));
  CHECK(save_path_as_typed("plan.rapport.json", {}) == fs::path("plan.rapport.json"));

  // Through the dialog: File ▸ Export ▸ status report, "x.html" typed, Enter.
  const fs::path dir = fresh_folder("rapport-ui-test-export-name");
  Workspace w(make_demo());
  w.app.doc.submit(
      intent::Replace{w.app.engagement(), (dir / "demo.rapport").string(), {}, false, ""});
  w.app.apply();
  w.frame();
  for (const char* typed : {"x.html", "plain"}) {
    INFO("typed " << typed);
    start_export(w.app, FilePurpose::ExportHtml, "-status.html", "Export status report");
    w.frame();
    REQUIRE(w.app.panels.file_dialog.is_open());
    w.frame();
    std::string proposed;  // the name the dialog proposes, in its name field
    for (const auto& t : test::captured_text())
      if (t.text.size() > 12 && t.text.ends_with("-status.html")) proposed = t.text;
    REQUIRE_FALSE(proposed.empty());
    w.click(proposed);
    w.ctrl(400 + ImGuiKey_A);  // replace the proposed name
    w.type(typed);
    w.key(ImGuiKey_Enter);
    w.frame();
  }
  std::set<std::string> names;
  for (const fs::path& p : files_in(dir)) names.insert(p.filename().string());
  CHECK(names == std::set<std::string>{"x.html", "plain.html"});
}
