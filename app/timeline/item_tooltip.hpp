// The hover tooltip of a timeline item: what a person in the room asks about it.
// It shows what `e` holds: the client view passes the client's copy, where every
// internal field is empty. Read-only (the client view): no editing hints.
#pragma once

#include "rapport/model.hpp"
#include "rapport/timeline_index.hpp"

namespace rapport::app {

// Writes the tooltip body (call between BeginTooltip and EndTooltip).
void item_tooltip(const Engagement& e, const TimelineIndex& index, const TimelineLane& lane,
                  const TimelineItem& it, bool read_only, Date today);

}  // namespace rapport::app
