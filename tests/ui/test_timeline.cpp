// The timeline view driven headless: wheel zoom around the cursor, dragging a
// milestone (one command, undone by History), Esc cancelling a drag, a click on a
// merged block zooming in, culling, keys, double-click to add.
#include <catch2/catch.hpp>
#include <cmath>

#include "headless.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/timeline_index.hpp"
#include "timeline/timeline_view.hpp"
#include "timeline_harness.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::HeadlessUi;

namespace {

constexpr double kDay = rapport::test::kMinutesPerDay;

// An engagement on the timeline, in a document, as the app holds it; today is
// 40 days into the engagement, and what a frame submits is applied after it.
struct TimelineFixture : rapport::test::TimelineHarness {
  const History& history = doc.history();
  uint64_t built_at = 0;
  size_t commands_seen = 0;

  explicit TimelineFixture(Engagement engagement) : TimelineHarness(std::move(engagement)) {
    pin_today(e.info.start.plus_days(40));
    ui.after_frame = [this] { apply_queue(); };
  }

  // The app applies what a frame submitted after the frame, in one place.
  void apply_queue() {
    for (const Outcome& o : doc.apply()) {
      ++commands_seen;
      INFO(o.message);
      REQUIRE(o.what != Outcome::What::Refused);
    }
    rebuild();
  }
  void rebuild() {
    if (doc.generation() != built_at) {
      index = TimelineIndex::build(e, today);
      built_at = doc.generation();
    }
  }
  const TimelineFrame& f() const { return timeline.frame(); }
  int lane(LaneKind k) const { return index.lane_of(k); }
  // Shows [from, from + days) and draws one frame, unrecorded (the harness's
  // show() draws two and records the second).
  void show(Date from, int days) {
    timeline.set_range(minute(from), minute(from) + days * kDay);
    ui.frame();
  }
};

}  // namespace

TEST_CASE("a wheel step zooms around the cursor", "[ui][timeline]") {
  TimelineFixture t(make_demo());
  t.show(t.e.info.start, 60);
  double before = t.timeline.range().length();
  // Whole pixels: ImGui floors the mouse position.
  ImVec2 at(std::floor(t.f().time_x0 + (t.f().time_x1 - t.f().time_x0) * 0.3f),
            std::floor(t.f().axis_y1 + 40));
  t.ui.move_to(at);
  double anchor = t.f().minute_at(at.x);
  t.ui.wheel(at, 1.0f);
  CHECK(t.timeline.range().length() < before * 0.9);
  CHECK(std::fabs(t.f().minute_at(at.x) - anchor) < 1.0);
  t.ui.wheel(at, -2.0f);
  CHECK(t.timeline.range().length() > before);
  CHECK(std::fabs(t.f().minute_at(at.x) - anchor) < 1.0);
}

TEST_CASE("dragging a milestone moves it by the days dragged, as one undo step", "[ui][timeline]") {
  TimelineFixture t(make_demo());
  int lane = t.lane(LaneKind::Milestones);
  REQUIRE(lane >= 0);
  const TimelineItem it = t.index.lanes()[size_t(lane)].items.front();
  const Date before = t.e.milestones.find(it.id)->current;
  t.show(before.plus_days(-14), 30);
  ImVec2 from = t.timeline.item_centre(t.index, lane, 0);
  float day_px = float(t.f().px_per_day());
  ImVec2 to(from.x + 3 * day_px + day_px * 0.2f, from.y + 2);
  t.ui.drag(from, to, 5, false);
  CHECK(t.timeline.drag().kind == TimelineDrag::Kind::Item);
  CHECK(t.timeline.drag().delta_minutes == 3 * 1440);
  CHECK(t.e.milestones.find(it.id)->current == before);  // previewed only
  t.ui.release();
  CHECK(t.commands_seen == 1);
  CHECK(t.e.milestones.find(it.id)->current == before.plus_days(3));
  CHECK(t.history.undo_depth() == 1);
  t.doc.submit(intent::Undo{});
  t.apply_queue();
  CHECK(t.e.milestones.find(it.id)->current == before);
}

TEST_CASE("Esc cancels a drag: nothing is committed", "[ui][timeline]") {
  TimelineFixture t(make_demo());
  int lane = t.lane(LaneKind::Milestones);
  const TimelineItem it = t.index.lanes()[size_t(lane)].items.front();
  t.show(it.date.plus_days(-14), 30);
  ImVec2 from = t.timeline.item_centre(t.index, lane, 0);
  t.ui.drag(from, ImVec2(from.x + 200, from.y), 4, false);
  REQUIRE(t.timeline.drag().kind == TimelineDrag::Kind::Item);
  t.ui.key(ImGuiKey_Escape);
  t.ui.release();
  CHECK(t.commands_seen == 0);
  CHECK(t.e.milestones.find(it.id)->current == it.date);
}

