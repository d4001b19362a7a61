// [SECTION] index
//   Geometry - where an item lies on screen, whether it is too small to draw alone
//   Shapes   - one function per kind of item
//   Merging  - the per-row runs of small items drawn as "N items"
#include "timeline/item_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
  float min_w = (kind == LaneKind::Meeting ? 6.0f : 4.0f) * f.scale;
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

// The item's title clipped to [x0, x1] on one line; nothing (not even the lookup)
// when there is no room for a few letters.
void title_text(const ItemDrawContext& c, LaneKind kind, Id id, float x0, float x1, float y,
                ImU32 col, const char* prefix = "") {
  float room = x1 - x0;
  if (room < ImGui::GetFontSize() * 2.0f) return;
  std::string text = prefix + title_of(*c.engagement, kind, id);
  if (text.empty()) return;
  ImVec4 clip(x0, y - 2, x1, y + ImGui::GetFontSize() + 4);
  c.draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x0, y), col, text.c_str(), nullptr,
                  0.0f, &clip);
}

void diamond(ImDrawList* draw, ImVec2 c, float r, ImU32 fill, ImU32 border, float thickness) {
  ImVec2 p[4] = {ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r),
                 ImVec2(c.x - r, c.y)};
  if (fill & IM_COL32_A_MASK) draw->AddConvexPolyFilled(p, 4, fill);
  if (thickness > 0) draw->AddPolyline(p, 4, border, ImDrawFlags_Closed, thickness);
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
    float gw = std::max(x.x1 - x.x0, 6 * s);
    ImU32 faint = with_alpha(p.meeting, 0.35f);
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
  if (selected || preview)
    c.draw->AddRect(ImVec2(a.x - 2 * s, a.y - 2 * s), ImVec2(b.x + 2 * s, b.y + 2 * s),
                    preview ? p.drag_preview : p.selection, round + 2 * s, 0, 2.5f * s);
}

void draw_milestone(ItemDrawContext& c, const TimelineItem& it, Extent x, Row r, bool selected,
                    bool preview, float label_x1) {
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
    diamond(c.draw, ImVec2(gx, cy), rad * 0.75f, 0, p.ghost, 1.5f * s);
  }
  ImU32 fill = milestone_colour(p, it.state);
  diamond(c.draw, ImVec2(cx, cy), rad, fill, selected || preview ? p.selection : p.canvas,
          selected || preview ? 3.0f * s : 1.5f * s);
  if (label_x1 > cx + rad + 4 * s) {
    title_text(c, LaneKind::Milestones, it.id, cx + rad + 5 * s, label_x1,
               cy - ImGui::GetFontSize() * 0.5f, p.text);
  }
}

void draw_blackout(ItemDrawContext& c, const TimelineItem& it, Extent x, Row r, bool selected) {
  const TimelinePalette& p = *c.pal;
  const float s = c.frame->scale;
  ImVec2 a(x.x0, r.y0 + 3 * s), b(x.x1, r.y1 - 3 * s);
  c.draw->AddRectFilled(a, b, p.blackout, x.x1 - x.x0 < 12 * s ? 0.0f : 3 * s);
  if (selected) c.draw->AddRect(a, b, p.selection, 3 * s, 0, 2.5f * s);
  title_text(c, LaneKind::Boundaries, it.id, std::max(a.x, c.frame->time_x0) + 5 * s, b.x - 4 * s,
             (a.y + b.y) * 0.5f - ImGui::GetFontSize() * 0.5f, p.blackout_text);
}

void draw_change(ItemDrawContext& c, const TimelineItem& it, Extent x, Row r, bool selected,
                 float label_x1) {
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
  if (label_x1 > cx + rad + 4 * s) {
    title_text(c, LaneKind::ChangeRequests, it.id, cx + rad + 5 * s, label_x1,
               cy - ImGui::GetFontSize() * 0.5f, p.text);
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
  ImU32 fill = overdue                         ? p.task_overdue
               : status == TaskStatus::Done    ? p.task_done
               : status == TaskStatus::Dropped ? with_alpha(p.muted_text, 0.35f)
                                               : with_alpha(p.task, 0.75f);
  c.draw->AddRectFilled(a, b, fill, round);
  if (status == TaskStatus::Dropped)
    c.draw->AddLine(ImVec2(a.x, (a.y + b.y) * 0.5f), ImVec2(b.x, (a.y + b.y) * 0.5f), p.text,
                    1.5f * s);
  if (overdue && round > 0) c.draw->AddRect(a, b, p.text, round, 0, 1.5f * s);
  if (selected)
    c.draw->AddRect(ImVec2(a.x - 2 * s, a.y - 2 * s), ImVec2(b.x + 2 * s, b.y + 2 * s), p.selection,
                    4 * s, 0, 2.5f * s);
  ImU32 text = overdue || status != TaskStatus::Open ? p.text : IM_COL32(255, 255, 255, 255);
  if (overdue) text = IM_COL32(255, 255, 255, 255);
  title_text(c, LaneKind::ClientTasks, it.id, std::max(a.x, c.frame->time_x0) + 5 * s, b.x - 4 * s,
             (a.y + b.y) * 0.5f - ImGui::GetFontSize() * 0.5f, text, overdue ? "! " : "");
}

void draw_shape(ItemDrawContext& c, LaneKind kind, const TimelineItem& it, Extent x, Row r,
                bool selected, bool preview, float label_x1) {
  switch (kind) {
    case LaneKind::Meeting:
      draw_meeting(c, it, x, r, selected, preview);
      break;
    case LaneKind::Milestones:
      draw_milestone(c, it, x, r, selected, preview, label_x1);
      break;
    case LaneKind::Boundaries:
      draw_blackout(c, it, x, r, selected);
      break;
    case LaneKind::ChangeRequests:
      draw_change(c, it, x, r, selected, label_x1);
      break;
    case LaneKind::ClientTasks:
      draw_task(c, it, x, r, selected);
      break;
  }
}

// [SECTION] Merging -------------------------------------------------------------

// A run of items of one row waiting to be drawn: one item alone, or a merged block.
struct Run {
  bool active = false;
  size_t first = 0;
  size_t count = 0;
  Extent x{};
  double from = 0, to = 0;
};

}  // namespace

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

