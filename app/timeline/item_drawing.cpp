// [SECTION] index
//   Geometry - where an item lies on screen, whether it is too small to draw alone
//   Shapes   - one function per kind of item
//   Labels   - titles placed by label_layout: inside, right, another row, shortened
//   Merging  - the per-row runs of small items drawn as "N items"
#include "timeline/item_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "rapport/state_pill.hpp"  // delta_text
#include "timeline/label_layout.hpp"

namespace rapport::app {
namespace {

// [SECTION] Geometry ------------------------------------------------------------

bool is_marker(LaneKind k) { return k == LaneKind::Milestones || k == LaneKind::ChangeRequests; }

struct Extent {
  float x0, x1;  // what the item covers on screen (min widths applied)
  bool small;    // its true width is below the merge threshold
};

float merge_px(const TimelineFrame& f) { return 3.0f * f.scale; }

// Clusters grow to at most this width, so a click on one always zooms in.
float max_run_px(const TimelineFrame& f) { return 48.0f * f.scale; }

Extent extent_of(const TimelineFrame& f, LaneKind kind, const TimelineItem& it, float row_h) {
  bool small = (double(it.at_end.minutes) - double(it.at.minutes)) * f.px_per_minute < merge_px(f);
  float x0 = f.clamped_x(double(it.at.minutes));
  float x1 = f.clamped_x(double(it.at_end.minutes));
  if (is_marker(kind)) {
    float cx = (x0 + x1) * 0.5f;
    float half = row_h * 0.30f;
    return Extent{cx - half, cx + half, small};
  }
  // A meeting is at least 9 px wide: its state marks stay large enough to see.
  float min_w = (kind == LaneKind::Meeting ? 9.0f : 4.0f) * f.scale;
  return Extent{x0, std::max(x1, x0 + min_w), small};
}

ImU32 milestone_colour(const TimelinePalette& p, uint8_t state) {
  switch (MilestoneStatus(state)) {
    case MilestoneStatus::Planned:
      return p.milestone;
    case MilestoneStatus::InProgress:
      return p.milestone_progress;
    case MilestoneStatus::Done:
      return p.milestone_done;
    case MilestoneStatus::Missed:
      return p.milestone_missed;
  }
  return p.milestone;
}

ImU32 change_colour(const TimelinePalette& p, uint8_t state) {
  switch (ChangeStatus(state)) {
    case ChangeStatus::Proposed:
      return p.change_proposed;
    case ChangeStatus::Approved:
      return p.change_approved;
    case ChangeStatus::Rejected:
      return p.change_rejected;
    case ChangeStatus::Deferred:
      return p.change_deferred;
  }
  return p.change_proposed;
}

std::string title_of(const Engagement& e, LaneKind kind, Id id) {
  switch (kind) {
    case LaneKind::Meeting:
      if (auto* x = e.meetings.find(id)) return x->title;
      break;
    case LaneKind::Milestones:
      if (auto* x = e.milestones.find(id)) return x->title;
      break;
    case LaneKind::Boundaries:
      if (auto* x = e.boundaries.find(id)) return x->title;
      break;
    case LaneKind::ChangeRequests:
      if (auto* x = e.change_requests.find(id)) return x->title;
      break;
    case LaneKind::ClientTasks:
      if (auto* x = e.client_tasks.find(id)) return x->title;
      break;
  }
  return {};
}

// What an item's label says: its title, with "! " before an overdue task's.
std::string label_of(const Engagement& e, LaneKind kind, const TimelineItem& it) {
  if (kind == LaneKind::Meeting) return {};  // the lane's header names the series
  std::string title = title_of(e, kind, it.id);
  if (title.empty()) return title;
  return kind == LaneKind::ClientTasks && (it.flags & kOverdue) ? "! " + title : title;
}

// A translucent colour laid over an opaque background, as one opaque colour: bars
// that carry text hide the grid lines under them instead of letting them through.
ImU32 opaque_over(ImU32 fg, ImU32 bg) {
  const float a = float((fg >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
  auto mix = [&](int shift) {
    float f = float((fg >> shift) & 0xFF), b = float((bg >> shift) & 0xFF);
    return ImU32(std::lround(f * a + b * (1 - a))) << shift;
  };
  return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) |
         (ImU32(0xFF) << IM_COL32_A_SHIFT);
}

bool hovered(const ItemDrawContext& c, float x0, float y0, float x1, float y1) {
  return c.mouse_in_lanes && c.mouse.x >= x0 && c.mouse.x < x1 && c.mouse.y >= y0 && c.mouse.y < y1;
}

// [SECTION] Shapes --------------------------------------------------------------

struct Row {
  float y0, y1;
};

void draw_meeting(ItemDrawContext& c, const TimelineItem& it, Extent x, Row r, bool selected,
                  bool preview) {
  const TimelineFrame& f = *c.frame;
  const TimelinePalette& p = *c.pal;
  const float s = f.scale;
  float pad = (r.y1 - r.y0) * 0.18f;
  ImVec2 a(x.x0, r.y0 + pad), b(x.x1, r.y1 - pad);
  // Narrow blocks are plain rectangles: four vertices instead of an anti-aliased outline.
  const bool narrow = x.x1 - x.x0 < 12 * s;
  float round = narrow ? 0.0f : 4 * s;
  auto state = OccurrenceState(it.state);
  if ((it.flags & kMoved) && !preview) {
    // A faint mark where it was planned, joined to where it is now.
    float gx = f.clamped_x(double(it.ghost.minutes));
    float gw = std::max(x.x1 - x.x0, 9 * s);
    ImU32 faint = with_alpha(p.meeting, 0.55f);
    c.draw->AddRect(ImVec2(gx, a.y + 3 * s), ImVec2(gx + gw, b.y - 3 * s), faint, round, 0,
                    1.5f * s);
    float my = (a.y + b.y) * 0.5f;
    c.draw->AddLine(ImVec2(gx + gw, my), ImVec2(x.x0, my), faint, 1.0f * s);
  }
  switch (state) {
    case OccurrenceState::Held:
      c.draw->AddRectFilled(a, b, p.meeting, round);
      break;
    case OccurrenceState::Planned:
      c.draw->AddRectFilled(a, b, narrow ? with_alpha(p.meeting, 0.6f) : p.meeting_planned, round);
      if (!narrow) c.draw->AddRect(a, b, p.meeting, round, 0, 1.5f * s);
      break;
    case OccurrenceState::Cancelled:
      c.draw->AddRect(a, b, p.meeting_cancelled, round, 0, 2.0f * s);
      c.draw->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, a.y), p.meeting_cancelled, 2.0f * s);
      break;
  }
  if (it.flags & kMissingRecap) {
    // A small warning dot at the top-right corner: held, but nobody wrote the recap.
    float rad = 4.5f * s;
    ImVec2 dot(b.x, a.y);
    c.draw->AddCircleFilled(dot, rad, p.warning, 12);
    c.draw->AddCircle(dot, rad, p.canvas, 12, 1.5f * s);
  }
  // A conflict (in a blackout, outside the agreed hours): a red outline around it.
  const bool conflict = (it.flags & kConflict) && state != OccurrenceState::Cancelled;
  if (conflict)
    c.draw->AddRect(ImVec2(a.x - 2.5f * s, a.y - 2.5f * s), ImVec2(b.x + 2.5f * s, b.y + 2.5f * s),
                    p.conflict, round + 2 * s, 0, 2.0f * s);
  if (selected || preview) {
    float out = conflict ? 5.5f * s : 2 * s;
    c.draw->AddRect(ImVec2(a.x - out, a.y - out), ImVec2(b.x + out, b.y + out),
                    preview ? p.drag_preview : p.selection, round + out, 0, 2.5f * s);
  }
}

void draw_milestone(ItemDrawContext& c, const TimelineItem& it, Extent x, Row r, bool selected,
                    bool preview) {
  const TimelineFrame& f = *c.frame;
  const TimelinePalette& p = *c.pal;
  const float s = f.scale;
  float cy = (r.y0 + r.y1) * 0.5f;
  float cx = (x.x0 + x.x1) * 0.5f;
  float rad = (x.x1 - x.x0) * 0.5f;
  if (it.flags & kDrifted) {
    // The baseline as a ghost, joined to the current date: "what we agreed vs. now".
    float gx = f.clamped_x(double(it.ghost.minutes) + 720.0);
    c.draw->AddLine(ImVec2(gx, cy), ImVec2(cx, cy), p.ghost, 1.5f * s);
    draw_diamond(c.draw, ImVec2(gx, cy), rad * 0.75f, 0, p.ghost, 1.5f * s);
  }
  ImU32 fill = milestone_colour(p, it.state);
  draw_diamond(c.draw, ImVec2(cx, cy), rad, fill, selected || preview ? p.selection : p.canvas,
               selected || preview ? 3.0f * s : 1.5f * s);
}

void draw_blackout(ItemDrawContext& c, Extent x, Row r, bool selected) {
  const TimelinePalette& p = *c.pal;
  const float s = c.frame->scale;
  ImVec2 a(x.x0, r.y0 + 3 * s), b(x.x1, r.y1 - 3 * s);
  c.draw->AddRectFilled(a, b, opaque_over(p.blackout, p.canvas),
                        x.x1 - x.x0 < 12 * s ? 0.0f : 3 * s);
  if (selected) c.draw->AddRect(a, b, p.selection, 3 * s, 0, 2.5f * s);
}

void draw_change(ItemDrawContext& c, const TimelineItem& it, Extent x, Row r, bool selected) {
  const TimelinePalette& p = *c.pal;
  const float s = c.frame->scale;
  float cy = (r.y0 + r.y1) * 0.5f;
  float cx = (x.x0 + x.x1) * 0.5f;
  float rad = (x.x1 - x.x0) * 0.5f * 0.85f;
  ImU32 col = change_colour(p, it.state);
  c.draw->AddCircleFilled(ImVec2(cx, cy), rad, col, 20);
  c.draw->AddCircle(ImVec2(cx, cy), rad, selected ? p.selection : p.canvas, 20,
                    selected ? 3.0f * s : 1.5f * s);
  if (it.flags & kMovedMilestones) {
    // An arrow: this approved change moved milestones.
    float w = rad * 0.55f;
    c.draw->AddLine(ImVec2(cx - w, cy), ImVec2(cx + w, cy), p.canvas, 2.0f * s);
    c.draw->AddTriangleFilled(ImVec2(cx + w + 1 * s, cy), ImVec2(cx + 1 * s, cy - w * 0.7f),
                              ImVec2(cx + 1 * s, cy + w * 0.7f), p.canvas);
  }
}

void draw_task(ItemDrawContext& c, const TimelineItem& it, Extent x, Row r, bool selected) {
  const TimelinePalette& p = *c.pal;
  const float s = c.frame->scale;
  float pad = (r.y1 - r.y0) * 0.16f;
  ImVec2 a(x.x0, r.y0 + pad), b(x.x1, r.y1 - pad);
  auto status = TaskStatus(it.state);
  bool overdue = it.flags & kOverdue;
  const float round = x.x1 - x.x0 < 12 * s ? 0.0f : 3 * s;
  // Solid, so grid lines never show through and its label reads on it.
  ImU32 fill = opaque_over(overdue                         ? p.task_overdue
                           : status == TaskStatus::Done    ? p.task_done
                           : status == TaskStatus::Dropped ? with_alpha(p.muted_text, 0.35f)
                                                           : p.task,
                           p.canvas);
  c.draw->AddRectFilled(a, b, fill, round);
  if (status == TaskStatus::Dropped)
    c.draw->AddLine(ImVec2(a.x, (a.y + b.y) * 0.5f), ImVec2(b.x, (a.y + b.y) * 0.5f), p.text,
                    1.5f * s);
  if (overdue && round > 0) c.draw->AddRect(a, b, p.text, round, 0, 1.5f * s);
  // Overdue: a red tail from the due date to today, ending in a tick on the today line.
  const float today_x = c.frame->clamped_x(c.today_minute);
  if (overdue && today_x > b.x) {
    float cy = (a.y + b.y) * 0.5f;
    c.draw->AddRectFilled(ImVec2(b.x, cy - 2 * s), ImVec2(today_x, cy + 2 * s), p.overdue_tail);
    c.draw->AddLine(ImVec2(today_x - 1 * s, a.y), ImVec2(today_x - 1 * s, b.y), p.overdue_tail,
                    2.5f * s);
  }
  if (selected)
    c.draw->AddRect(ImVec2(a.x - 2 * s, a.y - 2 * s), ImVec2(b.x + 2 * s, b.y + 2 * s), p.selection,
                    4 * s, 0, 2.5f * s);
}

void draw_shape(ItemDrawContext& c, LaneKind kind, const TimelineItem& it, Extent x, Row r,
                bool selected, bool preview) {
  switch (kind) {
    case LaneKind::Meeting:
      draw_meeting(c, it, x, r, selected, preview);
      break;
    case LaneKind::Milestones:
      draw_milestone(c, it, x, r, selected, preview);
      break;
    case LaneKind::Boundaries:
      draw_blackout(c, x, r, selected);
      break;
    case LaneKind::ChangeRequests:
      draw_change(c, it, x, r, selected);
      break;
    case LaneKind::ClientTasks:
      draw_task(c, it, x, r, selected);
      break;
  }
}

// [SECTION] Labels --------------------------------------------------------------

bool has_bar(LaneKind k) {
  return k == LaneKind::Boundaries || k == LaneKind::ClientTasks || k == LaneKind::Meeting;
}

// What a label must keep clear of besides the item: a drifted milestone's baseline
// ghost and the line joining it.
Extent label_obstacle(const TimelineFrame& f, LaneKind kind, const TimelineItem& it, Extent x,
                      double today_minute) {
  if (kind == LaneKind::Milestones && (it.flags & kDrifted)) {
    float gx = f.clamped_x(double(it.ghost.minutes) + 720.0);
    float rad = (x.x1 - x.x0) * 0.5f;
    x.x0 = std::min(x.x0, gx - rad);
    x.x1 = std::max(x.x1, gx + rad);
  }
  if (kind == LaneKind::ClientTasks && (it.flags & kOverdue))
    x.x1 = std::max(x.x1, f.clamped_x(today_minute) + 2 * f.scale);
  return x;
}

// Text colour inside a bar: white or near-black, whichever reads better on an open
// or overdue task's strong fill; the lane's text colour on the pale ones.
ImU32 inside_text_colour(const TimelinePalette& p, LaneKind kind, const TimelineItem& it) {
  if (kind == LaneKind::Boundaries) return p.blackout_text;
  if (kind == LaneKind::Meeting)
    return OccurrenceState(it.state) == OccurrenceState::Held ? text_on(p.meeting) : p.text;
  if (it.flags & kOverdue) return text_on(p.task_overdue);
  if (TaskStatus(it.state) == TaskStatus::Open) return text_on(p.task);
  return p.text;
}

bool label_inside(LaneKind kind, const LabelPlacement& at, int item_row, Extent item) {
  return has_bar(kind) && at.row == item_row && at.x1 <= item.x1 &&
         (at.where == LabelWhere::Inside || at.where == LabelWhere::Shortened);
}

// One label where the layout put it. Outside a bar it sits on a patch of the lane's
// background, so grid lines and the today line never run through the text.
// `inside`: the label sits in the item's own bar (label_inside()); `y`: the top of
// the text.
void draw_label(ItemDrawContext& c, LaneKind kind, const TimelineItem& it, const std::string& text,
                const LabelPlacement& at, bool inside, float y, ImU32 backing) {
  const TimelinePalette& p = *c.pal;
  const float s = c.frame->scale;
  const float fs = ImGui::GetFontSize();
  std::string shown = text;
  if (at.where == LabelWhere::Shortened) {
    shown = shorten_to_width(text, at.x1 - at.x0 + 0.5f, [](std::string_view t) {
      return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
    });
    if (shown.empty()) return;
  }
  if (!inside) {
    c.draw->AddRectFilled(ImVec2(at.x0 - 3 * s, y - 1 * s), ImVec2(at.x1 + 3 * s, y + fs + 1 * s),
                          backing, 3 * s);
  }
  c.draw->AddText(ImVec2(at.x0, y), inside ? inside_text_colour(p, kind, it) : p.text,
                  shown.c_str());
}

LabelLayoutParams label_params(const TimelineFrame& f, size_t rows) {
  LabelLayoutParams params;
  params.rows = int(rows);
  params.view_x0 = f.time_x0;
  params.view_x1 = f.time_x1;
  params.pad = 5 * f.scale;
  params.gap = 6 * f.scale;
  // Room for a letter and the ellipsis at least: the label is there, its full text in
  // the tooltip (hovering the shortened label shows it too).
  params.min_width = ImGui::GetFontSize() * 1.25f;
  return params;
}

// [SECTION] Merging -------------------------------------------------------------

// A meeting's label as room allows: "16:00 Weekly check-in", else "16:00", else nothing.
std::string meeting_text(const ItemDrawContext& c, const TimelineLane& lane, const TimelineItem& it,
                         float room) {
  std::string time = to_local(it.at, c.time_zone ? *c.time_zone : std::string("UTC")).time.hhmm();
  std::string full = time + " " + lane.title;
  if (ImGui::CalcTextSize(full.c_str()).x <= room) return full;
  if (ImGui::CalcTextSize(time.c_str()).x <= room) return time;
  return {};
}

// A pointer at the right edge to the next milestone beyond it ("Beta, 22 Jan →"), so
// what lies ahead does not vanish from a focused window.
struct Pointer {
  size_t index = 0;
  std::string text;
  float x0 = 0, x1 = 0;  // the box: text and arrow
};

std::optional<Pointer> next_beyond(const ItemDrawContext& c, const TimelineLane& lane,
                                   size_t from) {
  const TimelineFrame& f = *c.frame;
  std::optional<size_t> best;
  // Items are sorted by start, and start <= at: a short scan finds the nearest
  // current date past the edge (a drifted one may start earlier than it is).
  const size_t last = std::min(lane.items.size(),
                               lane.first_starting_at_or_after(Instant{int64_t(f.range.to)}) + 64);
  for (size_t i = from; i < last; ++i) {
    const TimelineItem& it = lane.items[i];
    if (double(it.at.minutes) + 720 < f.range.to) continue;
    if (!best || it.at < lane.items[*best].at) best = i;
  }
  if (!best) return std::nullopt;
  const TimelineItem& it = lane.items[*best];
  std::string title = title_of(*c.engagement, lane.kind, it.id);
  Pointer ptr{*best, (title.empty() ? std::string() : title + ", ") + day_month(it.date)};
  const float s = f.scale;
  float w = ImGui::CalcTextSize(ptr.text.c_str()).x + 16 * s;  // text, gap, arrow
  ptr.x1 = f.time_x1 - 6 * s;
  ptr.x0 = std::max(f.time_x0 + 6 * s, ptr.x1 - w);
  return ptr;
}

void draw_pointer(ItemDrawContext& c, const Pointer& ptr, const std::string& shown, float y,
                  ImU32 backing) {
  const float s = c.frame->scale;
  const float fs = ImGui::GetFontSize();
  const TimelinePalette& p = *c.pal;
  c.draw->AddRectFilled(ImVec2(ptr.x0 - 3 * s, y - 1 * s), ImVec2(ptr.x1 + 3 * s, y + fs + 1 * s),
                        backing, 3 * s);
  c.draw->AddText(ImVec2(ptr.x0, y), p.text, shown.c_str());
  // The arrow, drawn: a shaft and a head pointing off the right edge.
  float cy = y + fs * 0.5f, ax1 = ptr.x1, ax0 = ptr.x1 - 10 * s;
  c.draw->AddLine(ImVec2(ax0, cy), ImVec2(ax1 - 3 * s, cy), p.text, 1.5f * s);
  c.draw->AddTriangleFilled(ImVec2(ax1, cy), ImVec2(ax1 - 5 * s, cy - 4 * s),
                            ImVec2(ax1 - 5 * s, cy + 4 * s), p.text);
}

}  // namespace

