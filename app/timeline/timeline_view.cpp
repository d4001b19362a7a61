// [SECTION] index
//   Frame   - the per-frame context and the lane layout
//   Draw    - TimelineView::draw(), the order of layers
//   Headers - the fixed lane headers on the left, collapsible
//   Scroll  - the lanes' scrollbar, the pane height that fits them
//   Impact  - lines from an approved change request to the milestones it moved
//   Views   - fit, today, reveal, collapsed lanes
//
// Input lives in timeline_input.cpp, the context menu and its popups in
// timeline_menu.cpp, the items in item_drawing.cpp.
#include "timeline/timeline_view.hpp"

#include <algorithm>
#include <cmath>

#include "timeline/axis.hpp"
#include "timeline/item_drawing.hpp"
#include "timeline/item_tooltip.hpp"
#include "timeline/label_layout.hpp"
#include "timeline/legend.hpp"
#include "timeline/shading.hpp"
#include "timeline/timeline_palette.hpp"

namespace rapport::app {
namespace {

constexpr float kHeaderWidth = 210;
constexpr float kLanePad = 6;
constexpr float kCollapsedHeight = 28;

float ui_scale() { return ImGui::GetFontSize() / 16.0f; }

// The editor's legend panel: at most this wide, inside a time area `time_w` wide.
float legend_width(float time_w, float s) { return std::min(640 * s, time_w - 16 * s); }

// Whether any item of the lane overlaps [from, to] (minutes): the lane's own
// binary search, then the few items of its slice that may end before `from`.
bool has_items_between(const TimelineLane& lane, double from, double to) {
  Instant a{int64_t(std::floor(from))}, b{int64_t(std::ceil(to)) + 1};
  for (const TimelineItem& it : lane.visible(a, b))
    if (it.end.minutes >= a.minutes) return true;
  return false;
}

}  // namespace

// [SECTION] Frame ---------------------------------------------------------------

void TimelineView::compute_frame(ImVec2 canvas_min, ImVec2 canvas_max, const TimelineIndex& index) {
  const float s = ui_scale();
  TimelineFrame& f = frame_;
  f.scale = s;
  f.canvas_min = canvas_min;
  f.canvas_max = canvas_max;
  f.time_x0 = canvas_min.x + std::min(kHeaderWidth * s, (canvas_max.x - canvas_min.x) * 0.4f);
  f.time_x1 = canvas_max.x;
  f.axis_y1 = canvas_min.y + 2 * ImGui::GetTextLineHeight() + 14 * s;
  f.lanes_y1 = std::max(f.axis_y1, canvas_max.y - legend_h_);
  f.range = range_;
  f.px_per_minute = double(std::max(1.0f, f.time_x1 - f.time_x0)) / std::max(1.0, range_.length());

  // Lanes stacked from the axis down; the vertical scroll clamped to the content.
  const auto& lanes = index.lanes();
  layout_.resize(lanes.size());
  float visible_h = f.lanes_y1 - f.axis_y1;
  auto lane_height = [&](const LaneLayout& l, const TimelineLane& /*lane*/) {
    if (l.hidden) return 0.0f;
    return l.collapsed ? kCollapsedHeight * s : float(l.rows) * l.row_h + 2 * kLanePad * s;
  };
  // The meeting series under one header (the editor, two or more of them).
  group_ = MeetingGroup{};
  if (!read_only_)
    for (const TimelineLane& lane : lanes) group_.series += lane.kind == LaneKind::Meeting;
  group_.shown = group_.series >= 2;
  group_.folded = group_.shown && meetings_collapsed_;
  // Open, the group costs no height (a bracket in the headers' margin); folded,
  // its series give way to one row.
  const float group_h = group_.folded ? kCollapsedHeight * s : 0.0f;
  float total = group_h;
  for (size_t i = 0; i < lanes.size(); ++i) {
    LaneLayout& l = layout_[i];
    l.collapsed = !read_only_ && collapsed(lanes[i]);
    l.rows = std::max<int>(l.rows, lanes[i].rows);
    l.row_h = lane_row_height(lanes[i].kind) * s;
    l.hidden = read_only_ ? !has_items_between(lanes[i], range_.from, range_.to)
                          : group_.folded && lanes[i].kind == LaneKind::Meeting;
    total += lane_height(l, lanes[i]);
  }
  if (read_only_ && total > visible_h) {
    // The client view shows every lane with something in range: rows get
    // shorter, down to a label's backing (its text and a pixel above and below).
    const float least = ImGui::GetTextLineHeight() + 2 * s;
    float pads = 0, rows = 0;
    for (size_t i = 0; i < lanes.size(); ++i)
      if (!layout_[i].hidden) {
        pads += 2 * kLanePad * s;
        rows += layout_[i].row_h * float(layout_[i].rows);  // every sub-row shrinks
      }
    float factor = rows > 0 ? std::max(0.0f, visible_h - pads) / rows : 1.0f;
    // Rows that would be shorter than that keep it; the others share what is left.
    float kept = 0, shared = 0;
    for (size_t i = 0; i < lanes.size(); ++i)
      if (!layout_[i].hidden) {
        const LaneLayout& l = layout_[i];
        if (l.row_h * factor < least)
          kept += least * float(l.rows);
        else
          shared += l.row_h * float(l.rows);
      }
    if (shared > 0) factor = std::max(0.0f, visible_h - pads - kept) / shared;
    total = 0;
    for (size_t i = 0; i < lanes.size(); ++i) {
      LaneLayout& l = layout_[i];
      l.row_h = std::max(least, l.row_h * std::min(1.0f, factor));
      total += lane_height(l, lanes[i]);
    }
  }
  content_h_ = total;
  scroll_ = std::clamp(scroll_, 0.0f, std::max(0.0f, content_h_ - visible_h + 20 * s));
  float y = f.axis_y1 - scroll_;
  bool group_placed = false;
  for (size_t i = 0; i < lanes.size(); ++i) {
    LaneLayout& l = layout_[i];
    if (group_.shown && !group_placed && lanes[i].kind == LaneKind::Meeting) {
      group_.y0 = y;
      y += group_h;
      group_placed = true;
    }
    l.y0 = y;
    y += lane_height(l, lanes[i]);
    l.y1 = y;
    if (group_placed && lanes[i].kind == LaneKind::Meeting) group_.y1 = y;
  }
}

int TimelineView::lane_at(float y) const {
  if (y < frame_.axis_y1) return -1;
  for (size_t i = 0; i < layout_.size(); ++i) {
    if (y >= layout_[i].y0 && y < layout_[i].y1) return int(i);
  }
  return -1;
}

bool TimelineView::hour_zoom() const {
  return axis_unit(frame_.px_per_minute, frame_.scale) < AxisUnit::Day;
}

ImVec2 TimelineView::item_centre(const TimelineIndex& index, int lane, size_t item) const {
  const TimelineLane& l = index.lanes()[size_t(lane)];
  const TimelineItem& it = l.items[item];
  const LaneLayout& g = layout_[size_t(lane)];
  float x0 = frame_.x_of(it.at), x1 = frame_.x_of(it.at_end);
  if (l.kind == LaneKind::Meeting) x1 = std::max(x1, x0 + 6 * frame_.scale);
  float y = g.y0 + kLanePad * frame_.scale + (float(it.row) + 0.5f) * g.row_h;
  return ImVec2((x0 + x1) * 0.5f, y);
}

// [SECTION] Draw ----------------------------------------------------------------

void TimelineView::draw(const Engagement& e, const TimelineIndex& index, ViewState& view,
                        CommandSink& commands, Date today) {
  days_.set_zone(index.time_zone());
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  avail.x = std::max(avail.x, 240.0f);
  avail.y = std::max(avail.y, 140.0f);
  const float s0 = ui_scale();
  // The legend: a strip below the lanes in the client view; in the editor a button
  // in the top-left corner (submitted before the canvas, so it gets the clicks).
  legend_h_ = read_only_ ? legend_size(avail.x - 16 * s0).y + 12 * s0 : 0.0f;
  if (legend_h_ > avail.y * 0.45f) legend_h_ = 0;  // too small a window: the lanes first
  // The button goes on a channel over the canvas drawn after it (merged at the end).
  ImDrawList* window_draw = ImGui::GetWindowDrawList();
  window_draw->ChannelsSplit(2);
  if (!read_only_) {
    window_draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + 8 * s0, p0.y + 5 * s0));
    const bool open = show_legend_;
    if (open) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton("Legend##timeline_legend")) show_legend_ = !show_legend_;
    if (open) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("What the marks on the timeline mean");
    ImGui::SetCursorScreenPos(p0);
    window_draw->ChannelsSetCurrent(0);
  }
  ImGui::InvisibleButton("##timeline_canvas", avail,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  // The editor's legend panel lies over the lanes: what is under it is not hovered.
  const bool over_legend = [&] {
    if (read_only_ || !show_legend_) return false;
    const float header = std::min(kHeaderWidth * s0, avail.x * 0.4f);
    const float axis = 2 * ImGui::GetTextLineHeight() + 14 * s0;
    ImVec2 a(p0.x + header + 8 * s0, p0.y + axis + 8 * s0);
    ImVec2 size = legend_size(legend_width(avail.x - header, s0));
    return ImGui::IsMouseHoveringRect(a, ImVec2(a.x + size.x, a.y + size.y));
  }();
  const bool canvas_hovered = ImGui::IsItemHovered() && !over_legend;
  const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows);
  const ImVec2 p1(p0.x + avail.x, p0.y + avail.y);

  if (!initialized_) {
    fit(index);
    initialized_ = true;
  }
  compute_frame(p0, p1, index);
  if (view.reveal_on_timeline) {
    reveal(index, *view.reveal_on_timeline);
    view.reveal_on_timeline.reset();
    compute_frame(p0, p1, index);
  }
  handle_wheel_and_keys(index, canvas_hovered, focused, today);
  compute_frame(p0, p1, index);
  update_drag(index);
  compute_frame(p0, p1, index);

  const TimelineFrame& f = frame_;
  const float s = f.scale;
  const TimelinePalette pal = timeline_palette();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  stats_ = TimelineStats{};
  hover_ = TimelineHit{};

  // What each lane draws, and so how many label rows it needs, before the lanes are
  // stacked: a lane whose labels need rows gets them this frame.
  ImGuiIO& io = ImGui::GetIO();
  ItemDrawContext ctx;
  ctx.draw = draw;
  ctx.frame = &f;
  ctx.pal = &pal;
  ctx.engagement = &e;
  ctx.selection = view.selection;
  ctx.mouse = io.MousePos;
  ctx.mouse_in_lanes = canvas_hovered && io.MousePos.x >= f.time_x0 && io.MousePos.y >= f.axis_y1;
  ctx.hit = &hover_;
  ctx.stats = &stats_;
  ctx.today_minute = double(days_.start(today).minutes);
  ctx.time_zone = &index.time_zone();
  if (drag_.kind == TimelineDrag::Kind::Item)
    ctx.dragged = DraggedItem{drag_.press.lane, drag_.press.index};
  plans_.resize(index.lanes().size());
  for (int pass = 0; pass < 2; ++pass) {
    bool changed = false;
    for (size_t i = 0; i < index.lanes().size(); ++i) {
      LaneLayout& g = layout_[i];
      const TimelineLane& lane = index.lanes()[i];
      // Lanes out of the visible height are not planned (a frame costs what is
      // visible): they keep the rows they had when last in view.
      if (g.hidden || g.collapsed || g.y1 < frame_.axis_y1 || g.y0 > frame_.lanes_y1) {
        plans_[i] = LanePlan{};
        continue;
      }
      plans_[i] = plan_lane_items(ctx, lane, int(i), g.row_h, kMaxLabelRows);
      const int rows = std::max<int>(lane.rows, plans_[i].rows);
      changed |= rows != g.rows;
      g.rows = rows;
    }
    if (!changed) break;
    compute_frame(p0, p1, index);
    ctx.stats->items_considered = 0;
  }
  draw->AddRectFilled(p0, p1, pal.canvas);
  // Lanes: backgrounds, shading, items, clipped to the time area below the axis.
  const float lanes_y1 = f.lanes_y1;
  draw->PushClipRect(ImVec2(f.time_x0, f.axis_y1), ImVec2(p1.x, lanes_y1), true);
  const auto& lanes = index.lanes();
  for (size_t i = 0; i < lanes.size(); ++i) {
    const LaneLayout& g = layout_[i];
    if (g.hidden || g.y1 < f.axis_y1 || g.y0 > lanes_y1) continue;
    if (i % 2 == 1)
      draw->AddRectFilled(ImVec2(f.time_x0, g.y0), ImVec2(f.time_x1, g.y1),
                          lane_background(pal, int(i)));
  }
  draw_shading(draw, f, pal, days_, index, f.axis_y1, lanes_y1);
  // Grid and today line behind the items, so they never cross a label.
  draw_grid(draw, f, pal, days_, f.axis_y1, lanes_y1);
  draw_today(draw, f, pal, days_, today, f.axis_y1, lanes_y1);

  for (size_t i = 0; i < lanes.size(); ++i) {
    const LaneLayout& g = layout_[i];
    if (g.hidden || g.y1 < f.axis_y1 || g.y0 > lanes_y1) continue;  // culled: not visible
    ++stats_.lanes_drawn;
    draw->AddLine(ImVec2(f.time_x0, g.y1 - 0.5f), ImVec2(f.time_x1, g.y1 - 0.5f), pal.grid);
    if (g.collapsed) continue;
    draw_lane_items(ctx, lanes[i], plans_[i], int(i), g.y0 + kLanePad * s, g.row_h);
  }
  if (group_.folded && group_.y1 >= f.axis_y1 && group_.y0 <= lanes_y1) {
    draw->AddLine(ImVec2(f.time_x0, group_.y1 - 0.5f), ImVec2(f.time_x1, group_.y1 - 0.5f),
                  pal.grid);
    draw_meeting_summary(draw, index);
  }
  draw_impact_lines(draw, e, index, view);

  // The drag preview: the item at its new date, with the date it would get.
  if (drag_.kind == TimelineDrag::Kind::Item && drag_.press.lane >= 0 &&
      size_t(drag_.press.lane) < lanes.size()) {
    const TimelineLane& lane = lanes[size_t(drag_.press.lane)];
    if (drag_.press.index < lane.items.size()) {
      TimelineItem moved = lane.items[drag_.press.index];
      moved.at = moved.at.plus_minutes(drag_.delta_minutes);
      moved.at_end = moved.at_end.plus_minutes(drag_.delta_minutes);
      if (lane.kind == LaneKind::Milestones) {
        moved.date = moved.date.plus_days(int32_t(drag_.delta_minutes / 1440));
        moved.at = days_.start(moved.date);
        moved.at_end = days_.start(moved.date.plus_days(1));
        if (moved.date != lane.items[drag_.press.index].date) moved.flags |= kDrifted;
      }
      const LaneLayout& g = layout_[size_t(drag_.press.lane)];
      draw_single_item(ctx, lane, moved, g.y0 + kLanePad * s, g.row_h, true);
      LocalDateTime l = to_local(moved.at, index.time_zone());
      std::string when = date_text(l.date);
      if (lane.kind == LaneKind::Meeting) {
        when.push_back(' ');
        when.append(l.time.hhmm());
      }
      ImVec2 c = item_centre(index, drag_.press.lane, drag_.press.index);
      float x = f.x_of(moved.at);
      ImVec2 ts = ImGui::CalcTextSize(when.c_str());
      ImVec2 a(x, c.y - g.row_h * 0.5f - ts.y - 8 * s);
      draw->AddRectFilled(a, ImVec2(a.x + ts.x + 10 * s, a.y + ts.y + 6 * s), pal.drag_preview,
                          4 * s);
      draw->AddText(ImVec2(a.x + 5 * s, a.y + 3 * s), text_on(pal.drag_preview), when.c_str());
    }
  }
  draw->PopClipRect();

  // The axis with the today pill; it stays put when scrolling.
  draw->PushClipRect(ImVec2(f.time_x0, p0.y), p1, true);
  draw_axis(draw, f, pal, days_, today);
  draw->PopClipRect();
  draw_headers(draw, index, view);
  if (read_only_ && legend_h_ > 0) {
    // The client view's legend, across the bottom of the timeline.
    draw->AddRectFilled(ImVec2(p0.x, lanes_y1), p1, pal.canvas);
    draw->AddLine(ImVec2(p0.x, lanes_y1 + 0.5f), ImVec2(p1.x, lanes_y1 + 0.5f), pal.grid);
    draw_legend(draw, ImVec2(p0.x + 8 * s, lanes_y1 + 6 * s), p1.x - p0.x - 16 * s, pal);
  } else if (show_legend_ && !read_only_) {
    draw_legend(draw, ImVec2(f.time_x0 + 8 * s, f.axis_y1 + 8 * s),
                legend_width(f.time_x1 - f.time_x0, s), pal);
  }

  if (Scrollbar bar = scrollbar(); bar.shown()) {
    const bool active = drag_.kind == TimelineDrag::Kind::Scrollbar;
    const bool over = canvas_hovered && ImGui::IsMouseHoveringRect(bar.track_min, bar.track_max);
    draw->AddRectFilled(bar.track_min, bar.track_max, with_alpha(pal.header_bg, 0.85f), 4 * s);
    draw->AddRectFilled(bar.thumb_min, bar.thumb_max,
                        with_alpha(pal.muted_text, active ? 0.9f
                                                   : over ? 0.75f
                                                          : 0.55f),
                        3 * s);
  }

  // Hover tooltip (not while dragging: the preview says enough).
  if (drag_.kind != TimelineDrag::Kind::Item && drag_.kind != TimelineDrag::Kind::Pan &&
      drag_.kind != TimelineDrag::Kind::Scrollbar && canvas_hovered) {
    if (over_group_bracket(io.MousePos)) {
      ImGui::SetTooltip("Fold the %d meeting series into one row", group_.series);
    } else if (group_.folded && io.MousePos.x < f.time_x0 && io.MousePos.y >= group_.y0 &&
               io.MousePos.y < group_.y1) {
      ImGui::SetTooltip("Show each meeting series in its own lane");
    } else if (hover_.what == TimelineHit::What::Item) {
      const TimelineLane& lane = lanes[size_t(hover_.lane)];
      ImGui::BeginTooltip();
      item_tooltip(e, index, lane, lane.items[hover_.index], read_only_, today);
      ImGui::EndTooltip();
    } else if (hover_.what == TimelineHit::What::Merged) {
      ImGui::BeginTooltip();
      ImGui::Text("%zu items too close to tell apart", hover_.count);
      ImGui::TextDisabled("Click to zoom in");
      ImGui::EndTooltip();
    }
  }

  window_draw->ChannelsMerge();

  // Gestures and menus (none when read-only: the client's copy makes no commands).
  handle_mouse(e, index, view, commands, today, canvas_hovered);
  if (!read_only_) draw_popups(e, index, view, commands, today);
}

