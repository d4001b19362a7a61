// Effort against quotas: a quota boundary (Boundary with kind Quota) holds a
// log of effort entries ("1 revision round, 3 Dec, homepage v2"). Its use in a
// period is the log's units dated in that period, plus `used`, the starting
// value kept from before the log:
//   - an engagement-long quota always counts it;
//   - a monthly or weekly quota counts it in the period containing `as_of`
//     only while the log is empty. Files from before the log held one
//     undated "used" number, and they show exactly what they showed; from the
//     first entry on, the dated log decides which month or week a unit is in.
// Extras are the units beyond the included ones, billed at extra_rate_minor.
//
//   QuotaUse u = quota_use(b, today);  // "3 of 2 used this month, 1 extra"
#pragma once

#include <cstdint>
#include <string>

#include "rapport/model.hpp"

namespace rapport {

// Health warns when this share of a period's quota is used, before it runs out.
inline constexpr int kQuotaWarnPercent = 80;

struct QuotaUse {
  Date from, to;        // the period containing as_of (inclusive)
  std::string period;   // "this month (December 2026)", "this week (from 30 Nov)", "so far"
  int64_t logged = 0;   // units in the log dated inside the period
  int64_t carried = 0;  // the starting value, when it counts (see above)
  int64_t used = 0;     // logged + carried
  int64_t included = 0;
  int64_t extras = 0;        // units beyond the included ones
  int64_t extras_minor = 0;  // extras × the agreed rate (0 without a rate)
  int64_t left() const { return used < included ? included - used : 0; }
  // Whole percent of the included amount used (0 when nothing is included).
  int percent() const { return included > 0 ? int(used * 100 / included) : 0; }
};

// The use of quota `b` in the period that contains `as_of` (an engagement-long
// quota: its whole log).
QuotaUse quota_use(const Boundary& b, Date as_of);

// "revision round" -> "revision rounds"; the unit's plural for counts != 1
// ("unit" when the quota names none).
std::string unit_text(const Boundary& b, int64_t n);

// What the client sees of a quota: the burn, without rate or amounts.
// "3 of 2 revision rounds used this month (December 2026), 1 extra".
std::string quota_burn_text(const Boundary& b, const QuotaUse& u);

// The boundary with `entry` added to its effort log, in date order (after
// entries of the same day), and the Edit-menu name of the step:
// "Log 1 revision round on “Design revision rounds”".
Boundary with_effort(const Boundary& b, const EffortEntry& entry);
std::string log_effort_label(const Boundary& b, const EffortEntry& entry);

}  // namespace rapport
