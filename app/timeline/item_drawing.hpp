// The items of one lane: meeting occurrences as blocks, milestones as diamonds with
// their baseline ghost, blackouts as bands, change requests as status markers, client
// tasks as bars. Items narrower than a few pixels (or markers that would overlap)
// merge into one "N items" block per sub-row. Titles go where label_layout puts them
// (inside the bar, to its right, on another sub-row, or shortened with "…"), on a
// patch of the lane's background.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "rapport/model.hpp"
#include "rapport/timeline_index.hpp"
#include "timeline/label_layout.hpp"
#include "timeline/timeline_frame.hpp"
#include "timeline/timeline_hit.hpp"
#include "timeline/timeline_palette.hpp"

namespace rapport::app {

// An item being dragged: drawn at its original place faintly, and at `at` by the view.
struct DraggedItem {
  int lane = -1;
  size_t index = 0;
};

struct ItemDrawContext {
  ImDrawList* draw = nullptr;
  const TimelineFrame* frame = nullptr;
  const TimelinePalette* pal = nullptr;
  const Engagement* engagement = nullptr;
  Selection selection;
  ImVec2 mouse;
  bool mouse_in_lanes = false;  // over the time area below the axis
  std::optional<DraggedItem> dragged;
  double today_minute = 0;                 // where the today line is (the start of today, local)
  const std::string* time_zone = nullptr;  // the axis's zone: meeting times are in it
  TimelineHit* hit = nullptr;
  TimelineStats* stats = nullptr;
};

// Row height of a lane kind, before scaling.
float lane_row_height(LaneKind kind);

// What one lane will draw this frame, worked out before it is placed vertically:
// its runs (an item alone or a merged block, per sub-row) and where their labels go.
// A lane whose labels do not fit its own sub-rows gets label rows under them, up to
// `kMaxLabelRows`; only then are labels shortened with "…".
struct LaneRun {
  size_t first = 0;  // the (first) item in the lane
  size_t count = 0;  // 1: drawn alone; more: a merged "N items" block
  float x0 = 0, x1 = 0;
  bool small = false;  // its true width is below the merge threshold
  double from = 0, to = 0;
  int row = 0;
};
struct LaneSlip {  // a drifted milestone's "+7 d" on the line to its baseline
  size_t run = 0;
  std::string text;
  float x = 0;
  int row = 0;
};
struct LanePointer {  // "Beta, 22 Jan →" at the right edge
  size_t index = 0;
  std::string text;
  float x0 = 0, x1 = 0;
  int row = 0;
};
struct LanePlan {
  std::vector<LaneRun> runs;
  std::vector<std::string> texts;      // per run; empty: no label
  std::vector<LabelPlacement> placed;  // per run
  std::vector<LaneSlip> slips;
  std::optional<LanePointer> pointer;
  int rows = 1;  // sub-rows to draw: the lane's own and the label rows it needs
};

inline constexpr int kMaxLabelRows = 3;

// `label_rows`: how many rows beyond the lane's own its labels may take.
LanePlan plan_lane_items(ItemDrawContext& c, const TimelineLane& lane, int lane_index, float row_h,
                         int label_rows);
void draw_lane_items(ItemDrawContext& c, const TimelineLane& lane, const LanePlan& plan,
                     int lane_index, float y0, float row_h);

// Meetings carry their time and title ("16:00 Weekly check-in") from this many
// logical pixels per day on: day and week zoom. Coarser, they are marks.
inline constexpr float kMeetingTextPxPerDay = 60;

// A diamond (milestones, their baseline ghost, the legend's symbols); no fill when
// `fill` is transparent, no border when `thickness` is 0.
void draw_diamond(ImDrawList* draw, ImVec2 c, float r, ImU32 fill, ImU32 border, float thickness);

// Text that reads on a fill: near-black or white, whichever contrasts more.
ImU32 text_on(ImU32 fill);

// "+7 d" or "−3 d": how far a milestone's current date is from its baseline.
std::string slip_text(int days);

// One item drawn alone at `at` (minutes): used for the drag preview.
void draw_single_item(ItemDrawContext& c, const TimelineLane& lane, const TimelineItem& it,
                      float y0, float row_h, bool preview);

// Whether the item is the current selection.
bool is_selected(const Selection& s, const TimelineLane& lane, const TimelineItem& it);

}  // namespace rapport::app
