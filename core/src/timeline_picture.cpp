// The timeline picture (timeline_picture.hpp): lanes of the client's timeline
// index over the next weeks, laid out in points, and its SVG form.
#include "rapport/timeline_picture.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/text.hpp"
#include "rapport/timeline_index.hpp"

namespace rapport {

namespace {

using Shape = PictureShape;
using Ink = PictureInk;

constexpr double kLabelColumn = 96;  // lane titles
constexpr double kAxisHeight = 26;   // month and week labels
constexpr double kLaneHeight = 15;   // a lane with one row of labels
constexpr double kLabelRow = 9;      // each further row of labels
constexpr double kFont = 6.5;
constexpr int kMaxLabelRows = 3;

// Text widths without a font: a little wider than Inter's average, so a label
// is never drawn over the next one.
double text_width(std::string_view s, double size) {
  size_t chars = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++chars;
  return double(chars) * size * 0.56;
}

// Cut to at most `width` (by the estimate above), with an ellipsis.
std::string fit(std::string_view s, double width, double size) {
  if (text_width(s, size) <= width) return std::string(s);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      n = 4;
    else if (c >= 0xE0)
      n = 3;
    else if (c >= 0xC0)
      n = 2;
    std::string next = out + std::string(s.substr(i, n));
    if (text_width(next + "…", size) > width) break;
    out = std::move(next);
    i += n;
  }
  return out + "…";
}

Shape text(double x, double y, std::string s, Ink ink, double size = kFont,
           Shape::Anchor anchor = Shape::Anchor::Start, bool bold = false) {
  Shape t;
  t.kind = Shape::Kind::Text;
  t.x = x;
  t.y = y;
  t.text = std::move(s);
  t.fill = ink;
  t.size = size;
  t.anchor = anchor;
  t.bold = bold;
  return t;
}
Shape rect(double x, double y, double w, double h, Ink fill, bool filled = true) {
  Shape r;
  r.kind = Shape::Kind::Rect;
  r.x = x;
  r.y = y;
  r.w = w;
  r.h = h;
  r.fill = fill;
  r.filled = filled;
  return r;
}
Shape line(double x0, double y0, double x1, double y1, Ink ink, double width = 0.5,
           bool dashed = false) {
  Shape l;
  l.kind = Shape::Kind::Line;
  l.x = x0;
  l.y = y0;
  l.w = x1 - x0;
  l.h = y1 - y0;
  l.stroke = ink;
  l.line_width = width;
  l.dashed = dashed;
  return l;
}
Shape mark(Shape::Kind kind, double cx, double cy, double r, Ink fill, bool filled = true) {
  Shape m;
  m.kind = kind;
  m.x = cx;
  m.y = cy;
  m.w = r;
  m.fill = fill;
  m.filled = filled;
  if (!filled) {
    m.stroke = fill;
    m.line_width = 0.9;
  }
  return m;
}

struct Lane {
  std::string title;
  std::vector<Shape> shapes;  // y relative to the lane's top
  std::array<double, kMaxLabelRows> row_end{};
  int rows = 1;

  // Labels wait until every mark of the lane is known, so a label on the
  // marks' row never runs over another item's mark.
  struct Pending {
    double x;
    std::string text;
    Ink ink;
  };
  std::vector<Pending> pending;
  std::vector<double> marks;
  void label(double x, std::string s, Ink ink, double, double) {
    marks.push_back(x);
    pending.push_back({x, std::move(s), ink});
  }

