// The whole app, headless, driven like a person would: find a widget by the
// text it shows, click it, type, press shortcuts. Frame by frame, no sleeps.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "../common/files.hpp"
#include "fonts.hpp"
#include "headless.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"
#include "text_capture.hpp"

namespace rapport::test {

// F11 as the GLFW backend reports it (app/shell/actions.cpp reads the same code).
inline constexpr int kKeyF11 = 300;

class Workspace {
 public:
  explicit Workspace(Engagement e, ImVec2 display = ImVec2(1600, 1000));

  app::App app;
  HeadlessUi ui;

  // From now on, draws as the real app does (app/runner.cpp and the platform's
  // sync_scale in app/platform.cpp, without GL): the UI fonts of app/fonts.hpp
  // at kBaseFontPixels x `content_scale` x the interface zoom that
  // app.frame_request() asks for, rebuilt between frames whenever that changes
  // (entering the client view raises it); the style scaled the same way by
  // apply_theme() in the theme the app asks for; fonts and scale handed to
  // App::frame(const FrameInfo&). Then draws `settle` frames.
  void draw_like_the_app(float content_scale = 1.0f, int settle = 3);
  // The fonts and style scale in force (draw_like_the_app), and the content
  // scale they were built for: text sizes in logical px are font px / this.
  const app::UiFonts& fonts() const { return fonts_; }
  float style_scale() const { return style_scale_; }
  float content_scale() const { return content_scale_; }

  // One frame, recording what it draws.
  void frame();
  // Where `label` is drawn now (after a fresh frame).
  std::optional<ImVec2> locate(const std::string& label, bool prefix = false);
  // Clicks the text `label` (fails the test if it is not drawn). `offset` moves
  // the click from the text's centre, e.g. into the field right of a label.
  void click(const std::string& label, ImVec2 offset = ImVec2(0, 0), bool prefix = false);
  // Ctrl + a key, as the GLFW backend reports it (ASCII for letters).
  void ctrl(int key, bool shift = false);
  // A named key (Enter, Escape, ...) through ImGui's key map.
  void key(ImGuiKey key);
  // A key by its GLFW key code, as the GLFW backend reports it (F11 = 300,
  // F12 = 301): down for one frame, up the next. Recorded like frame().
  void key_code(int glfw_key);
  // F11: into or out of the client view, as the user presses it.
  void f11() { key_code(kKeyF11); }
  void type(const std::string& utf8);
  // Whether some text drawn in a fresh frame contains `text`.
  bool shows(const std::string& text);
  // Runs frames until `condition` holds, at most `limit` frames.
  template <class F>
  bool until(F&& condition, int limit = 30) {
    for (int i = 0; i < limit; ++i) {
      if (condition()) return true;
      frame();
    }
    return condition();
  }

 private:
  void sync_scale();  // between frames, as the platform does before NewFrame
  app::UiFonts fonts_;
  float content_scale_ = 1.0f;
  float built_ui_scale_ = 0.0f;
  float style_scale_ = 1.0f;
  float applied_style_scale_ = 0.0f;
  app::Theme applied_theme_ = app::Theme::Light;
};

// A folder of its own under the temp folder, emptied: for files a test writes.
std::filesystem::path fresh_folder(const std::string& name);
// A file's bytes, whole: read_file() (tests/common/files.hpp).

// File ▸ Export ▸ `entry`, clicked as a user would (the file dialog opens if
// the entry is enabled).
void file_export(Workspace& w, const std::string& entry);
// Closes open menus (a click on a disabled entry leaves them open) with a click
// on `inert`, a text drawn outside the menus that does nothing when clicked.
void close_menus(Workspace& w, const std::string& inert);

// The id of the item of kind T whose name is `title`, or kNoId.
template <class T>
Id titled(const Engagement& e, const std::string& title) {
  for (const auto& [id, x] : KindOf<T>::table(e))
    if (name_of(x) == title) return id;
  return kNoId;
}

}  // namespace rapport::test
