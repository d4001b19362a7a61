// What the timeline's marks say at a glance, drawn headless on the demo: slip as a
// "+N d" label, the overdue tail to today, meeting blocks with time and title at
// week zoom, the legend, focus windows that start before today and point past
// their edge, and colours that mean one thing.
#include <catch2/catch.hpp>
#include <cmath>

#include "headless.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/timeline_index.hpp"
#include "text_capture.hpp"
#include "theme.hpp"
#include "timeline/timeline_palette.hpp"
#include "timeline/timeline_view.hpp"
#include "timeline_harness.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::DrawnText;

namespace {

constexpr double kDay = rapport::test::kMinutesPerDay;

// The demo with today pinned to 2026-11-24.
struct Demo : rapport::test::TimelineHarness {
  explicit Demo(ImVec2 display = ImVec2(1600, 900))
      : TimelineHarness(make_demo(), display, Date::from_ymd(2026, 11, 24)) {}
  const DrawnText* drawn(const std::string& text) const {
    for (const DrawnText& t : rapport::test::captured_text())
      if (t.text == text) return &t;
    return nullptr;
  }
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool same_rgb(ImU32 a, ImU32 b) { return (a & ~IM_COL32_A_MASK) == (b & ~IM_COL32_A_MASK); }

// The vertices of the last frame in `colour` (any alpha but 0) inside [x0, x1] x [y0, y1].
std::vector<ImVec2> vertices(ImU32 colour, ImVec2 a, ImVec2 b) {
  std::vector<ImVec2> out;
  ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawVert& v : list->VtxBuffer) {
      if (!same_rgb(v.col, colour) || (v.col & IM_COL32_A_MASK) == 0) continue;
      if (v.pos.x >= a.x && v.pos.x <= b.x && v.pos.y >= a.y && v.pos.y <= b.y)
        out.push_back(v.pos);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("a drifted milestone draws its slip label next to the line from its baseline",
          "[ui][timeline]") {
  Demo t;
  // Four weeks from a week before today: Design sign-off moved by a week, with
  // room for "+7 d" on the line between its ghost and its diamond.
  t.show(t.today.plus_days(-7), 35);
  const TimelineFrame& f = t.timeline.frame();
  const DrawnText* slip = t.drawn("+7 d");
  REQUIRE(slip != nullptr);
  CHECK(slip->pos.x >= f.time_x0);
  CHECK(slip->max().x <= f.time_x1);
  const DrawnText* title = t.drawn("Design sign-off");
  REQUIRE(title != nullptr);
  CHECK((slip->max().x <= title->pos.x || slip->pos.x >= title->max().x));
  // Fitted, the line is too short: the gap follows the title instead.
  t.timeline.fit(t.index);
  t.ui.frame();
  rapport::test::capture_text_begin();
  t.ui.frame();
  bool after_title = false;
  for (const DrawnText& d : rapport::test::captured_text())
    if (ends_with(d.text, "+7 d") && d.text.size() > 5) after_title = true;
  CHECK(after_title);
}

TEST_CASE("an overdue client task draws a red tail that reaches today's line", "[ui][timeline]") {
  Demo t;
  t.show(t.e.info.start.plus_days(20), 60);
  const TimelineFrame& f = t.timeline.frame();
  const TimelinePalette pal = timeline_palette();
  int lane = t.index.lane_of(LaneKind::ClientTasks);
  REQUIRE(lane >= 0);
  const LaneLayout& g = t.timeline.layout()[size_t(lane)];
  const float today_x = f.x_of(t.minute(t.today));
  std::vector<ImVec2> red =
      vertices(pal.overdue_tail, ImVec2(f.time_x0, g.y0), ImVec2(f.time_x1, g.y1));
  REQUIRE_FALSE(red.empty());
  float right = f.time_x0;
  for (ImVec2 v : red) right = std::max(right, v.x);
  CHECK(right >= today_x - 3);
  CHECK(right <= today_x + 3);
  // And it starts where the bar ends, at the end of the day it was due.
  const ClientTask* overdue = nullptr;
  for (const auto& [id, task] : t.e.client_tasks)
    if (task.status == TaskStatus::Open && task.due < t.today) overdue = &task;
  REQUIRE(overdue != nullptr);
  const float due_x = f.x_of(t.minute(overdue->due.plus_days(1)));
  // One edge of it runs from there to today (a rectangle's corners at both ends).
  bool tail = false;
  for (ImVec2 a : red)
    for (ImVec2 b : red)
      if (std::abs(a.y - b.y) < 0.5f && std::abs(a.x - due_x) < 3 && std::abs(b.x - today_x) < 4)
        tail = true;
  CHECK(tail);
}

TEST_CASE("at week zoom a meeting block shows its time and title", "[ui][timeline]") {
  Demo t;
  t.show(t.today.plus_days(-1), 7);
  CHECK(t.drawn("16:00 Weekly check-in") != nullptr);
  // Fitted to the engagement, meetings are marks: no times.
  t.show(t.e.info.start, 200);
  REQUIRE(t.drawn("Kickoff") != nullptr);  // the fitted view was drawn
  bool time = false;
  for (const DrawnText& d : rapport::test::captured_text())
    if (d.text.rfind("16:00", 0) == 0) time = true;
  CHECK_FALSE(time);
}

TEST_CASE("the legend opens from its button in the editor and is always shown read-only",
          "[ui][timeline]") {
  const std::vector<std::string> entries = {"Milestone",
                                            "Agreed date \xE2\x86\x92 now",
                                            "Days slipped",
                                            "Overdue, until today",
                                            "Conflict: blackout or off hours",
                                            "Meeting held",
                                            "Planned",
                                            "Cancelled",
                                            "Moved",
                                            "No recap yet",
                                            "Blackout"};
  {
    Demo t;
    t.show(t.e.info.start, 200);
    CHECK(t.drawn("Days slipped") == nullptr);  // closed by default
    auto button = rapport::test::find_text("Legend");
    REQUIRE(button.has_value());
    t.ui.click(*button);
    t.ui.frame();
    CHECK(t.timeline.legend_shown());
    rapport::test::capture_text_begin();
    t.ui.frame();
    for (const std::string& entry : entries) {
      INFO(entry);
      CHECK(t.drawn(entry) != nullptr);
    }
    // Over the panel, the lanes beneath are not hovered.
    auto planned = rapport::test::find_text("Planned");
    REQUIRE(planned.has_value());
    t.ui.move_to(*planned);
    t.ui.frame();
    CHECK(t.timeline.hovered().what == TimelineHit::What::None);
    t.ui.click(*button);
    CHECK_FALSE(t.timeline.legend_shown());
  }

  // Read-only: below the lanes, every entry whole on screen.
  Demo ro(ImVec2(1280, 720));
  ro.timeline.set_read_only(true);
  ro.show(ro.e.info.start, 200);
  const TimelineFrame& f = ro.timeline.frame();
  CHECK(f.lanes_y1 < f.canvas_max.y);
  CHECK(ro.drawn("Legend") == nullptr);  // no button for the client
  for (const std::string& entry : entries) {
    INFO(entry);
    const DrawnText* d = ro.drawn(entry);
    REQUIRE(d != nullptr);
    CHECK(d->pos.y >= f.lanes_y1);
    CHECK(d->max().y <= f.canvas_max.y);
    CHECK(d->pos.x >= f.canvas_min.x);
    CHECK(d->max().x <= f.canvas_max.x);
  }
}

TEST_CASE("focusing on the next weeks starts about a week before today", "[ui][timeline]") {
  rapport::test::Workspace w(make_demo());
  w.frame();
  const Date today = w.app.today();
  w.app.focus_timeline(4);
  w.frame();
  const TimelineRange& r = w.app.panels.timeline.range();
  const std::string& zone = w.app.doc.engagement().info.time_zone;
  const double today_at = double(day_start(today, zone).minutes);
  CHECK(r.from <= today_at - 6 * kDay);
  CHECK(r.from >= today_at - 8 * kDay);
  CHECK(r.to >= today_at + 28 * kDay);
  // What lies beyond the right edge is pointed at.
  CHECK(w.shows("Beta, 22 Jan"));
}

TEST_CASE("a rejected change request is not drawn in the danger colour", "[ui][timeline]") {
  Demo t;
  t.show(t.e.info.start, 200);
  const TimelinePalette pal = timeline_palette();
  const ChangeRequest* rejected = nullptr;
  for (const auto& [id, c] : t.e.change_requests)
    if (c.status == ChangeStatus::Rejected) rejected = &c;
  REQUIRE(rejected != nullptr);
  auto at = t.index.find(rejected->id);
  REQUIRE(at.lane >= 0);
  ImVec2 c = t.timeline.item_centre(t.index, at.lane, at.index);
  ImVec2 a(c.x - 8, c.y - 8), b(c.x + 8, c.y + 8);
  CHECK(vertices(palette().danger, a, b).empty());
  CHECK_FALSE(vertices(pal.change_rejected, a, b).empty());
  // In every theme: rejected is not red, a planned milestone is not amber.
  for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
    apply_theme(theme, 1.0f);
    const TimelinePalette p = timeline_palette();
    INFO(to_string(theme));
    CHECK_FALSE(same_rgb(p.change_rejected, palette().danger));
    CHECK_FALSE(same_rgb(p.milestone, palette().warning));
    CHECK_FALSE(same_rgb(p.milestone, palette().danger));
    CHECK_FALSE(same_rgb(p.blackout, palette().warning));
    CHECK(same_rgb(p.overdue_tail, palette().danger));
  }
  apply_theme(Theme::Light, 1.0f);
}
