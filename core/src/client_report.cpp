// The client's picture of the engagement (client_report.hpp): the sections of
// the status report and of the client view's pages, from the client's copy.
//
// [SECTION] index
//   Words    - dates, shifts and names as the client reads them
//   Content  - one function per section
//   Build    - build_client_report(): the sections in their order, empty columns dropped
#include "rapport/client_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/state_pill.hpp"
#include "rapport/weekly_update.hpp"

namespace rapport {

const ReportSection* ClientReport::section(std::string_view id) const {
  for (const ReportSection& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

// [SECTION] Words -------------------------------------------------------------

std::string shift_text(int days) {
  if (days == 0) return "on plan";
  int weeks = days % 7 == 0 ? days / 7 : 0;
  if (weeks) return fmt::format("{:+d} week{}", weeks, std::abs(weeks) == 1 ? "" : "s");
  return fmt::format("{:+d} day{}", days, std::abs(days) == 1 ? "" : "s");
}

std::string delta_text(int days) {
  if (days == 0) return "on plan";
  // U+2212, the minus sign: as wide as the plus, so columns of slips line up.
  return fmt::format("{}{} d", days < 0 ? "\xE2\x88\x92" : "+", std::abs(days));
}

StatePill state_pill(const Milestone& m, Date as_of) {
  if (m.status == MilestoneStatus::Done) return {"done", Tone::Good};
  if (m.status == MilestoneStatus::Missed) return {"missed", Tone::Late};
  if (m.current < as_of)
    return {fmt::format("overdue {} d", as_of.days - m.current.days), Tone::Late};
  if (m.current > m.baseline)
    return {"moved " + delta_text(m.current.days - m.baseline.days), Tone::Warn};
  return {to_string(m.status), Tone::Plain};
}

StatePill state_pill(const ClientTask& t, Date as_of) {
  if (t.status == TaskStatus::Done) return {"done", Tone::Good};
  if (t.status == TaskStatus::Dropped) return {"dropped", Tone::Muted};
  int left = t.due.days - as_of.days;
  if (left < 0) return {fmt::format("overdue {} d", -left), Tone::Late};
  if (left == 0) return {"due today", Tone::Warn};
  if (left <= 7) return {fmt::format("due in {} d", left), Tone::Warn};
  return {"open", Tone::Plain};
}

StatePill state_pill(const ChangeRequest& c, Date as_of) {
  switch (c.status) {
    case ChangeStatus::Proposed: {
      int days = as_of.days - c.requested_on.days;
      return {days > 0 ? fmt::format("waiting {} d", days) : std::string("waiting"), Tone::Warn};
    }
    case ChangeStatus::Deferred:
      return {"deferred", Tone::Warn};
    case ChangeStatus::Approved:
      return {"approved", Tone::Good};
    case ChangeStatus::Rejected:
      return {"rejected", Tone::Muted};  // resolved, not late
  }
  return {to_string(c.status), Tone::Plain};
}

namespace {

// Appends `item` to a list in text, with `separator` when it is not the first.
// (Also dodges g++ 12's false -Wrestrict on "literal" + std::string at -O3.)
void join(std::string& list, std::string_view separator, std::string_view item) {
  if (!list.empty()) list += separator;
  list += item;
}

// A change request still waiting for the client's decision.
bool waiting(const ChangeRequest& c) {
  return c.status == ChangeStatus::Proposed || c.status == ChangeStatus::Deferred;
}

std::string stakeholder(const Engagement& e, Id id) {
  const Stakeholder* s = e.stakeholders.find(id);
  return s ? s->name : "";
}

// [SECTION] Content -----------------------------------------------------------

Tone milestone_tone(const Milestone& m, Date as_of) { return state_pill(m, as_of).tone; }

ReportSection summary(const Engagement& e, Date as_of, Date since) {
  ReportSection s{"summary", "Summary"};
  s.quote = e.info.vision;
  int total = 0, done = 0, moved = 0;
  const Milestone* next = nullptr;
  for (const auto& [id, m] : e.milestones) {
    ++total;
    if (m.status == MilestoneStatus::Done) ++done;
    if (m.current != m.baseline) ++moved;
    if (m.status != MilestoneStatus::Done && m.current >= as_of &&
        (!next || m.current < next->current))
      next = &m;
  }
  s.facts.push_back(
      {"Milestones done", fmt::format("{} of {}", done, total),
       moved ? fmt::format("{} moved from the agreed date", moved) : "all on their agreed dates",
       moved ? Tone::Warn : Tone::Good});
  if (next)
    s.facts.push_back({"Next milestone", next->title,
                       fmt::format("{}{}", date_text(next->current),
                                   next->current != next->baseline
                                       ? fmt::format(", agreed {}", day_month(next->baseline))
                                       : std::string()),
                       next->current != next->baseline ? Tone::Warn : Tone::Plain});
  int open = 0, overdue = 0;
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Open) {
      ++open;
      if (t.due < as_of) ++overdue;
    }
  s.facts.push_back({"Open tasks on your side", std::to_string(open),
                     overdue ? fmt::format("{} overdue", overdue) : "none overdue",
                     overdue ? Tone::Late : Tone::Good});
  int waiting_count = 0;
  for (const auto& [id, c] : e.change_requests)
    if (waiting(c)) ++waiting_count;
  s.facts.push_back({"Change requests awaiting a decision", std::to_string(waiting_count), "",
                     waiting_count ? Tone::Warn : Tone::Plain});

  // Meeting consistency since the last report: the seeds' point that
  // cancelled meetings send a message of their own.
  int held = 0, cancelled = 0;
  for (const Occurrence& o : occurrences(e, start_of(since), start_of(as_of.plus_days(1)))) {
    if (o.state == OccurrenceState::Held) ++held;
    if (o.state == OccurrenceState::Cancelled) ++cancelled;
  }
  s.paragraphs.push_back(fmt::format("Since {}: {} meeting{} held, {} cancelled.", date_text(since),
                                     held, held == 1 ? "" : "s", cancelled));
  return s;
}

ReportSection milestones(const Engagement& e, Date as_of) {
  ReportSection s{"milestones", "Milestones: agreed and now"};
  s.head = {"Milestone", "Agreed", "Now", "Change", "Status"};
  std::vector<const Milestone*> list;
  for (const auto& [id, m] : e.milestones) list.push_back(&m);
  std::stable_sort(list.begin(), list.end(),
                   [](auto* a, auto* b) { return a->baseline < b->baseline; });
  for (const Milestone* m : list) {
    int shift = m->current.days - m->baseline.days;
    s.rows.push_back({ReportCell{m->title, Tone::Plain, m->description},
                      ReportCell{date_text(m->baseline)}, ReportCell{date_text(m->current)},
                      ReportCell{shift_text(shift), shift > 0 ? Tone::Warn : Tone::Muted}, [&] {
                        StatePill p = state_pill(*m, as_of);
                        return ReportCell{p.text, p.tone};
                      }()});
  }
  s.empty = "No milestones yet.";
  return s;
}

ClientHeadline headline(const Engagement& e, Date as_of) {
  ClientHeadline h;
  const Milestone* late = nullptr;
  const Milestone* next = nullptr;
  for (const auto& [id, m] : e.milestones) {
    if (m.status == MilestoneStatus::Done) continue;
    bool is_late = milestone_tone(m, as_of) == Tone::Late;
    if (is_late && (!late || m.current < late->current)) late = &m;
    if (!is_late && m.current >= as_of && (!next || m.current < next->current)) next = &m;
  }
  if (const Milestone* m = late ? late : next)
    h.milestone = ClientHeadline::MilestoneNow{m->title, m->baseline, m->current, late != nullptr};
  std::vector<const ClientTask*> open;
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Open) open.push_back(&t);
  std::stable_sort(open.begin(), open.end(), [](auto* a, auto* b) { return a->due < b->due; });
  for (const ClientTask* t : open)
    h.needs.push_back({t->title, stakeholder(e, t->owner), t->due, t->due < as_of});
  const std::string& zone = client_zone_of(e.info);  // the client reads their own time
  Instant from = to_instant(LocalDateTime{as_of, LocalTime{0}}, zone);
  for (const Occurrence& o : occurrences(e, from, from.plus_minutes(60LL * 1440))) {
    if (o.state == OccurrenceState::Cancelled || o.start < from) continue;
    const MeetingSeries* series = e.meetings.find(o.series);
    h.next_meeting = ClientHeadline::Meeting{series ? series->title : std::string(),
                                             to_local(o.start, zone), to_local(o.end, zone), zone};
    break;
  }
  return h;
}

ReportSection meetings(const Engagement& e, Date as_of) {
  ReportSection s{"meetings", "Next meetings"};
  const std::string& zone = client_zone_of(e.info);
  s.head = {"When", fmt::format("Time ({})", zone), "Meeting", "Note"};
  Instant from = to_instant(LocalDateTime{as_of, LocalTime{0}}, zone);
  Instant to = to_instant(LocalDateTime{as_of.plus_days(29), LocalTime{0}}, zone);
  int shown = 0;
  for (const Occurrence& o : occurrences(e, from, to)) {
    if (o.state == OccurrenceState::Cancelled || o.start < from) continue;
    if (++shown > 8) break;
    const MeetingSeries* series = e.meetings.find(o.series);
    LocalDateTime local = to_local(o.start, zone);
    LocalDateTime end = to_local(o.end, zone);
    std::string note = o.moved ? "moved from " + date_text(o.original) : "";
    if (!note.empty() && series) note += " " + series->start.hhmm();
    s.rows.push_back({ReportCell{date_text(local.date)},
                      ReportCell{local.time.hhmm() + "–" + end.time.hhmm()},
                      ReportCell{series ? series->title : ""},
                      ReportCell{note, o.moved ? Tone::Warn : Tone::Plain}});
  }
  s.empty = "No meetings planned in the next four weeks.";
  return s;
}

ReportSection client_tasks(const Engagement& e, Date as_of) {
  ReportSection s{"needs", "What we need from you"};
  s.head = {"Task", "Who", "Due", "Needed for"};
  std::vector<const ClientTask*> open;
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Open) open.push_back(&t);
  std::stable_sort(open.begin(), open.end(), [](auto* a, auto* b) { return a->due < b->due; });
  for (const ClientTask* t : open) {
    bool late = t->due < as_of;
    const Milestone* m = e.milestones.find(t->milestone);
    s.rows.push_back({ReportCell{t->title}, ReportCell{stakeholder(e, t->owner)},
                      ReportCell{date_text(t->due), late ? Tone::Late : Tone::Plain,
                                 late ? state_pill(*t, as_of).text : ""},
                      ReportCell{m ? m->title : ""}});
  }
  s.empty = "Nothing open on your side. Thank you!";
  return s;
}

ReportSection change_requests(const Engagement& e, Date as_of, Date since, ReportScope scope) {
  const bool all = scope == ReportScope::Presentation;
  ReportSection s{"changes", all ? "Change requests and their decisions" : "Change requests"};
  s.paragraphs.push_back(
      all ? std::string("Those waiting for a decision first, then the latest decided.")
          : fmt::format("Requested or decided since {}, and any still awaiting a decision.",
                        date_text(since)));
  s.head = {"Change", "Requested", "Impact", "Cost", "Decision"};
  auto in_window = [&](Date d) { return d > since && d <= as_of; };
  std::vector<const ChangeRequest*> list;
  for (const auto& [id, c] : e.change_requests)
    if (all || waiting(c) || in_window(c.requested_on) ||
        (c.decided_on && in_window(*c.decided_on)))
      list.push_back(&c);
  if (all)
    std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) {
      if (waiting(*a) != waiting(*b)) return waiting(*a);
      return a->decided_on.value_or(a->requested_on) > b->decided_on.value_or(b->requested_on);
    });
  for (const ChangeRequest* cr : list) {
    const ChangeRequest& c = *cr;
    std::string impact;
    for (const MilestoneImpact& m : c.impacts)
      if (const Milestone* ms = e.milestones.find(m.milestone))
        join(impact, ", ", fmt::format("{} {}", ms->title, shift_text(m.days)));
    const StatePill pill = state_pill(c, as_of);
    std::string decision = pill.text;
    if (c.decided_on && c.status != ChangeStatus::Proposed)
      decision += " " + day_month(*c.decided_on);
    std::string why = c.rationale;
    if (!c.alternative.empty()) join(why, " ", fmt::format("Alternative: {}", c.alternative));
    const Tone tone = pill.tone;
    std::string who = stakeholder(e, c.requested_by);
    s.rows.push_back(
        {ReportCell{c.title, Tone::Plain, c.description},
         ReportCell{date_text(c.requested_on), Tone::Plain, who.empty() ? "" : "by " + who},
         ReportCell{impact.empty() ? "none on dates" : impact},
         ReportCell{c.cost_minor ? money_text(c.cost_minor, e.info.currency) : "no cost"},
         ReportCell{decision, tone, why}});
  }
  s.empty = "No change requests in this period.";
  return s;
}