void draw_diamond(ImDrawList* draw, ImVec2 c, float r, ImU32 fill, ImU32 border, float thickness) {
  ImVec2 p[4] = {ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r),
                 ImVec2(c.x - r, c.y)};
  if (fill & IM_COL32_A_MASK) draw->AddConvexPolyFilled(p, 4, fill);
  if (thickness > 0) draw->AddPolyline(p, 4, border, ImDrawFlags_Closed, thickness);
}

ImU32 text_on(ImU32 fill) {
  auto channel = [&](int shift) {
    float v = float((fill >> shift) & 0xFF) / 255.0f;
    return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
  };
  float l = 0.2126f * channel(IM_COL32_R_SHIFT) + 0.7152f * channel(IM_COL32_G_SHIFT) +
            0.0722f * channel(IM_COL32_B_SHIFT);
  // Contrast against white (L = 1) and against #111827 (L ~ 0.0116).
  float white = 1.05f / (l + 0.05f), dark = (l + 0.05f) / 0.0616f;
  return white >= dark ? IM_COL32(255, 255, 255, 255) : IM_COL32(17, 24, 39, 255);
}

std::string slip_text(int days) { return delta_text(days); }

float lane_row_height(LaneKind kind) {
  switch (kind) {
    case LaneKind::Meeting:
      return 34;
    case LaneKind::Milestones:
      return 34;
    case LaneKind::Boundaries:
      return 28;
    case LaneKind::ChangeRequests:
      return 30;
    case LaneKind::ClientTasks:
      return 28;
  }
  return 30;
}

