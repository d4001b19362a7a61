// Every text the editor and the client view draw, in every theme, against the
// fills actually drawn under it (contrast.hpp): at least 4.5:1 (WCAG AA), 7:1
// in the high-contrast theme (AAA). Text on timeline bars and pills included.
#include <catch2/catch.hpp>
#include <cstdio>
#include <sstream>

#include "contrast.hpp"
#include "rapport/demo.hpp"
#include "theme.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::Workspace;

namespace {

// The first item of `kind` in the engagement, or kNoId.
Id first_of(const Engagement& e, Kind kind) {
  Id found = kNoId;
  for_each_table(e, [&](const auto& table) {
    for (const auto& [id, x] : table) {
      if (found == kNoId && kind_of(e, id) == kind) found = id;
      break;
    }
  });
  return found;
}

std::string hex(ImVec4 c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", static_cast<int>(c.x * 255 + 0.5f),
                static_cast<int>(c.y * 255 + 0.5f), static_cast<int>(c.z * 255 + 0.5f));
  return buf;
}

// The texts of the frame just drawn that fall below `threshold`, one line each.
std::vector<std::string> low_contrast(const std::string& where, double threshold, double* worst) {
  const ImVec4 base = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  std::vector<std::string> out;
  for (const auto& c :
       rapport::test::measure_contrast(*ImGui::GetDrawData(), rapport::test::captured_text(),
                                       rapport::test::captured_ink(), base)) {
    if (c.ratio < *worst) *worst = c.ratio;
    if (c.ratio >= threshold) continue;
    std::ostringstream line;
    line.precision(2);
    line << std::fixed << where << ": “" << c.text.text.substr(0, 40) << "” " << hex(c.foreground)
         << " on " << hex(c.background) << " = " << c.ratio << ":1";
    out.push_back(line.str());
  }
  return out;
}

}  // namespace

TEST_CASE("every text in every section and theme has enough contrast with its background",
          "[ui][contrast]") {
  for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
    const double threshold = theme == Theme::HighContrast ? 7.0 : 4.5;
    Workspace w(make_demo(), ImVec2(1600, 900));
    w.app.main_window.theme = theme;
    w.draw_like_the_app();
    std::vector<std::string> failures;
    double worst = 21;
    size_t measured = 0;
    for (const Screen& s : screens()) {
      w.app.main_window.section = s.section;
      w.app.view.selection = {};
      if (!s.kinds.empty()) w.app.view.selection.id = first_of(w.app.engagement(), s.kinds[0]);
      w.frame();
      w.frame();
      measured += rapport::test::captured_text().size();
      for (auto& f : low_contrast(std::string(to_string(theme)) + " " + s.title, threshold, &worst))
        failures.push_back(std::move(f));
    }
    // The client view, in the theme it is shown in.
    w.app.main_window.presentation_high_contrast = theme == Theme::HighContrast;
    w.f11();
    w.frame();
    w.frame();
    for (auto& f : low_contrast(std::string(to_string(theme)) + " client view", threshold, &worst))
      failures.push_back(std::move(f));
    INFO(to_string(theme) << ": worst " << worst << ":1 over " << measured << " texts");
    std::ostringstream all;
    for (const auto& f : failures) all << f << "\n";
    INFO(all.str());
    CHECK(measured > 500);
    CHECK(failures.empty());
  }
}

TEST_CASE("the contrast ratio is WCAG's", "[ui][contrast]") {
  using rapport::test::contrast_ratio;
  CHECK(contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == Approx(21.0));
  CHECK(contrast_ratio(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == Approx(1.0));
  // #767676 on white is the well-known 4.54:1 grey.
  const float g = 0x76 / 255.0f;
  CHECK(contrast_ratio(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) == Approx(4.54).epsilon(0.01));
}