bool item_shown(const ItemDrawContext& c, const TimelineLane& lane, const TimelineItem& it) {
  return !(c.presentation && lane.kind == LaneKind::Milestones && (it.flags & kHiddenFromClient));
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
  draw_shape(c, lane.kind, it, x, r, is_selected(c.selection, lane, it), preview,
             x.x1 + 400 * c.frame->scale);
}

void draw_lane_items(ItemDrawContext& c, const TimelineLane& lane, int lane_index, float y0,
                     float row_h) {
  const TimelineFrame& f = *c.frame;
  const TimelinePalette& p = *c.pal;
  const float s = f.scale;
  const float gap = merge_px(f);
  auto slice = lane.visible(f.visible_from(), f.visible_to());
  const size_t base = slice.empty() ? 0 : size_t(slice.data() - lane.items.data());
  c.stats->items_considered += slice.size();

  // Items are drawn one step late, so a label can run up to the next item of its row.
  Run runs[8];
  const size_t rows = std::min<size_t>(lane.rows, 8);

  auto flush = [&](Run& run, float next_x0) {
    if (!run.active) return;
    run.active = false;
    Row r{y0 + float(&run - runs) * row_h, y0 + float(&run - runs + 1) * row_h};
    if (run.count == 1) {
      const TimelineItem& it = lane.items[run.first];
      if (it.end.minutes <= f.range.from || it.start.minutes >= f.range.to)
        ++c.stats->drawn_outside;
      bool dragged = c.dragged && c.dragged->lane == lane_index && c.dragged->index == run.first;
      if (dragged) {
        // Its original place stays faintly visible while the preview moves.
        c.draw->AddRect(ImVec2(run.x.x0, r.y0 + 4 * s), ImVec2(run.x.x1, r.y1 - 4 * s),
                        with_alpha(p.text, 0.35f), 4 * s, 0, 1.5f * s);
      } else {
        draw_shape(c, lane.kind, it, run.x, r, is_selected(c.selection, lane, it), false,
                   next_x0 - 6 * s);
      }
      ++c.stats->items_drawn;
      if (hovered(c, run.x.x0 - 2 * s, r.y0, run.x.x1 + 2 * s, r.y1)) {
        *c.hit =
            TimelineHit{TimelineHit::What::Item, lane_index, run.first, 1, 0, 0, int(&run - runs)};
      }
      return;
    }
    float x0 = run.x.x0, x1 = std::max(run.x.x1, run.x.x0 + 6 * s);
    ImVec2 a(x0, r.y0 + 5 * s), b(x1, r.y1 - 5 * s);
    c.draw->AddRectFilled(a, b, p.merged, x1 - x0 < 12 * s ? 0.0f : 3 * s);
    char label[32];
    std::snprintf(label, sizeof label, x1 - x0 > 70 * s ? "%zu items" : "%zu", run.count);
    ImVec2 ts = ImGui::CalcTextSize(label);
    if (ts.x + 6 * s < x1 - x0) {
      c.draw->AddText(ImVec2((x0 + x1 - ts.x) * 0.5f, (a.y + b.y - ts.y) * 0.5f), p.merged_text,
                      label);
    }
    ++c.stats->merged_blocks;
    c.stats->items_merged += run.count;
    if (hovered(c, x0, r.y0, x1, r.y1)) {
      *c.hit =
          TimelineHit{TimelineHit::What::Merged, lane_index, run.first, run.count, run.from, run.to,
                      int(&run - runs)};
    }
  };

  for (size_t k = 0; k < slice.size(); ++k) {
    const TimelineItem& it = slice[k];
    if (double(it.end.minutes) <= f.range.from || double(it.start.minutes) >= f.range.to) continue;
    if (!item_shown(c, lane, it)) continue;
    Extent x = extent_of(f, lane.kind, it, row_h);
    Run& run = runs[std::min<size_t>(it.row, rows - 1)];
    if (run.active) {
      // Merge what is too small to draw alone, and what would cover its neighbour
      // (overlapping markers; bars that did not fit the lane's sub-rows).
      bool either_small = run.x.small || run.count > 1 || x.small;
      bool touches = x.x0 < run.x.x1 || (either_small && x.x0 <= run.x.x1 + gap);
      bool room = std::max(run.x.x1, x.x1) - run.x.x0 <= max_run_px(f) || x.x0 - run.x.x0 < gap;
      if (touches && room) {
        ++run.count;
        run.x.x1 = std::max(run.x.x1, x.x1);
        run.from = std::min(run.from, double(it.start.minutes));
        run.to = std::max(run.to, double(it.end.minutes));
        continue;
      }
      flush(run, x.x0);
    }
    run = Run{true, base + k, 1, x, double(it.start.minutes), double(it.end.minutes)};
  }
  for (size_t r = 0; r < rows; ++r) flush(runs[r], f.time_x1 + 1000);
}

}  // namespace rapport::app