ReportSection decisions(const Engagement& e, Date as_of, Date since, ReportScope scope) {
  const bool all = scope == ReportScope::Presentation;
  ReportSection s{"decisions", "Decisions"};
  s.head = {"Date", "Decision", "Decided by"};
  std::vector<const Decision*> list;
  for (const auto& [id, d] : e.decisions)
    if (all || (d.date > since && d.date <= as_of)) list.push_back(&d);
  if (all)
    std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->date > b->date; });
  for (const Decision* d : list)
    s.rows.push_back({ReportCell{date_text(d->date)},
                      ReportCell{d->what, Tone::Plain, d->rationale},
                      ReportCell{stakeholder(e, d->decided_by)}});
  s.empty = all ? std::string("No decisions recorded yet.")
                : fmt::format("No decisions recorded since {}.", date_text(since));
  return s;
}

// Held meetings with a recap, the latest first: what was said and agreed.
ReportSection recaps(const Engagement& e, Date as_of, int max_rows = 8) {
  ReportSection s{"recaps", "Recaps"};
  s.head = {"Date", "Meeting", "Recap"};
  struct Row {
    Date date;
    const MeetingSeries* series;
    const OccurrenceOverride* o;
  };
  std::vector<Row> held;
  for (const auto& [id, m] : e.meetings)
    for (const auto& [date, o] : m.overrides)
      if (Date on = o.moved_to ? o.moved_to->date : date;  // the day it was held
          o.state == OccurrenceState::Held && on <= as_of &&
          (!o.recap_summary.empty() || !o.agreed_actions.empty()))
        held.push_back(Row{on, &m, &o});
  std::stable_sort(held.begin(), held.end(),
                   [](const Row& a, const Row& b) { return a.date > b.date; });
  if (held.size() > size_t(max_rows)) held.resize(size_t(max_rows));
  for (const Row& r : held) {
    std::string actions = r.o->agreed_actions.empty() ? "" : "Agreed: " + r.o->agreed_actions;
    s.rows.push_back({ReportCell{date_text(r.date)}, ReportCell{r.series->title},
                      ReportCell{r.o->recap_summary.empty() ? actions : r.o->recap_summary,
                                 Tone::Plain, r.o->recap_summary.empty() ? "" : actions}});
  }
  s.empty = "No recaps written yet.";
  return s;
}