TEST_CASE("dragging a meeting occurrence moves that occurrence only", "[ui][timeline]") {
  TimelineFixture t(make_demo());
  int lane = t.lane(LaneKind::Meeting);
  REQUIRE(lane >= 0);
  const TimelineLane& l = t.index.lanes()[size_t(lane)];
  size_t k = l.items.size() / 2;
  const TimelineItem it = l.items[k];
  REQUIRE_FALSE((it.flags & kMoved));
  t.show(it.date.plus_days(-10), 21);
  ImVec2 from = t.timeline.item_centre(t.index, lane, k);
  float day_px = float(t.f().px_per_day());
  t.ui.drag(from, ImVec2(from.x + day_px, from.y));
  REQUIRE(t.commands_seen == 1);
  const OccurrenceOverride& o = t.e.meetings.find(it.id)->overrides.at(it.date);
  REQUIRE(o.moved_to);
  CHECK(o.moved_to->date == it.date.plus_days(1));
  CHECK(o.moved_to->time == t.e.meetings.find(it.id)->start);
}

TEST_CASE("a click on a merged block zooms into it", "[ui][timeline]") {
  TimelineFixture t(generate_engagement(10000, 7));
  t.ui.frame();  // fits the engagement
  REQUIRE(t.timeline.stats().merged_blocks > 0);
  int lane = t.lane(LaneKind::Milestones);
  const LaneLayout& g = t.timeline.layout()[size_t(lane)];
  float y = g.y0 + 6 * t.f().scale + g.row_h * 0.5f;
  bool found = false;
  for (float x = t.f().time_x0 + 2; x < t.f().time_x1 && !found; x += 4) {
    t.ui.move_to(ImVec2(x, y));
    found = t.timeline.hovered().what == TimelineHit::What::Merged;
  }
  REQUIRE(found);
  TimelineHit block = t.timeline.hovered();
  double before = t.timeline.range().length();
  t.ui.click(t.ui.mouse());
  CHECK(t.timeline.range().length() < before / 4);
  CHECK(t.timeline.range().from <= block.from);
  CHECK(t.timeline.range().to >= block.to);
  CHECK(t.commands_seen == 0);
}

TEST_CASE("culling: a frame draws only what lies in the visible range", "[ui][timeline]") {
  TimelineFixture t(generate_engagement(10000, 7));
  Date mid = t.e.info.start.plus_days((t.e.info.end.days - t.e.info.start.days) / 2);
  t.show(mid, 30);
  const TimelineStats month = t.timeline.stats();
  CHECK(month.drawn_outside == 0);
  CHECK(month.items_drawn + month.items_merged > 0);
  CHECK(month.items_considered < t.index.item_count() / 20);
  // Lanes below the visible height emit nothing.
  CHECK(month.lanes_drawn < t.index.lanes().size());
  // Every vertex of the timeline lies on (or just beside) its canvas: shapes that
  // reach past the edges are clamped, not drawn at their full length.
  ImDrawData* data = t.ui.draw_data();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
      REQUIRE(v.pos.x >= t.f().canvas_min.x - 120);
      REQUIRE(v.pos.x <= t.f().canvas_max.x + 120);
    }
  }
  // Years after the engagement: no item at all.
  t.show(t.e.info.end.plus_days(3000), 30);
  CHECK(t.timeline.stats().items_considered == 0);
  CHECK(t.timeline.stats().items_drawn == 0);
}

TEST_CASE("keys: F fits, T goes to today, + and - zoom, arrows pan", "[ui][timeline]") {
  TimelineFixture t(make_demo());
  t.show(t.e.info.start, 10);
  t.ui.move_to(ImVec2(800, 400));
  t.ui.type("F");
  CHECK(t.timeline.range().from <= double(t.index.span_start().minutes));
  CHECK(t.timeline.range().to >= double(t.index.span_end().minutes));
  double fit = t.timeline.range().length();
  t.ui.type("+");
  CHECK(t.timeline.range().length() == Approx(fit * 0.8));
  t.ui.type("-");
  CHECK(t.timeline.range().length() == Approx(fit));
  t.ui.type("T");
  double today = double(day_start(t.today, t.index.time_zone()).minutes) + 720;
  CHECK(t.timeline.range().centre() == Approx(today));
  double from = t.timeline.range().from;
  t.ui.key(ImGuiKey_RightArrow);
  CHECK(t.timeline.range().from > from);
}

TEST_CASE("double-click on empty space adds an item of the lane's kind there", "[ui][timeline]") {
  TimelineFixture t(make_demo());
  Date day = t.e.info.start.plus_days(-20);  // before anything: empty
  t.show(day.plus_days(-5), 14);
  int lane = t.lane(LaneKind::Milestones);
  const LaneLayout& g = t.timeline.layout()[size_t(lane)];
  double noon = double(day_start(day, t.index.time_zone()).minutes) + 720;
  ImVec2 at(t.f().x_of(noon), (g.y0 + g.y1) * 0.5f);
  size_t before = t.e.milestones.size();
  t.ui.double_click(at);
  REQUIRE(t.e.milestones.size() == before + 1);
  const Milestone& m = t.e.milestones.items.rbegin()->second;
  CHECK(m.title == "New milestone");
  CHECK(m.current == day);
  CHECK(m.baseline == day);
}

