// The timeline's legend: every mark the lanes draw and what it means (diamonds and
// their baseline ghosts, the slip label, the overdue tail, the conflict outline,
// the meeting states, blackouts). Its symbols are drawn with the draw list, as the
// lanes draw them: the font has few symbol glyphs.
//
//   ImVec2 size = legend_size(max_width);          // entries flow into rows
//   draw_legend(draw, top_left, max_width, pal);   // a panel of that size
#pragma once

#include <imgui.h>

#include "timeline/timeline_palette.hpp"

namespace rapport::app {

// The legend's size with its entries flowing left to right in rows no wider than
// `max_width` (padding included).
ImVec2 legend_size(float max_width);

// Draws the legend as a panel at `top_left`, `legend_size(max_width)` big.
void draw_legend(ImDrawList* draw, ImVec2 top_left, float max_width, const TimelinePalette& pal);

}  // namespace rapport::app
