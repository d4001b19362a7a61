// The whole app, headless, driven like a person would: find a widget by the
// text it shows, click it, type, press shortcuts. Frame by frame, no sleeps.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "headless.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"
#include "text_capture.hpp"

namespace rapport::test {

class Workspace {
 public:
  explicit Workspace(Engagement e, ImVec2 display = ImVec2(1600, 1000));

  app::App app;
  HeadlessUi ui;

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
};

// A folder of its own under the temp folder, emptied: for files a test writes.
std::filesystem::path fresh_folder(const std::string& name);

// The id of the item of kind T whose name is `title`, or kNoId.
template <class T>
Id titled(const Engagement& e, const std::string& title) {
  for (const auto& [id, x] : KindOf<T>::table(e))
    if (name_of(x) == title) return id;
  return kNoId;
}

}  // namespace rapport::test
