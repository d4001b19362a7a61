// The table of one item kind: filter, sortable columns from the field
// descriptors, a list clipper for 100k rows, add and delete with undo.
#pragma once

#include <string>
#include <vector>

#include "panels/panel_context.hpp"

namespace rapport::app {

struct ItemTableState {
  std::string filter;
  // Rows after filter and sort, rebuilt when the engagement, the filter, the
  // sort or audience changes (the document's stamp).
  std::vector<Id> rows;
  Document::Stamp built_stamp;
  std::string built_filter;
  int sort_column = -1;
  bool sort_descending = false;
  bool focus_filter = false;
};

template <class T>
void draw_item_table(PanelContext& ctx, ItemTableState& state);

}  // namespace rapport::app