bool is_selected(const Selection& s, const TimelineLane& lane, const TimelineItem& it) {
  if (s.id != it.id) return false;
  if (lane.kind != LaneKind::Meeting) return true;
  return s.occurrence && *s.occurrence == it.date;
}

void draw_single_item(ItemDrawContext& c, const TimelineLane& lane, const TimelineItem& it,
                      float y0, float row_h, bool preview) {
  Row r{y0 + float(it.row) * row_h, y0 + float(it.row + 1) * row_h};
  Extent x = extent_of(*c.frame, lane.kind, it, row_h);
  draw_shape(c, lane.kind, it, x, r, is_selected(c.selection, lane, it), preview);
  // The preview's label follows it, laid out alone.
  std::string text = label_of(*c.engagement, lane.kind, it);
  if (text.empty()) return;
  LabelItem one{0, x.x0, x.x1, ImGui::CalcTextSize(text.c_str()).x, has_bar(lane.kind)};
  LabelPlacement at = layout_labels(std::span(&one, 1), label_params(*c.frame, 1))[0];
  if (at.where != LabelWhere::None)
    draw_label(c, lane.kind, it, text, at, label_inside(lane.kind, at, 0, x),
               (r.y0 + r.y1 - ImGui::GetFontSize()) * 0.5f,
               lane_background(*c.pal, c.dragged ? c.dragged->lane : 0));
}

