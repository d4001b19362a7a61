// [SECTION] index
//   Units   - which tick unit fits the zoom
//   Ticks   - local dates and hours of the ticks in the visible range
//   Drawing - labels (major row above, minor row below) and grid lines
#include "timeline/axis.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "timeline/item_drawing.hpp"  // text_on

namespace rapport::app {
namespace {

// [SECTION] Units ---------------------------------------------------------------

struct UnitInfo {
  AxisUnit unit;
  double minutes;  // approximate length
  float min_px;    // labels need this much room
};
constexpr UnitInfo kUnits[] = {
    {AxisUnit::Hour, 60, 46},        {AxisUnit::Hours3, 180, 46},     {AxisUnit::Hours6, 360, 46},
    {AxisUnit::Hours12, 720, 46},    {AxisUnit::Day, 1440, 30},       {AxisUnit::Week, 10080, 60},
    {AxisUnit::Month, 43830, 40},    {AxisUnit::Quarter, 131490, 34}, {AxisUnit::Year, 525960, 44},
    {AxisUnit::Years5, 2629800, 44},
};

int hour_step(AxisUnit u) {
  switch (u) {
    case AxisUnit::Hour:
      return 1;
    case AxisUnit::Hours3:
      return 3;
    case AxisUnit::Hours6:
      return 6;
    case AxisUnit::Hours12:
      return 12;
    default:
      return 0;
  }
}

// The coarser unit whose labels go in the top row, if any.
bool major_of(AxisUnit u, AxisUnit& major) {
  switch (u) {
    case AxisUnit::Hour:
    case AxisUnit::Hours3:
    case AxisUnit::Hours6:
    case AxisUnit::Hours12:
      major = AxisUnit::Day;
      return true;
    case AxisUnit::Day:
    case AxisUnit::Week:
      major = AxisUnit::Month;
      return true;
    case AxisUnit::Month:
    case AxisUnit::Quarter:
      major = AxisUnit::Year;
      return true;
    default:
      return false;
  }
}

// [SECTION] Ticks ---------------------------------------------------------------

struct Tick {
  double minute;
  Date date;
  int hour;
};

// Whether `d` starts a period of a day-or-longer unit.
bool starts_period(AxisUnit u, Date d) {
  switch (u) {
    case AxisUnit::Day:
      return true;
    case AxisUnit::Week:
      return d.weekday() == 1;
    case AxisUnit::Month:
      return d.day() == 1;
    case AxisUnit::Quarter:
      return d.day() == 1 && (d.month() - 1) % 3 == 0;
    case AxisUnit::Year:
      return d.day() == 1 && d.month() == 1;
    case AxisUnit::Years5:
      return d.day() == 1 && d.month() == 1 && d.year() % 5 == 0;
    default:
      return true;
  }
}

// The first day on or after `d` that starts a period, found by calendar steps
// rather than day by day, so a forty-year view costs a few dozen iterations.
Date next_period_start(AxisUnit u, Date d) {
  switch (u) {
    case AxisUnit::Day:
      return d;
    case AxisUnit::Week:
      return d.plus_days(int32_t((8 - d.weekday()) % 7));
    default:
      break;
  }
  int y = d.year();
  unsigned m = d.month();
  if (d.day() != 1) {
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  for (;;) {
    Date c = Date::from_ymd(y, m, 1);
    if (c >= d && starts_period(u, c)) return c;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
}

std::vector<Tick> ticks(AxisUnit u, const TimelineFrame& f, LocalDays& days) {
  std::vector<Tick> out;
  Date first = days.date_of(f.range.from).plus_days(-1);
  Date last = days.date_of(f.range.to).plus_days(1);
  if (int step = hour_step(u)) {
    for (Date d = first; d <= last && out.size() < 2000; d = d.plus_days(1)) {
      for (int h = 0; h < 24; h += step)
        out.push_back(Tick{double(days.at(d, h * 60).minutes), d, h});
    }
    return out;
  }
  // Start one period before the view so a label that begins off-screen still shows.
  Date d = first;
  switch (u) {
    case AxisUnit::Week:
      d = d.plus_days(-7);
      break;
    case AxisUnit::Month:
      d = Date::from_ymd(d.year(), d.month(), 1).plus_days(-1);
      break;
    case AxisUnit::Quarter:
    case AxisUnit::Year:
      d = Date::from_ymd(d.year() - 1, 1, 1);
      break;
    case AxisUnit::Years5:
      d = Date::from_ymd(d.year() - 5, 1, 1);
      break;
    default:
      break;
  }
  for (d = next_period_start(u, d); d <= last && out.size() < 2000;
       d = next_period_start(u, d.plus_days(1))) {
    out.push_back(Tick{double(days.start(d).minutes), d, 0});
  }
  return out;
}

void label(AxisUnit u, const Tick& t, double px_per_unit, char* buf, size_t n) {
  const Date& d = t.date;
  switch (u) {
    case AxisUnit::Hour:
    case AxisUnit::Hours3:
    case AxisUnit::Hours6:
    case AxisUnit::Hours12:
      std::snprintf(buf, n, "%02d:00", t.hour);
      break;
    case AxisUnit::Day:
      if (px_per_unit >= 84)
        std::snprintf(buf, n, "%s %u", weekday_short(d.weekday()), d.day());
      else
        std::snprintf(buf, n, "%u", d.day());
      break;
    case AxisUnit::Week:
      std::snprintf(buf, n, "%u %.3s", d.day(), month_name(d.month()));
      break;
    case AxisUnit::Month:
      if (px_per_unit >= 110)
        std::snprintf(buf, n, "%s", month_name(d.month()));
      else
        std::snprintf(buf, n, "%.3s", month_name(d.month()));
      break;
    case AxisUnit::Quarter:
      std::snprintf(buf, n, "Q%u", (d.month() - 1) / 3 + 1);
      break;
    case AxisUnit::Year:
    case AxisUnit::Years5:
      std::snprintf(buf, n, "%d", d.year());
      break;
  }
}

// The longest form of the label that fits in `room` pixels.
void major_label(AxisUnit major, const Tick& t, char* buf, size_t n, float room) {
  const Date& d = t.date;
  switch (major) {
    case AxisUnit::Day:
      std::snprintf(buf, n, "%s %u %s %d", weekday_name(d.weekday()), d.day(),
                    month_name(d.month()), d.year());
      if (ImGui::CalcTextSize(buf).x > room)
        std::snprintf(buf, n, "%.3s %u %.3s %d", weekday_name(d.weekday()), d.day(),
                      month_name(d.month()), d.year());
      if (ImGui::CalcTextSize(buf).x > room)
        std::snprintf(buf, n, "%.3s %u", weekday_name(d.weekday()), d.day());
      break;
    case AxisUnit::Month:
      std::snprintf(buf, n, "%s %d", month_name(d.month()), d.year());
      break;
    default:
      std::snprintf(buf, n, "%d", d.year());
      break;
  }
}

}  // namespace

const char* to_string(AxisUnit u) {
  switch (u) {
    case AxisUnit::Hour:
      return "hour";
    case AxisUnit::Hours3:
      return "3 hours";
    case AxisUnit::Hours6:
      return "6 hours";
    case AxisUnit::Hours12:
      return "12 hours";
    case AxisUnit::Day:
      return "day";
    case AxisUnit::Week:
      return "week";
    case AxisUnit::Month:
      return "month";
    case AxisUnit::Quarter:
      return "quarter";
    case AxisUnit::Year:
      return "year";
    case AxisUnit::Years5:
      return "5 years";
  }
  return "?";
}

AxisUnit axis_unit(double px_per_minute, float scale) {
  for (const UnitInfo& u : kUnits) {
    if (u.minutes * px_per_minute >= u.min_px * scale) return u.unit;
  }
  return AxisUnit::Years5;
}

// [SECTION] Drawing -------------------------------------------------------------

namespace {

double px_per_unit_of(AxisUnit unit, double px_per_minute) {
  for (const UnitInfo& u : kUnits) {
    if (u.unit == unit) return u.minutes * px_per_minute;
  }
  return 0;
}

// Where the "Today" pill goes in the upper axis row, kept inside the visible area;
// nothing when today is out of view.
struct TodayPill {
  bool shown = false;
  ImVec2 min, max;
};

TodayPill today_pill(const TimelineFrame& f, LocalDays& days, Date today, float row_y0,
                     float row_y1) {
  double start = double(days.start(today).minutes);
  double end = double(days.start(today.plus_days(1)).minutes);
  if (end < f.range.from || start > f.range.to) return {};
  const float s = f.scale;
  ImVec2 size = ImGui::CalcTextSize("Today");
  float w = size.x + 8 * s, h = size.y + 4 * s;
  // Over today's line; in today's column when the column can hold it.
  float x0 = f.x_of(start), x1 = f.x_of(end);
  float cx = x1 - x0 >= w + 4 * s ? (x0 + x1) * 0.5f : x0;
  float left = std::clamp(cx - w * 0.5f, f.time_x0 + 2 * s, f.time_x1 - 2 * s - w);
  float top = (row_y0 + row_y1 - h) * 0.5f;
  return TodayPill{true, ImVec2(left, top), ImVec2(left + w, top + h)};
}

}  // namespace

void draw_grid(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
               LocalDays& days, float y0, float y1) {
  AxisUnit unit = axis_unit(f.px_per_minute, f.scale);
  for (const Tick& t : ticks(unit, f, days)) {
    float x = f.x_of(t.minute);
    if (x >= f.time_x0 && x <= f.time_x1) draw->AddLine(ImVec2(x, y0), ImVec2(x, y1), pal.grid);
  }
  AxisUnit major;
  if (!major_of(unit, major)) return;
  for (const Tick& t : ticks(major, f, days)) {
    float x = f.x_of(t.minute);
    if (x >= f.time_x0 && x <= f.time_x1)
      draw->AddLine(ImVec2(x, y0), ImVec2(x, y1), pal.grid_major, 1.5f);
  }
}

void draw_axis(ImDrawList* draw, const TimelineFrame& f, const TimelinePalette& pal,
               LocalDays& days, Date today) {
  const float s = f.scale;
  const float line_h = ImGui::GetTextLineHeight();
  const float y0 = f.canvas_min.y;
  const float y_mid = y0 + line_h + 6 * s;
  const float y1 = f.axis_y1;
  draw->AddRectFilled(ImVec2(f.time_x0, y0), ImVec2(f.time_x1, y1), pal.axis_bg);
  draw->AddLine(ImVec2(f.time_x0, y1 - 0.5f), ImVec2(f.time_x1, y1 - 0.5f), pal.header_border);

  // The today pill owns its spot in the upper row, where labels are few (years, or
  // months at day zoom): one that would run into it moves right, within its period,
  // or gives way. The lower row keeps every date, and the bottom edge stays free for
  // the health markers.
  const TodayPill pill = today_pill(f, days, today, y0, y_mid);
  const float keep_clear = 4 * s;
  const float today_x = f.x_of(double(days.start(today).minutes));
  bool today_x_free = true;  // no lower-row label under the today line

  AxisUnit unit = axis_unit(f.px_per_minute, s);
  double px_per_unit = px_per_unit_of(unit, f.px_per_minute);
  char buf[96];
  std::vector<Tick> minor = ticks(unit, f, days);
  for (const Tick& t : minor) {
    float x = f.x_of(t.minute);
    if (x < f.time_x0 - 200 || x > f.time_x1) continue;
    if (x >= f.time_x0) draw->AddLine(ImVec2(x, y_mid), ImVec2(x, y1), pal.grid);
    label(unit, t, px_per_unit, buf, sizeof buf);
    float w = ImGui::CalcTextSize(buf).x;
    float tx = x + 4 * s;
    if (tx < f.time_x0 - 1) continue;
    if (tx + w > f.time_x1 - 2 * s) {
      // At the right edge: the short form if it fits, else nothing (never a cut word).
      label(unit, t, 0, buf, sizeof buf);
      w = ImGui::CalcTextSize(buf).x;
      if (tx + w > f.time_x1 - 2 * s) continue;
    }
    if (tx - 2 * s <= today_x && today_x <= tx + w + 2 * s) today_x_free = false;
    draw->AddText(ImVec2(tx, y_mid + 2 * s), pal.muted_text, buf);
  }

  AxisUnit major;
  if (major_of(unit, major)) {
    std::vector<Tick> majors = ticks(major, f, days);
    for (size_t i = 0; i < majors.size(); ++i) {
      float x = f.x_of(majors[i].minute);
      float next_x = i + 1 < majors.size() ? f.x_of(majors[i + 1].minute) : f.time_x1 + 1000;
      if (next_x < f.time_x0 || x > f.time_x1) continue;
      if (x >= f.time_x0) draw->AddLine(ImVec2(x, y0 + 2 * s), ImVec2(x, y1), pal.grid_major, 1.5f);
      major_label(major, majors[i], buf, sizeof buf, next_x - x - 13 * s);
      float w = ImGui::CalcTextSize(buf).x;
      // Sticky: the label of the period at the left edge stays visible until the
      // next period's label pushes it out.
      float tx = std::max(x + 5 * s, f.time_x0 + 5 * s);
      tx = std::min(tx, next_x - w - 8 * s);
      if (pill.shown && tx < pill.max.x + keep_clear && pill.min.x - keep_clear < tx + w) {
        tx = pill.max.x + keep_clear;
        if (tx + w > next_x - 8 * s) continue;
      }
      if (tx + w < f.time_x0) continue;
      draw->AddText(ImVec2(tx, y0 + 4 * s), pal.text, buf);
    }
  }

  if (pill.shown) {
    // Joined to the today line below it, unless that would cross a date.
    if (today_x_free && today_x >= pill.min.x && today_x <= pill.max.x)
      draw->AddLine(ImVec2(today_x, pill.max.y), ImVec2(today_x, y1), pal.today, 2.0f * s);
    draw->AddRectFilled(pill.min, pill.max, pal.today, 3 * s);
    ImVec2 size = ImGui::CalcTextSize("Today");
    draw->AddText(ImVec2((pill.min.x + pill.max.x - size.x) * 0.5f,
                         (pill.min.y + pill.max.y - size.y) * 0.5f),
                  text_on(pal.today), "Today");
  }
}

}  // namespace rapport::app
