// The timeline index followed edit by edit (TimelineIndex::update) is always
// exactly the index built from scratch: for the provider and for the client
// (built from the redacted copy), after thousands of seeded random commands,
// groups, undo and redo, directly and through the Document.
//
// [SECTION] index
//   Helpers   - small limits (so meetings expand quickly), a readable difference
//   Examples  - a moved milestone follows without a build; wide changes build;
//               a crowded lane; a milestone hidden from the client
//   Property  - random commands against update() and against the Document
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "random_commands.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/fields.hpp"
#include "rapport/history.hpp"
#include "rapport/timeline_index.hpp"

using namespace rapport;

namespace {

// [SECTION] Helpers -------------------------------------------------------------

// Limits small enough that a random daily series over centuries costs little,
// and truncated lanes come often.
TimelineIndexLimits small_limits() {
  TimelineIndexLimits limits;
  limits.max_occurrences_per_series = 120;
  limits.max_occurrences_total = 400;
  limits.min_occurrences_per_series = 20;
  return limits;
}

std::string text_of(const TimelineItem& it) {
  std::ostringstream out;
  out << "id " << it.id << " start " << it.start.minutes << " end " << it.end.minutes << " at "
      << it.at.minutes << "-" << it.at_end.minutes << " ghost " << it.ghost.minutes << " date "
      << it.date.days << " state " << int(it.state) << " flags " << int(it.flags) << " row "
      << int(it.row);
  return out.str();
}

// Where two indexes first differ, in words ("" when they are equal).
std::string difference(const TimelineIndex& got, const TimelineIndex& want) {
  std::ostringstream out;
  if (got.lanes().size() != want.lanes().size()) {
    out << got.lanes().size() << " lanes, a build has " << want.lanes().size();
    return out.str();
  }
  for (size_t l = 0; l < got.lanes().size(); ++l) {
    const TimelineLane& a = got.lanes()[l];
    const TimelineLane& b = want.lanes()[l];
    out << "lane " << l << " (" << to_string(b.kind) << " " << b.series << "): ";
    if (a.kind != b.kind || a.series != b.series || a.title != b.title) return out.str() + "name";
    if (a.rows != b.rows)
      return out.str() + "rows " + std::to_string(a.rows) + " not " + std::to_string(b.rows);
    if (a.truncated != b.truncated) return out.str() + "truncated";
    if (a.items.size() != b.items.size())
      return out.str() + std::to_string(a.items.size()) + " items, not " +
             std::to_string(b.items.size());
    for (size_t i = 0; i < a.items.size(); ++i)
      if (!(a.items[i] == b.items[i]))
        return out.str() + "item " + std::to_string(i) + ": " + text_of(a.items[i]) + ", not " +
               text_of(b.items[i]);
    if (a.max_end != b.max_end) return out.str() + "prefix maxima of ends";
    out.str("");
  }
  if (got.blackouts() != want.blackouts()) return "blackout bands";
  if (got.working_hours() != want.working_hours()) return "working hours";
  if (got.span_start() != want.span_start() || got.span_end() != want.span_end()) return "span";
  if (got.time_zone() != want.time_zone()) return "time zone";
  if (!(got == want)) return "the lookup by id";
  return "";
}

void same_as_a_build(const TimelineIndex& got, const Engagement& shown, Date today,
                     const std::string& what) {
  const TimelineIndex want = TimelineIndex::build(shown, today, small_limits());
  if (got == want) return;
  INFO(what << ": " << difference(got, want));
  REQUIRE(got == want);
}

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

// An edit that moves meeting conflicts (kConflict) on every lane: a blackout or
// a working-hours boundary added, changed (its dates, its hours, its side, or
// turned into the other kind) or deleted, dated where the meetings are; or a
// client's zone or side changed (the zone the client's working hours are
// read in).
Command conflict_command(test::RandomCommands& maker, const Engagement& e, Date today) {
  SeededRandom& r = maker.r;
  auto pick = [&](const std::vector<Id>& ids) {
    return ids[size_t(r.range(0, int64_t(ids.size()) - 1))];
  };
  auto near = [&] {
    return (r.per_mille(500) ? today : e.info.start).plus_days(int32_t(r.range(-60, 240)));
  };
  auto hours = [&](Boundary& b) {
    b.working_days = uint8_t(r.range(1, 0x7f));
    b.day_start = LocalTime{int32_t(r.range(0, 23)) * 60};
    b.day_end = LocalTime{std::min(1439, b.day_start.minutes + int32_t(r.range(1, 12)) * 60)};
    b.hours_side = r.per_mille(500) ? Side::Client : Side::Provider;
  };
  auto dates = [&](Boundary& b) {
    b.from = near();
    b.to = b.from.plus_days(int32_t(r.range(0, 20)));
  };
  if (r.per_mille(200)) {
    std::vector<Id> people;
    for (const auto& [id, p] : e.stakeholders) people.push_back(id);
    if (!people.empty()) {
      Stakeholder p = *e.stakeholders.find(pick(people));
      if (r.per_mille(300))
        p.side = p.side == Side::Client ? Side::Provider : Side::Client;
      else
        p.time_zone = maker.zone();
      return Update<Stakeholder>{p};
    }
  }
  std::vector<Id> existing;
  for (const auto& [id, b] : e.boundaries)
    if (b.kind == BoundaryKind::Blackout || b.kind == BoundaryKind::WorkingHours)
      existing.push_back(id);
  const int64_t op = r.range(0, 9);
  if (op < 2 && !existing.empty()) return Delete<Boundary>{pick(existing)};
  if (op < 6 && !existing.empty()) {
    Boundary b = *e.boundaries.find(pick(existing));
    if (r.per_mille(150)) {
      b.kind =
          b.kind == BoundaryKind::Blackout ? BoundaryKind::WorkingHours : BoundaryKind::Blackout;
      hours(b);
      dates(b);
    } else if (b.kind == BoundaryKind::Blackout) {
      dates(b);
    } else {
      hours(b);
    }
    return Update<Boundary>{b};
  }
  Boundary b;
  maker.make(b);
  b.kind = r.per_mille(500) ? BoundaryKind::Blackout : BoundaryKind::WorkingHours;
  hours(b);
  dates(b);
  b.title = "Boundary " + std::to_string(r.range(1, 999));
  return Add<Boundary>{b};
}

}  // namespace

