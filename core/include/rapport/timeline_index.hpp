// The timeline index: what the timeline view draws, derived from the engagement
// and sorted by time, so a frame costs what is visible, not what exists. Build it
// again only when History::revision() (or today's date) changes; it holds no
// pointer into the engagement, only ids.
//
// Lanes: milestones, change requests, client tasks, boundaries (blackouts as
// bands), then one per meeting series (occurrences expanded over the
// engagement's span plus a margin, bounded per series and in total, so the
// index stays small whatever the file holds: a series over centuries keeps
// the occurrences nearest `today`, and its lane says so). Items of a lane are sorted by start; a
// prefix maximum of their ends lets `visible()` find, by binary search, items
// that begin before the visible range but reach into it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rapport/commands.hpp"
#include "rapport/model.hpp"
#include "rapport/time.hpp"

namespace rapport {

enum class LaneKind : uint8_t { Meeting, Milestones, Boundaries, ChangeRequests, ClientTasks };
const char* to_string(LaneKind k);  // "meetings", "milestones", ...

// Flags of a timeline item.
enum TimelineFlag : uint8_t {
  kMoved = 1 << 0,             // occurrence moved away from its planned time
  kMissingRecap = 1 << 1,      // held occurrence without a recap
  kDrifted = 1 << 2,           // milestone: current date differs from the baseline
  kOverdue = 1 << 3,           // client task: open and past due (as of the build date)
  kMovedMilestones = 1 << 4,   // approved change request that moved milestones
  kHiddenFromClient = 1 << 5,  // milestone not client-visible
  // Occurrence (not cancelled) inside a blackout or outside the agreed working
  // hours (rapport/meeting_conflicts.hpp: the rule the health check uses).
  kConflict = 1 << 6,
};

struct TimelineItem {
  // The item's extent on the axis, including its ghost (a baseline, a planned
  // time) and an overdue task's tail to today: whatever part of it is drawn
  // lies in [start, end).
  Instant start;
  Instant end;
  // The item itself: a block [at, at_end), or a day for dated items
  // (milestones, change requests: the local day of their date).
  Instant at;
  Instant at_end;
  // Where it was: a moved occurrence's planned start, a milestone's baseline
  // day. Equal to `at` when there is none.
  Instant ghost;
  Id id = kNoId;      // the item; for an occurrence, its series
  Date date;          // occurrence: original local date (its override key);
                      // milestone: current; change request: requested on; task: due
  uint8_t state = 0;  // OccurrenceState, MilestoneStatus, BoundaryKind, ChangeStatus, TaskStatus
  uint8_t flags = 0;  // TimelineFlag
  uint8_t row = 0;    // sub-row inside the lane, so overlapping items stack
  bool operator==(const TimelineItem&) const = default;
};

struct TimelineLane {
  LaneKind kind = LaneKind::Milestones;
  Id series = kNoId;                // meeting lanes: the series
  std::string title;                // "Weekly check-in", "Milestones"
  uint8_t rows = 1;                 // sub-rows used by its items (>= 1)
  std::vector<TimelineItem> items;  // sorted by start
  std::vector<int64_t> max_end;     // max_end[i] = max(items[0..i].end), minutes
  // Meeting lanes: true when the series has occurrences in the span that were
  // left out to keep within TimelineIndexLimits; the items then cover only
  // part of the span, around the build date (tell the user).
  bool truncated = false;