  // Each label next to its mark: on the first row where it fits, right of the
  // mark, or left of it at the picture's right edge; left out if none.
  void place_labels(double left, double right) {
    for (Pending& p : pending) {
      const double w = text_width(p.text, kFont);
      for (int r = 0; r < kMaxLabelRows; ++r) {
        double start = p.x + 5;
        Shape::Anchor anchor = Shape::Anchor::Start;
        if (start + w > right) {
          start = p.x - 5 - w;
          anchor = Shape::Anchor::End;
        }
        if (start < left || start < row_end[size_t(r)] + 4) continue;
        if (r == 0 && std::any_of(marks.begin(), marks.end(), [&](double m) {
              return m != p.x && m + 4 > start && m - 4 < start + w;
            }))
          continue;
        row_end[size_t(r)] = start + w;
        rows = std::max(rows, r + 1);
        const double y = kLaneHeight / 2 + 2.3 + r * kLabelRow;
        shapes.push_back(text(anchor == Shape::Anchor::End ? p.x - 5 : p.x + 5, y,
                              std::move(p.text), p.ink, kFont, anchor));
        break;
      }
    }
    pending.clear();
  }
  double height() const { return kLaneHeight + (rows - 1) * kLabelRow; }
};

Ink milestone_ink(const TimelineItem& it, Date today) {
  auto s = MilestoneStatus(it.state);
  if (s == MilestoneStatus::Done) return Ink::Good;
  if (s == MilestoneStatus::Missed || it.date < today) return Ink::Late;
  if (it.flags & kDrifted) return Ink::Warn;
  return Ink::Accent;
}

}  // namespace