// [SECTION] Scroll --------------------------------------------------------------

TimelineView::Scrollbar TimelineView::scrollbar() const {
  const TimelineFrame& f = frame_;
  const float visible_h = f.lanes_y1 - f.axis_y1;
  if (content_h_ <= visible_h + 0.5f || visible_h <= 0) return {};
  const float s = f.scale;
  Scrollbar b;
  b.track_min = ImVec2(f.time_x1 - 11 * s, f.axis_y1 + 2 * s);
  b.track_max = ImVec2(f.time_x1 - 2 * s, f.lanes_y1 - 2 * s);
  const float track_h = b.track_max.y - b.track_min.y;
  const float range = std::max(1.0f, content_h_ - visible_h + 20 * s);  // scroll_'s range
  const float thumb_h = std::max(24 * s, track_h * visible_h / (content_h_ + 20 * s));
  const float top = b.track_min.y + (track_h - thumb_h) * std::clamp(scroll_ / range, 0.0f, 1.0f);
  b.thumb_min = ImVec2(b.track_min.x + 2 * s, top);
  b.thumb_max = ImVec2(b.track_max.x - 1 * s, top + thumb_h);
  return b;
}

float TimelineView::fitted_height(float at_most) const {
  const TimelineFrame& f = frame_;
  const float s = f.scale;
  float h = f.axis_y1 - f.canvas_min.y + legend_h_;
  const float all = h + content_h_ + 8 * s;
  if (all <= at_most) return all;
  // Whole lanes from the top (the folded meeting group's row counts with its lanes).
  const float top = f.axis_y1 - scroll_;
  for (const LaneLayout& l : layout_) {
    if (l.y1 <= l.y0) continue;
    const float bottom = f.axis_y1 - f.canvas_min.y + legend_h_ + (l.y1 - top);
    if (bottom > at_most) break;
    h = bottom;
  }
  // Not even the first lane fits: as much as there is room for (it scrolls).
  return h > f.axis_y1 - f.canvas_min.y + legend_h_ ? h : std::min(at_most, all);
}

