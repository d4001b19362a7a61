// The weekly update (weekly_update.hpp): what changed since the last update,
// client-safe, remembered in the file so the next one starts there.
#include <catch2/catch.hpp>

#include "named_items.hpp"
#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/history.hpp"
#include "rapport/io.hpp"
#include "rapport/weekly_update.hpp"

using namespace rapport;
using rapport::test::titled;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }
const Date kToday = d(2026, 11, 24);

const ReportSection& section(const ClientReport& r, const char* id) {
  const ReportSection* s = r.section(id);
  REQUIRE(s);
  return *s;
}

std::string row_text(const std::vector<ReportCell>& row) {
  std::string out;
  for (const ReportCell& c : row) out += c.text + " | " + c.note + " | ";
  return out;
}
}  // namespace

TEST_CASE("the weekly update after a change request approval names the milestones it moved",
          "[update]") {
  Engagement e = make_demo();
  History h;
  const Id landing = titled<ChangeRequest>(e, "Extra landing page for the spring menu");
  CHECK(section(build_weekly_update(e, kToday), "moved").rows.empty());

  REQUIRE_FALSE(h.apply(e, DecideChangeRequest{landing, ChangeStatus::Approved, kToday, kNoId,
                                               "Worth it for the spring campaign.", ""}));
  const ClientReport u = build_weekly_update(e, kToday);
  CHECK(u.subtitle.find("Weekly update") != std::string::npos);
  const ReportSection& moved = section(u, "moved");
  REQUIRE(moved.rows.size() == 1);
  const std::string row = row_text(moved.rows[0]);
  INFO(row);
  CHECK(moved.rows[0][0].text == "Launch");
  CHECK(moved.rows[0][1].text == date_text(d(2027, 3, 8)));   // was
  CHECK(moved.rows[0][2].text == date_text(d(2027, 3, 13)));  // now
  CHECK(row.find("+5 days") != std::string::npos);
  CHECK(row.find("Extra landing page for the spring menu") != std::string::npos);
  // The decision is listed among the change requests decided.
  bool decided = false;
  for (const auto& r : section(u, "changes").rows)
    decided = decided || (r[0].text == "Extra landing page for the spring menu" &&
                          row_text(r).find("approved") != std::string::npos);
  CHECK(decided);
  // And the Markdown says it too.
  const std::string md = report_markdown(u);
  CHECK(md.find("Milestones that moved") != std::string::npos);
  CHECK(md.find("Launch") != std::string::npos);
}

TEST_CASE("the weekly update starts where the last one sent ended", "[update]") {
  Engagement e = make_demo();
  History h;
  // Nothing sent yet: the last week.
  CHECK(update_since(e, kToday) == d(2026, 11, 17));
  REQUIRE_FALSE(h.apply(e, record_update(e, d(2026, 11, 17))));
  REQUIRE(e.info.updates.size() == 1);
  CHECK(e.info.updates[0].sent_on == d(2026, 11, 17));
  CHECK(e.info.updates[0].text.find("Weekly update") != std::string::npos);
  CHECK(update_since(e, kToday) == d(2026, 11, 17));

  // A milestone moved by hand since then is compared with where it stood.
  const Id beta = titled<Milestone>(e, "Beta");
  const Date beta_was = e.milestones.find(beta)->current;
  REQUIRE_FALSE(h.apply(e, MoveMilestone{beta, beta_was.plus_days(14)}));
  const ClientReport u = build_weekly_update(e, kToday);
  const ReportSection& moved = section(u, "moved");
  REQUIRE(moved.rows.size() == 1);
  CHECK(moved.rows[0][0].text == "Beta");
  CHECK(moved.rows[0][1].text == date_text(beta_was));
  CHECK(u.footer.find(date_text(d(2026, 11, 17))) != std::string::npos);

  // Recording today's: the next update starts today; one undo forgets it.
  REQUIRE_FALSE(h.apply(e, record_update(e, kToday)));
  CHECK(e.info.updates.size() == 2);
  CHECK(update_since(e, kToday.plus_days(7)) == kToday);
  CHECK(section(build_weekly_update(e, kToday.plus_days(7)), "moved").rows.empty());
  REQUIRE(h.undo(e));
  CHECK(e.info.updates.size() == 1);
  CHECK(record_update_label(kToday) == "Record weekly update of 24 Nov");
}

TEST_CASE("the weekly update lists client tasks done in the period and those still open",
          "[update]") {
  Engagement e = make_demo();
  for (auto& [id, t] : e.client_tasks.items)
    if (t.title == "Final Finnish copy for the menu pages") {
      t.status = TaskStatus::Done;
      t.done_on = d(2026, 11, 23);
    }
  const ClientReport u = build_weekly_update(e, kToday);
  const ReportSection& done = section(u, "done");
  REQUIRE(done.rows.size() == 1);
  CHECK(done.rows[0][0].text == "Final Finnish copy for the menu pages");
  const ReportSection& open = section(u, "needs");
  CHECK(open.rows.size() == 2);
  CHECK(section(u, "meetings").rows.size() > 0);
}

TEST_CASE("the weekly update carries no internal string in any form", "[update]") {
  Engagement e = make_demo();
  insert_item(e, Milestone{0, "Internal QA gate before Beta", d(2026, 11, 20), d(2026, 11, 30),
                           MilestoneStatus::Planned, false, "Our own checkpoint"});
  History h;
  REQUIRE_FALSE(h.apply(
      e, DecideChangeRequest{titled<ChangeRequest>(e, "Extra landing page for the spring menu"),
                             ChangeStatus::Approved, kToday, kNoId, "", ""}));
  std::vector<std::string> secrets = internal_texts(e);
  secrets.push_back("Internal QA gate");
  REQUIRE(secrets.size() >= 6);
  const std::string md = weekly_update_markdown(e, kToday);
  const std::string html = report_html(build_weekly_update(e, kToday));
  const std::string eml = weekly_update_eml(e, kToday, std::nullopt, Instant{0});
  const SentUpdate sent = sent_update(e, kToday);
  for (const std::string& s : secrets) {
    INFO("must not contain: " << s);
    CHECK(md.find(s) == std::string::npos);
    CHECK(html.find(s) == std::string::npos);
    CHECK(eml.find(s) == std::string::npos);
    CHECK(sent.text.find(s) == std::string::npos);
  }
  CHECK(sent.milestones.size() == make_demo().milestones.size());  // the hidden one is not kept
  CHECK(eml.find("Content-Type: text/plain") != std::string::npos);
  CHECK(eml.find("Content-Type: text/html") != std::string::npos);
}

TEST_CASE("a v1 file opens with no updates sent and no agendas", "[update][io]") {
  LoadResult r = load_file(std::string(RAPPORT_TEST_DATA) + "/format-v1.rapport.json");
  INFO(r.error.message);
  REQUIRE(r);
  CHECK(r.format_version == 1);
  CHECK(r.engagement->info.updates.empty());
  for (const auto& [id, s] : r.engagement->meetings)
    for (const auto& [date, o] : s.overrides) CHECK(o.agenda.empty());
  CHECK(update_since(*r.engagement, kToday) == d(2026, 11, 17));
}
