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

#include "rapport/model.hpp"
#include "rapport/timeline_index.hpp"
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

void draw_lane_items(ItemDrawContext& c, const TimelineLane& lane, int lane_index, float y0,
                     float row_h);

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
