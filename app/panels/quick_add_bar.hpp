// The quick-add bar (Ctrl+K): type a line such as
//   meeting "Weekly check-in" every friday 16:00 30m
// see what will be added, press Enter. One line is one undo step; the bar
// stays open for the next line until Esc.
#pragma once

#include <string>

#include "panels/panel_context.hpp"

namespace rapport::app {

class QuickAddBar {
 public:
  void open() { open_requested_ = true; }
  void draw(PanelContext& ctx);

 private:
  std::string line_;
  bool open_requested_ = false;
  int frames_open_ = 0;
  bool refocus_ = false;  // a line was added: the field takes the keyboard again
  // Characters typed before the field took the keyboard are in the line: when
  // it takes it, the cursor goes after them (the field would select them all,
  // and the next key typed would replace them).
  bool cursor_to_end_ = false;
};

}  // namespace rapport::app