namespace {

// A lane with more items in view than this many per pixel column is drawn by columns:
// what starts in each few-pixel column is counted by binary search, not visited, and
// neighbouring columns join into one "N items" mark, so the frame costs what the
// pixels can show however many items there are.
constexpr size_t kItemsPerColumn = 2;

void runs_by_column(const ItemDrawContext& c, const TimelineLane& lane, size_t base,
                    std::vector<LaneRun>& out) {
  const TimelineFrame& f = *c.frame;
  const float cw = merge_px(f);
  const float limit = max_run_px(f);
  LaneRun run;
  bool active = false;
  size_t at = base;  // the first item not yet counted
  for (float x = f.time_x0; x < f.time_x1 && at < lane.items.size(); x += cw) {
    const double to = f.minute_at(x + cw);
    const size_t next =
        std::max(at, lane.first_starting_at_or_after(Instant{int64_t(std::ceil(to))}));
    ++c.stats->items_considered;
    if (next == at) {  // an empty column ends the mark
      if (active) out.push_back(run);
      active = false;
      continue;
    }
    if (active && x + cw - run.x0 > limit) {
      out.push_back(run);
      active = false;
    }
    if (!active) {
      run = LaneRun{at, 0, x, x + cw, true, f.minute_at(x), to, 0};
      active = true;
    }
    run.count += next - at;
    run.x1 = x + cw;
    run.to = to;
    at = next;
  }
  if (active) out.push_back(run);
  for (LaneRun& r : out) {
    if (r.count == 1) {  // a lone item keeps its own shape
      const TimelineItem& it = lane.items[r.first];
      r.row = it.row;
    } else {
      r.row = -1;  // across all the lane's sub-rows
    }
  }
}

}  // namespace

