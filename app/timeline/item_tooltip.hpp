// The hover tooltip of a timeline item: what a person in the room asks about it.
// In presentation mode no internal field is shown (change-request internal notes,
// stakeholders' notes, the engagement's internal figures).
#pragma once

#include "rapport/model.hpp"
#include "rapport/timeline_index.hpp"

namespace rapport::app {

// Writes the tooltip body (call between BeginTooltip and EndTooltip).
void item_tooltip(const Engagement& e, const TimelineIndex& index, const TimelineLane& lane,
                  const TimelineItem& it, bool presentation, Date today);

}  // namespace rapport::app
