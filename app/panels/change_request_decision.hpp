// The decision on a change request, in one place for the inspector and the
// timeline's context menu: approve, defer or reopen at once; reject only with
// the reason (tied to what was agreed) and what is offered instead.
#pragma once

#include <string>

#include "rapport/model.hpp"
#include "view_state.hpp"

namespace rapport::app {

class ChangeRequestDecision {
 public:
  // Submits the decision when core would accept it; otherwise nothing is
  // submitted, error() says why and false is returned. Approve and defer keep
  // the request's rationale; reopening clears it.
  bool decide(const Engagement& e, CommandSink& sink, const ChangeRequest& cr, ChangeStatus status,
              Date today, std::string rationale = "", std::string alternative = "");
  // Opens the reject dialog for `cr`, filled with what the request holds.
  void open_reject(const ChangeRequest& cr);
  // Draws the reject dialog while it is open. Call every frame: when the
  // document changed (undo, redo, an edit elsewhere) the dialog's buffers are
  // taken again from the request and an old refusal is forgotten.
  void draw_reject_dialog(const Engagement& e, CommandSink& sink, Date today);
  bool reject_dialog_open() const;

  const std::string& error() const { return error_; }
  void clear_error() { error_.clear(); }

 private:
  Id target_ = kNoId;
  std::string rationale_, alternative_, error_;
  bool open_requested_ = false;
  uint64_t generation_ = 0;  // the document's generation the buffers and error were made at
};

}  // namespace rapport::app