bool TimelineView::over_group_bracket(ImVec2 m) const {
  const float s = frame_.scale;
  return group_.shown && !group_.folded && !read_only_ && m.x >= frame_.canvas_min.x &&
         m.x < frame_.canvas_min.x + 11 * s && m.y >= group_.y0 && m.y < group_.y1 &&
         m.y >= frame_.axis_y1 && m.y < frame_.lanes_y1;
}

// The collapsed meeting group's row: a tick for every occurrence of every series in
// view, at most one per pixel column (bounded by the canvas, not the items).
void TimelineView::draw_meeting_summary(ImDrawList* draw, const TimelineIndex& index) {
  const TimelineFrame& f = frame_;
  const float s = f.scale;
  const TimelinePalette pal = timeline_palette();
  const int columns = std::max(1, int(std::ceil(f.time_x1 - f.time_x0)) + 1);
  std::vector<uint8_t> marked(size_t(columns), 0);
  const Instant from{int64_t(std::floor(range_.from))}, to{int64_t(std::ceil(range_.to)) + 1};
  for (const TimelineLane& lane : index.lanes()) {
    if (lane.kind != LaneKind::Meeting) continue;
    size_t i = lane.first_visible(from);
    while (i < lane.items.size()) {
      const TimelineItem& it = lane.items[i];
      if (it.start.minutes > to.minutes) break;
      const int x = int(std::floor(f.x_of(it.at) - f.time_x0));
      if (OccurrenceState(it.state) == OccurrenceState::Cancelled || x < 0 || x >= columns) {
        ++i;
        continue;
      }
      if (!marked[size_t(x)]) ++stats_.summary_marks;
      marked[size_t(x)] = 1;
      // The rest of this pixel column is marked already: on to the next one.
      const Instant next{int64_t(std::ceil(f.minute_at(f.time_x0 + float(x + 1))))};
      i = std::max(i + 1, lane.first_starting_at_or_after(next));
    }
  }
  const float mid = (group_.y0 + group_.y1) * 0.5f, half = 6 * s;
  for (int x = 0; x < columns; ++x)
    if (marked[size_t(x)])
      draw->AddRectFilled(ImVec2(f.time_x0 + float(x), mid - half),
                          ImVec2(f.time_x0 + float(x) + std::max(2.0f, 2 * s), mid + half),
                          pal.meeting);
}

