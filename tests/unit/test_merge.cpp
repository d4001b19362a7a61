// Ids that never collide across machines, format v3's new fields, the
// three-way merge and settling its conflicts.
#include <catch2/catch.hpp>
#include <filesystem>

#include "../common/team_edits.hpp"
#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "rapport/io.hpp"
#include "rapport/merge.hpp"
#include "rapport/validate.hpp"

using namespace rapport;
using namespace rapport::test;
namespace fs = std::filesystem;

namespace {

Engagement load_fixture_v1(FileFormat f) {
  LoadResult r =
      load_file(fs::path(RAPPORT_TEST_DATA) /
                (f == FileFormat::Json ? "format-v1.rapport.json" : "format-v1.rapport"));
  INFO(r.error.message);
  REQUIRE(r);
  return *r.engagement;
}

bool has_conflict(const Engagement& e, Kind kind, Id item, const std::string& field) {
  for (const Conflict& c : e.conflicts)
    if (!c.on_info && c.kind == kind && c.item == item && c.field == field) return true;
  return false;
}

struct Merged {
  Engagement base, mine, theirs, merged;
};

Merged merge_team_edits() {
  Merged m;
  m.base = make_demo();
  m.mine = m.base;
  m.theirs = m.base;
  start_new_id_session();  // each person on their own machine
  REQUIRE(edit_mine(m.mine).empty());
  start_new_id_session();
  REQUIRE(edit_theirs(m.theirs).empty());
  m.merged = merge(m.base, m.mine, m.theirs).merged;
  return m;
}

}  // namespace

TEST_CASE("ids: v1 files keep their ids and their calendar UIDs", "[ids]") {
  for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
    Engagement e = load_fixture_v1(f);
    CHECK(e == make_demo());
    const Id beta = id_titled<Milestone>(e, "Beta");
    CHECK(beta < 100);
    // v1 built UIDs from the name and start: the migrated uid is that value.
    CHECK(e.uid == legacy_engagement_uid(e.info));
    const std::string uid = ics_uid(e, Kind::Milestone, beta);
    CHECK(uid ==
          "rapport-milestone-" + std::to_string(beta) + "-" + uid_text(e.uid) + "@rapport.local");
    // Renaming no longer changes them.
    e.info.name = "Renamed";
    CHECK(ics_uid(e, Kind::Milestone, beta) == uid);
  }
}

TEST_CASE("ids: two machines adding to one file never mint the same id", "[ids]") {
  const Engagement file = make_demo();
  Engagement a = file, b = file;
  std::vector<Id> ids_a, ids_b;
  start_new_id_session();
  for (int i = 0; i < 50; ++i) {
    History h;
    REQUIRE_FALSE(h.apply(a, Add<Constraint>{Constraint{0, ConstraintKind::Other, "a"}}));
    ids_a.push_back(h.last_added());
  }
  start_new_id_session();
  for (int i = 0; i < 50; ++i) {
    History h;
    REQUIRE_FALSE(h.apply(b, Add<Constraint>{Constraint{0, ConstraintKind::Other, "b"}}));
    ids_b.push_back(h.last_added());
  }
  for (Id x : ids_a) {
    CHECK(x <= kMaxItemId);  // exact in JavaScript
    CHECK(std::find(ids_b.begin(), ids_b.end(), x) == ids_b.end());
  }
  // One session's ids keep their creation order.
  CHECK(std::is_sorted(ids_a.begin(), ids_a.end()));
  CHECK(ids_a.front() > file.next_id);
  CHECK(validate_engagement(a).empty());
}

TEST_CASE("ids: undoing an add and adding again gives the same id", "[ids]") {
  Engagement e = make_demo();
  History h;
  REQUIRE_FALSE(h.apply(e, Add<Constraint>{Constraint{0, ConstraintKind::Other, "x"}}));
  const Id first = h.last_added();
  REQUIRE(h.undo(e));
  REQUIRE_FALSE(h.apply(e, Add<Constraint>{Constraint{0, ConstraintKind::Other, "y"}}));
  CHECK(h.last_added() == first);
}

TEST_CASE("format v3: ids from two machines, the uid and conflicts round-trip in both formats",
          "[ids][merge]") {
  Merged m = merge_team_edits();
  REQUIRE_FALSE(m.merged.conflicts.empty());
  m.merged.uid = 0x8000000000000001ull;  // beyond 2^53: written as text in JSON
  for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
    LoadResult r = load_bytes(to_bytes(m.merged, f), "merged");
    INFO(r.error.message);
    REQUIRE(r);
    CHECK(r.format_version == 3);
    CHECK(*r.engagement == m.merged);
  }
  CHECK(to_bytes(m.merged, FileFormat::Json).find("\"uid\": \"8000000000000001\"") !=
        std::string::npos);
}

