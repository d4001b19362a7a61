// Effort against quotas (quota.hpp): the log counted per period, the starting
// value from older files, extras and their amount, Health before the quota
// runs out and while extras are billed, quick add's `log`, the client's view
// of the burn without rates, and the log through files and merges.
#include <catch2/catch.hpp>

#include "rapport/client_report.hpp"
#include "rapport/demo.hpp"
#include "rapport/health.hpp"
#include "rapport/history.hpp"
#include "rapport/io.hpp"
#include "rapport/merge.hpp"
#include "rapport/quick_add.hpp"
#include "rapport/quota.hpp"

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }
const Date kToday = d(2026, 11, 24);

Boundary monthly_rounds() {
  Boundary b;
  b.kind = BoundaryKind::Quota;
  b.title = "Design revision rounds";
  b.unit = "revision round";
  b.included = 5;
  b.period = QuotaPeriod::Month;
  b.extra_rate_minor = 45000;
  return b;
}

Id demo_quota(const Engagement& e) {
  for (const auto& [id, b] : e.boundaries)
    if (b.kind == BoundaryKind::Quota) return id;
  FAIL("the demo has no quota");
  return kNoId;
}

std::vector<Finding> quota_findings(const Engagement& e, Date as_of) {
  std::vector<Finding> out;
  for (const Finding& f : check_health(e, as_of))
    if (f.check == kCheckQuotaUsedUp || f.check == kCheckQuotaRunningOut) out.push_back(f);
  return out;
}
}  // namespace

TEST_CASE("quota: a monthly quota counts the log of the month the day is in", "[quota]") {
  Boundary b = monthly_rounds();
  b.used = 3;  // from before the log: counts only while the log is empty
  QuotaUse u = quota_use(b, d(2026, 12, 10));
  CHECK(u.used == 3);
  CHECK(u.carried == 3);
  b.effort = {{d(2026, 11, 30), 2, "homepage v1"},
              {d(2026, 12, 1), 1, "homepage v2"},
              {d(2026, 12, 31), 2, "menu page"}};
  u = quota_use(b, d(2026, 12, 10));
  CHECK(u.from == d(2026, 12, 1));
  CHECK(u.to == d(2026, 12, 31));
  CHECK(u.logged == 3);
  CHECK(u.carried == 0);
  CHECK(u.used == 3);
  CHECK(u.period == "this month (December 2026)");
  CHECK(quota_use(b, d(2026, 11, 2)).used == 2);
}

TEST_CASE("quota: a weekly quota runs Monday to Sunday", "[quota]") {
  Boundary b = monthly_rounds();
  b.period = QuotaPeriod::Week;
  b.effort = {{d(2026, 11, 22), 1, "Sunday before"},
              {d(2026, 11, 23), 1, "Monday"},
              {d(2026, 11, 29), 1, "Sunday"}};
  QuotaUse u = quota_use(b, kToday);  // a Tuesday
  CHECK(u.from == d(2026, 11, 23));
  CHECK(u.used == 2);
  CHECK(u.period == "this week (from 23 Nov)");
}

TEST_CASE(
    "quota: an engagement-long quota adds the starting value to the whole log, and extras "
    "are billed at the rate",
    "[quota]") {
  Boundary b = monthly_rounds();
  b.period = QuotaPeriod::Engagement;
  b.included = 2;
  b.used = 1;
  b.effort = {{d(2026, 10, 1), 1, "a"}, {d(2026, 11, 3), 2, "b"}};
  QuotaUse u = quota_use(b, kToday);
  CHECK(u.used == 4);
  CHECK(u.extras == 2);
  CHECK(u.extras_minor == 90000);
  CHECK(u.left() == 0);
  CHECK(quota_burn_text(b, u) == "4 of 2 revision rounds used so far, 2 extra");
}

