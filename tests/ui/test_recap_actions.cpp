// Recaps that travel, in the occurrence editor: each agreed action of a held
// meeting becomes a client task (T), a decision (D) or our to-do (P) with one
// key, each one undo step; and a quota's effort is logged from the inspector.
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/quota.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::titled;
using rapport::test::Workspace;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }
Id weekly_check_in(const Engagement& e) {
  for (const auto& [id, s] : e.meetings)
    if (s.title == "Weekly check-in") return id;
  return kNoId;
}
}  // namespace

TEST_CASE(
    "agreed actions become a task, a decision and our to-do with one key each, each undone "
    "alone",
    "[ui][recap-actions]") {
  Engagement e = make_demo();
  const Id weekly = weekly_check_in(e);
  REQUIRE(weekly != kNoId);
  const Date held = d(2026, 11, 20);
  e.meetings.items.at(weekly).overrides.at(held).agreed_actions =
      "Sanna sends the final Finnish copy\nLaunch the menu page first\nEva shares the homepage v3";
  Workspace w(e);
  w.app.main_window.section = Section::Meetings;
  w.app.view.selection = Selection{weekly, held};
  w.frame();
  REQUIRE(w.locate("Make each agreed action", true));
  // Choose the first line, then one key per line: the next line is current
  // after each conversion.
  w.click("Sanna sends the final Finnish copy");
  w.type("t");
  w.frame();
  const Engagement& now = w.app.engagement();
  const Id task = titled<ClientTask>(now, "Sanna sends the final Finnish copy");
  REQUIRE(task != kNoId);
  CHECK(now.stakeholders.find(now.client_tasks.find(task)->owner)->name == "Sanna Järvinen");
  w.type("d");
  w.frame();
  REQUIRE(titled<Decision>(w.app.engagement(), "Launch the menu page first") != kNoId);
  w.type("p");
  w.frame();
  const Id todo = titled<Responsibility>(w.app.engagement(), "Eva shares the homepage v3");
  REQUIRE(todo != kNoId);
  CHECK(w.app.engagement().responsibilities.find(todo)->side == Side::Provider);
  // Converted lines say what they became and are not offered again.
  CHECK(w.shows("Sanna sends the final Finnish copy  →  made a client task"));
  CHECK(w.app.engagement().meetings.find(weekly)->overrides.at(held).converted.size() == 3);
  w.type("t");  // nothing left to convert: no fourth item
  w.frame();
  CHECK(w.app.engagement().client_tasks.size() == e.client_tasks.size() + 1);

  // Each undo takes back one conversion, newest first.
  w.ctrl('Z');
  CHECK(titled<Responsibility>(w.app.engagement(), "Eva shares the homepage v3") == kNoId);
  CHECK(titled<Decision>(w.app.engagement(), "Launch the menu page first") != kNoId);
  w.ctrl('Z');
  w.ctrl('Z');
  CHECK(w.app.engagement() == e);
}

TEST_CASE("effort is logged against a quota from the inspector in one undo step", "[ui][quota]") {
  Engagement e = make_demo();
  Id quota = kNoId;
  for (const auto& [id, b] : e.boundaries)
    if (b.kind == BoundaryKind::Quota) quota = id;
  REQUIRE(quota != kNoId);
  Workspace w(e);
  w.app.main_window.section = Section::Boundaries;
  w.app.view.selection = Selection{quota};
  w.frame();
  CHECK(w.shows("2 of 2 revision rounds used so far"));
  w.click("what it was for (homepage v2)");
  w.type("homepage v2");
  w.click("Log");
  w.frame();
  const Boundary& b = *w.app.engagement().boundaries.find(quota);
  REQUIRE(b.effort.size() == 1);
  CHECK(b.effort[0] == EffortEntry{d(2026, 11, 24), 1, "homepage v2"});
  CHECK(w.shows("3 of 2 revision rounds used so far, 1 extra: €600.00 billable"));
  CHECK(w.app.doc.history().undo_label() == "Log 1 revision round on “Design revision rounds”");
  w.ctrl('Z');
  CHECK(w.app.engagement().boundaries.find(quota)->effort.empty());
}
