// Expectation health: the entry point that runs every check, the shared
// helpers (working days, money, names), the status-bar summary, the text
// report for `rapport check` and the small series for the Overview charts.
// The checks themselves live in health_meetings.cpp, health_plan.cpp and
// health_people.cpp.
#include "rapport/health.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <map>

#include "health_checks.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/text.hpp"

namespace rapport {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Problem:
      return "problem";
  }
  return "?";
}

// [SECTION] Helpers -----------------------------------------------------------

uint8_t working_days_of(const Engagement& e) {
  const Boundary* found = nullptr;
  for (const auto& [id, b] : e.boundaries) {
    if (b.kind != BoundaryKind::WorkingHours || (b.working_days & 0x7F) == 0) continue;
    if (!found || (found->hours_side != Side::Provider && b.hours_side == Side::Provider))
      found = &b;
    if (found->hours_side == Side::Provider) break;
  }
  return found ? uint8_t(found->working_days & 0x7F) : uint8_t(kWorkweek);
}

namespace {
uint8_t usable(uint8_t mask) { return (mask & 0x7F) ? uint8_t(mask & 0x7F) : uint8_t(kWorkweek); }
bool is_working(Date d, uint8_t mask) { return (mask >> d.weekday()) & 1u; }
}  // namespace

Date add_working_days(Date d, int n, uint8_t working_days) {
  uint8_t mask = usable(working_days);
  if (n <= 0) return d;
  int per_week = std::popcount(unsigned(mask));
  int weeks = (n - 1) / per_week;
  d = d.plus_days(7 * weeks);
  n -= weeks * per_week;
  while (n > 0) {
    d = d.plus_days(1);
    if (is_working(d, mask)) --n;
  }
  return d;
}

int working_days_between(Date from, Date to, uint8_t working_days) {
  if (to <= from) return 0;
  uint8_t mask = usable(working_days);
  int32_t total = to.days - from.days;
  int weeks = total / 7;
  int count = weeks * std::popcount(unsigned(mask));
  for (Date d = from.plus_days(7 * weeks + 1); d <= to; d = d.plus_days(1))
    if (is_working(d, mask)) ++count;
  return count;
}

namespace health {

std::string person(const Engagement& e, Id id) {
  if (const Stakeholder* s = e.stakeholders.find(id))
    return s->name.empty() ? "(unnamed)" : s->name;
  return id == kNoId ? "nobody" : "(missing stakeholder)";
}

std::string list_names(const std::vector<std::string>& names, size_t shown) {
  std::string out;
  size_t n = std::min(names.size(), shown);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += (i + 1 == n && names.size() <= shown) ? " and " : ", ";
    out += names[i];
  }
  if (names.size() > shown) out += fmt::format(" and {} more", names.size() - shown);
  return out;
}

std::string count_of(long long n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string iso(Date d) {
  // Civil date from days since 1970-01-01 (the well-known era arithmetic).
  int64_t z = int64_t(d.days) + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t day = doy - (153 * mp + 2) / 5 + 1;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  int64_t year = yoe + era * 400 + (month <= 2);
  if (year < 0 || year > 9999) return d.iso();
  char buf[10] = {char('0' + year / 1000),
                  char('0' + year / 100 % 10),
                  char('0' + year / 10 % 10),
                  char('0' + year % 10),
                  '-',
                  char('0' + month / 10),
                  char('0' + month % 10),
                  '-',
                  char('0' + day / 10),
                  char('0' + day % 10)};
  return std::string(buf, 10);
}

std::string quoted(const std::string& s) { return "“" + s + "”"; }

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

Date actual_date(Date original, const OccurrenceOverride* o) {
  return o && o->moved_to ? o->moved_to->date : original;
}

}  // namespace health

// [SECTION] Checks ------------------------------------------------------------

