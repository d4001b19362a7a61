// The runner: the loop that drives a program through the platform. The
// platform knows no program; the program is three plain functions: what it
// asks of the platform, its frame, and what it does with the rendered pixels.
#pragma once

#include <functional>

#include "platform.hpp"

namespace rapport::app {

struct Program {
  std::function<FrameRequest()> request;        // before each frame
  std::function<void(const FrameInfo&)> frame;  // between NewFrame and Render
  // After rendering, before presenting (screenshots). Returns false to stop
  // with a failure.
  std::function<bool(Platform&, int frame_number)> after_render;
  std::function<void()> after_frame;  // after presenting (autosave)
};

// Runs until the program quits, a signal ends the loop, or `max_frames` frames
// (0: no limit). Returns 0, or 1 when after_render failed.
int run(Platform& platform, const Program& program, int max_frames = 0);

}  // namespace rapport::app
