// The timeline view: one horizontal time axis with lanes for meetings (one per
// series), milestones, boundaries, change requests and client tasks. It reads the
// engagement and its TimelineIndex, and turns gestures into commands pushed to the
// CommandSink (a drag is one command on release: one undo step). It holds only
// view state: the visible range, vertical scroll, collapsed lanes, the drag.
//
//   TimelineView timeline;                         // lives as long as the window
//   timeline.draw(engagement, index, view, commands, today);  // inside a window
#pragma once

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "panels/change_request_decision.hpp"
#include "panels/occurrence_cancel.hpp"
#include "rapport/timeline_index.hpp"
#include "timeline/item_drawing.hpp"
#include "timeline/local_days.hpp"
#include "timeline/timeline_frame.hpp"
#include "timeline/timeline_hit.hpp"
#include "timeline/zoom.hpp"
#include "view_state.hpp"

namespace rapport::app {

// Where each lane is this frame (screen y, before clipping).
struct LaneLayout {
  float y0 = 0;
  float y1 = 0;
  float row_h = 0;
  int rows = 1;  // sub-rows drawn: the lane's own and the label rows its labels need
  bool collapsed = false;
  bool hidden = false;  // read-only: nothing in the visible range, no height
};

// A drag in progress: a pan, or a milestone / occurrence being rescheduled.
struct TimelineDrag {
  enum class Kind { None, Pending, Pan, Item, Scrollbar, Cancelled };
  Kind kind = Kind::None;
  TimelineHit press;  // what was under the mouse at the press
  ImVec2 press_mouse;
  TimelineRange press_range;
  float press_scroll = 0;
  int64_t delta_minutes = 0;  // snapped: whole days, or 15 minutes at hour zoom
};

class TimelineView {
 public:
  // Draws into the current window, filling its remaining content region.
  void draw(const Engagement& e, const TimelineIndex& index, ViewState& view, CommandSink& commands,
            Date today);

  // View state, for the app (settings) and tests.
  const TimelineRange& range() const { return range_; }
  void set_range(double from, double to) {
    zoom_to_range(range_, from, to);
    initialized_ = true;
  }
  void fit(const TimelineIndex& index);
  // Fit the engagement on the next frame (after opening another file).
  void request_fit() { initialized_ = false; }
  void go_to_today(Date today);
  // The next `weeks` weeks, from about a week before today, so what slipped stays
  // in view (View > Focus the timeline on the next N weeks).
  void focus_weeks(const TimelineIndex& index, Date today, int weeks);
  // The legend: toggled by its button in the editor, always shown read-only.
  bool legend_shown() const { return read_only_ || show_legend_; }
  void set_legend_shown(bool shown) { show_legend_ = shown; }
  bool collapsed(const TimelineLane& lane) const;
  void set_collapsed(const TimelineLane& lane, bool collapsed);
  // The meeting series as one group (the editor, two or more series): open, a
  // bracket in the headers' margin joins their lanes (a click folds them); folded,
  // one row marks every occurrence (a click on its header opens it).
  struct MeetingGroup {
    bool shown = false;
    bool folded = false;
    float y0 = 0, y1 = 0;  // the folded row, or the span of the open lanes (screen y)
    int series = 0;
  };
  const MeetingGroup& meeting_group() const { return group_; }
  bool meetings_collapsed() const { return meetings_collapsed_; }
  void set_meetings_collapsed(bool collapsed) { meetings_collapsed_ = collapsed; }
  float scroll() const { return scroll_; }
  void set_scroll(float scroll) { scroll_ = scroll; }
  // The lanes' scrollbar, when they do not fit the height: its track and thumb (empty
  // rectangles when there is none).
  struct Scrollbar {
    ImVec2 track_min, track_max, thumb_min, thumb_max;
    bool shown() const { return track_max.y > track_min.y; }
  };
  Scrollbar scrollbar() const;
  // The pane height (the canvas's, add the window's padding) that shows the axis and
  // every lane as last drawn, or, when they do not all fit in `at_most`, the lanes that
  // fit whole: no lane is cut through, the rest scroll.
  float fitted_height(float at_most) const;
  // Read-only (the client view): no drags that move items, no menus, no adds,
  // no collapse arrows; lanes with nothing in the visible range are left out
  // and the others share the height. Pan, zoom, hover and click still work.
  void set_read_only(bool read_only) { read_only_ = read_only; }
  bool read_only() const { return read_only_; }

  // What the last frame drew, and where: for tests and benchmarks.
  const TimelineFrame& frame() const { return frame_; }
  const TimelineStats& stats() const { return stats_; }
  const TimelineDrag& drag() const { return drag_; }
  const std::vector<LaneLayout>& layout() const { return layout_; }
  const TimelineHit& hovered() const { return hover_; }
  // Screen centre of an item as last drawn (lane and index in `index`).
  ImVec2 item_centre(const TimelineIndex& index, int lane, size_t item) const;

 private:
  struct Target {  // what a context menu or popup acts on
    int lane = -1;
    size_t index = 0;
    LaneKind kind = LaneKind::Milestones;
    Id id = kNoId;
    Date date;  // occurrence original date / clicked date
    double minute = 0;
  };

  void compute_frame(ImVec2 canvas_min, ImVec2 canvas_max, const TimelineIndex& index);
  void handle_wheel_and_keys(const TimelineIndex& index, bool hovered, bool focused, Date today);
  void update_drag(const TimelineIndex& index);
  void handle_mouse(const Engagement& e, const TimelineIndex& index, ViewState& view,
                    CommandSink& commands, Date today, bool canvas_hovered);
  void commit_drag(const Engagement& e, const TimelineIndex& index, CommandSink& commands);
  void add_at(const Engagement& e, const TimelineIndex& index, int lane, double minute,
              CommandSink& commands, ViewState& view, Date today);
  void reveal(const TimelineIndex& index, const Selection& s);
  void draw_headers(ImDrawList* draw, const TimelineIndex& index, const ViewState& view);
  void draw_popups(const Engagement& e, const TimelineIndex& index, ViewState& view,
                   CommandSink& commands, Date today);
  void draw_impact_lines(ImDrawList* draw, const Engagement& e, const TimelineIndex& index,
                         const ViewState& view);
  void draw_meeting_summary(ImDrawList* draw, const TimelineIndex& index);
  bool over_group_bracket(ImVec2 mouse) const;
  int lane_at(float y) const;
  bool hour_zoom() const;

  TimelineRange range_;
  bool initialized_ = false;
  float scroll_ = 0;
  float content_h_ = 0;
  std::set<std::pair<int, Id>> collapsed_;  // (LaneKind, series)
  bool meetings_collapsed_ = false;
  MeetingGroup group_;
  TimelineDrag drag_;
  TimelineFrame frame_;
  TimelineStats stats_;
  TimelineHit hover_;
  std::vector<LaneLayout> layout_;
  std::vector<LanePlan> plans_;  // this frame's, per lane (empty when not drawn)
  LocalDays days_;
  Target menu_target_;
  ChangeRequestDecision decision_;  // the same decision and reject dialog as the inspector's
  CancelOccurrenceDialog cancel_;   // the same cancel dialog as the inspector's
  bool open_item_menu_ = false, open_lane_menu_ = false;
  bool read_only_ = false;
  bool show_legend_ = false;
  float legend_h_ = 0;  // read-only: the legend strip below the lanes
};

}  // namespace rapport::app
