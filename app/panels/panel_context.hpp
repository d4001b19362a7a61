// What every panel receives each frame: the engagement to read, the view state
// to change, and the queue for the commands it wants applied.
#pragma once

#include "rapport/history.hpp"
#include "rapport/model.hpp"
#include "view_state.hpp"

namespace rapport::app {

struct PanelContext {
  const Engagement& engagement;
  const History& history;
  ViewState& view;
  CommandQueue& queue;
  Date today;
};

}  // namespace rapport::app
