// Engagements several test binaries build from the demo (core only, so both
// the unit and the UI tests include it).
#pragma once

#include "rapport/demo.hpp"

namespace rapport::test {

// The title of the milestone demo_with_hidden_milestone() adds.
inline constexpr const char* kHiddenMilestone = "Internal buffer before launch";

// The demo plus a milestone the client must not see (client_visible = false).
inline Engagement demo_with_hidden_milestone() {
  Engagement e = make_demo();
  Milestone hidden;
  hidden.id = e.next_id++;
  hidden.title = kHiddenMilestone;
  hidden.baseline = hidden.current = Date::from_ymd(2027, 2, 20);
  hidden.client_visible = false;
  e.milestones.items.emplace(hidden.id, hidden);
  return e;
}

// The demo's frame (zone, dates) with none of its items, under another name:
// what an import starts from.
inline Engagement blank_like_demo() {
  Engagement e;
  e.info = make_demo().info;
  e.info.name = "Imported";
  return e;
}

}  // namespace rapport::test
