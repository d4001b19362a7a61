// Effort against quotas (quota.hpp): the period a day falls in, the units
// used in it, the extras, and the words for them.
#include "rapport/quota.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rapport/validate.hpp"

namespace rapport {

namespace {

// The first day of the month or ISO week (Monday) containing `d`.
Date month_start(Date d) { return Date::from_ymd(d.year(), d.month(), 1); }
Date next_month_start(Date d) {
  return d.month() == 12 ? Date::from_ymd(d.year() + 1, 1, 1)
                         : Date::from_ymd(d.year(), d.month() + 1, 1);
}
Date week_start(Date d) { return d.plus_days(-int32_t((d.weekday() + 6) % 7)); }

}  // namespace

QuotaUse quota_use(const Boundary& b, Date as_of) {
  QuotaUse u;
  u.included = std::max<int64_t>(b.included, 0);
  switch (b.period) {
    case QuotaPeriod::Engagement:
      u.from = Date{kMinDateDays};
      u.to = Date{kMaxDateDays};
      u.period = "so far";
      break;
    case QuotaPeriod::Month:
      u.from = month_start(as_of);
      u.to = next_month_start(as_of).plus_days(-1);
      u.period = fmt::format("this month ({} {})", month_name(as_of.month()), as_of.year());
      break;
    case QuotaPeriod::Week:
      u.from = week_start(as_of);
      u.to = u.from.plus_days(6);
      u.period = fmt::format("this week (from {})", day_month(u.from));
      break;
  }
  for (const EffortEntry& entry : b.effort)
    if (entry.date >= u.from && entry.date <= u.to) u.logged += entry.units;
  if (b.period == QuotaPeriod::Engagement || b.effort.empty())
    u.carried = std::max<int64_t>(b.used, 0);
  u.used = u.logged + u.carried;
  u.extras = u.used > u.included ? u.used - u.included : 0;
  u.extras_minor = u.extras * std::max<int64_t>(b.extra_rate_minor, 0);
  return u;
}

std::string unit_text(const Boundary& b, int64_t n) {
  std::string unit = b.unit.empty() ? "unit" : b.unit;
  if (n != 1 && !unit.ends_with("s")) unit += "s";
  return unit;
}

std::string quota_burn_text(const Boundary& b, const QuotaUse& u) {
  std::string text =
      fmt::format("{} of {} {} used {}", u.used, u.included, unit_text(b, u.included), u.period);
  if (u.extras > 0) text += fmt::format(", {} extra", u.extras);
  return text;
}

Boundary with_effort(const Boundary& b, const EffortEntry& entry) {
  Boundary out = b;
  auto at =
      std::upper_bound(out.effort.begin(), out.effort.end(), entry,
                       [](const EffortEntry& x, const EffortEntry& y) { return x.date < y.date; });
  out.effort.insert(at, entry);
  return out;
}

std::string log_effort_label(const Boundary& b, const EffortEntry& entry) {
  return fmt::format("Log {} {} on “{}”", entry.units, unit_text(b, entry.units), b.title);
}

}  // namespace rapport
