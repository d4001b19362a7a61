// Zoom and pan of the timeline. Every change of the visible range — wheel, keys,
// fit, today, a click on a merged block, a pan — goes through zoom_to_range(), so
// limits are enforced in one place.
#pragma once

#include "timeline/timeline_frame.hpp"

namespace rapport::app {

inline constexpr double kMinVisibleMinutes = 3 * 60;                // three hours
inline constexpr double kMaxVisibleMinutes = 60.0 * 24 * 366 * 40;  // forty years

// Sets `range` to [from, to], kept within the zoom limits around its centre.
void zoom_to_range(TimelineRange& range, double from, double to);

// Zooms by `factor` (< 1 zooms in) keeping the minute `anchor` at the same place.
void zoom_around(TimelineRange& range, double anchor, double factor);

// Moves the range by `minutes` without zooming.
void pan_by(TimelineRange& range, double minutes);

}  // namespace rapport::app
