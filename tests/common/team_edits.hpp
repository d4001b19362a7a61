// Two people editing one engagement offline, for the merge tests (unit, and
// the real-git test in tests/gui). Each side's edits are real commands.
#pragma once

#include <string>

#include "rapport/history.hpp"
#include "rapport/ids.hpp"
#include "rapport/model.hpp"

namespace rapport::test {

template <class T>
Id id_titled(const Engagement& e, const std::string& name) {
  for (const auto& [id, x] : KindOf<T>::table(e).items)
    if (name_of(x) == name) return id;
  return kNoId;
}

inline Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

// Applies `c`; returns the error message, empty on success.
inline std::string run(Engagement& e, const Command& c) {
  History h;
  auto error = h.apply(e, c);
  return error ? error->message : std::string();
}

// Mine: Beta moves, Design sign-off moves, a milestone is added, the first
// question is deleted, "Extra landing page" is approved, the 2026-12-04
// check-in is held.
inline std::string edit_mine(Engagement& e) {
  std::string errors;
  Id beta = id_titled<Milestone>(e, "Beta");
  errors += run(e, MoveMilestone{beta, ymd(2027, 1, 29)});
  errors += run(e, MoveMilestone{id_titled<Milestone>(e, "Design sign-off"), ymd(2026, 11, 27)});
  Milestone added;
  added.title = "Mine: content freeze";
  added.baseline = added.current = ymd(2027, 2, 12);
  errors += run(e, Add<Milestone>{added});
  errors += run(e, Delete<Question>{e.questions.begin()->first});
  const Id landing = id_titled<ChangeRequest>(e, "Extra landing page for the spring menu");
  errors += run(e, DecideChangeRequest{landing, ChangeStatus::Approved, ymd(2026, 11, 20)});
  OccurrenceOverride held;
  held.state = OccurrenceState::Held;
  held.recap_summary = "Mine: reviewed the menu pages";
  errors +=
      run(e, SetOccurrence{id_titled<MeetingSeries>(e, "Weekly check-in"), ymd(2026, 12, 4), held});
  return errors;
}

// Theirs: Beta's description, Design sign-off to another date, a stakeholder
// added, the first question answered, "Extra landing page" rejected, the
// 2026-12-11 check-in cancelled.
inline std::string edit_theirs(Engagement& e) {
  std::string errors;
  Milestone beta = *e.milestones.find(id_titled<Milestone>(e, "Beta"));
  beta.description = "Theirs: beta with the booking flow";
  errors += run(e, Update<Milestone>{beta});
  errors += run(e, MoveMilestone{id_titled<Milestone>(e, "Design sign-off"), ymd(2026, 12, 4)});
  Stakeholder added;
  added.name = "Theirs: Mikko Lahti";
  added.side = Side::Client;
  errors += run(e, Add<Stakeholder>{added});
  Question q = e.questions.begin()->second;
  q.answer = "Theirs: yes, in March";
  q.answered_on = ymd(2026, 11, 23);
  errors += run(e, Update<Question>{q});
  const Id landing = id_titled<ChangeRequest>(e, "Extra landing page for the spring menu");
  errors += run(e, DecideChangeRequest{landing, ChangeStatus::Rejected, ymd(2026, 11, 21), kNoId,
                                       "Theirs: not in this budget", "Theirs: a banner instead"});
  OccurrenceOverride cancelled;
  cancelled.state = OccurrenceState::Cancelled;
  cancelled.cancel_reason = "Theirs: holiday";
  errors += run(e, SetOccurrence{id_titled<MeetingSeries>(e, "Weekly check-in"), ymd(2026, 12, 11),
                                 cancelled});
  return errors;
}

}  // namespace rapport::test