std::vector<Finding> check_health(const Engagement& e, Date as_of, const HealthSettings& settings) {
  std::vector<Finding> out;
  out.reserve(64 + e.milestones.size() / 2 + e.client_tasks.size() / 16 +
              e.change_requests.size() / 4);
  health::Context c{e, as_of, settings, working_days_of(e), out, {}, {}};
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Open) c.open_tasks.push_back(&t);
  for (const auto& [id, cr] : e.change_requests)
    if (cr.status == ChangeStatus::Approved) c.approved.push_back(&cr);
  health::check_consistency(c);
  health::check_recaps(c);
  health::check_boundary_meetings(c);
  health::check_cadence(c);
  health::check_client_tasks(c);
  health::check_change_requests(c);
  health::check_scope_creep(c);
  health::check_milestone_drift(c);
  health::check_milestone_waits(c);
  health::check_quotas(c);
  health::check_channels(c);
  health::check_expectations(c);
  // Sort small keys, then move each finding once.
  struct Key {
    int severity;
    Date date;
    const std::string* check;
    Id item;
    std::optional<Date> occurrence;
    uint32_t index;
  };
  std::vector<Key> keys;
  keys.reserve(out.size());
  for (uint32_t i = 0; i < out.size(); ++i)
    keys.push_back(
        Key{int(out[i].severity), out[i].date, &out[i].check, out[i].item, out[i].occurrence, i});
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.date != b.date) return a.date < b.date;
    if (*a.check != *b.check) return *a.check < *b.check;
    if (a.item != b.item) return a.item < b.item;
    if (a.occurrence != b.occurrence) return a.occurrence < b.occurrence;
    return a.index < b.index;
  });
  // Apply the permutation in place, cycle by cycle (no second vector).
  std::vector<uint32_t> from(keys.size());
  for (uint32_t i = 0; i < keys.size(); ++i) from[i] = keys[i].index;
  for (uint32_t i = 0; i < from.size(); ++i) {
    if (from[i] == i) continue;
    Finding held = std::move(out[i]);
    uint32_t j = i;
    while (from[j] != i) {
      uint32_t next = from[j];
      out[j] = std::move(out[next]);
      from[j] = j;
      j = next;
    }
    out[j] = std::move(held);
    from[j] = j;
  }
  return out;
}

std::vector<const Finding*> client_open_points(const std::vector<Finding>& findings) {
  std::vector<const Finding*> out;
  for (const Finding& f : findings)
    if (!f.internal && !f.open_point.empty()) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), [](const Finding* a, const Finding* b) {
    if (a->severity != b->severity) return a->severity > b->severity;
    return a->date < b->date;
  });
  return out;
}

// [SECTION] Text --------------------------------------------------------------

namespace {

struct Phrase {
  std::string_view check, one, many;
};
// How the summary names each check; for overdue tasks it counts tasks.
constexpr std::array kPhrases{
    Phrase{kCheckConsistency, "meeting series slipping", "meeting series slipping"},
    Phrase{kCheckRecapMissing, "recap missing", "recaps missing"},
    Phrase{kCheckTaskOverdue, "overdue client task", "overdue client tasks"},
    Phrase{kCheckTaskNoOwner, "client task without owner", "client tasks without owner"},
    Phrase{kCheckDecisionWaiting, "change request awaiting decision",
           "change requests awaiting decision"},
    Phrase{kCheckRejectionUnexplained, "rejection without reason", "rejections without reason"},
    Phrase{kCheckScopeCreep, "scope change", "scope changes"},
    Phrase{kCheckMilestoneDrift, "milestone drifted", "milestones drifted"},
    Phrase{kCheckOutsideHours, "meeting outside working hours", "meetings outside working hours"},
    Phrase{kCheckInBlackout, "meeting in a blackout", "meetings in a blackout"},
    Phrase{kCheckQuotaUsedUp, "quota used up", "quotas used up"},
    Phrase{kCheckQuotaRunningOut, "quota running out", "quotas running out"},
    Phrase{kCheckNoPrimary, "channel without primary contact", "channels without primary contact"},
    Phrase{kCheckNoBackup, "channel without backup", "channels without backup"},
    Phrase{kCheckNoResponseTime, "channel without response time", "channels without response time"},
    Phrase{kCheckStakeholderNoChannel, "key stakeholder without channel",
           "key stakeholders without channel"},
    Phrase{kCheckExpectationUnconfirmed, "expectation unconfirmed", "expectations unconfirmed"},
    Phrase{kCheckExpectationUnexplained, "expectation unmet without explanation",
           "expectations unmet without explanation"},
    Phrase{kCheckCadence, "silence with the client", "silences with the client"},
    Phrase{kCheckMilestoneWaits, "milestone waiting on the client",
           "milestones waiting on the client"},
};

std::string phrase_for(std::string_view check, size_t n) {
  for (const Phrase& p : kPhrases)
    if (p.check == check) return fmt::format("{} {}", n, n == 1 ? p.one : p.many);
  return fmt::format("{} {}", n, check);
}

size_t weight(const Finding& f) {
  return f.check == kCheckTaskOverdue && !f.related.empty() ? f.related.size() : 1;
}

}  // namespace

