// Agendas: what a meeting occurrence is for. Each occurrence has an agenda,
// proposed from what needs the client (the client's open points from the
// health checks, client tasks overdue or due within a week of the meeting,
// change requests waiting for a decision, open questions, expectations at
// risk, milestones within two weeks), plus the points not covered at the
// series' previous occurrence. The provider edits it in the occurrence editor;
// an edited agenda is stored in the occurrence (OccurrenceOverride::agenda).
// Built from the client's copy (redacted()): an agenda is shown to the client.
//
//   auto points = agenda_of(e, series, original, today);
#pragma once

#include <vector>

#include "rapport/health.hpp"
#include "rapport/model.hpp"

namespace rapport {

// Milestones due within this many days of a meeting are on its agenda.
inline constexpr int kAgendaMilestoneDays = 14;
// Client tasks due within this many days of a meeting are on its agenda.
inline constexpr int kAgendaTaskDays = 7;

// The points not covered at the series' nearest earlier occurrence that has an
// agenda, each with the date it was first raised (carried_from). Empty when
// there is no such occurrence.
std::vector<AgendaPoint> carried_agenda(const Engagement& e, Id series, Date original);

// The agenda proposed for the occurrence of `series` originally on `original`:
// the carried points first, then what needs the client as of `today` (or as of
// the meeting, when it is in the past), without repeating a text. `findings`
// are check_health() of the same engagement as of that day; the overload
// without them runs the checks itself.
std::vector<AgendaPoint> proposed_agenda(const Engagement& e, const std::vector<Finding>& findings,
                                         Id series, Date original);
std::vector<AgendaPoint> proposed_agenda(const Engagement& e, Id series, Date original, Date today);

// The occurrence's agenda: the stored one when it was edited, else the proposed one.
std::vector<AgendaPoint> agenda_of(const Engagement& e, Id series, Date original, Date today);

}  // namespace rapport
