// Overview: the engagement's details, the next meetings, the next milestones
// (agreed against now) and what the client owes.
#pragma once

#include "panels/field_widgets.hpp"
#include "panels/panel_context.hpp"

namespace rapport::app {

class Overview {
 public:
  void draw(PanelContext& ctx);

 private:
  EngagementInfo draft_;
  EngagementInfo base_;
  bool has_draft_ = false;
  uint64_t generation_ = 0;  // the document's generation when the draft was taken
  FieldBuffers buffers_;
  Error error_;
};

}  // namespace rapport::app
