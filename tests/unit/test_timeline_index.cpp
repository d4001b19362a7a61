// The timeline index: lanes, items sorted by time, the visible range cut by
// binary search (long items that start earlier included), flags, bands.
#include <algorithm>
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/timeline_index.hpp"

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

Engagement small_engagement() {
  Engagement e;
  e.info.time_zone = "Europe/Amsterdam";
  e.info.start = d(2026, 1, 5);
  e.info.end = d(2026, 3, 31);
  Milestone m;
  m.id = 1;
  m.title = "Beta";
  m.baseline = d(2026, 2, 1);
  m.current = d(2026, 2, 8);
  e.milestones.items[1] = m;
  Milestone m2 = m;
  m2.id = 2;
  m2.title = "Kickoff";
  m2.baseline = m2.current = d(2026, 1, 5);
  e.milestones.items[2] = m2;
  ClientTask t;
  t.id = 3;
  t.title = "Send logo files";
  t.created_on = d(2026, 1, 1);
  t.due = d(2026, 2, 20);
  e.client_tasks.items[3] = t;
  ClientTask t2 = t;
  t2.id = 4;
  t2.created_on = d(2026, 2, 10);
  t2.due = d(2026, 2, 12);
  t2.status = TaskStatus::Done;
  e.client_tasks.items[4] = t2;
  Boundary b;
  b.id = 5;
  b.kind = BoundaryKind::Blackout;
  b.from = d(2026, 2, 14);
  b.to = d(2026, 2, 16);
  e.boundaries.items[5] = b;
  Boundary b2 = b;
  b2.id = 6;
  b2.from = d(2026, 2, 16);
  b2.to = d(2026, 2, 20);
  e.boundaries.items[6] = b2;
  Boundary wh;
  wh.id = 7;
  wh.kind = BoundaryKind::WorkingHours;
  e.boundaries.items[7] = wh;
  MeetingSeries s;
  s.id = 8;
  s.title = "Check-in";
  s.first_date = d(2026, 1, 9);
  s.start = LocalTime{9 * 60};
  s.duration_minutes = 30;
  s.recurrence.frequency = Frequency::Weekly;
  s.recurrence.weekdays = kFriday;
  s.recurrence.until = d(2026, 3, 27);
  OccurrenceOverride moved;
  moved.moved_to = LocalDateTime{d(2026, 1, 21), LocalTime{14 * 60}};
  s.overrides[d(2026, 1, 16)] = moved;
  OccurrenceOverride held;
  held.state = OccurrenceState::Held;
  s.overrides[d(2026, 1, 9)] = held;
  e.meetings.items[8] = s;
  ChangeRequest c;
  c.id = 9;
  c.title = "Extra page";
  c.requested_on = d(2026, 1, 20);
  c.status = ChangeStatus::Approved;
  c.impacts = {{1, 7}};
  e.change_requests.items[9] = c;
  e.next_id = 10;
  return e;
}

const TimelineLane& lane(const TimelineIndex& ix, LaneKind k) {
  int i = ix.lane_of(k);
  REQUIRE(i >= 0);
  return ix.lanes()[size_t(i)];
}
}  // namespace

TEST_CASE("lanes: one per meeting series, then the fixed lanes", "[timeline_index]") {
  Engagement e = small_engagement();
  TimelineIndex ix = TimelineIndex::build(e, d(2026, 2, 25));
  REQUIRE(ix.lanes().size() == 5);
  CHECK(ix.lanes()[0].kind == LaneKind::Milestones);
  CHECK(ix.lanes()[1].kind == LaneKind::ChangeRequests);
  CHECK(ix.lanes()[2].kind == LaneKind::ClientTasks);
  CHECK(ix.lanes()[3].kind == LaneKind::Boundaries);
  CHECK(ix.lanes()[4].kind == LaneKind::Meeting);
  CHECK(ix.lanes()[4].series == 8);
  CHECK(ix.lanes()[4].title == "Check-in");
  CHECK(ix.item_count() == 12 + 2 + 2 + 1 + 2);
  for (const TimelineLane& l : ix.lanes()) {
    CHECK(std::is_sorted(
        l.items.begin(), l.items.end(),
        [](const TimelineItem& a, const TimelineItem& b) { return a.start < b.start; }));
  }
}

