// The main window drawn headless: an ImGui context with no window or GL, the real
// fonts, App::frame() several times, in both themes and at several scales.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "fonts.hpp"
#include "screenshot.hpp"
#include "settings.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"
#include "shell/layout.hpp"
#include "theme.hpp"

using namespace rapport::app;

namespace {

struct HeadlessImGui {
  HeadlessImGui(float scale) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60.0f;
    fonts = build_fonts(*io.Fonts, kBaseFontPixels * scale);
    io.FontDefault = fonts.body;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  UiFonts fonts;
};

void run_frames(App& app, int n) {
  for (int i = 0; i < n; ++i) {
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
  }
}

}  // namespace

TEST_CASE("the main window draws every section in both themes", "[ui][main_window]") {
  for (float scale : {1.0f, 2.0f}) {
    HeadlessImGui imgui(scale);
    App app;
    app.fonts = imgui.fonts;
    app.scale = scale;
    for (Theme theme : {Theme::Light, Theme::Dark}) {
      apply_theme(theme, scale);
      for (int s = 0; s < kSectionCount; ++s) {
        app.main_window.section = static_cast<Section>(s);
        run_frames(app, 2);
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
      }
    }
    CHECK_FALSE(app.quit_requested);
  }
}

TEST_CASE("the UI font covers names, punctuation and the euro", "[ui][fonts]") {
  HeadlessImGui imgui(1.0f);
  if (find_ui_font_files().regular.empty()) {
    WARN("no Inter or DejaVu Sans on this system: built-in font, ASCII only");
    return;
  }
  for (ImWchar c : {ImWchar(0x00FC), ImWchar(0x00E4), ImWchar(0x0142), ImWchar(0x2013),
                    ImWchar(0x201C), ImWchar(0x2019), ImWchar(0x20AC)}) {
    CAPTURE(c);
    const ImFontGlyph* glyph = imgui.fonts.body->FindGlyphNoFallback(c);
    CHECK(glyph != nullptr);
  }
}

TEST_CASE("the fixed layout tiles the work area", "[ui][layout]") {
  Layout l = compute_layout(ImVec2(0, 24), ImVec2(1600, 876), 1.0f, 30.0f);
  CHECK(l.nav_pos.y == 24);
  CHECK(l.nav_size.x + l.timeline_size.x == Approx(1600));
  CHECK(l.timeline_size.y + l.section_size.y == Approx(876 - 30));
  CHECK(l.status_pos.y + l.status_size.y == Approx(900));
  // A narrow window keeps most of its width for the timeline.
  Layout narrow = compute_layout(ImVec2(0, 0), ImVec2(400, 300), 2.0f, 30.0f);
  CHECK(narrow.nav_size.x <= 400 * 0.35f + 0.5f);
}

TEST_CASE("a file that cannot be loaded leaves an empty workspace", "[ui]") {
  App app;
  std::string error;
  CHECK_FALSE(open_file_now(app, "/nonexistent/plan.rapport.json", error));
  CHECK_FALSE(error.empty());
  CHECK(app.engagement().milestones.empty());
  CHECK(app.window_title() == "Rapport");
}

TEST_CASE("screenshots are flipped to top-row-first", "[ui][screenshot]") {
  std::vector<uint8_t> px = {1, 1, 2, 2, 3, 3};  // 2 wide, 3 high, 1 channel
  flip_rows(px, 2, 3, 1);
  CHECK(px == std::vector<uint8_t>{3, 3, 2, 2, 1, 1});
}

TEST_CASE("settings round-trip through their file", "[ui][settings]") {
  auto dir = std::filesystem::temp_directory_path() / "rapport-settings-test";
  auto path = dir / "settings.ini";
  Settings s;
  s.set_int("window.width", 1600);
  s.set_float("ui.scale", 1.25f);
  s.set_bool("window.maximized", true);
  s.set_string("ui.theme", "dark\nbroken");
  REQUIRE(s.save(path));
  Settings back = Settings::load(path);
  CHECK(back == s);
  CHECK(back.get_int("window.width", 0) == 1600);
  CHECK(back.get_float("ui.scale", 0) == Approx(1.25f));
  CHECK(back.get_bool("window.maximized", false));
  CHECK(back.get_int("missing", 7) == 7);
  CHECK(back.get_int("ui.theme", 3) == 3);  // not a number: the default
  std::filesystem::remove_all(dir);
}
