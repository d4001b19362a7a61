// The inspector: the selected item's fields, editable in place. Each finished
// edit becomes one Update command (one undo step); input that breaks a rule
// shows the reason next to the field and changes nothing. Change requests get
// their decision (with the impact shown first) and meeting series their
// occurrences (held with a recap, cancelled, moved).
#pragma once

#include <memory>

#include "panels/panel_context.hpp"

namespace rapport::app {

class Inspector {
 public:
  Inspector();
  ~Inspector();
  void draw(PanelContext& ctx);

  struct State;  // drafts and dialog buffers, defined in inspector.cpp

 private:
  std::unique_ptr<State> state_;
};

}  // namespace rapport::app
