// The rules of an engagement, one set for commands and loaded files. Commands
// check the item they are about strictly, and every item they touch (and every
// item of a loaded file) for integrity: references, ranges, dates, ids, texts.
// Policy rules that health checks report on (a rejected change request without
// a rationale) are left to those checks, so such a file still opens and gets
// flagged.
#include "rapport/validate.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rapport/text.hpp"

namespace rapport {
namespace {

using Result = std::optional<Error>;

Error err(std::string field, std::string message) {
  return Error{std::move(field), std::move(message)};
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// A free text: any length up to the limit, valid UTF-8.
Result text(const std::string& s, const char* field, const char* label) {
  if (s.size() > kMaxTextBytes)
    return err(field, fmt::format("The {} is too long ({} KB); keep it under {} KB.", label,
                                  s.size() / 1024, kMaxTextBytes / 1024));
  if (!is_valid_utf8(s))
    return err(field, fmt::format("The {} holds text that is not valid UTF-8.", label));
  return {};
}

// A name or title: required, one line's worth.
Result name(const std::string& s, const char* field, const char* what) {
  if (blank(s)) return err(field, fmt::format("Give the {} a {}.", what, field));
  if (s.size() > kMaxNameBytes)
    return err(field, fmt::format("The {} is too long ({} bytes); keep it under {}.", field,
                                  s.size(), kMaxNameBytes));
  return text(s, field, field);
}

// Where an import took an item from: one line's worth, may be empty.
Result origin(const std::string& s) {
  if (s.size() > kMaxNameBytes)
    return err("origin", fmt::format("The origin is too long ({} bytes); keep it under {}.",
                                     s.size(), kMaxNameBytes));
  return text(s, "origin", "origin");
}

// A date inside the years 1..9999: the range every file can hold.
Result date(Date d, const char* field, const char* label) {
  if (in_date_range(d)) return {};
  return err(field, fmt::format("The {} must be a date in the years 1 to 9999.", label));
}
Result date(const std::optional<Date>& d, const char* field, const char* label) {
  return d ? date(*d, field, label) : Result{};
}

// A time of day, 00:00 to 23:59.
Result time_of_day(LocalTime t, const char* field, const char* label) {
  if (t.minutes >= 0 && t.minutes < 1440) return {};
  return err(field, fmt::format("The {} must be a time between 00:00 and 23:59.", label));
}

Result stakeholder_ref(const Engagement& e, Id id, const char* field, const char* label) {
  if (id == kNoId || e.stakeholders.contains(id)) return {};
  return err(field,
             fmt::format("The {} refers to a stakeholder that does not exist (id {}).", label, id));
}

Result stakeholder_refs(const Engagement& e, const std::vector<Id>& ids, const char* field) {
  for (Id id : ids) {
    if (id == kNoId || !e.stakeholders.contains(id))
      return err(field,
                 fmt::format("The {} list refers to a stakeholder that does not exist (id {}).",
                             field, id));
  }
  return {};
}

Result side_ref(const Engagement& e, Id id, Side side, const char* field, const char* label) {
  if (id == kNoId) return {};
  const Stakeholder* s = e.stakeholders.find(id);
  if (!s)
    return err(field, fmt::format("The {} refers to a stakeholder that does not exist (id {}).",
                                  label, id));
  if (s->side != side)
    return err(field, fmt::format("The {} must be on the {} side: “{}” is on the {} side.", label,
                                  to_string(side), s->name, to_string(s->side)));
  return {};
}

Result zone(const std::string& tz, const char* field) {
  if (tz.empty() || is_known_time_zone(tz)) return {};
  return err(field,
             fmt::format("“{}” is not a known time zone; use a name such as Europe/Amsterdam.",
                         tz.size() > 60 ? tz.substr(0, 60) : tz));
}

template <class E>
Result enum_range(E value, E last, const char* field) {
  if (static_cast<unsigned>(value) <= static_cast<unsigned>(last)) return {};
  return err(field,
             fmt::format("The {} has an unknown value ({}).", field, static_cast<unsigned>(value)));
}

// Evaluates checks in order and returns the first failure.
#define CHECK(expr)                  \
  do {                               \
    if (auto r_ = (expr)) return r_; \
  } while (0)

Result check(const Engagement&, const EngagementInfo& x, bool) {
  CHECK(name(x.name, "name", "engagement"));
  CHECK(text(x.client_org, "client_org", "client organisation"));
  CHECK(text(x.provider_org, "provider_org", "provider organisation"));
  CHECK(text(x.vision, "vision", "vision"));
  CHECK(text(x.internal_notes, "internal_notes", "internal notes"));
  if (x.time_zone.empty()) return err("time_zone", "Choose the engagement's time zone.");
  CHECK(zone(x.time_zone, "time_zone"));
  CHECK(zone(x.client_time_zone, "client_time_zone"));
  CHECK(date(x.start, "start", "start date"));
  CHECK(date(x.end, "end", "end date"));
  if (x.end < x.start) return err("end", "The engagement cannot end before it starts.");
  if (x.currency.size() != 3 || !std::all_of(x.currency.begin(), x.currency.end(),
                                             [](char c) { return c >= 'A' && c <= 'Z'; }))
    return err("currency", "Use a three-letter currency code such as EUR or USD.");
  if (x.internal_day_rate_minor < 0)
    return err("internal_day_rate_minor", "The day rate cannot be negative.");
  if (x.internal_margin_percent < -100 || x.internal_margin_percent > 1000)
    return err("internal_margin_percent", "The margin must be between -100% and 1000%.");
  for (const SentUpdate& u : x.updates) {
    CHECK(date(u.sent_on, "updates", "date an update was sent"));
    CHECK(date(u.since, "updates", "start of an update's period"));
    if (u.sent_on < u.since)
      return err("updates", "An update cannot cover days after it was sent.");
    CHECK(text(u.text, "updates", "update"));
    for (const MilestoneDate& m : u.milestones)
      CHECK(date(m.date, "updates", "milestone date of an update"));
  }
  return {};
}

Result check(const Engagement&, const Stakeholder& x, bool) {
  CHECK(name(x.name, "name", "stakeholder"));
  CHECK(text(x.role, "role", "role"));
  CHECK(text(x.contact, "contact", "contact"));
  CHECK(text(x.internal_notes, "internal_notes", "notes"));
  CHECK(enum_range(x.side, Side::Provider, "side"));
  CHECK(enum_range(x.preferred_channel, ChannelKind::Tool, "preferred_channel"));
  CHECK(enum_range(x.influence, Level::High, "influence"));
  CHECK(enum_range(x.interest, Level::High, "interest"));
  CHECK(zone(x.time_zone, "time_zone"));
  CHECK(origin(x.origin));
  return {};
}

Result check(const Engagement& e, const Objective& x, bool) {
  CHECK(name(x.title, "title", "objective"));
  CHECK(text(x.success_measure, "success_measure", "success measure"));
  CHECK(enum_range(x.horizon, ObjectiveHorizon::LongTerm, "horizon"));
  CHECK(stakeholder_refs(e, x.stakeholders, "stakeholders"));
  return {};
}

Result check(const Engagement&, const Constraint& x, bool) {
  if (blank(x.description)) return err("description", "Describe the constraint.");
  CHECK(text(x.description, "description", "description"));
  CHECK(enum_range(x.kind, ConstraintKind::Other, "kind"));
  return {};
}

Result check(const Engagement& e, const Question& x, bool) {
  if (blank(x.text)) return err("text", "Write the question.");
  CHECK(text(x.text, "text", "question"));
  CHECK(text(x.answer, "answer", "answer"));
  CHECK(stakeholder_ref(e, x.asked_of, "asked_of", "person asked"));
  CHECK(date(x.asked_on, "asked_on", "date asked"));
  CHECK(date(x.answered_on, "answered_on", "date answered"));
  if (x.answered_on && *x.answered_on < x.asked_on)
    return err("answered_on", "A question cannot be answered before it was asked.");
  return {};
}

Result check(const Engagement& e, const Expectation& x, bool) {
  if (blank(x.what)) return err("what", "Write what the client expects.");
  CHECK(text(x.what, "what", "expectation"));
  CHECK(text(x.explanation, "explanation", "explanation"));
  CHECK(enum_range(x.status, ExpectationStatus::WillNotBeMet, "status"));
  CHECK(stakeholder_ref(e, x.source, "source", "source"));
  CHECK(date(x.raised_on, "raised_on", "date raised"));
  return {};
}

Result check(const Engagement& e, const Responsibility& x, bool) {
  if (blank(x.what)) return err("what", "Write what the responsibility is.");
  CHECK(text(x.what, "what", "responsibility"));
  CHECK(enum_range(x.side, Side::Provider, "side"));
  CHECK(side_ref(e, x.owner, x.side, "owner", "owner"));
  return {};
}

Result check(const Engagement& e, const Deliverable& x, bool) {
  CHECK(name(x.title, "title", "deliverable"));
  CHECK(text(x.acceptance_criteria, "acceptance_criteria", "acceptance criteria"));
  if (x.milestone != kNoId && !e.milestones.contains(x.milestone))
    return err("milestone",
               fmt::format("The deliverable refers to a milestone that does not exist (id {}).",
                           x.milestone));
  return {};
}

Result check(const Engagement& e, const CommunicationChannel& x, bool) {
  CHECK(enum_range(x.kind, ChannelKind::Tool, "kind"));
  CHECK(text(x.purpose, "purpose", "purpose"));
  CHECK(text(x.frequency, "frequency", "frequency"));
  if (x.response_time_hours < 0 || x.response_time_hours > 24 * 365)
    return err("response_time_hours",
               "The promised response time must be between 0 and 8760 hours.");
  CHECK(side_ref(e, x.client_primary, Side::Client, "client_primary", "client's primary contact"));
  CHECK(side_ref(e, x.client_backup, Side::Client, "client_backup", "client's backup contact"));
  CHECK(side_ref(e, x.provider_primary, Side::Provider, "provider_primary",
                 "provider's primary contact"));
  CHECK(side_ref(e, x.provider_backup, Side::Provider, "provider_backup",
                 "provider's backup contact"));
  if (x.client_primary != kNoId && x.client_primary == x.client_backup)
    return err("client_backup", "The backup must be someone other than the primary contact.");
  if (x.provider_primary != kNoId && x.provider_primary == x.provider_backup)
    return err("provider_backup", "The backup must be someone other than the primary contact.");
  return {};
}

Result check(const Engagement& e, const MeetingSeries& x, bool) {
  CHECK(name(x.title, "title", "meeting"));
  CHECK(text(x.purpose, "purpose", "purpose"));
  CHECK(stakeholder_refs(e, x.attendees, "attendees"));
  if (x.channel != kNoId && !e.channels.contains(x.channel))
    return err(
        "channel",
        fmt::format("The meeting refers to a channel that does not exist (id {}).", x.channel));
  CHECK(date(x.first_date, "first_date", "first date"));
  CHECK(time_of_day(x.start, "start", "start time"));
  if (x.duration_minutes < 5 || x.duration_minutes > 24 * 60)
    return err("duration_minutes", "A meeting lasts between 5 minutes and 24 hours.");
  CHECK(zone(x.time_zone, "time_zone"));
  const Recurrence& r = x.recurrence;
  CHECK(enum_range(r.frequency, Frequency::MonthlyOnWeekday, "frequency"));
  if (r.interval < 1 || r.interval > 1000)
    return err("interval", "The interval must be between 1 and 1000.");
  if (r.frequency == Frequency::Weekly && (r.weekdays & 0x7F) == 0)
    return err("weekdays", "Choose at least one weekday for a weekly meeting.");
  if (r.weekdays & 0x80) return err("weekdays", "The weekdays hold an unknown value.");
  if (r.weekday > 6) return err("weekday", "The weekday holds an unknown value.");
  if (r.frequency == Frequency::MonthlyOnDay && (r.month_day < 1 || r.month_day > 31))
    return err("month_day", "The day of the month must be between 1 and 31.");
  if (r.frequency == Frequency::MonthlyOnWeekday) {
    if (!(r.week_of_month == -1 || (r.week_of_month >= 1 && r.week_of_month <= 5)))
      return err("week_of_month", "Choose the 1st to 5th, or the last, weekday of the month.");
  }
  CHECK(date(r.until, "until", "last date"));
  if (r.until && *r.until < x.first_date)
    return err("until", "The series cannot end before its first meeting.");
  if (r.count < 0 || r.count > 100000)
    return err("count", "The number of meetings must be between 0 and 100000.");
  for (const auto& [original, o] : x.overrides) {
    CHECK(date(original, "overrides", "date of a changed occurrence"));
    CHECK(enum_range(o.state, OccurrenceState::Cancelled, "state"));
    CHECK(enum_range(o.cancelled_by, Side::Provider, "cancelled_by"));
    CHECK(stakeholder_refs(e, o.present, "present"));
    CHECK(text(o.recap_summary, "recap_summary", "recap"));
    CHECK(text(o.agreed_actions, "agreed_actions", "agreed actions"));
    CHECK(text(o.cancel_reason, "cancel_reason", "reason"));
    for (const AgendaPoint& p : o.agenda) {
      if (blank(p.text)) return err("agenda", "An agenda point needs some text.");
      CHECK(text(p.text, "agenda", "agenda point"));
      CHECK(date(p.carried_from, "agenda", "date an agenda point was raised"));
    }
    if (o.moved_to) {
      CHECK(date(o.moved_to->date, "moved_to", "new date"));
      CHECK(time_of_day(o.moved_to->time, "moved_to", "new start time"));
    }
  }
  return {};
}

Result check(const Engagement&, const Milestone& x, bool) {
  CHECK(name(x.title, "title", "milestone"));
  CHECK(text(x.description, "description", "description"));
  CHECK(enum_range(x.status, MilestoneStatus::Missed, "status"));
  CHECK(date(x.baseline, "baseline", "baseline date"));
  CHECK(date(x.current, "current", "current date"));
  CHECK(origin(x.origin));
  return {};
}

Result check(const Engagement&, const Boundary& x, bool) {
  CHECK(name(x.title, "title", "boundary"));
  CHECK(text(x.description, "description", "description"));
  CHECK(text(x.unit, "unit", "unit"));
  CHECK(enum_range(x.kind, BoundaryKind::Quota, "kind"));
  CHECK(enum_range(x.period, QuotaPeriod::Week, "period"));
  CHECK(enum_range(x.hours_side, Side::Provider, "hours_side"));
  if (x.working_days & 0x80) return err("working_days", "The working days hold an unknown value.");
  CHECK(time_of_day(x.day_start, "day_start", "start of the working day"));
  CHECK(time_of_day(x.day_end, "day_end", "end of the working day"));
  CHECK(date(x.from, "from", "first date"));
  CHECK(date(x.to, "to", "last date"));
  CHECK(origin(x.origin));
  if (x.kind == BoundaryKind::WorkingHours) {
    if ((x.working_days & 0x7F) == 0)
      return err("working_days", "Choose at least one working day.");
    if (x.day_end <= x.day_start)
      return err("day_end", "The working day must end after it starts.");
  }
  if (x.kind == BoundaryKind::Blackout && x.to < x.from)
    return err("to", "The period cannot end before it starts.");
  if (x.kind == BoundaryKind::Quota) {
    if (x.included < 0) return err("included", "The included amount cannot be negative.");
    if (x.used < 0) return err("used", "The amount used cannot be negative.");
    if (x.extra_rate_minor < 0)
      return err("extra_rate_minor", "The rate for extras cannot be negative.");
  }
  return {};
}

Result check(const Engagement& e, const ChangeRequest& x, bool strict) {
  CHECK(name(x.title, "title", "change request"));
  CHECK(text(x.description, "description", "description"));
  CHECK(text(x.rationale, "rationale", "rationale"));
  CHECK(text(x.alternative, "alternative", "alternative"));
  CHECK(text(x.internal_notes, "internal_notes", "internal notes"));
  CHECK(enum_range(x.status, ChangeStatus::Deferred, "status"));
  CHECK(stakeholder_ref(e, x.requested_by, "requested_by", "requester"));
  CHECK(stakeholder_ref(e, x.decided_by, "decided_by", "decider"));
  CHECK(date(x.requested_on, "requested_on", "date requested"));
  CHECK(date(x.decided_on, "decided_on", "date decided"));
  if (x.objective != kNoId && !e.objectives.contains(x.objective))
    return err("objective",
               fmt::format("The change request refers to an objective that does not exist (id {}).",
                           x.objective));
  for (size_t i = 0; i < x.impacts.size(); ++i) {
    const MilestoneImpact& m = x.impacts[i];
    if (!e.milestones.contains(m.milestone))
      return err("impacts",
                 fmt::format("The impact refers to a milestone that does not exist (id {}).",
                             m.milestone));
    if (m.days < -3650 || m.days > 3650)
      return err("impacts", "An impact must be within ten years (±3650 days).");
    for (size_t j = 0; j < i; ++j)
      if (x.impacts[j].milestone == m.milestone)
        return err("impacts", fmt::format("“{}” is listed twice in the impact.",
                                          e.milestones.find(m.milestone)->title));
  }
  if (x.cost_minor < 0) return err("cost_minor", "The cost cannot be negative.");
  if (x.effort_hours < 0) return err("effort_hours", "The effort cannot be negative.");
  if (strict && x.status == ChangeStatus::Rejected) {
    if (blank(x.rationale))
      return err("rationale", "Say why the change is rejected: the client deserves a reason.");
    if (blank(x.alternative))
      return err("alternative", "Offer the client an alternative when saying no.");
  }
  return {};
}

Result check(const Engagement& e, const ClientTask& x, bool) {
  CHECK(name(x.title, "title", "client task"));
  CHECK(enum_range(x.status, TaskStatus::Dropped, "status"));
  CHECK(side_ref(e, x.owner, Side::Client, "owner", "owner of a client task"));
  CHECK(date(x.created_on, "created_on", "date created"));
  CHECK(date(x.due, "due", "due date"));
  CHECK(date(x.done_on, "done_on", "date done"));
  CHECK(origin(x.origin));
  if (x.due < x.created_on) return err("due", "A task cannot be due before it was created.");
  if (x.done_on && *x.done_on < x.created_on)
    return err("done_on", "A task cannot be done before it was created.");
  if (x.milestone != kNoId && !e.milestones.contains(x.milestone))
    return err(
        "milestone",
        fmt::format("The task refers to a milestone that does not exist (id {}).", x.milestone));
  return {};
}

Result check(const Engagement& e, const Decision& x, bool) {
  if (blank(x.what)) return err("what", "Write what was decided.");
  CHECK(date(x.date, "date", "date"));
  CHECK(text(x.what, "what", "decision"));
  CHECK(text(x.rationale, "rationale", "rationale"));
  CHECK(stakeholder_ref(e, x.decided_by, "decided_by", "decider"));
  CHECK(stakeholder_refs(e, x.consulted, "consulted"));
  CHECK(stakeholder_refs(e, x.informed, "informed"));
  return {};
}

Result check(const Engagement& e, const Feedback& x, bool) {
  CHECK(date(x.date, "date", "date"));
  if (x.sentiment < -2 || x.sentiment > 2)
    return err("sentiment", "The sentiment runs from -2 to +2.");
  CHECK(text(x.note, "note", "note"));
  CHECK(text(x.follow_up, "follow_up", "follow-up"));
  CHECK(stakeholder_ref(e, x.stakeholder, "stakeholder", "stakeholder"));
  return {};
}

std::string capitalised(const char* s) {
  std::string out = s;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

#define RAPPORT_VALIDATE(T) \
  std::optional<Error> validate(const Engagement& e, const T& x) { return check(e, x, true); }
RAPPORT_VALIDATE(EngagementInfo)
RAPPORT_VALIDATE(Stakeholder)
RAPPORT_VALIDATE(Objective)
RAPPORT_VALIDATE(Constraint)
RAPPORT_VALIDATE(Question)
RAPPORT_VALIDATE(Expectation)
RAPPORT_VALIDATE(Responsibility)
RAPPORT_VALIDATE(Deliverable)
RAPPORT_VALIDATE(CommunicationChannel)
RAPPORT_VALIDATE(MeetingSeries)
RAPPORT_VALIDATE(Milestone)
RAPPORT_VALIDATE(Boundary)
RAPPORT_VALIDATE(ChangeRequest)
RAPPORT_VALIDATE(ClientTask)
RAPPORT_VALIDATE(Decision)
RAPPORT_VALIDATE(Feedback)
#undef RAPPORT_VALIDATE

template <class T>
std::optional<Error> validate_stored(const Engagement& e, const T& x) {
  return check(e, x, false);
}
template std::optional<Error> validate_stored(const Engagement&, const EngagementInfo&);
#define RAPPORT_VALIDATE_STORED(T) \
  template std::optional<Error> validate_stored(const Engagement&, const T&);
RAPPORT_VALIDATE_STORED(Stakeholder)
RAPPORT_VALIDATE_STORED(Objective)
RAPPORT_VALIDATE_STORED(Constraint)
RAPPORT_VALIDATE_STORED(Question)
RAPPORT_VALIDATE_STORED(Expectation)
RAPPORT_VALIDATE_STORED(Responsibility)
RAPPORT_VALIDATE_STORED(Deliverable)
RAPPORT_VALIDATE_STORED(CommunicationChannel)
RAPPORT_VALIDATE_STORED(MeetingSeries)
RAPPORT_VALIDATE_STORED(Milestone)
RAPPORT_VALIDATE_STORED(Boundary)
RAPPORT_VALIDATE_STORED(ChangeRequest)
RAPPORT_VALIDATE_STORED(ClientTask)
RAPPORT_VALIDATE_STORED(Decision)
RAPPORT_VALIDATE_STORED(Feedback)
#undef RAPPORT_VALIDATE_STORED

std::vector<std::string> validate_engagement(const Engagement& e, size_t limit) {
  std::vector<std::string> problems;
  auto add = [&](std::string p) {
    if (problems.size() < limit) problems.push_back(std::move(p));
  };
  if (auto r = check(e, e.info, false)) add("Engagement details: " + r->message);
  if (e.next_id == kNoId) add("The id counter (next_id) is 0; it must be at least 1.");
  // Ids from several machines interleave (ids.hpp), so next_id is not above
  // every id; Add skips to a free block whatever it holds.
  if (e.next_id > kMaxItemId + 1)
    add(fmt::format("The id counter (next_id) is {}, beyond the largest id.", e.next_id));
  std::vector<Id> ids;
  ids.reserve(e.item_count());
  for_each_table(e, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    for (const auto& [key, item] : table) {
      if (problems.size() >= limit) return;
      std::string label = capitalised(to_string(KindOf<T>::kind));
      if (key != item.id || item.id == kNoId) {
        add(fmt::format("{} “{}” has a damaged id ({}).", label, name_of(item), item.id));
        continue;
      }
      if (item.id > kMaxItemId)
        add(fmt::format("{} “{}” has an id ({}) beyond the largest id ({}).", label, name_of(item),
                        item.id, kMaxItemId));
      ids.push_back(item.id);
      if (auto r = check(e, item, false))
        add(fmt::format("{} “{}”: {}", label, name_of(item), r->message));
    }
  });
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end())
    add(fmt::format("Two items share the id {}.", *std::adjacent_find(ids.begin(), ids.end())));
  return problems;
}

}  // namespace rapport
