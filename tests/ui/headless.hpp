// A tiny headless ImGui driver for UI tests: a context with no window and no GL,
// a 16 px default font, and input injected through ImGui's io, one frame at a time.
//
//   HeadlessUi ui;
//   ui.draw = [&] { ...ImGui calls... };
//   ui.click({400, 300});   // hover, press, release: three frames
#pragma once

#include <imgui.h>

#include <functional>

namespace rapport::test {

class HeadlessUi {
 public:
  explicit HeadlessUi(ImVec2 display = ImVec2(1600, 900));
  ~HeadlessUi();
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // What one frame draws (between NewFrame and Render), and what runs after Render
  // (e.g. applying queued commands).
  std::function<void()> draw;
  std::function<void()> after_frame;

  void frame();  // one frame with the current input
  void frames(int n);

  void move_to(ImVec2 p);                // moves the mouse, one frame
  void press(int button = 0);            // one frame
  void release(int button = 0);          // one frame
  void click(ImVec2 p, int button = 0);  // hover, press, release
  void double_click(ImVec2 p);
  // Press at `from`, move in `steps` frames to `to`, then release (unless told not to).
  void drag(ImVec2 from, ImVec2 to, int steps = 5, bool release_at_end = true);
  void wheel(ImVec2 p, float notches);  // positive = away from the user (zoom in)
  void key(ImGuiKey key);               // press and release a named key: two frames
  void type(const char* utf8);          // characters, one frame

  ImVec2 mouse() const;
  ImDrawData* draw_data() const { return ImGui::GetDrawData(); }

 private:
  ImGuiContext* context_ = nullptr;
};

// The io.KeysDown index the driver maps a named key to.
int key_index(ImGuiKey key);

}  // namespace rapport::test