TEST_CASE("a click selects an item and the client's timeline has no internal milestone",
          "[ui][timeline]") {
  TimelineFixture t(make_demo());
  int lane = t.lane(LaneKind::Milestones);
  const TimelineItem it = t.index.lanes()[size_t(lane)].items.front();
  t.show(it.date.plus_days(-14), 30);
  t.ui.click(t.timeline.item_centre(t.index, lane, 0));
  CHECK(t.view.selection.id == it.id);
  // Hide the first milestone from the client: the client's timeline (drawn from
  // the document's client copy) does not draw it.
  Milestone hidden = *t.e.milestones.find(it.id);
  hidden.client_visible = false;
  t.queue.push(Update<Milestone>{hidden});
  t.apply_queue();
  t.ui.frame();
  size_t shown = t.timeline.stats().items_drawn + t.timeline.stats().items_merged;
  t.index = t.doc.timeline_index(Audience::Client, t.today);
  CHECK(t.index.find(it.id, std::nullopt).lane < 0);
  t.ui.frame();
  CHECK(t.timeline.stats().items_drawn + t.timeline.stats().items_merged == shown - 1);
}

// Not run by default: `rapport_ui_tests "[.profile]"` for a look with perf.
TEST_CASE("profile: 100k items zoomed to fit", "[.profile]") {
  TimelineFixture t(generate_engagement(100000, 1));
  t.ui.frames(50);
  const TimelineStats& s = t.timeline.stats();
  WARN("lanes " << s.lanes_drawn << " considered " << s.items_considered << " drawn "
                << s.items_drawn << " merged blocks " << s.merged_blocks << " (" << s.items_merged
                << " items)");
}

TEST_CASE("the meeting series are one group that folds into one row", "[ui][timeline]") {
  TimelineFixture t(make_demo());
  t.show(t.today.plus_days(-7), 28);
  const TimelineView::MeetingGroup& group = t.timeline.meeting_group();
  REQUIRE(group.shown);
  CHECK(group.series == int(t.e.meetings.size()));
  std::vector<size_t> meeting_lanes;
  for (size_t i = 0; i < t.index.lanes().size(); ++i)
    if (t.index.lanes()[i].kind == LaneKind::Meeting) meeting_lanes.push_back(i);
  REQUIRE(meeting_lanes.size() == t.e.meetings.size());
  auto lane_height = [&](size_t i) {
    const LaneLayout& l = t.timeline.layout()[i];
    return l.y1 - l.y0;
  };
  // Open, the group takes no height of its own: it spans its lanes.
  CHECK_FALSE(group.folded);
  CHECK(group.y0 == t.timeline.layout()[meeting_lanes.front()].y0);
  CHECK(group.y1 == t.timeline.layout()[meeting_lanes.back()].y1);
  for (size_t i : meeting_lanes) CHECK(lane_height(i) > 20);
  CHECK(t.timeline.stats().summary_marks == 0);

  // A click on the bracket in the headers' margin: the series give way to one row
  // that marks their occurrences.
  const float mid = (group.y0 + group.y1) * 0.5f;
  t.ui.click(ImVec2(t.f().canvas_min.x + 5, mid));
  t.ui.frame();
  REQUIRE(t.timeline.meetings_collapsed());
  CHECK(group.folded);
  for (size_t i : meeting_lanes) CHECK(lane_height(i) == 0);
  CHECK(group.y1 - group.y0 > 20);
  // The demo meets every week: four weeks hold at least four occurrences.
  CHECK(t.timeline.stats().summary_marks >= 4);
  CHECK(t.commands_seen == 0);  // a view change, not an edit

  // Revealing an occurrence opens the group again.
  const Id weekly = t.index.lanes()[meeting_lanes.front()].series;
  const Date day = t.index.lanes()[meeting_lanes.front()].items.front().date;
  t.view.reveal_on_timeline = Selection{weekly, day};
  t.ui.frame();
  t.ui.frame();
  CHECK_FALSE(t.timeline.meetings_collapsed());
  for (size_t i : meeting_lanes) CHECK(lane_height(i) > 20);

  // Folded again, a click on its row's header opens it.
  t.ui.click(ImVec2(t.f().canvas_min.x + 5, (group.y0 + group.y1) * 0.5f));
  REQUIRE(t.timeline.meetings_collapsed());
  t.ui.frame();
  t.ui.click(ImVec2(t.f().canvas_min.x + 60, (group.y0 + group.y1) * 0.5f));
  CHECK_FALSE(t.timeline.meetings_collapsed());
}

TEST_CASE("one meeting series needs no group header", "[ui][timeline]") {
  Engagement e = make_demo();
  while (e.meetings.size() > 1) e.meetings.items.erase(e.meetings.items.begin());
  TimelineFixture t(std::move(e));
  t.show(t.today, 28);
  CHECK_FALSE(t.timeline.meeting_group().shown);
}