TEST_CASE("quota: health warns at 80 percent, notes all used, and warns while extras are billed",
          "[quota][health]") {
  Engagement e = make_demo();
  const Id q = demo_quota(e);
  Boundary b = monthly_rounds();
  b.id = q;
  e.boundaries.items[q] = b;
  CHECK(quota_findings(e, kToday).empty());
  e.boundaries.items[q].effort = {{d(2026, 11, 3), 3, "homepage"}};
  CHECK(quota_findings(e, kToday).empty());  // 60 %
  e.boundaries.items[q].effort.push_back({d(2026, 11, 20), 1, "menu"});
  auto f = quota_findings(e, kToday);  // 80 %
  REQUIRE(f.size() == 1);
  CHECK(f[0].check == kCheckQuotaRunningOut);
  CHECK(f[0].severity == Severity::Warning);
  CHECK(f[0].message ==
        "Design revision rounds: 4 of 5 revision rounds used this month (November 2026); 1 left "
        "before extras are billed at €450.00 each");
  CHECK(f[0].open_point == "Design revision rounds: 4 of 5 used this month (November 2026)");
  // Next month starts afresh.
  CHECK(quota_findings(e, d(2026, 12, 1)).empty());
  e.boundaries.items[q].effort.push_back({d(2026, 11, 23), 3, "photos"});
  f = quota_findings(e, kToday);
  REQUIRE(f.size() == 1);
  CHECK(f[0].check == kCheckQuotaUsedUp);
  CHECK(f[0].severity == Severity::Warning);
  CHECK(f[0].message.find("2 extra revision rounds billable: €900.00 at €450.00 each") !=
        std::string::npos);
  CHECK(f[0].open_point.find("€") == std::string::npos);
}

TEST_CASE("quota: the client's report shows the burn without the rate", "[quota][report]") {
  Engagement e = make_demo();
  Boundary& b = e.boundaries.items[demo_quota(e)];
  b.used = 0;
  b.effort = {{d(2026, 11, 3), 3, "homepage v2"}};
  const ClientReport r = build_client_report(e, kToday);
  bool found = false;
  for (const ReportSection& s : r.sections)
    for (const auto& [heading, items] : s.lists)
      for (const std::string& item : items)
        if (item.rfind(b.title, 0) == 0) {
          found = true;
          CHECK(item.find("3 of 2 revision rounds used so far, 1 extra") != std::string::npos);
          CHECK(item.find("€") == std::string::npos);
          CHECK(item.find("600") == std::string::npos);
        }
  CHECK(found);
}

TEST_CASE("quota: quick add logs effort in one undo step", "[quota][quick-add]") {
  Engagement e = make_demo();
  const Id q = demo_quota(e);
  auto r = parse_quick_add(e, "log \"homepage v2\" 1 revision round 3 dec", kToday);
  REQUIRE(std::holds_alternative<QuickAdd>(r));
  const QuickAdd& add = std::get<QuickAdd>(r);
  CHECK(add.label == "Log 1 revision round on “Design revision rounds”");
  CHECK(add.preview.find("Thu 3 Dec 2026 (homepage v2)") != std::string::npos);
  History h;
  REQUIRE_FALSE(h.apply_group(e, add.label, add.commands));
  const Boundary& b = *e.boundaries.find(q);
  REQUIRE(b.effort.size() == 1);
  CHECK(b.effort[0] == EffortEntry{d(2026, 12, 3), 1, "homepage v2"});
  CHECK(h.undo_label() == "Log 1 revision round on “Design revision rounds”");
  REQUIRE(h.undo(e));
  CHECK(e.boundaries.find(q)->effort.empty());
}

