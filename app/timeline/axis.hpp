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

// Draws the axis band [canvas_min.y, axis_y1]: the two rows of labels and the
// "Today" pill, which has its own spot in the upper row (a label there that would run
// into it moves or gives way) and is kept whole inside the visible area.
void draw_axis(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
               LocalDays& days, Date today);

// The grid lines the axis casts across [y0, y1] of the lanes: drawn behind the items,
// so labels (on their backing) are never crossed.
void draw_grid(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
               LocalDays& days, float y0, float y1);

}  // namespace rapport::app
