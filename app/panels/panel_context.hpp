// What every panel receives each frame: the engagement to read (for the
// audience looking), the view state to change, the sink for the commands it
// wants applied, today, and the stamp under which it may keep derived views.
#pragma once

#include "rapport/document.hpp"
#include "rapport/history.hpp"
#include "rapport/model.hpp"
#include "view_state.hpp"

namespace rapport::app {

struct PanelContext {
  const Engagement& engagement;
  const History& history;
  ViewState& view;
  CommandSink& queue;
  Date today;
  Document::Stamp stamp;  // equal stamps: the same data for the same audience and day
};

}  // namespace rapport::app
