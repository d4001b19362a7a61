// Quick add: workshop one-liners become one command with a preview; mistakes
// point at the word that is wrong.
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/history.hpp"
#include "rapport/quick_add.hpp"

using namespace rapport;

namespace {
const Date kToday = Date::from_ymd(2026, 11, 24);  // a Tuesday

QuickAdd ok(const Engagement& e, std::string_view line) {
  auto r = parse_quick_add(e, line, kToday);
  if (auto* error = std::get_if<QuickAddError>(&r)) FAIL(error->message);
  return std::get<QuickAdd>(r);
}

// The error and the word it points at.
std::pair<std::string, std::string> wrong(const Engagement& e, std::string_view line) {
  auto r = parse_quick_add(e, line, kToday);
  REQUIRE(std::holds_alternative<QuickAddError>(r));
  const auto& error = std::get<QuickAddError>(r);
  REQUIRE(error.end <= line.size());
  return {error.message, std::string(line.substr(error.begin, error.end - error.begin))};
}

template <class T>
const T& added(const QuickAdd& q) {
  REQUIRE(q.commands.size() == 1);
  return std::get<Add<T>>(q.commands[0]).item;
}
}  // namespace

TEST_CASE("a weekly meeting from one line", "[quick-add]") {
  Engagement e = make_demo();
  QuickAdd q = ok(e, R"(meeting "Weekly check-in" every friday 16:00 30m)");
  const auto& s = added<MeetingSeries>(q);
  CHECK(s.title == "Weekly check-in");
  CHECK(s.recurrence.frequency == Frequency::Weekly);
  CHECK(s.recurrence.weekdays == kFriday);
  CHECK(s.start.hhmm() == "16:00");
  CHECK(s.duration_minutes == 30);
  CHECK(s.first_date == Date::from_ymd(2026, 11, 27));  // the first Friday from today
  CHECK(s.recurrence.until == e.info.end);              // ends with the engagement
  CHECK(q.preview ==
        "Meeting “Weekly check-in” every Friday at 16:00 for 30 min, from 2026-11-27 until "
        "2027-03-31");
  CHECK(q.label == "Add meeting “Weekly check-in”");
}

TEST_CASE("a series starts on or after the engagement's start and ends with it unless told",
          "[quick-add]") {
  Engagement e = make_demo();
  e.info.start = Date::from_ymd(2026, 12, 28);  // a Monday, a month after today
  e.info.end = Date::from_ymd(2027, 6, 30);
  auto weekly = added<MeetingSeries>(ok(e, R"(meeting "Weekly check-in" every friday 16:00)"));
  CHECK(weekly.first_date == Date::from_ymd(2027, 1, 1));  // the first Friday from the start
  CHECK(weekly.recurrence.until == Date::from_ymd(2027, 6, 30));
  auto daily = added<MeetingSeries>(ok(e, R"(meeting "Stand-up" every day 09:15 15m)"));
  CHECK(daily.first_date == Date::from_ymd(2026, 12, 28));
  CHECK(daily.recurrence.until == Date::from_ymd(2027, 6, 30));
  // What the line says wins: its own start, its own end, or no end.
  auto told = added<MeetingSeries>(
      ok(e, R"(meeting "Steering" every monday from 2026-12-07 until 2027-02-01)"));
  CHECK(told.first_date == Date::from_ymd(2026, 12, 7));
  CHECK(told.recurrence.until == Date::from_ymd(2027, 2, 1));
  auto open_ended =
      added<MeetingSeries>(ok(e, R"(meeting "Retainer call" every monday until never)"));
  CHECK(open_ended.first_date == Date::from_ymd(2026, 12, 28));
  CHECK_FALSE(open_ended.recurrence.until);
  // A one-off keeps the day it was given.
  auto once = added<MeetingSeries>(ok(e, R"(meeting "Design review" on 2026-12-04 10:00)"));
  CHECK(once.first_date == Date::from_ymd(2026, 12, 4));
  CHECK_FALSE(once.recurrence.until);
  // An engagement already over: the series starts today, with no end date before it.
  e.info.start = Date::from_ymd(2026, 1, 5);
  e.info.end = Date::from_ymd(2026, 6, 30);
  auto late = added<MeetingSeries>(ok(e, R"(meeting "Follow-up" every friday)"));
  CHECK(late.first_date == Date::from_ymd(2026, 11, 27));
  CHECK_FALSE(late.recurrence.until);
}

