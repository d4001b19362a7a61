// Health: where client trust is slipping, from core's checks. Findings grouped
// by severity, each a click away from its item; a one-line summary for the
// status bar; small charts (meeting consistency per month, feedback sentiment)
// for the Overview. Findings about the provider's own conduct are internal and
// hidden in presentation mode.
#pragma once

#include <vector>

#include "panels/panel_context.hpp"
#include "rapport/health.hpp"

namespace rapport::app {

class HealthPanel {
 public:
  // Recomputes when the engagement, the day or presentation mode changed.
  const std::vector<Finding>& findings(const PanelContext& ctx);
  const std::string& summary(const PanelContext& ctx);
  void draw(PanelContext& ctx);
  // The two charts, side by side, in the space given.
  void draw_charts(PanelContext& ctx);

 private:
  void refresh(const PanelContext& ctx);
  std::vector<Finding> findings_;
  std::string summary_;
  uint64_t revision_ = ~uint64_t(0);
  Date day_;
  bool presentation_ = false;
};

}  // namespace rapport::app
