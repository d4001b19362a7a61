// Where the labels of one lane go, so that none is silently cut and no two overlap:
// inside the item's bar when the text fits; else to the right of the item; else on
// another sub-row of the lane that is free there; else shortened with an ellipsis
// (the tooltip keeps the full text). Pure geometry, no ImGui: the drawing code
// measures the texts, calls layout_labels() and draws what it returns.
//
//   std::vector<LabelItem> items = ...;   // one per drawn item (or merged block) of the lane
//   auto placed = layout_labels(items, LabelLayoutParams{rows, view_x0, view_x1});
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::app {

struct LabelItem {
  int row = 0;           // the item's sub-row in the lane
  float x0 = 0, x1 = 0;  // what the item covers on screen (bar, diamond, merged block)
  float width = 0;       // its label's full width; 0 when it has none (an obstacle only)
  bool has_bar = false;  // a bar the label may sit inside (tasks, blackouts, meetings)
  // The bar, when it is narrower than what the item covers (an overdue task's
  // bar, not its tail to today); both 0: the bar is [x0, x1].
  float bar_x0 = 0, bar_x1 = 0;
};

struct LabelLayoutParams {
  int rows = 1;       // sub-rows of the lane
  float view_x0 = 0;  // the visible time area: labels stay inside it
  float view_x1 = 0;
  float pad = 5;         // inside a bar: room left and right of the text
  float gap = 5;         // between an item and its label, and around every label
  float min_width = 24;  // a shortened label narrower than this is left out
  // Shortened labels stay in the first `shorten_rows` sub-rows (0: any): rows beyond
  // are label rows a lane grows only for whole labels.
  int shorten_rows = 0;
};

enum class LabelWhere { None, Inside, Right, OtherRow, Shortened };

struct LabelPlacement {
  LabelWhere where = LabelWhere::None;
  int row = 0;           // the sub-row the text sits in
  float x0 = 0, x1 = 0;  // the text's box; narrower than the label when Shortened
};

// One placement per item, in the items' order.
std::vector<LabelPlacement> layout_labels(std::span<const LabelItem> items,
                                          const LabelLayoutParams& params);

// `text` cut at a character boundary and ended with "…" so that it is at most `max_width`
// wide as measured by `width_of`; the text itself when it fits; empty when not even one
// character and the ellipsis fit.
std::string shorten_to_width(std::string_view text, float max_width,
                             const std::function<float(std::string_view)>& width_of);

}  // namespace rapport::app