// [SECTION] Headers -------------------------------------------------------------

void TimelineView::draw_headers(ImDrawList* draw, const TimelineIndex& index,
                                const ViewState& view) {
  const TimelineFrame& f = frame_;
  const float s = f.scale;
  const TimelinePalette pal = timeline_palette();
  const float x0 = f.canvas_min.x, x1 = f.time_x0;
  draw->AddRectFilled(ImVec2(x0, f.canvas_min.y), ImVec2(x1, f.lanes_y1), pal.header_bg);
  draw->AddLine(ImVec2(x1 - 0.5f, f.canvas_min.y), ImVec2(x1 - 0.5f, f.lanes_y1),
                pal.header_border);
  // The zone the axis is drawn in, where the axis meets the headers.
  draw->AddText(ImVec2(x0 + 10 * s, f.axis_y1 - ImGui::GetTextLineHeight() - 6 * s), pal.muted_text,
                index.time_zone().c_str());
  draw->PushClipRect(ImVec2(x0, f.axis_y1), ImVec2(x1, f.lanes_y1), true);
  const auto& lanes = index.lanes();
  const float fs = ImGui::GetFontSize();
  // A triangle: pointing right when collapsed, down when open.
  auto arrow = [&](float tx, float ty, bool closed) {
    const float r = 4.5f * s;
    if (closed)
      draw->AddTriangleFilled(ImVec2(tx - r * 0.6f, ty - r), ImVec2(tx - r * 0.6f, ty + r),
                              ImVec2(tx + r, ty), pal.muted_text);
    else
      draw->AddTriangleFilled(ImVec2(tx - r, ty - r * 0.6f), ImVec2(tx + r, ty - r * 0.6f),
                              ImVec2(tx, ty + r), pal.muted_text);
  };
  if (group_.folded && group_.y1 >= f.axis_y1 && group_.y0 <= f.lanes_y1) {
    // Folded: one row that names the group (a click opens it).
    draw->AddLine(ImVec2(x0, group_.y1 - 0.5f), ImVec2(x1, group_.y1 - 0.5f), pal.grid);
    const float ty = (group_.y0 + group_.y1) * 0.5f;
    arrow(x0 + 14 * s, ty, true);
    const std::string title = "Meetings · " + std::to_string(group_.series) + " series";
    draw->AddText(ImVec2(x0 + 26 * s, ty - fs * 0.5f), pal.text, title.c_str());
  } else if (group_.shown && group_.y1 >= f.axis_y1 && group_.y0 <= f.lanes_y1) {
    // Open: a bracket in the margin joins the series (a click folds them).
    const bool hot = over_group_bracket(ImGui::GetIO().MousePos);
    const ImU32 col = hot ? pal.text : pal.muted_text;
    const float bx = x0 + 5 * s, top = group_.y0 + 6 * s, bottom = group_.y1 - 6 * s;
    draw->AddLine(ImVec2(bx, top), ImVec2(bx, bottom), col, hot ? 2.5f * s : 1.5f * s);
    draw->AddLine(ImVec2(bx, top), ImVec2(bx + 4 * s, top), col, 1.5f * s);
    draw->AddLine(ImVec2(bx, bottom), ImVec2(bx + 4 * s, bottom), col, 1.5f * s);
  }
  for (size_t i = 0; i < lanes.size(); ++i) {
    const LaneLayout& g = layout_[i];
    if (g.hidden || g.y1 < f.axis_y1 || g.y0 > f.lanes_y1) continue;
    const TimelineLane& lane = lanes[i];
    // Series in the group sit right of its bracket.
    const float indent = group_.shown && lane.kind == LaneKind::Meeting ? 6 * s : 0.0f;
    bool selected = lane.kind == LaneKind::Meeting && view.selection.id == lane.series;
    if (selected)
      draw->AddRectFilled(ImVec2(x0, g.y0), ImVec2(x1, g.y1), with_alpha(pal.selection, 0.18f));
    draw->AddLine(ImVec2(x0, g.y1 - 0.5f), ImVec2(x1, g.y1 - 0.5f), pal.grid);
    float ty = g.y0 + std::min(g.y1 - g.y0, 2 * kLanePad * s + fs + 4 * s) * 0.5f;
    float tx = x0 + 14 * s + indent;
    // The lane's name, shortened with "…" when the header is too narrow (the
    // legend explains the marks, so no caption under it).
    auto width_of = [](std::string_view t) {
      return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
    };
    if (read_only_) {  // the client view: no arrow, the name centred in its height
      std::string name = shorten_to_width(lane.title, x1 - x0 - 16 * s, width_of);
      draw->AddText(ImVec2(x0 + 10 * s, (g.y0 + g.y1 - fs) * 0.5f), pal.text, name.c_str());
      continue;
    }
    arrow(tx, ty, g.collapsed);
    float text_x = tx + 12 * s;
    std::string name = shorten_to_width(lane.title, x1 - 6 * s - text_x, width_of);
    draw->AddText(ImVec2(text_x, ty - fs * 0.5f), pal.text, name.c_str());
  }
  draw->PopClipRect();
}