Tone expectation_tone(ExpectationStatus status) {
  switch (status) {
    case ExpectationStatus::Confirmed:
      return Tone::Good;
    case ExpectationStatus::Unconfirmed:
    case ExpectationStatus::AtRisk:
      return Tone::Warn;
    case ExpectationStatus::WillNotBeMet:
      return Tone::Late;
  }
  return Tone::Plain;
}

const char* expectation_words(ExpectationStatus status) {
  switch (status) {
    case ExpectationStatus::Confirmed:
      return "agreed";
    case ExpectationStatus::Unconfirmed:
      return "to confirm together";
    case ExpectationStatus::AtRisk:
      return "at risk";
    case ExpectationStatus::WillNotBeMet:
      return "will not be met";
  }
  return "";
}

// The expectations as agreed: what the client expects, from whom, and where it stands.
ReportSection expectations(const Engagement& e) {
  ReportSection s{"expectations", "Expectations and where they stand"};
  s.head = {"Expectation", "From", "Raised", "Status"};
  std::vector<const Expectation*> list;
  for (const auto& [id, x] : e.expectations) list.push_back(&x);
  std::stable_sort(list.begin(), list.end(),
                   [](auto* a, auto* b) { return a->raised_on < b->raised_on; });
  for (const Expectation* x : list)
    s.rows.push_back(
        {ReportCell{x->what}, ReportCell{stakeholder(e, x->source)},
         ReportCell{date_text(x->raised_on)},
         ReportCell{expectation_words(x->status), expectation_tone(x->status), x->explanation}});
  s.empty = "No expectations written down yet.";
  return s;
}