// [SECTION] Examples ------------------------------------------------------------

TEST_CASE("a moved milestone is followed without a build and the index equals a fresh one",
          "[timeline]") {
  Engagement e = generate_engagement(2000, 3);
  const Date today = e.info.start.plus_days(60);
  TimelineIndex ix = TimelineIndex::build(e, today, small_limits());
  History h;
  const Id id = std::next(e.milestones.begin(), 50)->first;
  for (int32_t days : {3, -20, 40, 0}) {
    const Date to = e.milestones.find(id)->current.plus_days(days == 0 ? 1 : days);
    REQUIRE_FALSE(h.apply(e, MoveMilestone{id, to}));
    TimelineChanges changes;
    changes.note(h.last_edits());
    CHECK(ix.update(e, changes));
    same_as_a_build(ix, e, today, "moved by " + std::to_string(days) + " days");
    CHECK(ix.find(id).lane == ix.lane_of(LaneKind::Milestones));
    CHECK(ix.lanes()[size_t(ix.find(id).lane)].items[ix.find(id).index].id == id);
  }
  REQUIRE(h.undo(e));
  TimelineChanges changes;
  changes.note(h.last_edits());
  CHECK(ix.update(e, changes));
  same_as_a_build(ix, e, today, "undone");
}

TEST_CASE("a change of the engagement's details builds the index anew", "[timeline]") {
  Engagement e = generate_engagement(200, 4);
  const Date today = e.info.start.plus_days(30);
  TimelineIndex ix = TimelineIndex::build(e, today, small_limits());
  History h;
  EngagementInfo info = e.info;
  info.time_zone = "Asia/Tokyo";
  REQUIRE_FALSE(h.apply(e, SetInfo{info}));
  TimelineChanges changes;
  changes.note(h.last_edits());
  CHECK(changes.everything());
  CHECK_FALSE(ix.update(e, changes));
  same_as_a_build(ix, e, today, "after a new time zone");
}

TEST_CASE("edits of items the timeline does not show change nothing in the index", "[timeline]") {
  Engagement e = generate_engagement(200, 5);
  History h;
  Decision x;
  x.what = "Use the new logo";
  x.date = d(2024, 2, 1);
  REQUIRE_FALSE(h.apply(e, Add<Decision>{x}));
  TimelineChanges changes;
  changes.note(h.last_edits());
  CHECK(changes.empty());
}