// [SECTION] Impact --------------------------------------------------------------

void TimelineView::draw_impact_lines(ImDrawList* draw, const Engagement& e,
                                     const TimelineIndex& index, const ViewState& view) {
  // For the change request under the mouse (or selected): which milestones it moved.
  Id cr_id = kNoId;
  int cr_lane = index.lane_of(LaneKind::ChangeRequests);
  if (hover_.what == TimelineHit::What::Item && hover_.lane == cr_lane) {
    cr_id = index.lanes()[size_t(cr_lane)].items[hover_.index].id;
  } else if (e.change_requests.contains(view.selection.id)) {
    cr_id = view.selection.id;
  }
  const ChangeRequest* cr = e.change_requests.find(cr_id);
  if (!cr || cr->impacts.empty() || layout_[size_t(cr_lane)].collapsed) return;
  auto from = index.find(cr_id);
  int ms_lane = index.lane_of(LaneKind::Milestones);
  if (from.lane < 0 || ms_lane < 0 || layout_[size_t(ms_lane)].collapsed) return;
  const TimelinePalette pal = timeline_palette();
  ImU32 col = with_alpha(
      cr->status == ChangeStatus::Approved ? pal.change_approved : pal.change_proposed, 0.8f);
  ImVec2 a = item_centre(index, from.lane, from.index);
  for (const MilestoneImpact& imp : cr->impacts) {
    auto to = index.find(imp.milestone);
    if (to.lane < 0) continue;
    ImVec2 b = item_centre(index, to.lane, to.index);
    float bend = (b.y - a.y) * 0.5f;
    draw->AddBezierCubic(a, ImVec2(a.x, a.y + bend), ImVec2(b.x, b.y - bend), b, col,
                         2.0f * frame_.scale);
    draw->AddCircleFilled(b, 4 * frame_.scale, col);
  }
}

