// The timeline's colours, derived each frame from the theme's palette and the
// current ImGui style, so light, dark and high-contrast themes restyle it. Each
// colour means one thing (../shared/DESIGN.md): red late or broken, amber needs
// attention soon, grey resolved, the brand colour or a neutral for what is planned.
#pragma once

#include <imgui.h>

#include "theme.hpp"  // with_alpha, mix_colours, opaque_over, text_on

namespace rapport::app {

struct TimelinePalette {
  bool dark = false;
  ImU32 canvas, text, muted_text, grid, grid_major;
  ImU32 header_bg, header_border, axis_bg;
  ImU32 weekend, off_hours, blackout, blackout_band, blackout_text;
  ImU32 today;
  ImU32 selection, drag_preview;
  ImU32 meeting, meeting_planned, meeting_cancelled;
  ImU32 milestone, milestone_done, milestone_missed, milestone_progress, ghost;
  ImU32 change_proposed, change_approved, change_rejected, change_deferred;
  ImU32 task, task_done, task_overdue, overdue_tail;
  ImU32 conflict;  // a meeting in a blackout or outside the agreed hours
  ImU32 warning;
  ImU32 merged, merged_text;
};

// From apply_theme()'s palette and ImGui's style colours.
TimelinePalette timeline_palette();

// A lane's background, opaque: the canvas, with a faint tint on every other lane so
// lanes read apart. Labels drawn outside their bars sit on a patch of it.
ImU32 lane_background(const TimelinePalette& pal, int lane_index);

}  // namespace rapport::app