LanePlan plan_lane_items(ItemDrawContext& c, const TimelineLane& lane, int lane_index, float row_h,
                         int label_rows) {
  (void)lane_index;
  const TimelineFrame& f = *c.frame;
  const float s = f.scale;
  const float gap = merge_px(f);
  LanePlan plan;
  const size_t rows = std::clamp<size_t>(lane.rows, 1, 8);
  plan.rows = int(rows);
  auto slice = lane.visible(f.visible_from(), f.visible_to());
  const size_t base = slice.empty() ? 0 : size_t(slice.data() - lane.items.data());
  const size_t columns = size_t(std::max(1.0f, (f.time_x1 - f.time_x0) / merge_px(f)));

  if (slice.size() > kItemsPerColumn * columns) {
    runs_by_column(c, lane, base, plan.runs);
    for (LaneRun& r : plan.runs)
      if (r.count == 1) {
        Extent x = extent_of(f, lane.kind, lane.items[r.first], row_h);
        r.x0 = x.x0;
        r.x1 = x.x1;
        r.row = std::min<int>(r.row, int(rows) - 1);
      }
  } else {
    c.stats->items_considered += slice.size();
    // The runs of each row are collected first, then drawn: shapes, then the labels,
    // which are laid out over the whole lane so none covers another.
    LaneRun runs[8];
    bool active[8] = {};
    for (size_t k = 0; k < slice.size(); ++k) {
      const TimelineItem& it = slice[k];
      if (double(it.end.minutes) <= f.range.from || double(it.start.minutes) >= f.range.to)
        continue;
      Extent x = extent_of(f, lane.kind, it, row_h);
      const size_t r = std::min<size_t>(it.row, rows - 1);
      LaneRun& run = runs[r];
      if (active[r]) {
        // Merge what is too small to draw alone, and what would cover its neighbour
        // (overlapping markers; bars that did not fit the lane's sub-rows).
        bool either_small = run.small || run.count > 1 || x.small;
        bool touches = x.x0 < run.x1 || (either_small && x.x0 <= run.x1 + gap);
        bool room = std::max(run.x1, x.x1) - run.x0 <= max_run_px(f) || x.x0 - run.x0 < gap;
        if (touches && room) {
          ++run.count;
          run.x1 = std::max(run.x1, x.x1);
          run.from = std::min(run.from, double(it.start.minutes));
          run.to = std::max(run.to, double(it.end.minutes));
          continue;
        }
        // A block stops where the next run begins: two blocks never overlap.
        if (run.count > 1 && x.x0 < run.x1) run.x1 = std::max(run.x0 + 1 * s, x.x0 - 1 * s);
        plan.runs.push_back(run);
      }
      run = LaneRun{
          base + k, 1, x.x0, x.x1, x.small, double(it.start.minutes), double(it.end.minutes),
          int(r)};
      active[r] = true;
    }
    for (size_t r = 0; r < rows; ++r)
      if (active[r]) plan.runs.push_back(runs[r]);
  }

  // Labels: every run is an obstacle; single items (not the one being dragged) bring
  // their title. Meetings bring their time and title at day and week zoom only.
  const std::vector<LaneRun>& done = plan.runs;
  auto is_dragged = [&](const LaneRun& run) {
    return run.count == 1 && c.dragged && c.dragged->lane == lane_index &&
           c.dragged->index == run.first;
  };
  const bool meeting_labels =
      lane.kind == LaneKind::Meeting && f.px_per_day() >= kMeetingTextPxPerDay * s;
  std::optional<Pointer> pointer;
  if (lane.kind == LaneKind::Milestones) pointer = next_beyond(c, lane, base);
  if ((lane.kind == LaneKind::Meeting && !meeting_labels) || (done.empty() && !pointer))
    return plan;
  // Meetings fit their text to the room they have: no label rows for them.
  const int extra = lane.kind == LaneKind::Meeting ? 0 : std::clamp(label_rows, 0, kMaxLabelRows);
  LabelLayoutParams params = label_params(f, rows + size_t(extra));
  params.shorten_rows = int(rows);
  std::vector<LabelItem> boxes(done.size());
  plan.texts.resize(done.size());
  std::vector<std::string>& texts = plan.texts;
  for (size_t k = 0; k < done.size(); ++k) {
    const LaneRun& run = done[k];
    LabelItem& box = boxes[k];
    box.row = std::max(run.row, 0);
    box.x0 = run.x0;
    box.x1 = run.count > 1 ? std::max(run.x1, run.x0 + 6 * s) : run.x1;
    if (run.count != 1 || is_dragged(run)) {
      if (run.row < 0) {  // a column mark covers every sub-row of the lane
        const LabelItem mark = box;
        for (size_t r = 1; r < rows; ++r) {
          LabelItem more = mark;
          more.row = int(r);
          boxes.push_back(more);
        }
      }
      continue;
    }
    const TimelineItem& it = lane.items[run.first];
    Extent x{run.x0, run.x1, run.small};
    Extent ob = label_obstacle(f, lane.kind, it, x, c.today_minute);
    box.x0 = ob.x0;
    box.x1 = ob.x1;
    if (ob.x1 > x.x1 || ob.x0 < x.x0) {
      box.bar_x0 = x.x0;
      box.bar_x1 = x.x1;
    }
    if (lane.kind == LaneKind::Meeting) {
      // As much as fits inside the block or before the next item of its row.
      float next = f.time_x1;
      for (size_t j = k + 1; j < done.size(); ++j)
        if (done[j].row == run.row && done[j].x0 > x.x1) {
          next = std::min(next, done[j].x0);
          break;
        }
      float room = std::max(x.x1 - x.x0 - 2 * params.pad, next - x.x1 - 2 * params.gap);
      texts[k] = meeting_text(c, lane, it, room);
    } else {
      texts[k] = label_of(*c.engagement, lane.kind, it);
    }
    if (lane.kind == LaneKind::Milestones && (it.flags & kDrifted)) {
      // A drifted milestone's gap ("+7 d") on the line joining baseline and current
      // date, when it fits there (inside the milestone's own obstacle: no other label
      // can be there); else after its title.
      const Milestone* m = c.engagement->milestones.find(it.id);
      int days = m ? m->current.days - m->baseline.days : 0;
      if (days != 0) {
        std::string slip = slip_text(days);
        float w = ImGui::CalcTextSize(slip.c_str()).x;
        float gx = f.clamped_x(double(it.ghost.minutes) + 720.0);
        float cx = (x.x0 + x.x1) * 0.5f, rad = (x.x1 - x.x0) * 0.5f;
        // Between the two diamonds, and on screen.
        float lo = std::max(std::min(gx, cx) + rad + 4 * s, f.time_x0 + 4 * s);
        float hi = std::min(std::max(gx, cx) - rad - 4 * s, f.time_x1 - 4 * s);
        if (hi - lo >= w + 6 * s) {
          plan.slips.push_back(LaneSlip{k, slip, (lo + hi - w) * 0.5f, run.row});
        } else {
          texts[k] = texts[k].empty() ? slip : texts[k] + "  " + slip;
        }
      }
    }
    if (texts[k].empty()) continue;
    box.width = ImGui::CalcTextSize(texts[k].c_str()).x;
    box.has_bar = has_bar(lane.kind);
  }
  // The pointer past the right edge keeps its place; labels make room for it.
  if (pointer) {
    int row = std::min<int>(lane.items[pointer->index].row, int(rows) - 1);
    plan.pointer = LanePointer{pointer->index, pointer->text, pointer->x0, pointer->x1, row};
    boxes.push_back(LabelItem{row, pointer->x0 - 3 * s, pointer->x1 + 3 * s, 0, false});
  }
  plan.placed = layout_labels(boxes, params);
  plan.placed.resize(done.size());
  for (size_t k = 0; k < done.size(); ++k)
    if (plan.placed[k].where != LabelWhere::None && !texts[k].empty())
      plan.rows = std::max(plan.rows, plan.placed[k].row + 1);
  return plan;
}