ReportSection boundaries(const Engagement& e, Date as_of) {
  ReportSection s{"boundaries", "Boundaries we agreed"};
  auto list_of = [&](BoundaryKind kind, const char* heading) {
    std::vector<std::string> items;
    for (const auto& [id, b] : e.boundaries)
      if (b.kind == kind)
        items.push_back(b.description.empty() ? b.title : b.title + " — " + b.description);
    if (!items.empty()) s.lists.emplace_back(heading, std::move(items));
  };
  list_of(BoundaryKind::InScope, "In scope");
  list_of(BoundaryKind::OutOfScope, "Out of scope");
  list_of(BoundaryKind::NotGuaranteed, "What we cannot guarantee");
  std::vector<std::string> hours, breaks, quotas;
  for (const auto& [id, b] : e.boundaries) {
    if (b.kind == BoundaryKind::WorkingHours) {
      std::string text =
          fmt::format("{}: {} {}–{} ({}, {})", b.title, weekdays_text(b.working_days),
                      b.day_start.hhmm(), b.day_end.hhmm(),
                      b.hours_side == Side::Provider ? e.info.provider_org : e.info.client_org,
                      b.hours_side == Side::Provider ? e.info.time_zone : client_zone_of(e.info));
      if (!b.description.empty()) text += ". " + b.description;
      hours.push_back(text);
    } else if (b.kind == BoundaryKind::Blackout && b.to >= as_of) {
      std::string text = fmt::format("{}: {} – {}", b.title, date_text(b.from), date_text(b.to));
      if (!b.description.empty()) text += ". " + b.description;
      breaks.push_back(text);
    } else if (b.kind == BoundaryKind::Quota) {
      std::string text = fmt::format("{}: {} of {} {} used", b.title, b.used, b.included,
                                     b.unit.empty() ? "included" : b.unit + "s");
      if (b.period != QuotaPeriod::Engagement) text += fmt::format(" this {}", to_string(b.period));
      if (b.extra_rate_minor > 0)
        text += fmt::format("; each extra {} is {}", b.unit.empty() ? "one" : b.unit,
                            money_text(b.extra_rate_minor, e.info.currency));
      if (!b.description.empty()) text += ". " + b.description;
      quotas.push_back(text);
    }
  }
  if (!hours.empty()) s.lists.emplace_back("Ways of working", std::move(hours));
  if (!breaks.empty()) s.lists.emplace_back("Coming breaks and freezes", std::move(breaks));
  if (!quotas.empty())
    s.lists.emplace_back("Included, and how extras are billed", std::move(quotas));
  s.empty = "No boundaries recorded.";
  return s;
}