TEST_CASE("items carry their state: moved, missing recap, drift, overdue", "[timeline_index]") {
  Engagement e = small_engagement();
  TimelineIndex ix = TimelineIndex::build(e, d(2026, 2, 25));
  const TimelineLane& meet = lane(ix, LaneKind::Meeting);
  auto loc = ix.find(8, d(2026, 1, 16));
  REQUIRE(loc.lane == 4);
  const TimelineItem& moved = meet.items[loc.index];
  CHECK((moved.flags & kMoved));
  CHECK(to_local(moved.at, "Europe/Amsterdam").date == d(2026, 1, 21));
  CHECK(to_local(moved.ghost, "Europe/Amsterdam").date == d(2026, 1, 16));
  CHECK(moved.start == moved.ghost);  // the extent reaches back to the planned time
  const TimelineItem& held = meet.items[ix.find(8, d(2026, 1, 9)).index];
  CHECK((held.flags & kMissingRecap));
  CHECK(held.state == uint8_t(OccurrenceState::Held));

  const TimelineLane& ms = lane(ix, LaneKind::Milestones);
  const TimelineItem& beta = ms.items[ix.find(1).index];
  CHECK((beta.flags & kDrifted));
  CHECK(beta.at == day_start(d(2026, 2, 8), "Europe/Amsterdam"));
  CHECK(beta.ghost == day_start(d(2026, 2, 1), "Europe/Amsterdam"));
  CHECK(beta.start == beta.ghost);
  CHECK(beta.end == day_start(d(2026, 2, 9), "Europe/Amsterdam"));
  CHECK_FALSE((ms.items[ix.find(2).index].flags & kDrifted));

  const TimelineLane& tasks = lane(ix, LaneKind::ClientTasks);
  CHECK((tasks.items[ix.find(3).index].flags & kOverdue));
  CHECK_FALSE((tasks.items[ix.find(4).index].flags & kOverdue));  // done
  // As of an earlier day, nothing is overdue.
  TimelineIndex earlier = TimelineIndex::build(e, d(2026, 2, 1));
  CHECK_FALSE((lane(earlier, LaneKind::ClientTasks).items[earlier.find(3).index].flags & kOverdue));

  const TimelineLane& cr = lane(ix, LaneKind::ChangeRequests);
  CHECK((cr.items[0].flags & kMovedMilestones));
  CHECK(cr.items[0].state == uint8_t(ChangeStatus::Approved));
}

TEST_CASE("overlapping items stack into sub-rows", "[timeline_index]") {
  Engagement e = small_engagement();
  TimelineIndex ix = TimelineIndex::build(e, d(2026, 2, 25));
  const TimelineLane& tasks = lane(ix, LaneKind::ClientTasks);
  CHECK(tasks.rows == 2);  // the long task overlaps the short one
  CHECK(tasks.items[0].row != tasks.items[1].row);
  const TimelineLane& b = lane(ix, LaneKind::Boundaries);
  CHECK(b.rows == 2);  // 14-16 and 16-20 share the 16th
}

TEST_CASE("blackouts merge into disjoint bands and working hours are kept", "[timeline_index]") {
  Engagement e = small_engagement();
  TimelineIndex ix = TimelineIndex::build(e, d(2026, 2, 25));
  REQUIRE(ix.blackouts().size() == 1);
  CHECK(ix.blackouts()[0].start == day_start(d(2026, 2, 14), "Europe/Amsterdam"));
  CHECK(ix.blackouts()[0].end == day_start(d(2026, 2, 21), "Europe/Amsterdam"));
  CHECK(ix.blackouts_in(start_of(d(2026, 2, 18)), start_of(d(2026, 2, 19))).size() == 1);
  CHECK(ix.blackouts_in(start_of(d(2026, 3, 1)), start_of(d(2026, 3, 2))).empty());
  REQUIRE(ix.working_hours().size() == 1);
  CHECK(ix.working_hours()[0].id == 7);
}

TEST_CASE("the span covers the engagement and every item", "[timeline_index]") {
  Engagement e = small_engagement();
  TimelineIndex ix = TimelineIndex::build(e, d(2026, 2, 25));
  CHECK(ix.span_start() == day_start(d(2026, 1, 1), "Europe/Amsterdam"));  // the early task
  CHECK(ix.span_end() == day_start(d(2026, 4, 1), "Europe/Amsterdam"));
}

TEST_CASE("visible() matches a scan, long items that start early included", "[timeline_index]") {
  Engagement e = generate_engagement(5000, 3);
  TimelineIndex ix = TimelineIndex::build(e, e.info.start.plus_days(100));
  int64_t span = ix.span_end().minutes - ix.span_start().minutes;
  for (int k = 0; k < 40; ++k) {
    Instant from{ix.span_start().minutes + span * k / 40};
    Instant to{from.minutes + 1440 * (1 + k % 9) * 3};
    for (const TimelineLane& l : ix.lanes()) {
      size_t expected = 0;
      for (const TimelineItem& it : l.items) expected += it.end > from && it.start < to;
      size_t got = 0;
      auto v = l.visible(from, to);
      for (const TimelineItem& it : v) got += it.end > from && it.start < to;
      CHECK(got == expected);
      CHECK(v.size() <= l.items.size());
    }
  }
}

