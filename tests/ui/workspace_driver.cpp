#include "workspace_driver.hpp"

#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "theme.hpp"

namespace rapport::test {

Workspace::Workspace(Engagement e, ImVec2 display) : app(std::move(e)), ui(display) {
  app.today_override = Date::from_ymd(2026, 11, 24);
  ui.draw = [this] { app.frame(); };
  ui.frames(3);
}

void Workspace::draw_like_the_app(float content_scale, int settle) {
  content_scale_ = content_scale;
  built_ui_scale_ = 0.0f;
  applied_style_scale_ = 0.0f;
  sync_scale();
  ui.draw = [this] { app.frame(app::FrameInfo{fonts_, style_scale_, false}); };
  ui.after_frame = [this] { sync_scale(); };
  ui.frames(settle);
}

// The platform's sync_scale() without a window: the content scale is given,
// the framebuffer is in screen pixels (fb scale 1, as on X11 and Windows).
void Workspace::sync_scale() {
  const app::FrameRequest request = app.frame_request();
  ImGuiIO& io = ImGui::GetIO();
  if (request.ui_scale != built_ui_scale_) {
    float raster_px = std::round(app::kBaseFontPixels * content_scale_ * request.ui_scale);
    fonts_ = app::build_fonts(*io.Fonts, raster_px);
    io.FontDefault = fonts_.body;
    io.FontGlobalScale = 1.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // headless: built, never uploaded
    built_ui_scale_ = request.ui_scale;
    style_scale_ = content_scale_ * request.ui_scale;
  }
  if (request.theme != applied_theme_ || style_scale_ != applied_style_scale_) {
    app::apply_theme(request.theme, style_scale_);
    applied_theme_ = request.theme;
    applied_style_scale_ = style_scale_;
  }
}

void Workspace::frame() {
  capture_text_begin();
  ui.frame();
}

std::optional<ImVec2> Workspace::locate(const std::string& label, bool prefix) {
  frame();
  return find_text(label, prefix);
}

void Workspace::click(const std::string& label, ImVec2 offset, bool prefix) {
  auto at = locate(label, prefix);
  INFO("looking for “" << label << "”");
  REQUIRE(at);
  ui.click(ImVec2(at->x + offset.x, at->y + offset.y));
}

void Workspace::ctrl(int key, bool shift) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeyShift = shift;
  io.KeysDown[key] = true;
  frame();
  io.KeysDown[key] = false;
  frame();
  io.KeyCtrl = false;
  io.KeyShift = false;
}

void Workspace::key(ImGuiKey k) { ui.key(k); }

void Workspace::key_code(int glfw_key) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[glfw_key] = true;
  frame();
  io.KeysDown[glfw_key] = false;
  frame();
}

void Workspace::type(const std::string& utf8) { ui.type(utf8.c_str()); }

bool Workspace::shows(const std::string& text) {
  frame();
  return captured_text_joined().find(text) != std::string::npos;
}

std::filesystem::path fresh_folder(const std::string& name) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void file_export(Workspace& w, const std::string& entry) {
  w.click("File");
  w.ui.move_to(*w.locate("Export"));
  w.click(entry);
  w.frame();
}

void close_menus(Workspace& w, const std::string& inert) {
  ImGuiContext& g = *GImGui;
  if (g.OpenPopupStack.empty()) return;
  w.click(inert);
  w.frame();
  REQUIRE(g.OpenPopupStack.empty());
}

}  // namespace rapport::test
