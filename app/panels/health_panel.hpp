// Health: where client trust is slipping, from core's checks. Findings grouped
// by severity, each a click away from its item; a one-line summary for the
// status bar; small charts (meeting consistency per month, feedback sentiment)
// for the Overview. Findings about the provider's own conduct are internal: the
// client view shows only the open points core writes for the others.
#pragma once

#include <vector>

#include "panels/panel_context.hpp"
#include "rapport/health.hpp"

namespace rapport::app {

// The findings come from the document (findings for the audience looking), so
// the list, the status bar and the timeline's markers always agree.
void draw_health(PanelContext& ctx, const std::vector<Finding>& findings);
// The two charts, side by side, in the space given.
void draw_health_charts(PanelContext& ctx);

}  // namespace rapport::app
