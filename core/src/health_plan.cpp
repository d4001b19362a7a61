// Plan checks: client tasks (overdue per owner, without owner), change
// requests (waiting for a decision, rejected without a reason or an
// alternative), scope creep, milestone drift, milestones that wait on the
// client, and included quotas used up. Each is one pass over its tables.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "health_checks.hpp"
#include "rapport/fields.hpp"
#include "rapport/quota.hpp"

namespace rapport::health {
namespace {

// The delay a change request adds: its largest positive milestone impact.
int32_t added_days(const ChangeRequest& cr) {
  int32_t days = 0;
  for (const MilestoneImpact& m : cr.impacts) days = std::max(days, m.days);
  return days;
}

}  // namespace

// [SECTION] Client tasks ------------------------------------------------------

void check_client_tasks(Context& c) {
  // Overdue tasks grouped by owner: sort a flat list rather than keep a map.
  std::vector<const ClientTask*> overdue;
  for (const ClientTask* t : c.open_tasks) {
    bool late = t->due < c.as_of;
    if (t->owner == kNoId || !c.e.stakeholders.contains(t->owner)) {
      // No open point: settling who owns a task is the provider's housekeeping
      // with the client's lead. A late one is not listed as overdue either
      // until it has an owner (the overdue check groups by owner).
      c.add(late ? Severity::Warning : Severity::Info, kCheckTaskNoOwner, t->id, t->due,
            fmt::format("Client task {} has no owner{}", quoted(name_of(*t)),
                        late ? fmt::format(" and is overdue since {}", iso(t->due)) : ""),
            "Agree with the client who owns it, by name", false);
    } else if (late) {
      overdue.push_back(t);
    }
  }
  std::sort(overdue.begin(), overdue.end(), [](const ClientTask* a, const ClientTask* b) {
    if (a->owner != b->owner) return a->owner < b->owner;
    return a->due != b->due ? a->due < b->due : a->id < b->id;
  });
  for (size_t begin = 0, end = 0; begin < overdue.size(); begin = end) {
    Id owner = overdue[begin]->owner;
    for (end = begin; end < overdue.size() && overdue[end]->owner == owner;) ++end;
    const ClientTask& oldest = *overdue[begin];
    std::vector<std::string> names;
    for (size_t i = begin; i < end && i < begin + 3; ++i)
      names.push_back(
          fmt::format("{} (due {})", quoted(name_of(*overdue[i])), iso(overdue[i]->due)));
    if (end - begin > 3) names.resize(end - begin);  // list_names only counts the rest
    std::string who = person(c.e, owner);
    Finding& f =
        c.add(Severity::Warning, kCheckTaskOverdue, oldest.id, oldest.due,
              fmt::format("{} has {}: {}; the oldest is {} late", who,
                          count_of((long long)(end - begin), "overdue task"), list_names(names),
                          count_of(c.as_of.days - oldest.due.days, "day")),
              fmt::format("Ask {} for a new date and note what waits on it", who), false);
    for (size_t i = begin; i < end; ++i) f.related.push_back(overdue[i]->id);
    // Open point: the oldest task and the date, without the owner's name or a
    // count of days late ("Final Finnish copy and 1 more task: due from 20 Nov, open").
    set_open_point(f, end - begin == 1
                          ? fmt::format("{}: due {}, open", name_of(oldest), day_month(oldest.due))
                          : fmt::format("{} and {}: due from {}, open", name_of(oldest),
                                        count_of((long long)(end - begin - 1), "more task"),
                                        day_month(oldest.due)));
  }
}

// [SECTION] Change requests ---------------------------------------------------

void check_change_requests(Context& c) {
  const int wait = std::max(0, c.s.decision_wait_working_days);
  for (const auto& [id, cr] : c.e.change_requests) {
    if (cr.status == ChangeStatus::Proposed) {
      int waited = working_days_between(cr.requested_on, c.as_of, c.working_days);
      if (waited > wait) {
        Finding& f = c.add(
            Severity::Warning, kCheckDecisionWaiting, id, cr.requested_on,
            fmt::format("Change request {} has waited {} for a decision (requested {} by {})",
                        quoted(name_of(cr)), count_of(waited, "working day"), iso(cr.requested_on),
                        person(c.e, cr.requested_by)),
            "Put it on the next check-in's agenda: decide it, or say when and by whom it will be "
            "decided",
            false);
        // Open point: both sides wait for the decision; how long is a plain date.
        set_open_point(f, fmt::format("{}: waiting for a decision since {}", name_of(cr),
                                      day_month(cr.requested_on)));
      }
    } else if (cr.status == ChangeStatus::Rejected) {
      bool no_reason = blank(cr.rationale), no_alternative = blank(cr.alternative);
      if (!no_reason && !no_alternative) continue;
      std::string missing = no_reason && no_alternative ? "a reason or an alternative"
                            : no_reason                 ? "a reason"
                                                        : "an alternative";
      // No open point: internal (the provider's record of the rejection).
      c.add(Severity::Warning, kCheckRejectionUnexplained, id,
            cr.decided_on.value_or(cr.requested_on),
            fmt::format("Change request {} was rejected without {}", quoted(name_of(cr)), missing),
            "Record why it was declined (tie it to the agreed goal) and what was offered instead",
            true);
    }
  }
}

// [SECTION] Scope creep and milestone drift -----------------------------------

void check_scope_creep(Context& c) {
  long long days = 0;
  int64_t cost = 0;
  int approved = 0;
  Date latest = c.e.info.start;
  for (const ChangeRequest* cr : c.approved) {
    ++approved;
    days += added_days(*cr);
    cost += cr->cost_minor;
    if (cr->decided_on && *cr->decided_on > latest && *cr->decided_on <= c.as_of)
      latest = *cr->decided_on;
  }
  if (approved == 0) return;
  int span = c.e.info.end.days - c.e.info.start.days;
  bool days_high = span > 0 && double(days) > c.s.scope_creep_days_share * span;
  bool cost_high =
      c.s.budget_minor > 0 && double(cost) > c.s.scope_creep_cost_share * double(c.s.budget_minor);
  std::string against =
      span > 0 ? fmt::format(" ({:.0f}% of the {}-day plan)", 100.0 * double(days) / span, span)
               : "";
  std::string budget = c.s.budget_minor > 0
                           ? fmt::format(" ({:.0f}% of the {} budget)",
                                         100.0 * double(cost) / double(c.s.budget_minor),
                                         money_text(c.s.budget_minor, c.e.info.currency))
                           : "";
  // No open point: the provider's accounting of approved changes (shares of
  // plan and budget); the client saw each change when they approved it.
  c.add(days_high || cost_high ? Severity::Warning : Severity::Info, kCheckScopeCreep, kNoId,
        latest,
        fmt::format("{} add {}{} and {}{} to the baseline",
                    approved == 1 ? "1 approved change request"
                                  : fmt::format("{} approved change requests", approved),
                    count_of(days, "day"), against, money_text(cost, c.e.info.currency), budget),
        days_high || cost_high ? "Review the plan with the sponsor: re-baseline, or steer new "
                                 "requests back to the agreed goal"
                               : "Mention the approved changes in the next status report",
        false);
}

void check_milestone_drift(Context& c) {
  std::unordered_map<Id, int64_t> agreed;  // days moved by approved change requests
  for (const ChangeRequest* cr : c.approved)
    for (const MilestoneImpact& m : cr->impacts) agreed[m.milestone] += m.days;
  const int threshold = std::max(0, c.s.milestone_drift_days);
  for (const auto& [id, m] : c.e.milestones) {
    if (m.status == MilestoneStatus::Done) continue;
    int64_t drift = int64_t(m.current.days) - m.baseline.days;
    if (std::abs(drift) <= threshold) continue;
    auto it = agreed.find(id);
    int64_t explained = it == agreed.end() ? 0 : it->second;
    int64_t unexplained = drift - explained;
    std::string direction = drift > 0 ? "later" : "earlier";
    if (unexplained == 0) {
      // No open point: the move was agreed through approved change requests,
      // nothing is open (the client view's timeline shows the shift).
      c.add(
          Severity::Info, kCheckMilestoneDrift, id, m.current,
          fmt::format("{} is {} {} than the baseline ({} → {}), as approved change requests agreed",
                      name_of(m), count_of(std::abs(drift), "day"), direction, iso(m.baseline),
                      iso(m.current)),
          "Show the baseline next to the new date in the status report", !m.client_visible);
    } else {
      // Open point (visible milestones only): the move as dates, not as blame.
      Finding& f = c.add(
          Severity::Warning, kCheckMilestoneDrift, id, m.current,
          fmt::format("{} has drifted {} {} than the baseline ({} → {}){}", name_of(m),
                      count_of(std::abs(drift), "day"), direction, iso(m.baseline), iso(m.current),
                      explained ? fmt::format("; {} not covered by an approved change request",
                                              count_of(std::abs(unexplained), "day"))
                                : "; no approved change request explains it"),
          "Tell the client why it moved and what it affects, before they notice",
          !m.client_visible);
      set_open_point(f, fmt::format("{}: moved from {} to {}, new date to confirm together",
                                    name_of(m), day_month(m.baseline), day_month(m.current)));
    }
  }
}

void check_milestone_waits(Context& c) {
  Date until = c.as_of.plus_days(std::max(0, c.s.milestone_lookahead_days));
  std::unordered_map<Id, std::vector<const ClientTask*>> waiting;
  for (const ClientTask* t : c.open_tasks) {
    if (t->milestone == kNoId) continue;
    const Milestone* m = c.e.milestones.find(t->milestone);
    if (!m || m->status == MilestoneStatus::Done || m->current < c.as_of || m->current > until)
      continue;
    waiting[t->milestone].push_back(t);
  }
  for (auto& [mid, tasks] : waiting) {
    const Milestone& m = *c.e.milestones.find(mid);
    std::sort(tasks.begin(), tasks.end(),
              [](const ClientTask* a, const ClientTask* b) { return a->id < b->id; });
    bool any_late = false;
    std::vector<std::string> names;
    for (const ClientTask* t : tasks) {
      any_late = any_late || t->due < c.as_of;
      names.push_back(fmt::format("{} ({})", quoted(name_of(*t)), person(c.e, t->owner)));
    }
    Finding& f = c.add(
        any_late ? Severity::Problem : Severity::Warning, kCheckMilestoneWaits, mid, m.current,
        fmt::format(
            "{} is due {} ({}) and still waits on {}: {}", name_of(m),
            m.current == c.as_of ? "today" : "in " + count_of(m.current.days - c.as_of.days, "day"),
            iso(m.current), count_of((long long)tasks.size(), "open client task"),
            list_names(names)),
        "Confirm the dates with the task owners now; if they slip, agree the milestone's new date",
        !m.client_visible);
    for (const ClientTask* t : tasks) f.related.push_back(t->id);
    // Open point (visible milestones only): what the milestone waits on, as a count.
    set_open_point(f, fmt::format("{} ({}): waits on {}", name_of(m), day_month(m.current),
                                  count_of((long long)tasks.size(), "open task")));
  }
}

// [SECTION] Quotas ------------------------------------------------------------

// A quota's use in the period containing the day checked (quota.hpp): a
// warning before it runs out (from kQuotaWarnPercent of the included units),
// a note when all are used, a warning while extras are being billed.
void check_quotas(Context& c) {
  for (const auto& [id, b] : c.e.boundaries) {
    if (b.kind != BoundaryKind::Quota) continue;
    const QuotaUse u = quota_use(b, c.as_of);
    if (u.included <= 0 && u.used <= 0) continue;
    std::string unit = b.unit.empty() ? "unit" : b.unit;
    const std::string period = b.period == QuotaPeriod::Engagement ? "" : " " + u.period;
    std::string rate =
        b.extra_rate_minor > 0 ? money_text(b.extra_rate_minor, c.e.info.currency) : "";
    // Open point: how much of the agreed quota is used, without rates or amounts
    // (those are the provider's to raise) ("Revision rounds: 2 of 2 used").
    std::string used = fmt::format("{}: {} of {} used{}", name_of(b), u.used, u.included, period);
    if (u.used < u.included) {
      if (u.percent() < kQuotaWarnPercent) continue;
      Finding& f = c.add(Severity::Warning, kCheckQuotaRunningOut, id, c.as_of,
                         fmt::format("{}: {} of {} used{}; {} left before extras are billed{}",
                                     name_of(b), u.used, count_of(u.included, unit), period,
                                     u.left(), rate.empty() ? "" : " at " + rate + " each"),
                         "Tell the client how many are left before they plan the next one", false);
      set_open_point(f, std::move(used));
    } else if (u.extras == 0) {
      Finding& f = c.add(Severity::Info, kCheckQuotaUsedUp, id, c.as_of,
                         fmt::format("{}: all {} included used{}; further ones are billed{}",
                                     name_of(b), count_of(u.included, unit), period,
                                     rate.empty() ? "" : " at " + rate + " each"),
                         "Remind the client before the next one that it will be billed", false);
      set_open_point(f, std::move(used));
    } else {
      std::string amount =
          b.extra_rate_minor > 0 ? money_text(u.extras_minor, c.e.info.currency) : "";
      Finding& f =
          c.add(Severity::Warning, kCheckQuotaUsedUp, id, c.as_of,
                fmt::format("{}: {} used of {} included{}; {} billable{}", name_of(b), u.used,
                            count_of(u.included, unit), period, count_of(u.extras, "extra " + unit),
                            amount.empty() ? " (no rate agreed)"
                                           : fmt::format(": {} at {} each", amount, rate)),
                amount.empty() ? "Agree a rate for extras with the client before doing more"
                               : "Confirm the extras with the client and invoice them",
                false);
      set_open_point(f, std::move(used) + fmt::format(", {} extra", u.extras));
    }
  }
}

}  // namespace rapport::health
