// Cancelling one meeting occurrence, in one place for the inspector and the
// timeline's context menu: it asks why (required) and who cancelled, then
// submits one SetOccurrence that keeps whatever else was recorded for it.
#pragma once

#include <string>

#include "rapport/model.hpp"
#include "view_state.hpp"

namespace rapport::app {

// The command that cancels the occurrence of `series` originally on
// `original`, keeping its other recorded details (a move, who was invited).
Command cancel_occurrence(const MeetingSeries& series, Date original, std::string reason, Side by);

class CancelOccurrenceDialog {
 public:
  void open(Id series, Date original);
  // Draws the dialog while it is open; submits the command when confirmed.
  void draw(const Engagement& e, CommandSink& sink);

 private:
  Id series_ = kNoId;
  Date original_;
  std::string reason_;
  int cancelled_by_ = 1;  // 0 client, 1 provider
  bool open_requested_ = false;
};

}  // namespace rapport::app
