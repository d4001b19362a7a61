// What lies behind the items, across every lane: weekends, hours outside the agreed
// working hours (at day zoom), blackout periods, and the today line.
#pragma once

#include <imgui.h>

#include "rapport/timeline_index.hpp"
#include "timeline/local_days.hpp"
#include "timeline/timeline_frame.hpp"
#include "timeline/timeline_palette.hpp"

namespace rapport::app {

// Shades [y0, y1] of the time area.
void draw_shading(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
                  LocalDays& days, const TimelineIndex& index, float y0, float y1);

// The today line (and today's column when a day is wide enough) across the lanes,
// behind the items; its "Today" pill is part of the axis (draw_axis).
void draw_today(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
                LocalDays& days, Date today, float y0, float y1);

}  // namespace rapport::app