void draw_lane_items(ItemDrawContext& c, const TimelineLane& lane, const LanePlan& plan,
                     int lane_index, float y0, float row_h) {
  const TimelineFrame& f = *c.frame;
  const TimelinePalette& p = *c.pal;
  const float s = f.scale;
  const int own_rows = std::clamp<int>(lane.rows, 1, 8);
  auto row_at = [&](int r) {
    if (r < 0) return Row{y0, y0 + float(own_rows) * row_h};  // a column mark: every sub-row
    return Row{y0 + float(r) * row_h, y0 + float(r + 1) * row_h};
  };
  auto is_dragged = [&](const LaneRun& run) {
    return run.count == 1 && c.dragged && c.dragged->lane == lane_index &&
           c.dragged->index == run.first;
  };
  const std::vector<LaneRun>& done = plan.runs;
  // Text half out of the lanes' area (a lane scrolled half out of view) is left out,
  // never drawn cut: the lane's items still show, and scrolling brings it back whole.
  auto text_shows = [&](float y, float h) { return y >= f.axis_y1 && y + h <= f.lanes_y1; };

  // Shapes.
  for (const LaneRun& run : done) {
    const Row r = row_at(run.row);
    if (run.count == 1) {
      const TimelineItem& it = lane.items[run.first];
      if (it.end.minutes <= f.range.from || it.start.minutes >= f.range.to)
        ++c.stats->drawn_outside;
      if (is_dragged(run)) {
        // Its original place stays faintly visible while the preview moves.
        c.draw->AddRect(ImVec2(run.x0, r.y0 + 4 * s), ImVec2(run.x1, r.y1 - 4 * s),
                        with_alpha(p.text, 0.35f), 4 * s, 0, 1.5f * s);
      } else {
        draw_shape(c, lane.kind, it, Extent{run.x0, run.x1, run.small}, r,
                   is_selected(c.selection, lane, it), false);
      }
      ++c.stats->items_drawn;
      if (hovered(c, run.x0 - 2 * s, r.y0, run.x1 + 2 * s, r.y1)) {
        *c.hit = TimelineHit{TimelineHit::What::Item, lane_index, run.first, 1, 0, 0, run.row};
      }
      continue;
    }
    float x0 = run.x0, x1 = std::max(run.x1, run.x0 + 6 * s);
    ImVec2 a(x0, r.y0 + 5 * s), b(x1, r.y1 - 5 * s);
    c.draw->AddRectFilled(a, b, opaque_over(p.merged, lane_background(p, lane_index)),
                          x1 - x0 < 12 * s ? 0.0f : 3 * s);
    char label[32];
    std::snprintf(label, sizeof label, x1 - x0 > 70 * s ? "%zu items" : "%zu", run.count);
    ImVec2 ts = ImGui::CalcTextSize(label);
    if (ts.x + 6 * s < x1 - x0 && text_shows((a.y + b.y - ts.y) * 0.5f, ts.y)) {
      c.draw->AddText(ImVec2((x0 + x1 - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f), p.merged_text,
                      label);
    }
    ++c.stats->merged_blocks;
    c.stats->items_merged += run.count;
    if (hovered(c, x0, r.y0, x1, r.y1)) {
      *c.hit =
          TimelineHit{TimelineHit::What::Merged, lane_index, run.first, run.count, run.from, run.to,
                      std::max(run.row, 0)};
    }
  }

  if (plan.placed.empty() && !plan.pointer) return;
  const float fs = ImGui::GetFontSize();
  const ImU32 backing = lane_background(p, lane_index);
  for (const LaneSlip& slip : plan.slips) {
    const Row r = row_at(slip.row);
    const float y = (r.y0 + r.y1 - fs) * 0.5f;
    if (!text_shows(y, fs)) continue;
    c.draw->AddRectFilled(
        ImVec2(slip.x - 3 * s, y - 1 * s),
        ImVec2(slip.x + ImGui::CalcTextSize(slip.text.c_str()).x + 3 * s, y + fs + 1 * s), backing,
        3 * s);
    c.draw->AddText(ImVec2(slip.x, y), p.text, slip.text.c_str());
  }
  for (size_t k = 0; k < plan.placed.size() && k < done.size(); ++k) {
    const LabelPlacement& at = plan.placed[k];
    if (at.where == LabelWhere::None || plan.texts[k].empty()) continue;
    const LaneRun& run = done[k];
    const TimelineItem& it = lane.items[run.first];
    const bool inside = label_inside(lane.kind, at, run.row, Extent{run.x0, run.x1, run.small});
    const Row r = row_at(at.row);
    const float y = (r.y0 + r.y1 - fs) * 0.5f;
    if (!text_shows(y, fs)) continue;
    draw_label(c, lane.kind, it, plan.texts[k], at, inside, y, backing);
    // A label away from its item shows the item's tooltip too.
    if (!inside && hovered(c, at.x0, y, at.x1, y + fs))
      *c.hit = TimelineHit{TimelineHit::What::Item, lane_index, run.first, 1, 0, 0, run.row};
  }
  if (plan.pointer) {
    const LanePointer& ptr = *plan.pointer;
    const Row r = row_at(ptr.row);
    const float y = (r.y0 + r.y1 - fs) * 0.5f;
    if (!text_shows(y, fs)) return;
    std::string shown = shorten_to_width(
        ptr.text, ptr.x1 - ptr.x0 - 16 * s,
        [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; });
    if (!shown.empty()) {
      draw_pointer(c, Pointer{ptr.index, ptr.text, ptr.x0, ptr.x1}, shown, y, backing);
      if (hovered(c, ptr.x0, y, ptr.x1, y + fs))
        *c.hit = TimelineHit{TimelineHit::What::Item, lane_index, ptr.index, 1, 0, 0, ptr.row};
    }
  }
}

}  // namespace rapport::app
