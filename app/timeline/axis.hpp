// The time axis: two rows of labels that adapt to the zoom (years, quarters, months,
// weeks, days, hours), in the engagement's time zone, and the grid lines they cast
// across the lanes.
#pragma once

#include <imgui.h>

#include "timeline/local_days.hpp"
#include "timeline/timeline_frame.hpp"
#include "timeline/timeline_palette.hpp"

namespace rapport::app {

enum class AxisUnit { Hour, Hours3, Hours6, Hours12, Day, Week, Month, Quarter, Year, Years5 };
const char* to_string(AxisUnit u);  // "hour", "day", ...

// The finest unit whose labels fit at this zoom.
AxisUnit axis_unit(double px_per_minute, float scale);

// Draws the axis band [canvas_min.y, axis_y1] and grid lines down to `lanes_y1`.
void draw_axis(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
               LocalDays& days, float lanes_y1);

}  // namespace rapport::app
