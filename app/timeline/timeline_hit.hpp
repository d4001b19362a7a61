// What the mouse is over on the timeline, found while drawing (the last thing drawn
// under the mouse wins), and what was drawn, for tests and benchmarks.
#pragma once

#include <cstddef>

namespace rapport::app {

struct TimelineHit {
  enum class What { None, Item, Merged, Header, Lane };
  What what = What::None;
  int lane = -1;
  size_t index = 0;  // Item, Merged: the (first) item in the lane
  size_t count = 0;  // Merged: how many items the block stands for
  double from = 0;   // Merged: the minutes the block covers
  double to = 0;
  int row = 0;
};

struct TimelineStats {
  size_t lanes_drawn = 0;       // lanes inside the visible height
  size_t items_considered = 0;  // items in the visible slices
  size_t items_drawn = 0;       // drawn one by one
  size_t merged_blocks = 0;     // "N items" blocks drawn
  size_t items_merged = 0;      // items those blocks stand for
  size_t drawn_outside = 0;     // items drawn that lie outside the visible range (must be 0)
  size_t summary_marks = 0;     // ticks in the collapsed meeting group's row
};

}  // namespace rapport::app