TEST_CASE("merge: each side's changes are kept and real disagreements become conflicts",
          "[merge]") {
  Merged m = merge_team_edits();
  const Engagement& e = m.merged;
  for (const std::string& p : validate_engagement(e)) UNSCOPED_INFO(p);
  CHECK(validate_engagement(e).empty());

  // Different fields of one milestone: both.
  const Milestone* beta = e.milestones.find(id_titled<Milestone>(e, "Beta"));
  REQUIRE(beta);
  CHECK(beta->current == ymd(2027, 1, 29));
  CHECK(beta->description == "Theirs: beta with the booking flow");
  // Adds on both sides.
  CHECK(id_titled<Milestone>(e, "Mine: content freeze") != kNoId);
  CHECK(id_titled<Stakeholder>(e, "Theirs: Mikko Lahti") != kNoId);
  // Occurrences marked on both sides, on different dates.
  const MeetingSeries* weekly = e.meetings.find(id_titled<MeetingSeries>(e, "Weekly check-in"));
  REQUIRE(weekly);
  CHECK(weekly->overrides.at(ymd(2026, 12, 4)).state == OccurrenceState::Held);
  CHECK(weekly->overrides.at(ymd(2026, 12, 11)).state == OccurrenceState::Cancelled);

  // Exactly the expected conflicts.
  const Id signoff = id_titled<Milestone>(e, "Design sign-off");
  const Id question = m.base.questions.begin()->first;
  const Id landing = id_titled<ChangeRequest>(e, "Extra landing page for the spring menu");
  CHECK(e.conflicts.size() == 3);
  CHECK(has_conflict(e, Kind::Milestone, signoff, "current"));
  CHECK(has_conflict(e, Kind::Question, question, "deleted"));
  CHECK(has_conflict(e, Kind::ChangeRequest, landing, "decision"));
  // Mine holds until someone decides; the edited question is kept with the edit.
  CHECK(e.milestones.find(signoff)->current == ymd(2026, 11, 27));
  CHECK(e.change_requests.find(landing)->status == ChangeStatus::Approved);
  REQUIRE(e.questions.find(question));
  CHECK(e.questions.find(question)->answer == "Theirs: yes, in March");
}

TEST_CASE("merge: nothing changed on one side gives the other side", "[merge]") {
  Engagement base = make_demo(), mine = base;
  REQUIRE(edit_mine(mine).empty());
  CHECK(merge(base, mine, base).merged == mine);
  CHECK(merge(base, base, mine).merged == mine);
}

TEST_CASE("merge: attendees added on both sides merge as a set", "[merge]") {
  Engagement base = make_demo(), mine = base, theirs = base;
  const Id weekly = id_titled<MeetingSeries>(base, "Weekly check-in");
  const std::vector<Id> before = base.meetings.find(weekly)->attendees;
  std::vector<Id> others;
  for (const auto& [id, s] : base.stakeholders.items)
    if (std::find(before.begin(), before.end(), id) == before.end()) others.push_back(id);
  REQUIRE(others.size() >= 2);
  mine.meetings.items[weekly].attendees.push_back(others[0]);
  theirs.meetings.items[weekly].attendees.push_back(others[1]);
  auto& t = theirs.meetings.items[weekly].attendees;
  t.erase(t.begin());  // theirs removes the first attendee
  Engagement merged = merge(base, mine, theirs).merged;
  const auto& att = merged.meetings.find(weekly)->attendees;
  CHECK(merged.conflicts.empty());
  CHECK(std::count(att.begin(), att.end(), others[0]) == 1);
  CHECK(std::count(att.begin(), att.end(), others[1]) == 1);
  CHECK(std::count(att.begin(), att.end(), before.front()) == 0);
  CHECK(att.size() == before.size() + 1);
}

TEST_CASE("merge: keep theirs and keep mine settle a conflict as one undo step", "[merge]") {
  Merged m = merge_team_edits();
  Engagement e = m.merged;
  const Id signoff = id_titled<Milestone>(e, "Design sign-off");
  History h;
  REQUIRE_FALSE(h.apply(e, ResolveConflict{false, Kind::Milestone, signoff, "current", true}));
  CHECK(h.undo_label() == "Keep theirs in conflict “Milestone “Design sign-off”: Now”");
  CHECK(e.milestones.find(signoff)->current == ymd(2026, 12, 4));
  CHECK(e.conflicts.size() == 2);
  REQUIRE(h.undo(e));
  CHECK(e == m.merged);

  // The question theirs edited and mine deleted: keep mine deletes it.
  const Id question = m.base.questions.begin()->first;
  REQUIRE_FALSE(h.apply(e, ResolveConflict{false, Kind::Question, question, "deleted", false}));
  CHECK_FALSE(e.questions.contains(question));
  // The decision: theirs' rejection, with its reasons.
  const Id landing = id_titled<ChangeRequest>(e, "Extra landing page for the spring menu");
  REQUIRE_FALSE(h.apply(e, ResolveConflict{false, Kind::ChangeRequest, landing, "decision", true}));
  CHECK(e.change_requests.find(landing)->status == ChangeStatus::Rejected);
  CHECK(e.change_requests.find(landing)->rationale == "Theirs: not in this budget");
  CHECK(e.conflicts.size() == 1);
  CHECK(validate_engagement(e).empty());
  // Settled twice: refused, nothing changes.
  Engagement before = e;
  CHECK(h.apply(e, ResolveConflict{false, Kind::ChangeRequest, landing, "decision", true}));
  CHECK(e == before);
}

TEST_CASE("diff: changes read as sentences", "[merge]") {
  Engagement base = make_demo(), mine = base;
  REQUIRE(edit_mine(mine).empty());
  std::vector<std::string> lines = describe_changes(base, mine);
  auto has = [&](const std::string& s) {
    return std::find(lines.begin(), lines.end(), s) != lines.end();
  };
  CHECK(has("Milestone “Beta” moved 2027-01-22 → 2027-01-29"));
  CHECK(has("Milestone “Mine: content freeze” added"));
  CHECK(has("Change request “Extra landing page for the spring menu” approved on 2026-11-20"));
  CHECK(describe_changes(base, base).empty());
}