  // Items that may intersect [from, to): a contiguous slice found by binary
  // search. It can hold a few items that end before `from` (hidden behind a
  // long earlier one); check `end > from` when it matters.
  std::span<const TimelineItem> visible(Instant from, Instant to) const;
  // Index of the first item of `visible(from, to)` (for stepping by index).
  size_t first_visible(Instant from) const;
  size_t first_starting_at_or_after(Instant t) const;
  bool operator==(const TimelineLane&) const = default;
};

// A band across all lanes: a blackout or freeze (merged where they overlap).
struct TimelineBand {
  Instant start;
  Instant end;
  bool operator==(const TimelineBand&) const = default;
};

struct WorkingHoursInfo {
  Id id = kNoId;
  uint8_t days = kWorkweek;  // WeekdayBits
  LocalTime day_start{9 * 60};
  LocalTime day_end{17 * 60};
  Side side = Side::Provider;
  bool operator==(const WorkingHoursInfo&) const = default;
};

struct TimelineIndexLimits {
  int32_t margin_before_days = 30;  // occurrences expanded before the span
  int32_t margin_after_days = 90;   // and after it
  int32_t max_span_days = 366 * 30;
  size_t max_occurrences_per_series = 20000;
  // All meeting lanes together hold at most this many occurrences (about 64
  // bytes each); each series gets an equal share, at least
  // `min_occurrences_per_series`.
  size_t max_occurrences_total = 400000;
  size_t min_occurrences_per_series = 50;
  bool operator==(const TimelineIndexLimits&) const = default;
};

// What changed since an index was built, as far as the timeline shows it: the
// milestones, boundaries, change requests, client tasks and meeting series
// that edits touched, or everything (the engagement's details, a replaced
// engagement, more items than are worth following one by one).
class TimelineChanges {
 public:
  // One edit carried out (applied, undone or redone): what it touches.
  void note(const Edit& edit);
  void note(std::span<const Edit> edits) {
    for (const Edit& e : edits) note(e);
  }
  void note_everything();
  bool everything() const { return everything_; }
  bool empty() const { return !everything_ && items_.empty(); }
  void clear();
  // The items touched, sorted by (kind, id), each once.
  std::vector<std::pair<Kind, Id>> items() const;
  // A milestone was put hidden from the client (in a client's copy it goes
  // and takes its impacts on change requests with it, which no edit names).
  bool hid_a_milestone() const { return hid_a_milestone_; }

  // More items than this and a full build is as quick.
  static constexpr size_t kMostItems = 256;

 private:
  bool everything_ = false;
  bool hid_a_milestone_ = false;
  std::vector<std::pair<Kind, Id>> items_;
};

class TimelineIndex {
 public:
  TimelineIndex() = default;
  // `today` decides which client tasks are overdue.
  static TimelineIndex build(const Engagement& e, Date today, TimelineIndexLimits limits = {});
  // Brings an index built from an earlier state of `e` (same audience, same
  // build date) up to date with `changes`, which must name everything changed
  // since. The result equals build(e, built_for(), limits). Returns false when
  // it had to build anew (a wide change), true when it followed the changes.
  bool update(const Engagement& e, const TimelineChanges& changes);

  const std::vector<TimelineLane>& lanes() const { return lanes_; }
  // Blackout bands, sorted, disjoint (overlapping blackouts merged).
  const std::vector<TimelineBand>& blackouts() const { return blackouts_; }
  std::span<const TimelineBand> blackouts_in(Instant from, Instant to) const;
  const std::vector<WorkingHoursInfo>& working_hours() const { return working_hours_; }

  // Everything worth seeing: the engagement's span and every item's extent.
  Instant span_start() const { return span_start_; }
  Instant span_end() const { return span_end_; }
  // The zone the axis is drawn in (the engagement's).
  const std::string& time_zone() const { return time_zone_; }
  Date built_for() const { return today_; }
  size_t item_count() const;
  // Meeting lanes whose occurrences were cut to the limits (see `truncated`).
  size_t truncated_lanes() const;

  // The lane of a kind (the first, for meetings), or -1.
  int lane_of(LaneKind kind, Id series = kNoId) const;
  // Where an item is: lane and index, or {-1, 0}. For an occurrence pass its
  // series and original date.
  struct Location {
    int lane = -1;
    size_t index = 0;
  };
  Location find(Id id, std::optional<Date> occurrence = std::nullopt) const;

  // Equal indexes draw the same (what update() promises against build()).
  bool operator==(const TimelineIndex&) const = default;

 private:
  std::vector<TimelineLane> lanes_;
  std::vector<TimelineBand> blackouts_;
  std::vector<WorkingHoursInfo> working_hours_;
  // Where a (non-meeting) item is, sorted by id for find(): its lane and its
  // start, so an edit that shifts other items in the lane leaves this alone.
  struct Entry {
    Id id;
    uint32_t lane;
    Instant start;
    bool operator==(const Entry&) const = default;
  };
  std::vector<Entry> by_id_;
  Instant span_start_;
  Instant span_end_;
  std::string time_zone_;
  Date today_;
  TimelineIndexLimits limits_;

  void merge_blackouts();
  // update()'s steps, each keeping the invariants of build().
  enum class Placed : uint8_t { Stayed, Came, Went };  // in the index, or out of it
  Placed place(const Engagement& e, Kind kind, Id id);
  void place_in_lane(uint32_t lane, std::optional<size_t> old_at,
                     std::optional<TimelineItem> fresh);
};

// The UTC instant at which a local date begins in a zone (00:00 local).
Instant day_start(Date d, const std::string& zone);

}  // namespace rapport
