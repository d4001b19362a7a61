// The runner's loop.
#include "runner.hpp"

namespace rapport::app {

int run(Platform& platform, const Program& program, int max_frames) {
  int frame = 0;
  while (auto info = platform.begin_frame(program.request())) {
    program.frame(*info);
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
