// The runner's loop.
#include "runner.hpp"

#include <imgui.h>

namespace rapport::app {

int run(Platform& platform, const Program& program, int max_frames) {
  int frame = 0;
  int unseen = 2;
  while (auto info = platform.begin_frame(program.request())) {
    program.frame(*info);
    // ImGui sizes windows, tables and auto-fitted columns from the frames
    // before: the first frames are laid out unseen, so the first picture (and a
    // --frames 1 screenshot) is already complete.
    if (unseen > 0) {
      --unseen;
      ImGui::Render();
      continue;
    }
    platform.render();
    ++frame;
    if (program.after_render && !program.after_render(platform, frame)) return 1;
    platform.present();
    if (program.after_frame) program.after_frame();
    if (max_frames > 0 && frame >= max_frames) break;
  }
  return 0;
}

}  // namespace rapport::app
