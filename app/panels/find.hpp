// Find (Ctrl+F): any item by any text, internal notes included (the editor is
// the provider's; the client view has no find); picking a result selects it
// and asks the timeline to show it.
#pragma once

#include <string>
#include <vector>

#include "panels/panel_context.hpp"
#include "rapport/fields.hpp"

namespace rapport::app {

class FindPopup {
 public:
  void open() { open_requested_ = true; }
  void draw(PanelContext& ctx);
  bool is_open() const { return visible_; }

 private:
  std::string query_;
  std::string searched_;
  Document::Stamp searched_stamp_;  // results are redone when the data or the audience changes
  std::vector<SearchHit> hits_;
  int cursor_ = 0;
  bool open_requested_ = false;
  bool visible_ = false;
};

}  // namespace rapport::app
