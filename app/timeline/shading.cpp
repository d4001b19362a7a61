#include "timeline/shading.hpp"

#include <algorithm>

namespace rapport::app {

void draw_shading(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
                  LocalDays& days, const TimelineIndex& index, float y0, float y1) {
  const double ppd = f.px_per_day();
  Date first = days.date_of(f.range.from);
  Date last = days.date_of(f.range.to);
  // Weekends once a day is wide enough to see; working hours once hours are.
  if (ppd >= 4) {
    const WorkingHoursInfo* hours =
        index.working_hours().empty() ? nullptr : &index.working_hours()[0];
    uint8_t working_days = hours ? hours->days : uint8_t(kWorkweek);
    for (Date d = first; d <= last; d = d.plus_days(1)) {
      bool working = working_days & (1u << d.weekday());
      float x0 = f.clamped_x(double(days.start(d).minutes));
      float x1 = f.clamped_x(double(days.start(d.plus_days(1)).minutes));
      if (!working) {
        draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), pal.weekend);
      } else if (hours && ppd >= 240) {
        float xs = f.clamped_x(double(days.at(d, hours->day_start.minutes).minutes));
        float xe = f.clamped_x(double(days.at(d, hours->day_end.minutes).minutes));
        draw->AddRectFilled(ImVec2(x0, y0), ImVec2(xs, y1), pal.off_hours);
        draw->AddRectFilled(ImVec2(xe, y0), ImVec2(x1, y1), pal.off_hours);
      }
    }
  }
  // Blackouts: merged bands; neighbours closer than a pixel drawn as one.
  auto bands = index.blackouts_in(f.visible_from(), f.visible_to());
  float run_x0 = 0, run_x1 = -1e9f;
  for (const TimelineBand& b : bands) {
    float x0 = f.clamped_x(double(b.start.minutes));
    float x1 = std::max(f.clamped_x(double(b.end.minutes)), x0 + 1);
    if (x0 <= run_x1 + 1) {
      run_x1 = std::max(run_x1, x1);
      continue;
    }
    if (run_x1 > run_x0)
      draw->AddRectFilled(ImVec2(run_x0, y0), ImVec2(run_x1, y1), pal.blackout_band);
    run_x0 = x0;
    run_x1 = x1;
  }
  if (run_x1 > run_x0)
    draw->AddRectFilled(ImVec2(run_x0, y0), ImVec2(run_x1, y1), pal.blackout_band);
}

void draw_today(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
                LocalDays& days, Date today, float y0, float y1) {
  double start = double(days.start(today).minutes);
  double end = double(days.start(today.plus_days(1)).minutes);
  if (end < f.range.from || start > f.range.to) return;
  if (f.px_per_day() >= 12) {
    draw->AddRectFilled(ImVec2(f.clamped_x(start), y0), ImVec2(f.clamped_x(end), y1),
                        with_alpha(pal.today, 0.07f));
  }
  float x = f.x_of(start);
  draw->AddLine(ImVec2(x, y0), ImVec2(x, y1), pal.today, 2.0f * f.scale);
}

}  // namespace rapport::app
