#include "workspace_driver.hpp"

#include <catch2/catch.hpp>

namespace rapport::test {

Workspace::Workspace(Engagement e, ImVec2 display) : app(std::move(e)), ui(display) {
  app.today_override = Date::from_ymd(2026, 11, 24);
  ui.draw = [this] { app.frame(); };
  ui.frames(3);
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

}  // namespace rapport::test