TEST_CASE(
    "a crowded lane followed through moves across it, deletions and additions anywhere equals a "
    "fresh build",
    "[timeline]") {
  // Hundreds of overlapping client tasks in a few months, overdue ones
  // reaching today: all four sub-rows busy, so a change can repack far.
  Engagement e = generate_engagement(40, 7);
  e.client_tasks.items.clear();
  const Date start = e.info.start;
  const Date today = start.plus_days(90);
  SeededRandom r{0xC20DDEDull};
  Id owner = kNoId;
  for (const auto& [id, p] : e.stakeholders)
    if (p.side == Side::Client) owner = id;
  auto random_task = [&](ClientTask t) {
    t.created_on = start.plus_days(int32_t(r.range(0, 130)));
    t.due = t.created_on.plus_days(int32_t(r.per_mille(50) ? r.range(60, 170) : r.range(0, 25)));
    t.due = std::min(t.due, start.plus_days(170));  // inside the span: no build
    t.status = r.percent(60) ? TaskStatus::Open : TaskStatus::Done;
    t.done_on = t.status == TaskStatus::Done ? std::optional<Date>(t.due) : std::nullopt;
    return t;
  };
  History h;
  for (int i = 0; i < 500; ++i) {
    ClientTask t;
    t.title = "Task " + std::to_string(i);
    t.owner = owner;
    REQUIRE_FALSE(h.apply(e, Add<ClientTask>{random_task(t)}));
  }
  TimelineIndex ix = TimelineIndex::build(e, today, small_limits());
  const size_t lane = size_t(ix.lane_of(LaneKind::ClientTasks));
  REQUIRE(ix.lanes()[lane].rows == 4);

  int far_earlier = 0, far_later = 0, deleted = 0, added = 0;
  for (int step = 0; step < 400; ++step) {
    std::vector<Id> ids;
    for (const auto& [id, t] : e.client_tasks) ids.push_back(id);
    const Id id = ids[size_t(r.range(0, int64_t(ids.size()) - 1))];
    const size_t was_at = ix.find(id).index;
    const int64_t op = r.range(0, 9);
    std::string what;
    if (op < 6) {
      REQUIRE_FALSE(h.apply(e, Update<ClientTask>{random_task(*e.client_tasks.find(id))}));
      what = "moved";
    } else if (op < 8) {
      REQUIRE_FALSE(h.apply(e, Delete<ClientTask>{id}));
      ++deleted;
      what = "deleted";
    } else if (op < 9) {
      ClientTask t;
      t.title = "New task";
      t.owner = owner;
      REQUIRE_FALSE(h.apply(e, Add<ClientTask>{random_task(t)}));
      ++added;
      what = "added";
    } else {
      REQUIRE(h.undo(e));
      what = "undone";
    }
    TimelineChanges changes;
    changes.note(h.last_edits());
    CHECK(ix.update(e, changes));
    same_as_a_build(ix, e, today, "step " + std::to_string(step) + ": " + what);
    if (what == "moved") {
      const size_t now_at = ix.find(id).index;
      far_earlier += now_at + 100 < was_at;
      far_later += was_at + 100 < now_at;
    }
  }
  CHECK(ix.lanes()[lane].rows == 4);
  CHECK(far_earlier >= 20);
  CHECK(far_later >= 20);
  CHECK(deleted >= 20);
  CHECK(added >= 20);
}

TEST_CASE(
    "in the client's copy a change request that moved only a milestone hidden then shown again "
    "loses and regains its mark",
    "[timeline]") {
  Engagement e = generate_engagement(200, 8);
  const Date today = e.info.start.plus_days(30);
  History h;
  const Id milestone = e.milestones.begin()->first;
  ChangeRequest c = e.change_requests.begin()->second;
  c.status = ChangeStatus::Approved;
  c.decided_on = c.requested_on;
  c.impacts = {{milestone, 5}};
  REQUIRE_FALSE(h.apply(e, Update<ChangeRequest>{c}));
  TimelineIndex client = TimelineIndex::build(redacted(e), today, small_limits());
  auto marked = [&] {
    const TimelineIndex::Location at = client.find(c.id);
    REQUIRE(at.lane >= 0);
    return (client.lanes()[size_t(at.lane)].items[at.index].flags & kMovedMilestones) != 0;
  };
  REQUIRE(marked());
  for (bool visible : {false, true}) {
    Milestone m = *e.milestones.find(milestone);
    m.client_visible = visible;
    REQUIRE_FALSE(h.apply(e, Update<Milestone>{m}));
    TimelineChanges changes;
    changes.note(h.last_edits());
    const Engagement copy = redacted(e);
    CHECK(client.update(copy, changes));
    same_as_a_build(client, copy, today, visible ? "shown again" : "hidden");
    CHECK(marked() == visible);
  }
}

// [SECTION] Property ------------------------------------------------------------