std::string health_summary(const std::vector<Finding>& findings) {
  size_t by_severity[3] = {0, 0, 0};
  for (const Finding& f : findings) ++by_severity[int(f.severity)];
  if (findings.empty()) return "No findings";
  bool serious = by_severity[1] + by_severity[2] > 0;
  std::string head;
  if (by_severity[2]) head = health::count_of((long long)by_severity[2], "problem");
  if (by_severity[1])
    head += (head.empty() ? "" : ", ") + health::count_of((long long)by_severity[1], "warning");
  if (!serious) head = health::count_of((long long)by_severity[0], "note");

  // Count per check among the findings the head counts, most frequent first.
  std::map<std::string, size_t> counts;
  std::map<std::string, int> worst;
  for (const Finding& f : findings) {
    if (serious && f.severity == Severity::Info) continue;
    counts[f.check] += weight(f);
    worst[f.check] = std::max(worst[f.check], int(f.severity));
  }
  std::vector<std::pair<std::string, size_t>> order(counts.begin(), counts.end());
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (worst[a.first] != worst[b.first]) return worst[a.first] > worst[b.first];
    return a.second > b.second;
  });
  std::string out = head + ": ";
  size_t shown = std::min<size_t>(order.size(), 3);
  for (size_t i = 0; i < shown; ++i) {
    if (i) out += ", ";
    out += phrase_for(order[i].first, order[i].second);
  }
  if (order.size() > shown) out += fmt::format(", {} more kinds", order.size() - shown);
  return out;
}

namespace {

// "Health of "NAME" as of DATE: SUMMARY", NAME terminal-safe.
std::string report_header(const Engagement& e, Date as_of, const std::vector<Finding>& findings,
                          bool include_internal) {
  std::string summary;
  if (include_internal) {
    summary = health_summary(findings);
  } else {
    std::vector<Finding> shared;
    for (const Finding& f : findings)
      if (!f.internal) shared.push_back(f);
    summary = health_summary(shared);
  }
  return fmt::format("Health of \"{}\" as of {}: {}\n", terminal_safe(e.info.name),
                     health::iso(as_of), summary);
}

// "  [warning] 2026-11-20  recap-missing  MESSAGE" and "      next: ...": text from
// the file shown terminal-safe, so a finding stays on its lines.
void append_finding(std::string& out, const Finding& f) {
  out += fmt::format("  [{}] {}  {}  {}{}\n", to_string(f.severity), health::iso(f.date),
                     terminal_safe(f.check), terminal_safe(f.message),
                     f.internal ? "  (internal)" : "");
  if (!f.next_step.empty()) out += fmt::format("      next: {}\n", terminal_safe(f.next_step));
}

const char* severity_noun(int sev) { return sev == 2 ? "problem" : sev == 1 ? "warning" : "note"; }

}  // namespace

std::string health_report(const Engagement& e, Date as_of, const std::vector<Finding>& findings,
                          bool include_internal) {
  std::string out = report_header(e, as_of, findings, include_internal);
  size_t by_severity[3] = {0, 0, 0};
  for (const Finding& f : findings)
    if (include_internal || !f.internal) ++by_severity[int(f.severity)];
  for (int sev = 2; sev >= 0; --sev) {
    if (by_severity[sev] == 0) continue;
    out +=
        fmt::format("\n{}:\n", health::count_of((long long)by_severity[sev], sev == 2   ? "Problem"
                                                                             : sev == 1 ? "Warning"
                                                                                        : "Note"));
    for (const Finding& f : findings)
      if (int(f.severity) == sev && (include_internal || !f.internal)) append_finding(out, f);
  }
  return out;
}

