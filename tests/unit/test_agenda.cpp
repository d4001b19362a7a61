// Agendas (agenda.hpp): each occurrence's agenda is proposed from what needs
// the client, points not covered carry to the next occurrence of the series,
// and an edited agenda is stored (format v2) and survives saving in both formats.
#include <catch2/catch.hpp>

#include "named_items.hpp"
#include "rapport/agenda.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/fields.hpp"
#include "rapport/io.hpp"

using namespace rapport;
using rapport::test::titled;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }
const Date kToday = d(2026, 11, 24);
const Date kNextCheckIn = d(2026, 11, 27);  // the weekly check-in is on Fridays

bool has_point(const std::vector<AgendaPoint>& agenda, const std::string& text) {
  for (const AgendaPoint& p : agenda)
    if (p.text.find(text) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("an agenda is pre-filled from the demo's open points", "[agenda]") {
  const Engagement e = make_demo();
  const Id weekly = titled<MeetingSeries>(e, "Weekly check-in");
  const std::vector<AgendaPoint> agenda = proposed_agenda(e, weekly, kNextCheckIn, kToday);
  REQUIRE_FALSE(agenda.empty());

  // Every open point the client view lists (but meeting housekeeping) is on it.
  const std::vector<Finding> findings = check_health(redacted(e), kToday);
  int listed = 0;
  for (const Finding* f : client_open_points(findings)) {
    if (e.meetings.contains(f->item)) continue;
    INFO(f->open_point);
    CHECK(has_point(agenda, f->open_point));
    ++listed;
  }
  CHECK(listed >= 2);
  // The overdue task, the change request waiting for a decision, the task due
  // on the meeting's day and the milestone due within two weeks.
  CHECK(has_point(agenda, "Final Finnish copy for the menu pages"));
  CHECK(has_point(agenda, "Extra landing page for the spring menu"));
  CHECK(has_point(agenda, "Approve the homepage design"));
  for (const AgendaPoint& p : agenda) {
    CHECK_FALSE(p.covered);
    CHECK_FALSE(p.carried_from);
  }
  // No text twice.
  for (size_t i = 0; i < agenda.size(); ++i)
    for (size_t j = i + 1; j < agenda.size(); ++j) CHECK(agenda[i].text != agenda[j].text);
}

TEST_CASE("an agenda point that was not covered is carried to the next occurrence", "[agenda]") {
  Engagement e = make_demo();
  const Id weekly = titled<MeetingSeries>(e, "Weekly check-in");
  History h;
  OccurrenceOverride held;
  held.state = OccurrenceState::Held;
  held.agenda = {{"Homepage hero photo", true, {}},
                 {"Opening hours for the holidays", false, {}},
                 {"POS vendor call", false, d(2026, 11, 20)}};
  REQUIRE_FALSE(h.apply(e, SetOccurrence{weekly, kNextCheckIn, held}));

  const std::vector<AgendaPoint> next = proposed_agenda(e, weekly, d(2026, 12, 4), kToday);
  REQUIRE(next.size() >= 2);
  CHECK(next[0].text == "Opening hours for the holidays");
  CHECK(next[0].carried_from == kNextCheckIn);
  CHECK_FALSE(next[0].covered);
  CHECK(next[1].text == "POS vendor call");
  CHECK(next[1].carried_from == d(2026, 11, 20));  // where it was first raised
  CHECK_FALSE(has_point(next, "Homepage hero photo"));
  // What needs the client is still there, after the carried points.
  CHECK(has_point(next, "Extra landing page for the spring menu"));

  // The stored agenda is the occurrence's agenda; one undo takes it back.
  CHECK(agenda_of(e, weekly, kNextCheckIn, kToday) == held.agenda);
  REQUIRE(h.undo(e));
  CHECK_FALSE(has_point(proposed_agenda(e, weekly, d(2026, 12, 4), kToday),
                        "Opening hours for the holidays"));
}

TEST_CASE("an agenda point without text is refused and changes nothing", "[agenda]") {
  Engagement e = make_demo();
  const Engagement before = e;
  History h;
  OccurrenceOverride o;
  o.agenda = {{"  ", false, {}}};
  auto error =
      h.apply(e, SetOccurrence{titled<MeetingSeries>(e, "Weekly check-in"), kNextCheckIn, o});
  REQUIRE(error);
  CHECK(error->message.find("agenda point") != std::string::npos);
  CHECK(e == before);
}

TEST_CASE("an agenda never shows what is internal", "[agenda]") {
  Engagement e = make_demo();
  insert_item(e, Milestone{0, "Internal QA gate before Beta", d(2026, 11, 30), d(2026, 11, 30),
                           MilestoneStatus::Planned, false, ""});
  const std::vector<AgendaPoint> agenda =
      proposed_agenda(e, titled<MeetingSeries>(e, "Weekly check-in"), kNextCheckIn, kToday);
  std::vector<std::string> secrets = internal_texts(e);
  secrets.push_back("Internal QA gate");
  for (const AgendaPoint& p : agenda)
    for (const std::string& s : secrets) CHECK(p.text.find(s) == std::string::npos);
}

TEST_CASE("agendas and sent updates survive a save in both formats", "[agenda][io]") {
  Engagement e = make_demo();
  const Id weekly = titled<MeetingSeries>(e, "Weekly check-in");
  e.meetings.find(weekly)->overrides[kNextCheckIn].agenda = {
      {"Homepage hero photo", true, {}}, {"Opening hours", false, d(2026, 11, 20)}};
  e.info.updates.push_back(
      SentUpdate{kToday, d(2026, 11, 17), "# Update\n", {{7, d(2027, 1, 22)}}});
  for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
    LoadResult r = load_bytes(to_bytes(e, f), "agenda.rapport");
    INFO(r.error.message);
    REQUIRE(r);
    CHECK(r.format_version == kFormatVersion);
    CHECK(*r.engagement == e);
  }
}
