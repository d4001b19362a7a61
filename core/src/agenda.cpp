// Agendas (agenda.hpp): carried points, then what needs the client.
#include "rapport/agenda.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "rapport/fields.hpp"
#include "rapport/recurrence.hpp"

namespace rapport {

std::vector<AgendaPoint> carried_agenda(const Engagement& e, Id series, Date original) {
  std::vector<AgendaPoint> out;
  const MeetingSeries* s = e.meetings.find(series);
  if (!s) return out;
  auto it = s->overrides.lower_bound(original);
  while (it != s->overrides.begin()) {
    --it;
    const OccurrenceOverride& o = it->second;
    if (o.agenda.empty()) continue;
    for (const AgendaPoint& p : o.agenda)
      if (!p.covered) out.push_back(AgendaPoint{p.text, false, p.carried_from.value_or(it->first)});
    break;
  }
  return out;
}

std::vector<AgendaPoint> proposed_agenda(const Engagement& original_e,
                                         const std::vector<Finding>& findings, Id series,
                                         Date original) {
  const Engagement e = redacted(original_e);
  std::vector<AgendaPoint> out = carried_agenda(e, series, original);
  const MeetingSeries* s = e.meetings.find(series);
  if (!s) return out;
  Date on = original;
  if (auto o = s->overrides.find(original); o != s->overrides.end() && o->second.moved_to)
    on = o->second.moved_to->date;

  std::set<std::string> seen;
  for (const AgendaPoint& p : out) seen.insert(p.text);
  auto add = [&](std::string text) {
    if (seen.insert(text).second) out.push_back(AgendaPoint{std::move(text), false, {}});
  };
  // What the health checks say needs the client, as the client view words it;
  // the items they name are not listed a second time below.
  std::set<Id> named;
  for (const Finding* f : client_open_points(findings)) {
    if (f->item != kNoId && !e.meetings.contains(f->item)) named.insert(f->item);
    named.insert(f->related.begin(), f->related.end());
    if (e.meetings.contains(f->item)) continue;  // meeting housekeeping is no agenda point
    add(f->open_point);
  }

  std::vector<const ClientTask*> tasks;
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Open && t.due.days <= on.days + kAgendaTaskDays && !named.count(id))
      tasks.push_back(&t);
  std::stable_sort(tasks.begin(), tasks.end(), [](auto* a, auto* b) { return a->due < b->due; });
  for (const ClientTask* t : tasks)
    add(fmt::format("{}: {} {}", name_of(*t), t->due < on ? "was due" : "due", day_month(t->due)));

  for (const auto& [id, cr] : e.change_requests)
    if (cr.status == ChangeStatus::Proposed && !named.count(id))
      add(fmt::format("{}: change request to decide", name_of(cr)));
  for (const auto& [id, q] : e.questions)
    if (!q.answered_on && q.answer.empty() && !named.count(id))
      add(fmt::format("Question: {}", name_of(q)));
  for (const auto& [id, x] : e.expectations)
    if ((x.status == ExpectationStatus::AtRisk || x.status == ExpectationStatus::WillNotBeMet) &&
        !named.count(id))
      add(fmt::format("{}: {}", name_of(x),
                      x.status == ExpectationStatus::AtRisk ? "at risk" : "will not be met"));
  std::vector<const Milestone*> soon;
  for (const auto& [id, m] : e.milestones)
    if (m.status != MilestoneStatus::Done && m.status != MilestoneStatus::Missed &&
        m.current.days >= on.days && m.current.days <= on.days + kAgendaMilestoneDays &&
        !named.count(id))
      soon.push_back(&m);
  std::stable_sort(soon.begin(), soon.end(),
                   [](auto* a, auto* b) { return a->current < b->current; });
  for (const Milestone* m : soon)
    add(fmt::format("{}: due {}", name_of(*m), day_month(m->current)));
  return out;
}

std::vector<AgendaPoint> proposed_agenda(const Engagement& e, Id series, Date original,
                                         Date today) {
  const Date as_of = std::min(today, original);
  return proposed_agenda(e, check_health(redacted(e), as_of), series, original);
}

std::vector<AgendaPoint> agenda_of(const Engagement& e, Id series, Date original, Date today) {
  if (const MeetingSeries* s = e.meetings.find(series))
    if (auto o = s->overrides.find(original); o != s->overrides.end() && !o->second.agenda.empty())
      return o->second.agenda;
  return proposed_agenda(e, series, original, today);
}

}  // namespace rapport