// The next weeks as a picture (the client's copy: `e` is redacted already).
ReportSection timeline(const Engagement& e, Date as_of) {
  ReportSection s{"timeline", "The next weeks"};
  s.picture = timeline_picture(e, as_of);
  return s;
}

// [SECTION] Weekly update -----------------------------------------------------

ReportSection moved(const Engagement& e, Date as_of, Date since) {
  ReportSection s{"moved", "Milestones that moved"};
  s.head = {"Milestone", "Was", "Now", "Change", "Why"};
  for (const MovedMilestone& m : moved_milestones(e, since, as_of)) {
    int shift = m.now.days - m.was.days;
    s.rows.push_back(
        {ReportCell{m.title}, ReportCell{date_text(m.was)}, ReportCell{date_text(m.now)},
         ReportCell{shift_text(shift), shift > 0 ? Tone::Warn : Tone::Good}, ReportCell{m.why}});
  }
  s.empty = fmt::format("No milestone moved since {}.", date_text(since));
  return s;
}

ReportSection tasks_done(const Engagement& e, Date as_of, Date since) {
  ReportSection s{"done", "Done on your side"};
  s.head = {"Task", "Who", "Done"};
  std::vector<const ClientTask*> done;
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Done && t.done_on && *t.done_on > since && *t.done_on <= as_of)
      done.push_back(&t);
  std::stable_sort(done.begin(), done.end(),
                   [](auto* a, auto* b) { return *a->done_on < *b->done_on; });
  for (const ClientTask* t : done)
    s.rows.push_back({ReportCell{t->title}, ReportCell{stakeholder(e, t->owner)},
                      ReportCell{date_text(*t->done_on), Tone::Good}});
  s.empty = fmt::format("No tasks on your side were finished since {}.", date_text(since));
  return s;
}

}  // namespace

