// Meeting checks: consistency per series, recaps, meetings against the agreed
// working hours and blackouts, and the cadence of contact with the client.
// Occurrences are expanded only over the windows a check needs, never over the
// whole engagement.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "health_checks.hpp"
#include "rapport/fields.hpp"
#include "rapport/meeting_conflicts.hpp"

namespace rapport::health {
namespace {

const OccurrenceOverride* override_of(const MeetingSeries& s, Date original) {
  auto it = s.overrides.find(original);
  return it == s.overrides.end() ? nullptr : &it->second;
}

}  // namespace

// [SECTION] Consistency -------------------------------------------------------

void check_consistency(Context& c) {
  const int window = std::max(1, c.s.consistency_window);
  for (const auto& [id, s] : c.e.meetings) {
    int period = period_days(s);
    if (period == 0 || s.first_date >= c.as_of) continue;
    // The last `window` past occurrences: widen the window until it holds
    // enough of them or reaches the first date.
    std::vector<Occurrence> past;
    for (int days = period * (window + 1) + 14;; days *= 2) {
      Date lo = c.as_of.plus_days(-days);
      past.clear();
      for (const Occurrence& o :
           occurrences(s, c.e.info, start_of(lo), start_of(c.as_of.plus_days(2))))
        if (actual_date(o.original, override_of(s, o.original)) < c.as_of) past.push_back(o);
      if (int(past.size()) >= window || lo <= s.first_date || days > 366 * 20) break;
    }
    std::sort(past.begin(), past.end(),
              [](const Occurrence& a, const Occurrence& b) { return a.original < b.original; });
    if (int(past.size()) > window) past.erase(past.begin(), past.end() - window);
    if (past.empty()) continue;

    int held = 0, unmarked = 0, run = 0, longest_run = 0;
    const Occurrence* last_missed = nullptr;
    for (const Occurrence& o : past) {
      if (o.state == OccurrenceState::Planned) ++unmarked;
      if (o.state == OccurrenceState::Held)
        ++held;
      else
        last_missed = &o;
      run = o.state == OccurrenceState::Cancelled ? run + 1 : 0;
      longest_run = std::max(longest_run, run);
    }
    double share = double(held) / double(past.size());
    bool low =
        int(past.size()) >= std::max(1, c.s.consistency_min_sample) && share < c.s.min_held_share;
    bool streak = c.s.max_cancelled_in_a_row > 0 && longest_run >= c.s.max_cancelled_in_a_row;
    if (!low && !streak) continue;

    std::string why;
    if (streak) why = fmt::format("{} cancelled in a row", longest_run);
    if (low)
      why +=
          fmt::format("{}only {} of the last {} held", why.empty() ? "" : "; ", held, past.size());
    if (unmarked) why += fmt::format(" ({} not marked held or cancelled)", unmarked);
    const Occurrence& at = last_missed ? *last_missed : past.back();
    // No open point: internal (the provider's own rhythm of meetings).
    Finding& f =
        c.add(Severity::Warning, kCheckConsistency, id,
              actual_date(at.original, override_of(s, at.original)),
              fmt::format("{} is slipping: {} ({:.0f}% held)", name_of(s), why, share * 100),
              unmarked ? "Mark what happened to the past meetings; hold the next one as planned"
                       : "Hold the next one as planned; if the rhythm no longer fits, agree a new "
                         "one with the "
                         "client instead of cancelling",
              true);
    f.occurrence = at.original;
  }
}

// [SECTION] Recaps ------------------------------------------------------------

void check_recaps(Context& c) {
  const int grace = std::max(0, c.s.recap_grace_working_days);
  struct Missing {
    Date original, when, due;
  };
  std::vector<Missing> missing;
  std::vector<Date> originals;
  for (const auto& [id, s] : c.e.meetings) {
    missing.clear();
    originals.clear();
    for (const auto& [original, o] : s.overrides) {
      if (o.state != OccurrenceState::Held || !blank(o.recap_summary)) continue;
      Date when = actual_date(original, &o);
      Date due = add_working_days(when, grace, c.working_days);
      if (!(c.as_of > due)) continue;
      missing.push_back(Missing{original, when, due});
      originals.push_back(original);
    }
    // Overrides without an occurrence are dropped; asked once per series.
    std::vector<bool> real = has_occurrences(s, originals);
    for (size_t i = 0; i < missing.size(); ++i) {
      if (!real[i]) continue;
      const Missing& m = missing[i];
      // No open point: internal (a recap the provider owes). A client-facing
      // "recap to follow" would need this finding to stop being internal,
      // which presentation mode relies on to hide it.
      Finding& f = c.add(
          Severity::Warning, kCheckRecapMissing, id, m.when,
          fmt::format("{} on {} was held but has no recap (due {})", name_of(s), iso(m.when),
                      iso(m.due)),
          "Write the recap: what was decided, who does what by when; send it to the attendees",
          true);
      f.occurrence = m.original;
    }
  }
}

// [SECTION] Boundaries: working hours and blackouts ---------------------------

void check_boundary_meetings(Context& c) {
  // Working-hours boundaries with the same rule give the same answer: check
  // each distinct rule once (the first boundary by id names it).
  struct Rule {
    const Boundary* b;
    std::vector<Id> ids;
  };
  std::vector<Rule> rules;
  std::map<std::tuple<uint8_t, int32_t, int32_t, Side>, size_t> rule_of;  // the rule -> its index
  std::vector<const Boundary*> blackouts;
  Date lo = c.as_of.plus_days(-std::max(0, c.s.boundary_days_back));
  Date hi = c.as_of.plus_days(std::max(0, c.s.boundary_days_ahead));
  for (const auto& [id, b] : c.e.boundaries) {
    if (b.kind == BoundaryKind::WorkingHours) {
      auto [same, added] = rule_of.try_emplace(
          std::make_tuple(b.working_days, b.day_start.minutes, b.day_end.minutes, b.hours_side),
          rules.size());
      if (added)
        rules.push_back(Rule{&b, {id}});
      else
        rules[same->second].ids.push_back(id);
    } else if (b.kind == BoundaryKind::Blackout && b.from <= b.to && b.to >= lo && b.from <= hi) {
      blackouts.push_back(&b);
    }
  }
  if (rules.empty() && blackouts.empty()) return;
  std::sort(blackouts.begin(), blackouts.end(), [](const Boundary* a, const Boundary* b) {
    return a->from != b->from ? a->from < b->from : a->id < b->id;
  });
  // The blackouts merged into disjoint ranges, sorted: whether a date falls in
  // any blackout is one binary search, however many of them overlap.
  std::vector<std::pair<Date, Date>> covered;
  for (const Boundary* b : blackouts) {
    if (!covered.empty() && b->from.days <= covered.back().second.days + 1) {
      covered.back().second = std::max(covered.back().second, b->to);
    } else {
      covered.emplace_back(b->from, b->to);
    }
  }
  auto in_blackout = [&](Date d) {
    auto it = std::upper_bound(covered.begin(), covered.end(), d,
                               [](Date v, const std::pair<Date, Date>& r) { return v < r.first; });
    return it != covered.begin() && d <= std::prev(it)->second;
  };

  struct HoursHit {
    int count = 0;
    Date first_original, first_when;
    std::string first_time;  // local time in the rule's zone
  };
  for (const auto& [sid, s] : c.e.meetings) {
    std::vector<Occurrence> occ = occurrences(s, c.e.info, start_of(lo), start_of(hi.plus_days(1)));
    if (occ.empty()) continue;
    std::vector<HoursHit> hours_hits(rules.size());
    std::vector<Date> blackout_dates;
    std::vector<Id> blackout_ids;
    std::optional<Date> blackout_first_original;
    std::string client = rules.empty() ? std::string() : client_zone(c.e, s);
    for (const Occurrence& o : occ) {
      if (o.state == OccurrenceState::Cancelled) continue;
      Date when = actual_date(o.original, override_of(s, o.original));
      // Local start and end in each side's zone, converted at most once.
      std::optional<std::pair<LocalDateTime, LocalDateTime>> local[2];
      for (size_t r = 0; r < rules.size(); ++r) {
        const Boundary& b = *rules[r].b;
        int side = b.hours_side == Side::Provider ? 0 : 1;
        if (!local[side]) {
          const std::string& zone = side == 0 ? c.e.info.time_zone : client;
          local[side].emplace(to_local(o.start, zone), to_local(o.end, zone));
        }
        const auto& [start, end] = *local[side];
        if (within_working_hours(b, start, end)) continue;
        HoursHit& h = hours_hits[r];
        if (h.count++ == 0) {
          h.first_original = o.original;
          h.first_when = start.date;
          h.first_time = start.time.hhmm();
        }
      }
      if (!blackouts.empty() && in_blackout(when)) {
        blackout_dates.push_back(when);
        if (!blackout_first_original || o.original < *blackout_first_original)
          blackout_first_original = o.original;
      }
    }
    if (!blackout_dates.empty()) {
      // The blackouts that hold at least one of these dates: a binary search each.
      std::sort(blackout_dates.begin(), blackout_dates.end());
      for (const Boundary* b : blackouts) {
        auto first = std::lower_bound(blackout_dates.begin(), blackout_dates.end(), b->from);
        if (first != blackout_dates.end() && *first <= b->to) blackout_ids.push_back(b->id);
      }
    }
    for (size_t r = 0; r < rules.size(); ++r) {
      const HoursHit& h = hours_hits[r];
      if (h.count == 0) continue;
      const Boundary& b = *rules[r].b;
      Finding& f =
          c.add(Severity::Warning, kCheckOutsideHours, sid, h.first_when,
                fmt::format("{}: {} outside the agreed working hours ({} {}–{}, the {}'s time, "
                            "{}), the first on {} at {}",
                            name_of(s), count_of(h.count, "occurrence"),
                            weekdays_text(b.working_days), b.day_start.hhmm(), b.day_end.hhmm(),
                            b.hours_side == Side::Provider ? "provider" : "client",
                            b.hours_side == Side::Provider ? c.e.info.time_zone : client,
                            iso(h.first_when), h.first_time),
                "Move the meeting into the agreed hours, or agree the exception with the client in "
                "writing",
                b.hours_side == Side::Client);
      f.occurrence = h.first_original;
      f.related = rules[r].ids;
      // Open point (the provider's hours only; the client's own hours are
      // internal): the date as a fact, no blame.
      set_open_point(f, h.count == 1
                            ? fmt::format("{} on {} falls outside the agreed working hours",
                                          name_of(s), day_month(h.first_when))
                            : fmt::format("{}: {} dates from {} fall outside the agreed "
                                          "working hours",
                                          name_of(s), h.count, day_month(h.first_when)));
    }
    if (!blackout_dates.empty()) {
      std::sort(blackout_ids.begin(), blackout_ids.end());
      std::vector<std::string> dates, names;
      for (Date d : blackout_dates) dates.push_back(iso(d));
      for (Id b : blackout_ids) names.push_back(name_of(*c.e.boundaries.find(b)));
      const Boundary& one = *c.e.boundaries.find(blackout_ids.front());
      std::string where =
          blackout_ids.size() == 1
              ? fmt::format("{} ({} to {})", names.front(), iso(one.from), iso(one.to))
              : fmt::format("{} blackouts ({})", blackout_ids.size(), list_names(names));
      Finding& f =
          c.add(Severity::Warning, kCheckInBlackout, sid, blackout_dates.front(),
                fmt::format("{} falls inside {} on {}: {}", name_of(s), where,
                            count_of((long long)blackout_dates.size(), "date"), list_names(dates)),
                "Cancel or move these occurrences now and tell the attendees", false);
      f.occurrence = blackout_first_original;
      f.related = blackout_ids;
      // Open point: the dates and the blackout's name, as a fact
      // ("Weekly check-in on 24 Dec falls in Christmas break").
      std::vector<std::string> days;
      for (Date d : blackout_dates) days.push_back(day_month(d));
      set_open_point(f, fmt::format("{} on {} {} in {}", name_of(s), list_names(days),
                                    days.size() == 1 ? "falls" : "fall", list_names(names)));
    }
  }
}

// [SECTION] Cadence -----------------------------------------------------------

void check_cadence(Context& c) {
  const EngagementInfo& info = c.e.info;
  if (c.as_of < info.start || (info.end > info.start && c.as_of > info.end)) return;
  int cadence = c.s.cadence_days;
  if (cadence <= 0) {
    for (const auto& [id, s] : c.e.meetings) {
      int p = period_days(s);
      bool running = p > 0 && s.first_date <= c.as_of &&
                     (!s.recurrence.until || *s.recurrence.until >= c.as_of);
      if (running && (cadence <= 0 || p < cadence)) cadence = p;
    }
    if (cadence <= 0) cadence = std::max(1, c.s.fallback_cadence_days);
  }
  std::optional<Date> last;
  for (const auto& [id, s] : c.e.meetings)
    for (const auto& [original, o] : s.overrides) {
      Date when = actual_date(original, &o);
      if (o.state == OccurrenceState::Held && when <= c.as_of && (!last || when > *last))
        last = when;
    }
  for (const auto& [id, f] : c.e.feedback)
    if (f.date <= c.as_of && (!last || f.date > *last)) last = f.date;
  Date since = last ? *last : info.start;
  int gap = c.as_of.days - since.days;
  if (gap <= cadence) return;
  // No open point: internal (the provider's silence with the client).
  c.add(gap > 2 * cadence ? Severity::Problem : Severity::Warning, kCheckCadence, kNoId, since,
        last ? fmt::format(
                   "No touchpoint with the client for {} (last on {}); the plan's cadence is {}",
                   count_of(gap, "day"), iso(since), count_of(cadence, "day"))
             : fmt::format("No touchpoint with the client since the engagement started {} ago; the "
                           "plan's cadence is {}",
                           count_of(gap, "day"), count_of(cadence, "day")),
        "Get in touch this week: a short call or a status note, and ask how things are going",
        true);
}

}  // namespace rapport::health
