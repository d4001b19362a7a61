// The one place where the visible range changes.
#include "timeline/zoom.hpp"

#include <algorithm>

namespace rapport::app {

void zoom_to_range(TimelineRange& range, double from, double to) {
  if (to < from) std::swap(from, to);
  double length = std::clamp(to - from, kMinVisibleMinutes, kMaxVisibleMinutes);
  double centre = (from + to) * 0.5;
  // A clamped length keeps the requested centre; an unclamped one keeps both ends.
  if (length != to - from) {
    from = centre - length * 0.5;
    to = centre + length * 0.5;
  }
  range.from = from;
  range.to = to;
}

void zoom_around(TimelineRange& range, double anchor, double factor) {
  double length = std::clamp(range.length() * factor, kMinVisibleMinutes, kMaxVisibleMinutes);
  double t = range.length() > 0 ? (anchor - range.from) / range.length() : 0.5;
  double from = anchor - t * length;
  zoom_to_range(range, from, from + length);
}

void pan_by(TimelineRange& range, double minutes) {
  zoom_to_range(range, range.from + minutes, range.to + minutes);
}

}  // namespace rapport::app
