// An item's state as a pill: the words a person uses and the tone they are
// coloured in. The status report's tables (client_report.cpp) and the editor's
// tables both word states with these, so the two never disagree.
#pragma once

#include <string>

#include "rapport/client_report.hpp"  // Tone
#include "rapport/model.hpp"

namespace rapport {

struct StatePill {
  std::string text;
  Tone tone = Tone::Plain;
};

// "done", "missed", "overdue 11 d" (its date has passed), "moved +7 d", "in progress", "planned"
StatePill state_pill(const Milestone& m, Date as_of);
// "done", "dropped", "overdue 11 d", "due today", "due in 3 d", "open"
StatePill state_pill(const ClientTask& t, Date as_of);
// "waiting 5 d" (proposed, days since requested), "deferred", "approved", "rejected"
StatePill state_pill(const ChangeRequest& c, Date as_of);

// A slip in its short form, for table cells and the timeline: "on plan", "+7 d",
// "−3 d" (U+2212, as wide as the plus). shift_text is the long form.
std::string delta_text(int days);

}  // namespace rapport