TEST_CASE("meeting occurrences are expanded over the span, bounded", "[timeline_index]") {
  Engagement e = small_engagement();
  e.meetings.items[8].recurrence.until.reset();  // forever
  TimelineIndexLimits limits;
  limits.margin_after_days = 28;
  TimelineIndex ix = TimelineIndex::build(e, d(2026, 2, 25), limits);
  const TimelineLane& meet = lane(ix, LaneKind::Meeting);
  // Fridays from 9 Jan through 28 days after 31 March (28 April).
  CHECK(meet.items.size() == 16);
  limits.max_occurrences_per_series = 5;
  CHECK(lane(TimelineIndex::build(e, d(2026, 2, 25), limits), LaneKind::Meeting).items.size() == 5);
}

TEST_CASE("the demo engagement indexes", "[timeline_index]") {
  Engagement e = make_demo();
  TimelineIndex ix = TimelineIndex::build(e, e.info.start.plus_days(60));
  CHECK(ix.item_count() > 20);
  CHECK(ix.span_start() <= day_start(e.info.start, e.info.time_zone));
  CHECK(ix.lane_of(LaneKind::Milestones) >= 0);
}

TEST_CASE("a meeting in the demo's Christmas blackout is flagged as a conflict in the index",
          "[timeline_index]") {
  Engagement e = make_demo();
  const Boundary* xmas = nullptr;
  for (const auto& [id, b] : e.boundaries)
    if (b.title == "Christmas break") xmas = &b;
  REQUIRE(xmas != nullptr);
  TimelineIndex ix = TimelineIndex::build(e, e.info.start.plus_days(50));
  int in_break = 0, clear = 0;
  for (const TimelineLane& lane : ix.lanes()) {
    if (lane.kind != LaneKind::Meeting) continue;
    for (const TimelineItem& it : lane.items) {
      Date local = to_local(it.at, ix.time_zone()).date;
      bool inside = xmas->from <= local && local <= xmas->to;
      if (inside && OccurrenceState(it.state) != OccurrenceState::Cancelled) {
        INFO(lane.title << " on " << local.iso());
        CHECK((it.flags & kConflict) != 0);
        ++in_break;
      }
      if (!(it.flags & kConflict)) ++clear;
    }
  }
  CHECK(in_break > 0);
  CHECK(clear > 0);  // the ordinary weeks are not conflicts
}

TEST_CASE("a meeting outside the agreed working hours is a conflict and a cancelled one is not",
          "[timeline_index]") {
  Engagement e;
  e.info.time_zone = "Europe/Amsterdam";
  e.info.start = d(2026, 1, 5);
  e.info.end = d(2026, 2, 27);
  Boundary hours;
  hours.id = 1;
  hours.kind = BoundaryKind::WorkingHours;
  hours.day_start = LocalTime{9 * 60};
  hours.day_end = LocalTime{17 * 60};
  e.boundaries.items[1] = hours;
  MeetingSeries late;
  late.id = 2;
  late.title = "Late call";
  late.first_date = d(2026, 1, 6);
  late.start = LocalTime{18 * 60};
  late.duration_minutes = 30;
  late.recurrence.frequency = Frequency::Weekly;
  late.recurrence.weekdays = uint8_t(1u << 2);  // Tuesdays
  late.recurrence.count = 3;
  late.overrides[d(2026, 1, 13)].state = OccurrenceState::Cancelled;
  e.meetings.items[2] = late;
  MeetingSeries day = late;
  day.id = 3;
  day.title = "Day call";
  day.start = LocalTime{10 * 60};
  day.overrides.clear();
  e.meetings.items[3] = day;
  TimelineIndex ix = TimelineIndex::build(e, d(2026, 1, 20));
  const TimelineLane& l = ix.lanes()[size_t(ix.lane_of(LaneKind::Meeting, 2))];
  REQUIRE(l.items.size() == 3);
  CHECK((l.items[0].flags & kConflict) != 0);
  CHECK((l.items[1].flags & kConflict) == 0);  // cancelled: no conflict left
  CHECK((l.items[2].flags & kConflict) != 0);
  for (const TimelineItem& it : ix.lanes()[size_t(ix.lane_of(LaneKind::Meeting, 3))].items)
    CHECK((it.flags & kConflict) == 0);
}