// [SECTION] Views ---------------------------------------------------------------

void TimelineView::fit(const TimelineIndex& index) {
  double from = double(index.span_start().minutes), to = double(index.span_end().minutes);
  if (to <= from) to = from + 1440 * 30;
  double pad = (to - from) * 0.03;
  zoom_to_range(range_, from - pad, to + pad);
}

void TimelineView::go_to_today(Date today) {
  double t = double(days_.start(today).minutes) + 720;
  double half = range_.length() * 0.5;
  zoom_to_range(range_, t - half, t + half);
}

void TimelineView::focus_weeks(const TimelineIndex& index, Date today, int weeks) {
  double from = double(day_start(today.plus_days(-7), index.time_zone()).minutes);
  double to = double(day_start(today.plus_days(7 * weeks + 1), index.time_zone()).minutes);
  set_range(from, to);
}

void TimelineView::reveal(const TimelineIndex& index, const Selection& s) {
  auto loc = index.find(s.id, s.occurrence);
  if (loc.lane < 0) return;
  const TimelineItem& it = index.lanes()[size_t(loc.lane)].items[loc.index];
  double a = double(it.start.minutes), b = double(it.end.minutes);
  double len = range_.length();
  if (b - a > len * 0.8) {
    zoom_to_range(range_, a - (b - a) * 0.1, b + (b - a) * 0.1);
  } else if (a < range_.from || b > range_.to) {
    double c = (a + b) * 0.5;
    zoom_to_range(range_, c - len * 0.5, c + len * 0.5);
  }
  set_collapsed(index.lanes()[size_t(loc.lane)], false);
  if (index.lanes()[size_t(loc.lane)].kind == LaneKind::Meeting) meetings_collapsed_ = false;
  // Bring the lane into the visible height.
  if (size_t(loc.lane) < layout_.size()) {
    const LaneLayout& g = layout_[size_t(loc.lane)];
    float visible_h = frame_.lanes_y1 - frame_.axis_y1;
    if (g.y0 < frame_.axis_y1)
      scroll_ -= frame_.axis_y1 - g.y0;
    else if (g.y1 > frame_.axis_y1 + visible_h)
      scroll_ += g.y1 - (frame_.axis_y1 + visible_h);
  }
}

bool TimelineView::collapsed(const TimelineLane& lane) const {
  return collapsed_.count({int(lane.kind), lane.series}) != 0;
}

void TimelineView::set_collapsed(const TimelineLane& lane, bool c) {
  if (c)
    collapsed_.insert({int(lane.kind), lane.series});
  else
    collapsed_.erase({int(lane.kind), lane.series});
}

}  // namespace rapport::app
