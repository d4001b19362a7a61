// [SECTION] index
//   Wheel and keys - zoom around the cursor, pan, fit, today, vertical scroll
//   Drag           - pan on empty space, reschedule a milestone or an occurrence
//   Mouse          - click to select, click a merged block to zoom in, double-click
//                    to add, right-click for the context menu
//   Commands       - what a finished drag or a double-click pushes
#include <algorithm>
#include <cmath>

#include "rapport/defaults.hpp"
#include "rapport/recurrence.hpp"
#include "timeline/timeline_view.hpp"

namespace rapport::app {
namespace {

constexpr double kWheelStep = 0.8;  // one wheel notch shows 80% of the range
constexpr double kKeyPan = 0.15;    // an arrow key pans 15% of the range

bool key_pressed(ImGuiKey key) {
  int index = ImGui::GetKeyIndex(key);
  return index >= 0 && ImGui::IsKeyPressed(index);
}

bool movable(LaneKind k) { return k == LaneKind::Meeting || k == LaneKind::Milestones; }

}  // namespace

// [SECTION] Wheel and keys ------------------------------------------------------

void TimelineView::handle_wheel_and_keys(const TimelineIndex& index, bool hovered, bool focused,
                                         Date today) {
  ImGuiIO& io = ImGui::GetIO();
  const TimelineFrame& f = frame_;
  const float row = 34 * f.scale;
  if (hovered && io.MouseWheel != 0) {
    if (io.KeyShift || io.MousePos.x < f.time_x0) {
      scroll_ -= io.MouseWheel * row * 2;
    } else {
      double anchor = f.minute_at(std::clamp(io.MousePos.x, f.time_x0, f.time_x1));
      zoom_around(range_, anchor, std::pow(kWheelStep, double(io.MouseWheel)));
    }
  }
  if (hovered && io.MouseWheelH != 0)
    pan_by(range_, -double(io.MouseWheelH) * range_.length() * 0.1);

  if (!(hovered || focused) || io.WantTextInput) return;
  for (ImWchar c : io.InputQueueCharacters) {
    switch (c) {
      case 'f':
      case 'F':
        fit(index);
        break;
      case 't':
      case 'T':
        go_to_today(today);
        break;
      case '+':
      case '=':
        zoom_around(range_, range_.centre(), kWheelStep);
        break;
      case '-':
      case '_':
        zoom_around(range_, range_.centre(), 1.0 / kWheelStep);
        break;
      default:
        break;
    }
  }
  if (read_only_) return;  // the client view's arrows turn its pages
  if (key_pressed(ImGuiKey_LeftArrow)) pan_by(range_, -range_.length() * kKeyPan);
  if (key_pressed(ImGuiKey_RightArrow)) pan_by(range_, range_.length() * kKeyPan);
  if (key_pressed(ImGuiKey_UpArrow)) scroll_ -= row;
  if (key_pressed(ImGuiKey_DownArrow)) scroll_ += row;
}

// [SECTION] Drag ----------------------------------------------------------------

void TimelineView::update_drag(const TimelineIndex& index) {
  ImGuiIO& io = ImGui::GetIO();
  if (drag_.kind == TimelineDrag::Kind::None || drag_.kind == TimelineDrag::Kind::Cancelled) return;
  if (key_pressed(ImGuiKey_Escape)) {
    // Esc puts everything back: the item where it was, the view where it was.
    if (drag_.kind == TimelineDrag::Kind::Pan) {
      range_ = drag_.press_range;
      scroll_ = drag_.press_scroll;
    }
    drag_.kind = TimelineDrag::Kind::Cancelled;
    drag_.delta_minutes = 0;
    return;
  }
  if (!io.MouseDown[0]) return;  // the release is handled after drawing
  float dx = io.MousePos.x - drag_.press_mouse.x;
  float dy = io.MousePos.y - drag_.press_mouse.y;
  if (drag_.kind == TimelineDrag::Kind::Pending &&
      (std::fabs(dx) > io.MouseDragThreshold || std::fabs(dy) > io.MouseDragThreshold)) {
    bool item = !read_only_ && drag_.press.what == TimelineHit::What::Item &&
                drag_.press.lane >= 0 && size_t(drag_.press.lane) < index.lanes().size() &&
                movable(index.lanes()[size_t(drag_.press.lane)].kind);
    drag_.kind = item ? TimelineDrag::Kind::Item : TimelineDrag::Kind::Pan;
  }
  if (drag_.kind == TimelineDrag::Kind::Scrollbar) {
    // The thumb follows the mouse: its travel is the track less the thumb.
    Scrollbar bar = scrollbar();
    float travel = (bar.track_max.y - bar.track_min.y) - (bar.thumb_max.y - bar.thumb_min.y);
    float range = content_h_ - (frame_.lanes_y1 - frame_.axis_y1) + 20 * frame_.scale;
    if (travel > 0) scroll_ = drag_.press_scroll + dy * range / travel;
  } else if (drag_.kind == TimelineDrag::Kind::Pan) {
    double shift = -double(dx) / frame_.px_per_minute;
    zoom_to_range(range_, drag_.press_range.from + shift, drag_.press_range.to + shift);
    scroll_ = drag_.press_scroll - dy;
  } else if (drag_.kind == TimelineDrag::Kind::Item) {
    double minutes = double(dx) / frame_.px_per_minute;
    const TimelineLane& lane = index.lanes()[size_t(drag_.press.lane)];
    double step = lane.kind == LaneKind::Meeting && hour_zoom() ? 15.0 : 1440.0;
    drag_.delta_minutes = int64_t(std::llround(minutes / step) * int64_t(step));
  }
}

void TimelineView::commit_drag(const Engagement& e, const TimelineIndex& index,
                               CommandSink& commands) {
  if (drag_.delta_minutes == 0 || drag_.press.lane < 0 ||
      size_t(drag_.press.lane) >= index.lanes().size())
    return;
  const TimelineLane& lane = index.lanes()[size_t(drag_.press.lane)];
  if (drag_.press.index >= lane.items.size()) return;
  const TimelineItem& it = lane.items[drag_.press.index];
  if (lane.kind == LaneKind::Milestones) {
    const Milestone* m = e.milestones.find(it.id);
    if (!m) return;
    commands.push(MoveMilestone{m->id, m->current.plus_days(int32_t(drag_.delta_minutes / 1440))});
  } else if (lane.kind == LaneKind::Meeting) {
    const MeetingSeries* s = e.meetings.find(it.id);
    if (!s) return;
    const std::string& zone = series_zone(*s, e.info);
    OccurrenceOverride value;
    if (auto o = s->overrides.find(it.date); o != s->overrides.end()) value = o->second;
    LocalDateTime to = to_local(it.at.plus_minutes(drag_.delta_minutes), zone);
    // Dragged back onto its planned time: no longer moved.
    if (to == LocalDateTime{it.date, s->start})
      value.moved_to.reset();
    else
      value.moved_to = to;
    commands.push(SetOccurrence{s->id, it.date, value});
  }
}

// [SECTION] Mouse ---------------------------------------------------------------

void TimelineView::handle_mouse(const Engagement& e, const TimelineIndex& index, ViewState& view,
                                CommandSink& commands, Date today, bool canvas_hovered) {
  ImGuiIO& io = ImGui::GetIO();
  const TimelineFrame& f = frame_;
  const ImVec2 m = io.MousePos;
  const bool in_header = m.x < f.time_x0 && m.y >= f.axis_y1;
  const bool in_time = m.x >= f.time_x0 && m.y >= f.axis_y1;

  if (canvas_hovered && ImGui::IsMouseClicked(0)) {
    if (Scrollbar bar = scrollbar();
        bar.shown() && ImGui::IsMouseHoveringRect(bar.track_min, bar.track_max)) {
      // On the track but off the thumb: the thumb jumps there, then follows the mouse.
      if (m.y < bar.thumb_min.y || m.y > bar.thumb_max.y) {
        float travel = (bar.track_max.y - bar.track_min.y) - (bar.thumb_max.y - bar.thumb_min.y);
        float range = content_h_ - (f.lanes_y1 - f.axis_y1) + 20 * f.scale;
        float top = m.y - (bar.thumb_max.y - bar.thumb_min.y) * 0.5f - bar.track_min.y;
        if (travel > 0) scroll_ = std::clamp(top / travel, 0.0f, 1.0f) * range;
      }
      drag_ = TimelineDrag{TimelineDrag::Kind::Scrollbar, TimelineHit{}, m, range_, scroll_, 0};
      return;
    }
    int lane = lane_at(m.y);
    if (in_header) {
      if ((group_.folded && m.y >= group_.y0 && m.y < group_.y1) || over_group_bracket(m)) {
        meetings_collapsed_ = !group_.folded;
        return;
      }
      if (lane >= 0 && !read_only_)
        set_collapsed(index.lanes()[size_t(lane)], !layout_[size_t(lane)].collapsed);
      return;
    }
    if (!read_only_ && io.MouseDoubleClicked[0] && in_time && lane >= 0 &&
        hover_.what == TimelineHit::What::None) {
      add_at(e, index, lane, f.minute_at(m.x), commands, view, today);
      drag_ = TimelineDrag{};
      return;
    }
    drag_ = TimelineDrag{TimelineDrag::Kind::Pending, hover_, m, range_, scroll_, 0};
  }

  if (ImGui::IsMouseReleased(0) && drag_.kind != TimelineDrag::Kind::None) {
    const TimelineHit& press = drag_.press;
    switch (drag_.kind) {
      case TimelineDrag::Kind::Pending:  // a click
        if (press.what == TimelineHit::What::Item) {
          const TimelineLane& lane = index.lanes()[size_t(press.lane)];
          const TimelineItem& it = lane.items[press.index];
          view.selection = lane.kind == LaneKind::Meeting ? Selection{it.id, it.date}
                                                          : Selection{it.id, std::nullopt};
        } else if (press.what == TimelineHit::What::Merged) {
          double pad = (press.to - press.from) * 0.1 + 60;
          zoom_to_range(range_, press.from - pad, press.to + pad);
        } else if (in_time) {
          view.selection = Selection{};
        }
        break;
      case TimelineDrag::Kind::Item:
        commit_drag(e, index, commands);
        break;
      default:
        break;
    }
    drag_ = TimelineDrag{};
  }

  if (!read_only_ && canvas_hovered && ImGui::IsMouseClicked(1) && in_time &&
      drag_.kind == TimelineDrag::Kind::None) {
    int lane = lane_at(m.y);
    if (lane < 0) return;
    menu_target_ = Target{};
    menu_target_.lane = lane;
    menu_target_.kind = index.lanes()[size_t(lane)].kind;
    menu_target_.minute = f.minute_at(m.x);
    menu_target_.date = days_.date_of(menu_target_.minute);
    if (hover_.what == TimelineHit::What::Item) {
      const TimelineItem& it = index.lanes()[size_t(lane)].items[hover_.index];
      menu_target_.index = hover_.index;
      menu_target_.id = it.id;
      menu_target_.date = it.date;
      view.selection = menu_target_.kind == LaneKind::Meeting ? Selection{it.id, it.date}
                                                              : Selection{it.id, std::nullopt};
      open_item_menu_ = true;
    } else if (hover_.what == TimelineHit::What::None) {
      open_lane_menu_ = true;
    }
  }
}

// [SECTION] Commands ------------------------------------------------------------

void TimelineView::add_at(const Engagement& e, const TimelineIndex& index, int lane, double minute,
                          CommandSink& commands, ViewState&, Date today) {
  if (lane < 0 || size_t(lane) >= index.lanes().size()) return;
  Date date = days_.date_of(minute);
  switch (index.lanes()[size_t(lane)].kind) {
    case LaneKind::Meeting: {
      MeetingSeries x = default_item<MeetingSeries>(e, date);
      x.first_date = date;
      x.recurrence = Recurrence{};  // a one-off on the day clicked
      if (hour_zoom()) {
        int32_t local = to_local(Instant{int64_t(minute)}, index.time_zone()).time.minutes;
        x.start = LocalTime{std::clamp(local / 15 * 15, 0, 1439 - 14)};
      }
      commands.push_and_select(Add<MeetingSeries>{x});
      break;
    }
    case LaneKind::Milestones: {
      Milestone x = default_item<Milestone>(e, today);
      x.baseline = x.current = date;
      commands.push_and_select(Add<Milestone>{x});
      break;
    }
    case LaneKind::Boundaries: {
      Boundary x = default_item<Boundary>(e, today);
      x.kind = BoundaryKind::Blackout;
      x.title = "New blackout";
      x.from = x.to = date;
      commands.push_and_select(Add<Boundary>{x});
      break;
    }
    case LaneKind::ChangeRequests: {
      ChangeRequest x = default_item<ChangeRequest>(e, today);
      x.requested_on = date;
      commands.push_and_select(Add<ChangeRequest>{x});
      break;
    }
    case LaneKind::ClientTasks: {
      ClientTask x = default_item<ClientTask>(e, today);
      x.created_on = date;
      x.due = date.plus_days(7);
      commands.push_and_select(Add<ClientTask>{x});
      break;
    }
  }
}

}  // namespace rapport::app