TEST_CASE("quota: quick add log reads units, dates and the quota's words", "[quota][quick-add]") {
  Engagement e = make_demo();
  auto entry = [&](const std::string& line) {
    auto r = parse_quick_add(e, line, kToday);
    REQUIRE(std::holds_alternative<QuickAdd>(r));
    const auto& c = std::get<Update<Boundary>>(std::get<QuickAdd>(r).commands.at(0));
    return c.item.effort.back();
  };
  CHECK(entry("log \"menu\"") == EffortEntry{kToday, 1, "menu"});
  CHECK(entry("log \"menu\" 2 design rounds yesterday") == EffortEntry{d(2026, 11, 23), 2, "menu"});
  CHECK(entry("log \"menu\" on 2026-11-02 3") == EffortEntry{d(2026, 11, 2), 3, "menu"});
  CHECK(entry("log \"menu\" dec 3") == EffortEntry{d(2026, 12, 3), 1, "menu"});
  CHECK(entry("log \"menu\" friday") == EffortEntry{d(2026, 11, 20), 1, "menu"});

  auto error = [&](const std::string& line) {
    auto r = parse_quick_add(e, line, kToday);
    REQUIRE(std::holds_alternative<QuickAddError>(r));
    return std::get<QuickAddError>(r);
  };
  CHECK(error("log \"menu\" photo shoots").message == "No quota is called “photo shoots”.");
  CHECK(error("log \"menu\" 0").message == "Log between 1 and 10000 units at a time.");
  CHECK(error("log \"menu\" 1 2").message.find("number of units once") != std::string::npos);
  CHECK(error("log \"menu\" 31 nov").message == "31 nov is not a date.");
}

TEST_CASE("quota: an entry with no units is refused with a reason", "[quota]") {
  Engagement e = make_demo();
  Boundary b = *e.boundaries.find(demo_quota(e));
  b.effort.push_back({kToday, 0, "nothing"});
  History h;
  auto error = h.apply(e, Update<Boundary>{b});
  REQUIRE(error);
  CHECK(error->message.find("Log between 1 and 10000 units") != std::string::npos);
}

TEST_CASE("quota: the effort log survives saving and reopening in both formats", "[quota][io]") {
  Engagement e = make_demo();
  e.boundaries.items[demo_quota(e)].effort = {{d(2026, 11, 3), 1, "homepage v2"},
                                              {d(2026, 11, 20), 2, "menu „ä“"}};
  for (FileFormat format : {FileFormat::Binary, FileFormat::Json}) {
    LoadResult r = load_bytes(to_bytes(e, format), "x");
    REQUIRE(r);
    CHECK(*r.engagement == e);
  }
  CHECK(to_bytes(e, FileFormat::Json).find("\"note\": \"homepage v2\"") != std::string::npos);
}

TEST_CASE("quota: older files keep their used amount as the starting value", "[quota][io]") {
  for (const char* name :
       {"format-v1.rapport.json", "format-v2.rapport.json", "format-v2.rapport"}) {
    INFO(name);
    LoadResult r = load_file(std::string(RAPPORT_TEST_DATA) + "/" + name);
    REQUIRE(r);
    const Boundary& b = *r.engagement->boundaries.find(demo_quota(*r.engagement));
    CHECK(b.effort.empty());
    CHECK(b.used == 2);
    CHECK(quota_use(b, kToday).used == 2);
  }
}

TEST_CASE("quota: a merge keeps the entries logged on both sides and says what was logged",
          "[quota][merge]") {
  Engagement base = make_demo();
  const Id q = demo_quota(base);
  Engagement ours = base, theirs = base;
  ours.boundaries.items[q].effort = {{d(2026, 11, 3), 1, "homepage v2"}};
  theirs.boundaries.items[q].effort = {{d(2026, 11, 2), 1, "menu"}};
  MergeResult m = merge(base, ours, theirs);
  CHECK(m.new_conflicts == 0);
  CHECK(m.merged.boundaries.find(q)->effort ==
        std::vector<EffortEntry>{{d(2026, 11, 2), 1, "menu"}, {d(2026, 11, 3), 1, "homepage v2"}});
  auto changes = describe_changes(base, ours);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0] ==
        "Boundary “Design revision rounds”: logged 1 revision round on 2026-11-03 (homepage v2)");
}