// [SECTION] Build -------------------------------------------------------------

ClientReport build_client_report(const Engagement& original, Date as_of, ReportScope scope,
                                 std::optional<Date> since_opt) {
  // The client's copy: internal fields emptied, hidden milestones gone.
  Engagement e = redacted(original);
  const bool presentation = scope == ReportScope::Presentation;
  const bool update = scope == ReportScope::WeeklyUpdate;
  Date since = since_opt.value_or(as_of.plus_days(update ? -7 : -14));
  ClientReport r;
  r.title = e.info.name;
  r.subtitle = presentation ? "As of " + date_text(as_of)
               : update     ? fmt::format("Weekly update · {}", date_text(as_of))
                            : fmt::format("Status report · {}", date_text(as_of));
  if (!e.info.client_org.empty() || !e.info.provider_org.empty())
    r.parties =
        fmt::format("{}{}{}", e.info.client_org,
                    !e.info.client_org.empty() && !e.info.provider_org.empty() ? " with " : "",
                    e.info.provider_org);
  if (update) {
    r.sections.push_back(summary(e, as_of, since));
    r.sections.back().title = "Since our last update";
    r.sections.back().quote.clear();
    r.sections.push_back(moved(e, as_of, since));
    r.sections.push_back(timeline(e, as_of));
    r.sections.push_back(change_requests(e, as_of, since, scope));
    r.sections.push_back(decisions(e, as_of, since, scope));
    r.sections.push_back(tasks_done(e, as_of, since));
    r.sections.push_back(client_tasks(e, as_of));
    r.sections.push_back(meetings(e, as_of));
  } else {
    r.sections.push_back(summary(e, as_of, since));
    if (!presentation) r.sections.push_back(timeline(e, as_of));
    r.sections.push_back(milestones(e, as_of));
    r.sections.push_back(client_tasks(e, as_of));
    r.sections.push_back(meetings(e, as_of));
    if (presentation) r.sections.push_back(recaps(e, as_of));
    r.sections.push_back(change_requests(e, as_of, since, scope));
    r.sections.push_back(decisions(e, as_of, since, scope));
    r.sections.push_back(boundaries(e, as_of));
    if (presentation) {
      r.sections.push_back(expectations(e));
      r.headline = headline(e, as_of);
    }
  }
  // A column with nothing in it (no meeting moved, say) is noise.
  for (ReportSection& s : r.sections) {
    for (size_t c = s.head.size(); c-- > 0;) {
      bool used = false;
      for (const auto& row : s.rows) used = used || !row[c].text.empty() || !row[c].note.empty();
      if (used || s.rows.empty()) continue;
      s.head.erase(s.head.begin() + long(c));
      for (auto& row : s.rows) row.erase(row.begin() + long(c));
    }
  }
  r.footer = fmt::format("Covers {} to {}. Made with Rapport {}.", date_text(since),
                         date_text(as_of), RAPPORT_VERSION);
  return r;
}

}  // namespace rapport