TEST_CASE(
    "an index updated after each of thousands of random commands equals a fresh build for the "
    "provider and the client, undo and redo included",
    "[timeline][property]") {
  constexpr int kEpisodes = 8;
  constexpr int kCommandsPerEpisode = 500;
  int updates = 0, followed = 0, accepted = 0;
  int conflicts_moved = 0;  // updates after which the count of conflicts differs
  for (int episode = 0; episode < kEpisodes; ++episode) {
    Engagement e = generate_engagement(episode % 2 == 0 ? 40 : 400, uint32_t(episode + 11));
    const Date today = d(2026, 1, 1).plus_days(episode * 90 - 400);
    History h;
    test::RandomCommands maker{SeededRandom{0x71DEull * 1000 + uint64_t(episode)}, &e};
    TimelineIndex provider = TimelineIndex::build(e, today, small_limits());
    TimelineIndex client = TimelineIndex::build(redacted(e), today, small_limits());
    auto conflicts_in = [](const TimelineIndex& ix) {
      size_t n = 0;
      for (const TimelineLane& lane : ix.lanes())
        for (const TimelineItem& it : lane.items) n += (it.flags & kConflict) != 0;
      return n;
    };
    size_t conflicts = conflicts_in(provider);
    // After each change: both indexes follow the edits and equal a build.
    auto follow = [&](const std::string& what) {
      TimelineChanges changes;
      changes.note(h.last_edits());
      const Engagement copy = redacted(e);
      followed += provider.update(e, changes);
      followed += client.update(copy, changes);
      updates += 2;
      same_as_a_build(provider, e, today, what + " (provider)");
      same_as_a_build(client, copy, today, what + " (client)");
      const size_t now = conflicts_in(provider);
      conflicts_moved += now != conflicts;
      conflicts = now;
    };
    for (int i = 0; i < kCommandsPerEpisode; ++i) {
      // One in eight moves meeting conflicts (the random commands alone seldom do).
      std::vector<Command> commands{maker.r.per_mille(125) ? conflict_command(maker, e, today)
                                                           : maker.command()};
      // Now and then several commands as one step (an undo then touches them all).
      if (maker.r.per_mille(100))
        for (int64_t k = 0, n = maker.r.range(1, 3); k < n; ++k)
          commands.push_back(maker.command());
      const std::string what = "episode " + std::to_string(episode) + ", command " +
                               std::to_string(i) + ": " + describe(e, commands.front());
      if (h.apply_group(e, "Step", commands)) continue;  // refused: nothing changed
      ++accepted;
      follow(what);
      if (h.last_edits().empty()) continue;
      REQUIRE(h.undo(e));
      follow(what + ", undone");
      REQUIRE(h.redo(e));
      follow(what + ", redone");
    }
    for (int k = 0; h.undo(e); ++k)
      follow("episode " + std::to_string(episode) + ", undo " + std::to_string(k) +
             " back to the start");
  }
  INFO("accepted " << accepted << ", updates " << updates << ", followed " << followed
                   << ", conflicts moved " << conflicts_moved);
  CHECK(accepted >= 1000);
  CHECK(conflicts_moved >= 100);
  // Most changes are followed item by item; wide ones build anew.
  CHECK(followed >= updates / 2);
}

TEST_CASE(
    "the document's timeline index follows edits undo redo and replacements and always equals a "
    "fresh build",
    "[timeline][document][property]") {
  constexpr int kEpisodes = 4;
  constexpr int kRounds = 300;
  int checked = 0;
  for (int episode = 0; episode < kEpisodes; ++episode) {
    Document doc(generate_engagement(120, uint32_t(episode + 21)));
    doc.set_timeline_limits(small_limits());
    test::RandomCommands maker{SeededRandom{0xD0Cull * 1000 + uint64_t(episode)},
                               &doc.engagement()};
    Date today = d(2024, 3, 1);
    for (int round = 0; round < kRounds; ++round) {
      // A few intents per frame, as the shell queues them.
      for (int64_t k = 0, n = maker.r.range(1, 3); k < n; ++k) {
        const int64_t what = maker.r.range(0, 99);
        if (what < 52) {
          doc.submit(maker.command());
        } else if (what < 60) {
          doc.submit(conflict_command(maker, doc.engagement(), today));
        } else if (what < 70) {
          doc.submit(intent::Apply{"Several", {maker.command(), maker.command(), maker.command()}});
        } else if (what < 82) {
          doc.submit(intent::Undo{});
        } else if (what < 94) {
          doc.submit(intent::Redo{});
        } else if (what < 96) {
          doc.submit(intent::Replace{generate_engagement(60, uint32_t(round)), "", {}, false, ""});
        } else {
          today = today.plus_days(int32_t(maker.r.range(1, 40)));  // a new day
        }
      }
      doc.apply();
      // Not every frame asks for both audiences: changes pile up meanwhile.
      for (Audience a : {Audience::Provider, Audience::Client}) {
        if (!maker.r.per_mille(600)) continue;
        const TimelineIndex& ix = doc.timeline_index(a, today);
        ++checked;
        same_as_a_build(ix, doc.shown(a), today,
                        "episode " + std::to_string(episode) + ", round " + std::to_string(round) +
                            (a == Audience::Client ? " (client)" : " (provider)"));
      }
    }
  }
  CHECK(checked >= 1000);
}