TEST_CASE("meetings: intervals, several weekdays, one-offs, attendees and an end", "[quick-add]") {
  Engagement e = make_demo();
  auto s = added<MeetingSeries>(ok(
      e,
      R"(meeting "Steering" every 2 weeks on tue,thu 14:00 1h30m from 2026-12-01 until 2027-03-31 @Aino @Joost)"));
  CHECK(s.recurrence.interval == 2);
  CHECK(s.recurrence.weekdays == (kTuesday | kThursday));
  CHECK(s.duration_minutes == 90);
  CHECK(s.first_date == Date::from_ymd(2026, 12, 1));
  CHECK(s.recurrence.until == Date::from_ymd(2027, 3, 31));
  CHECK(s.attendees.size() == 2);
  auto once = added<MeetingSeries>(ok(e, R"(meeting "Design review" on 2026-12-04 10:00 90m)"));
  CHECK(once.recurrence.frequency == Frequency::Once);
  CHECK(once.first_date == Date::from_ymd(2026, 12, 4));
  // Curly quotes, as a word processor or a phone types them, work too.
  CHECK(added<MeetingSeries>(ok(e, "meeting “Stand-up” every weekday 09:15 15m"))
            .recurrence.weekdays == kWorkweek);
}

TEST_CASE("milestones, change requests, client tasks, stakeholders, decisions", "[quick-add]") {
  Engagement e = make_demo();
  auto m = added<Milestone>(ok(e, R"(milestone "Beta 2" 2026-12-15)"));
  CHECK(m.baseline == Date::from_ymd(2026, 12, 15));
  CHECK(m.current == m.baseline);

  auto cr = added<ChangeRequest>(ok(e, R"(cr "Extra landing page" +5d Beta cost 1800)"));
  REQUIRE(cr.impacts.size() == 1);
  CHECK(e.milestones.find(cr.impacts[0].milestone)->title == "Beta");
  CHECK(cr.impacts[0].days == 5);
  CHECK(cr.cost_minor == 180000);
  CHECK(cr.requested_on == kToday);

  QuickAdd task = ok(e, R"(task "Send brand assets" @Sanna due friday)");
  auto t = added<ClientTask>(task);
  CHECK(e.stakeholders.find(t.owner)->name == "Sanna Järvinen");
  CHECK(t.due == Date::from_ymd(2026, 11, 27));
  CHECK(task.preview ==
        "Client task “Send brand assets” for Sanna Järvinen, due Friday 2026-11-27");
  // Accented names match, whichever part of the name is typed.
  CHECK(e.stakeholders
            .find(added<ClientTask>(ok(e, R"(task "Sign contract" @mäkelä due tomorrow)")).owner)
            ->name == "Aino Mäkelä");

  auto p = added<Stakeholder>(ok(e, R"(stakeholder "Pieter Jansen" client "CFO")"));
  CHECK(p.side == Side::Client);
  CHECK(p.role == "CFO");
  CHECK(added<Decision>(ok(e, R"(decision "Launch in Finnish first" @Aino)")).decided_by != kNoId);
}

TEST_CASE("mistakes point at the word that is wrong", "[quick-add]") {
  Engagement e = make_demo();
  CHECK(wrong(e, R"(meeting "Weekly" every fryday 16:00)").second == "fryday");
  CHECK(wrong(e, R"(meeting "Weekly" every friday 25:00)").second == "25:00");
  CHECK(wrong(e, R"(milestone "Beta" 2026-02-30)").second == "2026-02-30");
  CHECK(wrong(e, R"(milestone "Beta")").first ==
        "Give the milestone a date: milestone “Beta” 2026-12-15.");
  CHECK(wrong(e, R"(cr "Extra" +5d Gamma)").second == "Gamma");
  CHECK(wrong(e, R"(cr "Extra" Beta)").first.find("how many days") != std::string::npos);
  CHECK(wrong(e, R"(cr "Extra" +5d)").second == "+5d");
  auto provider_owner = wrong(e, R"(task "Copy" @Eva due friday)");
  CHECK(provider_owner.second == "@Eva");
  CHECK(provider_owner.first == "No client-side stakeholder is called “Eva”.");
  CHECK(wrong(e, R"(task "Copy" @Nobody)").second == "@Nobody");
  CHECK(wrong(e, R"(lunch "Team")").second == "lunch");
  CHECK(wrong(e, R"(meeting Weekly)").second == "Weekly");
  CHECK(wrong(e, R"(meeting "Weekly every friday)").first == "This quote is never closed.");
  CHECK(wrong(e, R"(meeting "   " every friday)").first == "Give the meeting a title.");
  CHECK(wrong(e, std::string(5000, 'x')).first.find("too long") != std::string::npos);
  CHECK(wrong(e, "").first.find("Type what to add") != std::string::npos);
}

TEST_CASE("what quick add makes is one undo step", "[quick-add]") {
  Engagement e = make_demo();
  const Engagement before = e;
  History h;
  QuickAdd q = ok(e, R"(cr "Extra landing page" +5d Beta +2d Launch)");
  REQUIRE_FALSE(h.apply_group(e, q.label, q.commands));
  CHECK(e.change_requests.size() == before.change_requests.size() + 1);
  CHECK(h.undo_label() == "Add change request “Extra landing page”");
  h.undo(e);
  CHECK(e == before);
}
