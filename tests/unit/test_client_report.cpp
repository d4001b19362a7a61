// The client's picture (client_report.hpp): the presentation scope the client
// view draws has every decision and change request, the recaps and the
// expectations as agreed, and nothing internal; the status report keeps its window.
#include <catch2/catch.hpp>

#include "../common/engagements.hpp"
#include "rapport/client_report.hpp"
#include "rapport/demo.hpp"
#include "rapport/fields.hpp"
#include "rapport/state_pill.hpp"

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

// Every string of the report, for searching.
std::string all_text(const ClientReport& r) {
  std::string out = r.title + "\n" + r.subtitle + "\n" + r.parties + "\n" + r.footer + "\n";
  for (const ReportSection& s : r.sections) {
    out += s.title + "\n" + s.quote + "\n" + s.empty + "\n";
    for (const ReportFact& f : s.facts) out += f.label + "\n" + f.value + "\n" + f.detail + "\n";
    for (const std::string& p : s.paragraphs) out += p + "\n";
    for (const std::string& h : s.head) out += h + "\n";
    for (const auto& row : s.rows)
      for (const ReportCell& c : row) out += c.text + "\n" + c.note + "\n";
    for (const auto& [heading, items] : s.lists) {
      out += heading + "\n";
      for (const std::string& i : items) out += i + "\n";
    }
  }
  return out;
}
}  // namespace

TEST_CASE("the presentation has every decision and change request, the newest first",
          "[client_report]") {
  Engagement e = make_demo();
  const Date as_of = d(2026, 11, 24);
  ClientReport talk = build_client_report(e, as_of, ReportScope::Presentation);
  ClientReport status = build_client_report(e, as_of, ReportScope::StatusReport, as_of);
  const ReportSection* decisions = talk.section("decisions");
  REQUIRE(decisions);
  CHECK(decisions->rows.size() == e.decisions.size());
  // The status report with an empty window lists none of them.
  REQUIRE(status.section("decisions"));
  CHECK(status.section("decisions")->rows.empty());
  Date newest = e.decisions.begin()->second.date;
  for (const auto& [id, x] : e.decisions) newest = std::max(newest, x.date);
  CHECK(decisions->rows.front()[0].text == date_text(newest));
  const ReportSection* changes = talk.section("changes");
  REQUIRE(changes);
  CHECK(changes->rows.size() == e.change_requests.size());
  // The one waiting for a decision comes first.
  // In the words the editor's table uses too.
  const ChangeRequest* waiting = nullptr;
  for (const auto& [id, c] : e.change_requests)
    if (c.status == ChangeStatus::Proposed) waiting = &c;
  REQUIRE(waiting);
  CHECK(changes->rows.front().back().text == state_pill(*waiting, as_of).text);
  CHECK(changes->rows.front().back().text.rfind("waiting ", 0) == 0);
}

TEST_CASE("the presentation has the recaps and the expectations as agreed", "[client_report]") {
  Engagement e = make_demo();
  ClientReport talk = build_client_report(e, d(2026, 11, 24), ReportScope::Presentation);
  const ReportSection* recaps = talk.section("recaps");
  REQUIRE(recaps);
  REQUIRE_FALSE(recaps->rows.empty());
  CHECK(recaps->rows.front()[1].text == "Weekly check-in");
  const ReportSection* expectations = talk.section("expectations");
  REQUIRE(expectations);
  CHECK(expectations->rows.size() == e.expectations.size());
  // The status report keeps its sections.
  ClientReport status = build_client_report(e, d(2026, 11, 24));
  CHECK_FALSE(status.section("recaps"));
  CHECK_FALSE(status.section("expectations"));
}

TEST_CASE("a rejected change request reads as resolved, not late", "[client_report]") {
  Engagement e = make_demo();
  ClientReport talk = build_client_report(e, d(2026, 11, 24), ReportScope::Presentation);
  bool seen = false;
  for (const auto& row : talk.section("changes")->rows)
    if (row.back().text.rfind("rejected", 0) == 0) {
      seen = true;
      CHECK(row.back().tone == Tone::Muted);
    }
  CHECK(seen);
}

TEST_CASE("the presentation holds no internal text", "[client_report]") {
  Engagement e = rapport::test::demo_with_hidden_milestone();
  std::vector<std::string> secrets = internal_texts(e);
  REQUIRE(secrets.size() >= 6);
  std::string text = all_text(build_client_report(e, d(2026, 11, 24), ReportScope::Presentation));
  for (const std::string& s : secrets) {
    INFO("internal text in the presentation: " << s);
    CHECK(text.find(s) == std::string::npos);
  }
  // The same milestone, visible to the client, is in the presentation: the check can fail.
  for (auto& [id, m] : e.milestones.items)
    if (m.title == rapport::test::kHiddenMilestone) m.client_visible = true;
  CHECK(all_text(build_client_report(e, d(2026, 11, 24), ReportScope::Presentation))
            .find(rapport::test::kHiddenMilestone) != std::string::npos);
}

TEST_CASE("the headline puts a late milestone first, then the next one", "[client_report]") {
  Engagement e = make_demo();
  // 24 Nov: Design sign-off (now 20 Nov, in progress) has passed its date.
  ClientHeadline h = build_client_report(e, d(2026, 11, 24), ReportScope::Presentation).headline;
  REQUIRE(h.milestone);
  CHECK(h.milestone->title == "Design sign-off");
  CHECK(h.milestone->late);
  // Once it is done, the next milestone leads, not late.
  for (auto& [id, m] : e.milestones.items)
    if (m.title == "Design sign-off") m.status = MilestoneStatus::Done;
  h = build_client_report(e, d(2026, 11, 24), ReportScope::Presentation).headline;
  REQUIRE(h.milestone);
  CHECK(h.milestone->title == "Beta");
  CHECK_FALSE(h.milestone->late);
  CHECK(h.milestone->now.days - h.milestone->agreed.days == 7);
}

TEST_CASE("the headline lists open client tasks by due date and the next meeting",
          "[client_report]") {
  Engagement e = make_demo();
  ClientHeadline h = build_client_report(e, d(2026, 11, 24), ReportScope::Presentation).headline;
  REQUIRE(h.needs.size() == 3);
  CHECK(h.needs[0].task == "Final Finnish copy for the menu pages");
  CHECK(h.needs[0].overdue);
  CHECK_FALSE(h.needs[1].overdue);
  for (size_t i = 1; i < h.needs.size(); ++i) CHECK(h.needs[i - 1].due <= h.needs[i].due);
  REQUIRE(h.next_meeting);
  CHECK(h.next_meeting->title == "Weekly check-in");
  CHECK(h.next_meeting->start.date == d(2026, 11, 27));
  // In the client's own time and zone: 16:00 in Amsterdam is 17:00 in Helsinki.
  CHECK(h.next_meeting->zone == "Europe/Helsinki");
  CHECK(h.next_meeting->start.time.hhmm() == "17:00");
  // Without a client zone of its own the client reads the engagement's.
  e.info.client_time_zone.clear();
  ClientHeadline same = build_client_report(e, d(2026, 11, 24), ReportScope::Presentation).headline;
  REQUIRE(same.next_meeting);
  CHECK(same.next_meeting->zone == "Europe/Amsterdam");
  CHECK(same.next_meeting->start.time.hhmm() == "16:00");
  // The status report leaves the headline empty.
  CHECK_FALSE(build_client_report(e, d(2026, 11, 24)).headline.milestone);
}