std::string health_report_by_check(const Engagement& e, Date as_of,
                                   const std::vector<Finding>& findings, size_t examples,
                                   bool include_internal) {
  struct Group {
    std::string_view check;
    size_t by_severity[3] = {0, 0, 0};
    size_t total = 0;
    int worst = 0;
    std::vector<const Finding*> first;  // at most `examples`, in the findings' order
  };
  std::vector<Group> groups;
  std::map<std::string_view, size_t> index;  // check id -> groups
  for (const Finding& f : findings) {
    if (!include_internal && f.internal) continue;
    auto [it, fresh] = index.try_emplace(f.check, groups.size());
    if (fresh) groups.push_back(Group{f.check});
    Group& g = groups[it->second];
    const int sev = std::clamp(int(f.severity), 0, 2);
    ++g.by_severity[sev];
    ++g.total;
    g.worst = std::max(g.worst, sev);
    if (g.first.size() < examples) g.first.push_back(&f);
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    if (a.worst != b.worst) return a.worst > b.worst;
    if (a.total != b.total) return a.total > b.total;
    return a.check < b.check;
  });

  std::string out = report_header(e, as_of, findings, include_internal);
  size_t left_out = 0;
  for (const Group& g : groups) {
    std::string counts;
    for (int sev = 2; sev >= 0; --sev)
      if (g.by_severity[sev])
        counts += (counts.empty() ? "" : ", ") +
                  health::count_of((long long)g.by_severity[sev], severity_noun(sev));
    out += fmt::format("\n{}: {}\n", terminal_safe(g.check), counts);
    for (const Finding* f : g.first) append_finding(out, *f);
    if (g.total > g.first.size()) {
      out += fmt::format("  … and {} more\n", g.total - g.first.size());
      left_out += g.total - g.first.size();
    }
  }
  if (left_out > 0)
    out += fmt::format("\n{} not shown: rapport check --all lists every finding.\n",
                       health::count_of((long long)left_out, "finding"));
  return out;
}

// [SECTION] Series ------------------------------------------------------------

std::vector<HealthPoint> consistency_by_month(const Engagement& e, Date as_of, int max_months) {
  std::vector<HealthPoint> out;
  if (max_months <= 0) return out;
  // First day of the earliest month shown.
  int y = as_of.year();
  int m = int(as_of.month()) - (max_months - 1);
  while (m < 1) {
    m += 12;
    --y;
  }
  Date from = Date::from_ymd(y, unsigned(m), 1);
  if (e.info.start > from) from = Date::from_ymd(e.info.start.year(), e.info.start.month(), 1);
  if (from >= as_of) return out;
  std::map<int32_t, std::pair<int, int>> months;  // month start -> (held, past)
  for (const auto& [id, s] : e.meetings) {
    for (const Occurrence& o :
         occurrences(s, e.info, start_of(from.plus_days(-2)), start_of(as_of.plus_days(2)))) {
      auto it = s.overrides.find(o.original);
      const OccurrenceOverride* v = it == s.overrides.end() ? nullptr : &it->second;
      Date when = health::actual_date(o.original, v);
      if (when < from || when >= as_of) continue;
      auto& [held, past] = months[Date::from_ymd(when.year(), when.month(), 1).days];
      ++past;
      if (o.state == OccurrenceState::Held) ++held;
    }
  }
  for (const auto& [month, counts] : months)
    out.push_back(HealthPoint{Date{month}, double(counts.first) / double(counts.second)});
  return out;
}

std::vector<HealthPoint> sentiment_over_time(const Engagement& e, Date as_of) {
  std::map<int32_t, std::pair<double, int>> days;
  for (const auto& [id, f] : e.feedback) {
    if (f.date > as_of) continue;
    auto& [sum, n] = days[f.date.days];
    sum += std::clamp(f.sentiment, -2, 2);
    ++n;
  }
  std::vector<HealthPoint> out;
  out.reserve(days.size());
  for (const auto& [day, v] : days) out.push_back(HealthPoint{Date{day}, v.first / v.second});
  return out;
}

}  // namespace rapport