TimelinePicture timeline_picture(const Engagement& original, Date today, int weeks, double width) {
  const Engagement e = redacted(original);
  const TimelineIndex index = TimelineIndex::build(e, today);
  const std::string& zone = e.info.time_zone;
  TimelinePicture p;
  p.width = width;
  weeks = std::clamp(weeks, 2, 52);
  p.from = today.plus_days(-7);
  p.to = today.plus_days(7 * weeks);
  const Instant from = day_start(p.from, zone), to = day_start(p.to, zone);
  const double left = kLabelColumn, right = width;
  auto x_of = [&](Instant t) {
    return left +
           double(t.minutes - from.minutes) / double(to.minutes - from.minutes) * (right - left);
  };
  auto mid_day = [&](Instant t) { return x_of(t.plus_minutes(720)); };
  auto inside = [&](double x) { return x >= left - 0.01 && x <= right + 0.01; };
  const double today_x = x_of(day_start(today, zone));

  // Lanes, each laid out on its own, then stacked.
  std::vector<Lane> lanes;
  for (const TimelineLane& tl : index.lanes()) {
    if (tl.kind == LaneKind::Boundaries) continue;
    Lane lane;
    lane.title = tl.title;
    const double cy = kLaneHeight / 2;
    bool any = false;
    for (const TimelineItem& it : tl.visible(from, to)) {
      if (it.end <= from) continue;
      switch (tl.kind) {
        case LaneKind::Milestones: {
          const double x = mid_day(it.at);
          const Ink ink = milestone_ink(it, today);
          std::string label = display_name(e, it.id);
          if (it.ghost != it.at) {
            const double gx = mid_day(it.ghost);
            const double a = std::clamp(gx, left, right), b = std::clamp(x, left, right);
            if (a != b) lane.shapes.push_back(line(a, cy, b, cy, Ink::Soft, 0.7, true));
            if (inside(gx))
              lane.shapes.push_back(mark(Shape::Kind::Diamond, gx, cy, 3.6, Ink::Soft, false));
            const int days = int((it.at.minutes - it.ghost.minutes) / 1440);
            label +=
                fmt::format(" ({} d)", days > 0 ? fmt::format("+{}", days) : std::to_string(days));
          }
          if (!inside(x)) break;
          lane.shapes.push_back(mark(Shape::Kind::Diamond, x, cy, 4, ink));
          lane.label(x, std::move(label), Ink::Text, left, right);
          any = true;
          break;
        }
        case LaneKind::ChangeRequests: {
          const double x = mid_day(it.at);
          if (!inside(x)) break;
          auto s = ChangeStatus(it.state);
          Ink ink = s == ChangeStatus::Approved   ? Ink::Good
                    : s == ChangeStatus::Rejected ? Ink::Muted
                                                  : Ink::Warn;
          lane.shapes.push_back(mark(Shape::Kind::Circle, x, cy, 3.2, ink));
          lane.label(x, display_name(e, it.id), Ink::Text, left, right);
          any = true;
          break;
        }
        case LaneKind::ClientTasks: {
          auto s = TaskStatus(it.state);
          if (s == TaskStatus::Dropped) break;
          const double due_x = x_of(day_start(it.date, zone).plus_minutes(720));
          const bool overdue = it.flags & kOverdue;
          if (overdue) {
            double a = std::clamp(due_x, left, right);
            lane.shapes.push_back(line(a, cy, today_x, cy, Ink::Late, 1.6));
          }
          if (!inside(due_x)) {
            if (overdue) lane.label(today_x, display_name(e, it.id), Ink::Late, left, right);
            any = any || overdue;
            break;
          }
          Ink ink = s == TaskStatus::Done ? Ink::Good : overdue ? Ink::Late : Ink::Accent;
          lane.shapes.push_back(rect(due_x - 3, cy - 3, 6, 6, ink));
          // An overdue task's name goes after its tail, not over it.
          lane.label(overdue ? std::max(due_x, today_x) : due_x, display_name(e, it.id),
                     overdue ? Ink::Late : Ink::Text, left, right);
          any = true;
          break;
        }
        case LaneKind::Meeting: {
          double a = std::max(x_of(it.at), left), b = std::min(x_of(it.at_end), right);
          if (b <= left || a >= right) break;
          if (b - a < 3) {
            const double c = (a + b) / 2;
            a = c - 1.5;
            b = c + 1.5;
          }
          auto s = OccurrenceState(it.state);
          Shape block = rect(a, cy - 4, b - a, 8,
                             s == OccurrenceState::Held        ? Ink::Good
                             : s == OccurrenceState::Cancelled ? Ink::Muted
                                                               : Ink::Accent,
                             s != OccurrenceState::Cancelled);
          if (s == OccurrenceState::Cancelled) {
            block.stroke = Ink::Muted;
            block.line_width = 0.8;
          }
          if (it.flags & kConflict) {
            block.stroke = Ink::Late;
            block.line_width = 1.4;
          }
          lane.shapes.push_back(block);
          any = true;
          break;
        }
        case LaneKind::Boundaries:
          break;
      }
    }
    lane.place_labels(left, right);
    if (any || tl.kind == LaneKind::Milestones) lanes.push_back(std::move(lane));
  }

  // Axis: months above, weeks (Mondays) below; today replaces the date it sits on.
  double lanes_height = 0;
  for (const Lane& l : lanes) lanes_height += l.height();
  const double top = kAxisHeight, bottom = top + lanes_height;
  std::vector<Shape>& out = p.shapes;
  for (const TimelineBand& b : index.blackouts_in(from, to)) {
    const double a = std::max(x_of(b.start), left), z = std::min(x_of(b.end), right);
    if (z > a) out.push_back(rect(a, top, z - a, lanes_height, Ink::Band));
  }
  double last_month_end = -1e9;
  for (Date d = p.from; d < p.to; d = d.plus_days(1)) {
    const double x = x_of(day_start(d, zone));
    if (d.day() == 1 || d == p.from) {
      std::string label = fmt::format("{} {}", month_name(d.month()), d.year());
      if (x >= last_month_end + 6 && x + text_width(label, 7.5) <= right) {
        out.push_back(text(x + 1, 8, label, Ink::Text, 7.5, Shape::Anchor::Start, true));
        last_month_end = x + text_width(label, 7.5);
      }
      if (d.day() == 1) out.push_back(line(x, 0, x, bottom, Ink::Grid, 0.6));
    }
    if (d.weekday() == 1) {
      out.push_back(line(x, top - 4, x, bottom, Ink::Grid, 0.35));
      if (std::abs(x - today_x) > 22 && x + 16 <= right)
        out.push_back(text(x + 1.5, 20, fmt::format("{}", d.day()), Ink::Soft, 6.5));
    }
  }
  out.push_back(line(left, top - 0.5, right, top - 0.5, Ink::Grid, 0.6));
  // Lanes, with a rule between them.
  double y = top;
  for (Lane& l : lanes) {
    out.push_back(text(0, y + kLaneHeight / 2 + 2.3, fit(l.title, kLabelColumn - 6, kFont + 0.5),
                       Ink::Soft, kFont + 0.5));
    for (Shape s : l.shapes) {
      s.y += y;
      out.push_back(std::move(s));
    }
    y += l.height();
    out.push_back(line(0, y, right, y, Ink::Grid, 0.35));
  }
  out.push_back(line(today_x, top - 8, today_x, bottom, Ink::Late, 1));
  out.push_back(text(today_x, 20, "Today", Ink::Late, 6.5, Shape::Anchor::Middle, true));

  // Legend: every mark the picture uses.
  double lx = 0;
  const double ly = bottom + 12;
  auto entry = [&](Shape s, const char* words) {
    s.x += lx;
    s.y += ly;
    out.push_back(std::move(s));
    out.push_back(text(lx + 8, ly + 2.3, words, Ink::Soft, 6.5));
    lx += 8 + text_width(words, 6.5) + 10;
  };
  entry(mark(Shape::Kind::Diamond, 3, 0, 3.5, Ink::Accent), "Milestone");
  entry(mark(Shape::Kind::Diamond, 3, 0, 3.2, Ink::Soft, false), "Agreed date");
  entry(mark(Shape::Kind::Circle, 3, 0, 3, Ink::Warn), "Change request");
  entry(rect(0, -3, 6, 6, Ink::Accent), "Your task");
  entry(line(0, 0, 6, 0, Ink::Late, 1.6), "Overdue");
  entry(rect(0, -3.5, 6, 7, Ink::Good), "Meeting held");
  entry(rect(0, -3.5, 6, 7, Ink::Accent), "Planned");
  entry(rect(0, -3.5, 6, 7, Ink::Band), "Blackout");
  entry(line(3, -4, 3, 4, Ink::Late, 1), "Today");
  p.height = ly + 8;
  return p;
}

