// The timeline's per-frame context: what time range is visible, how many pixels a
// minute takes, and where the canvas is. Computed once per frame by the view and
// passed down to the axis, the lanes and the items (Tracy's way).
#pragma once

#include <imgui.h>

#include <cstdint>

#include "rapport/time.hpp"

namespace rapport::app {

// A visible time range in UTC minutes (doubles, so zooming is smooth).
struct TimelineRange {
  double from = 0;
  double to = 1440;
  double length() const { return to - from; }
  double centre() const { return (from + to) * 0.5; }
};

struct TimelineFrame {
  TimelineRange range;
  double px_per_minute = 1;
  ImVec2 canvas_min;  // the whole canvas, headers and axis included
  ImVec2 canvas_max;
  float time_x0 = 0;   // left edge of the time area (right of the lane headers)
  float time_x1 = 0;   // right edge
  float axis_y1 = 0;   // bottom of the axis: lanes start below it
  float lanes_y1 = 0;  // bottom of the lanes: the canvas's, or the top of the client
                       // view's legend
  float scale = 1;     // UI scale (font size / 16)

  float x_of(double minute) const { return time_x0 + float((minute - range.from) * px_per_minute); }
  float x_of(Instant t) const { return x_of(double(t.minutes)); }
  // x clamped a little outside the canvas, so huge coordinates never reach the GPU.
  float clamped_x(double minute) const {
    float x = x_of(minute);
    return x < time_x0 - 64 ? time_x0 - 64 : x > time_x1 + 64 ? time_x1 + 64 : x;
  }
  double minute_at(float x) const { return range.from + double(x - time_x0) / px_per_minute; }
  double px_per_day() const { return px_per_minute * 1440.0; }
  Instant visible_from() const { return Instant{int64_t(range.from) - 1}; }
  Instant visible_to() const { return Instant{int64_t(range.to) + 1}; }
};

}  // namespace rapport::app
