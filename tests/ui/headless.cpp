#include "headless.hpp"

namespace rapport::test {

// Above GLFW's key codes (the app reads F11 as 300 and letters as ASCII), below 512.
int key_index(ImGuiKey key) { return 400 + int(key); }

HeadlessUi::HeadlessUi(ImVec2 display) {
  context_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(context_);  // CreateContext keeps an existing context current
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = display;
  // As the OpenGL 3 backend: draw lists may exceed 64k vertices.
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  io.DeltaTime = 1.0f / 60.0f;
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = key_index(ImGuiKey(k));
  ImFontConfig font;
  font.SizePixels = 16.0f;
  io.Fonts->AddFontDefault(&font);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  io.MousePos = ImVec2(-1, -1);
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(context_); }

void HeadlessUi::frame() {
  ImGui::SetCurrentContext(context_);
  ImGui::NewFrame();
  if (draw) draw();
  ImGui::Render();
  ImGui::GetIO().MouseWheel = 0;
  ImGui::GetIO().MouseWheelH = 0;
  if (after_frame) after_frame();
}

void HeadlessUi::frames(int n) {
  for (int i = 0; i < n; ++i) frame();
}

ImVec2 HeadlessUi::mouse() const { return ImGui::GetIO().MousePos; }

void HeadlessUi::move_to(ImVec2 p) {
  ImGui::GetIO().MousePos = p;
  frame();
}

void HeadlessUi::press(int button) {
  ImGui::GetIO().MouseDown[button] = true;
  frame();
}

void HeadlessUi::release(int button) {
  ImGui::GetIO().MouseDown[button] = false;
  frame();
}

void HeadlessUi::click(ImVec2 p, int button) {
  move_to(p);
  press(button);
  release(button);
}

void HeadlessUi::double_click(ImVec2 p) {
  click(p);
  press();
  release();
}

void HeadlessUi::drag(ImVec2 from, ImVec2 to, int steps, bool release_at_end) {
  move_to(from);
  press();
  for (int i = 1; i <= steps; ++i) {
    float t = float(i) / float(steps);
    move_to(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
  }
  if (release_at_end) release();
}

void HeadlessUi::wheel(ImVec2 p, float notches) {
  ImGui::GetIO().MousePos = p;
  ImGui::GetIO().MouseWheel = notches;
  frame();
}

void HeadlessUi::key(ImGuiKey key) {
  ImGui::GetIO().KeysDown[key_index(key)] = true;
  frame();
  ImGui::GetIO().KeysDown[key_index(key)] = false;
  frame();
}

void HeadlessUi::type(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  frame();
}

}  // namespace rapport::test