std::string timeline_svg(const TimelinePicture& p) {
  auto color = [](Ink ink) -> const char* {
    switch (ink) {
      case Ink::Text:
        return "#1d2433";
      case Ink::Soft:
        return "#5b6475";
      case Ink::Grid:
        return "#d9dee7";
      case Ink::Band:
        return "#eceff5";
      case Ink::Accent:
        return "#2b5fad";
      case Ink::Good:
        return "#1f7a4d";
      case Ink::Warn:
        return "#d69a1a";
      case Ink::Late:
        return "#a4262c";
      case Ink::Muted:
        return "#9aa3b2";
      case Ink::Paper:
        return "#ffffff";
    }
    return "#000";
  };
  std::string out = fmt::format(
      "<svg viewBox=\"0 0 {:.1f} {:.1f}\" role=\"img\" "
      "aria-label=\"Timeline of the next weeks\" class=\"timeline\" "
      "font-family=\"Inter, 'DejaVu Sans', sans-serif\">\n",
      p.width, p.height);
  for (const PictureShape& s : p.shapes) {
    std::string paint = s.filled && s.kind != Shape::Kind::Line
                            ? fmt::format("fill=\"{}\"", color(s.fill))
                            : std::string("fill=\"none\"");
    if (s.line_width > 0)
      paint += fmt::format(" stroke=\"{}\" stroke-width=\"{:.2f}\"{}", color(s.stroke),
                           s.line_width, s.dashed ? " stroke-dasharray=\"2 1.5\"" : "");
    switch (s.kind) {
      case Shape::Kind::Rect:
        out +=
            fmt::format("<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" {}/>\n",
                        s.x, s.y, s.w, s.h, paint);
        break;
      case Shape::Kind::Line:
        out += fmt::format("<line x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\" {}/>\n",
                           s.x, s.y, s.x + s.w, s.y + s.h, paint);
        break;
      case Shape::Kind::Diamond:
        out += fmt::format(
            "<polygon points=\"{:.2f},{:.2f} {:.2f},{:.2f} {:.2f},{:.2f} {:.2f},{:.2f}\" {}/>\n",
            s.x, s.y - s.w, s.x + s.w, s.y, s.x, s.y + s.w, s.x - s.w, s.y, paint);
        break;
      case Shape::Kind::Circle:
        out += fmt::format("<circle cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"{:.2f}\" {}/>\n", s.x, s.y, s.w,
                           paint);
        break;
      case Shape::Kind::Text:
        out += fmt::format(
            "<text x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"{:.1f}\" fill=\"{}\"{}{}>{}</text>\n", s.x,
            s.y, s.size, color(s.fill), s.bold ? " font-weight=\"600\"" : "",
            s.anchor == Shape::Anchor::Middle ? " text-anchor=\"middle\""
            : s.anchor == Shape::Anchor::End  ? " text-anchor=\"end\""
                                              : "",
            html_escape(s.text));
        break;
    }
  }
  return out + "</svg>\n";
}

}  // namespace rapport
