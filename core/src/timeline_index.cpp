// Builds the timeline index: one pass per table, a sort per lane, a greedy
// packing of overlapping items into a few sub-rows, and prefix maxima of ends.
// Updates it after an edit: the edited items re-derived and moved to their
// place in their lane, the packing and prefix maxima redone from there until
// they agree with what was there before.
//
// [SECTION] index
//   Items   - what each kind shows, shared by build() and update()
//   Build   - the whole index from an engagement
//   Changes - which items edits touched
//   Update  - one item at a time, or a build when the change is wide
#include "rapport/timeline_index.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <unordered_map>
#include <variant>

#include "rapport/meeting_conflicts.hpp"
#include "rapport/recurrence.hpp"

namespace rapport {
namespace {

constexpr int64_t kDay = 1440;

// Local midnights of a zone, memoised: a big engagement asks for the same few
// thousand days again and again, and each tz lookup costs far more than a hash.
class DayStarts {
 public:
  explicit DayStarts(const std::string& zone) : zone_(zone) {}
  Instant operator()(Date d) {
    auto [it, inserted] = cache_.try_emplace(d.days);
    if (inserted) it->second = to_instant(LocalDateTime{d, LocalTime{0}}, zone_);
    return it->second;
  }

 private:
  const std::string& zone_;
  std::unordered_map<int32_t, Instant> cache_;
};

// The lanes of the plan, in the order build() puts them, and how many
// sub-rows each may stack; meeting lanes follow, one per series by id.
constexpr uint32_t kMilestoneLane = 0, kChangeLane = 1, kTaskLane = 2, kBoundaryLane = 3;
constexpr uint32_t kPlanLanes = 4;
constexpr uint8_t kMaxRows[kPlanLanes] = {3, 2, 4, 2};

bool item_less(const TimelineItem& a, const TimelineItem& b) {
  if (a.start != b.start) return a.start < b.start;
  if (a.id != b.id) return a.id < b.id;
  return a.date < b.date;
}

// One step of the greedy packing: the lowest free row, or when all are busy
// the row that frees first. `row_end` holds each row's latest end so far.
uint8_t pack_one(std::span<int64_t> row_end, const TimelineItem& it) {
  uint8_t chosen = 0;
  bool free_found = false;
  for (size_t r = 0; r < row_end.size(); ++r) {
    if (row_end[r] <= it.start.minutes) {
      chosen = uint8_t(r);
      free_found = true;
      break;
    }
  }
  if (!free_found)
    chosen = uint8_t(std::min_element(row_end.begin(), row_end.end()) - row_end.begin());
  row_end[chosen] = std::max(row_end[chosen], it.end.minutes);
  return chosen;
}

// Stacks overlapping items into at most `max_rows` rows and returns the rows used.
uint8_t pack_rows(std::vector<TimelineItem>& items, uint8_t max_rows) {
  std::vector<int64_t> row_end(max_rows, INT64_MIN);
  uint8_t used = 1;
  for (TimelineItem& it : items) {
    it.row = pack_one(row_end, it);
    used = std::max<uint8_t>(used, uint8_t(it.row + 1));
  }
  return used;
}

void finish(TimelineLane& lane, uint8_t max_rows) {
  std::sort(lane.items.begin(), lane.items.end(), item_less);
  lane.rows = max_rows > 1 ? pack_rows(lane.items, max_rows) : 1;
  lane.max_end.resize(lane.items.size());
  int64_t m = INT64_MIN;
  for (size_t i = 0; i < lane.items.size(); ++i) {
    m = std::max(m, lane.items[i].end.minutes);
    lane.max_end[i] = m;
  }
}

// [SECTION] Items: what each kind shows, for build() and update() alike

// Milestones: the current day, with the baseline day as a ghost.
TimelineItem milestone_item(Id id, const Milestone& m, DayStarts& day) {
  TimelineItem it;
  it.id = id;
  it.date = m.current;
  it.at = day(m.current);
  it.at_end = day(m.current.plus_days(1));
  it.ghost = day(m.baseline);
  it.start = std::min(it.at, it.ghost);
  it.end = std::max(it.at_end, day(m.baseline.plus_days(1)));
  it.state = uint8_t(m.status);
  if (m.current != m.baseline) it.flags |= kDrifted;
  if (!m.client_visible) it.flags |= kHiddenFromClient;
  return it;
}

// Boundaries: blackouts as dated bands (others are not on the axis).
TimelineItem blackout_item(Id id, const Boundary& b, DayStarts& day) {
  Date to = std::max(b.from, b.to);
  TimelineItem it;
  it.id = id;
  it.date = b.from;
  it.at = it.start = it.ghost = day(b.from);
  it.at_end = it.end = day(to.plus_days(1));
  it.state = uint8_t(b.kind);
  return it;
}

// What a change request's item says of it besides its dates: whether it moved
// milestones (in a client's copy, visible ones).
uint8_t change_flags(const ChangeRequest& c) {
  return c.status == ChangeStatus::Approved && !c.impacts.empty() ? kMovedMilestones : 0;
}

// Change requests: on the day requested.
TimelineItem change_item(Id id, const ChangeRequest& c, DayStarts& day) {
  TimelineItem it;
  it.id = id;
  it.date = c.requested_on;
  it.at = it.start = it.ghost = day(c.requested_on);
  it.at_end = it.end = day(c.requested_on.plus_days(1));
  it.state = uint8_t(c.status);
  it.flags = change_flags(c);
  return it;
}

// Client tasks: from the day created to the end of the day due; an overdue
// one's tail reaches today.
TimelineItem task_item(Id id, const ClientTask& t, Date today, DayStarts& day) {
  TimelineItem it;
  it.id = id;
  it.date = t.due;
  Date last = std::max(t.created_on, t.due);
  it.at = it.start = it.ghost = day(t.created_on);
  it.at_end = it.end = day(last.plus_days(1));
  it.state = uint8_t(t.status);
  if (t.status == TaskStatus::Open && t.due < today) {
    it.flags |= kOverdue;
    it.end = std::max(it.end, day(today));
  }
  return it;
}

// Where meeting occurrences are expanded: the span plus a margin, bounded, and
// each series' share of the total. Every meeting lane depends on it.
struct MeetingWindow {
  int64_t lo = 0;
  int64_t hi = 0;
  size_t share = 0;
  int64_t today_at = 0;
  bool operator==(const MeetingWindow&) const = default;
};

MeetingWindow meeting_window(int64_t lo, int64_t hi, size_t series, Date today,
                             const TimelineIndexLimits& limits, DayStarts& day) {
  MeetingWindow w;
  w.lo = lo - int64_t(limits.margin_before_days) * kDay;
  w.hi = hi + int64_t(limits.margin_after_days) * kDay;
  if (int64_t most = int64_t(limits.max_span_days) * kDay; w.hi - w.lo > most) {
    // A span longer than that: the part around today.
    w.lo = std::clamp(day(today).minutes - most / 2, w.lo, w.hi - most);
    w.hi = w.lo + most;
  }
  w.share = std::min(limits.max_occurrences_per_series,
                     std::max(limits.min_occurrences_per_series,
                              limits.max_occurrences_total / std::max<size_t>(1, series)));
  w.today_at = day(today).minutes;
  return w;
}

// Blackout bands that may intersect [from, to) (bands are disjoint and sorted,
// so their ends are sorted too).
std::span<const TimelineBand> bands_in(const std::vector<TimelineBand>& bands, Instant from,
                                       Instant to) {
  auto first = std::upper_bound(bands.begin(), bands.end(), from,
                                [](Instant v, const TimelineBand& b) { return v < b.end; });
  auto last = std::lower_bound(first, bands.end(), to,
                               [](const TimelineBand& b, Instant v) { return b.start < v; });
  if (last <= first) return {};
  return std::span<const TimelineBand>(&*first, size_t(last - first));
}

// What makes an occurrence a conflict (rapport/meeting_conflicts.hpp, the
// health check's rule): a start in a merged blackout band, or a time outside
// a working-hours rule. Every meeting lane depends on it, so build() works it
// out before the meeting lanes and update() again after an edit of a boundary.
struct ConflictRules {
  const std::vector<TimelineBand>* blackouts = nullptr;
  // Working-hours boundaries with the same rule give the same answer: each once.
  std::vector<Boundary> hours;
  bool client_side = false;  // a rule on the client's side (their zone matters)
};

// The rule of a working-hours boundary (what within_working_hours() reads).
bool same_rule(const WorkingHoursInfo& a, const WorkingHoursInfo& b) {
  return a.days == b.days && a.day_start == b.day_start && a.day_end == b.day_end &&
         a.side == b.side;
}

// The distinct rules of `all` (sorted by id), each as the first boundary that has it.
std::vector<WorkingHoursInfo> distinct_rules(const std::vector<WorkingHoursInfo>& all) {
  std::vector<WorkingHoursInfo> out;
  for (const WorkingHoursInfo& w : all)
    if (std::none_of(out.begin(), out.end(),
                     [&](const WorkingHoursInfo& h) { return same_rule(h, w); }))
      out.push_back(w);
  return out;
}

// Same rules, whichever boundaries carry them.
bool same_rules(const std::vector<WorkingHoursInfo>& a, const std::vector<WorkingHoursInfo>& b) {
  auto covered = [](const std::vector<WorkingHoursInfo>& x,
                    const std::vector<WorkingHoursInfo>& y) {
    return std::all_of(x.begin(), x.end(), [&](const WorkingHoursInfo& w) {
      return std::any_of(y.begin(), y.end(),
                         [&](const WorkingHoursInfo& v) { return same_rule(v, w); });
    });
  };
  return covered(a, b) && covered(b, a);
}

ConflictRules conflict_rules(const std::vector<TimelineBand>& blackouts,
                             const std::vector<WorkingHoursInfo>& working_hours) {
  ConflictRules rules;
  rules.blackouts = &blackouts;
  for (const WorkingHoursInfo& w : distinct_rules(working_hours)) {
    Boundary b;
    b.kind = BoundaryKind::WorkingHours;
    b.working_days = w.days;
    b.day_start = w.day_start;
    b.day_end = w.day_end;
    b.hours_side = w.side;
    rules.hours.push_back(b);
    rules.client_side |= w.side == Side::Client;
  }
  return rules;
}

// Sets or clears kConflict on a series' occurrences `items` (at, at_end and
// state are the occurrence's). `provider_clock` is in the engagement's zone.
void set_conflicts(std::span<TimelineItem> items, const MeetingSeries& s, const Engagement& e,
                   const ConflictRules& rules, LocalClock& provider_clock) {
  if (items.empty()) return;
  LocalClock client_clock(rules.hours.empty() ? std::string("UTC") : client_zone(e, s));
  auto conflicts = [&](const TimelineItem& it) {
    if (OccurrenceState(it.state) == OccurrenceState::Cancelled) return false;
    if (!bands_in(*rules.blackouts, it.at, it.at.plus_minutes(1)).empty()) return true;
    // Local start and end in each side's zone, converted at most once.
    std::optional<std::pair<LocalDateTime, LocalDateTime>> local[2];
    for (const Boundary& b : rules.hours) {
      int side = b.hours_side == Side::Provider ? 0 : 1;
      if (!local[side]) {
        LocalClock& clock = side == 0 ? provider_clock : client_clock;
        local[side].emplace(clock(it.at), clock(it.at_end));
      }
      if (!within_working_hours(b, local[side]->first, local[side]->second)) return true;
    }
    return false;
  };
  for (TimelineItem& it : items) {
    it.flags = uint8_t(it.flags & ~kConflict);
    if (conflicts(it)) it.flags |= kConflict;
  }
}

// One series' lane: its occurrences in the window, at most its share, each
// flagged when it conflicts with `rules`. A series with more than its share
// keeps those nearest today, expanded over a window of about its share of
// periods (so neither time nor memory depends on how many centuries it runs).
TimelineLane meeting_lane(Id id, const MeetingSeries& s, const Engagement& e,
                          const MeetingWindow& w, const ConflictRules& rules,
                          LocalClock& provider_clock, DayStarts& day) {
  const EngagementInfo& info = e.info;
  const size_t share = w.share;
  const int64_t today_at = w.today_at;
  TimelineLane lane{LaneKind::Meeting, id, s.title.empty() ? std::string("Meeting") : s.title};
  int64_t from = w.lo, to = w.hi;
  if (int64_t period = period_days(s);
      period > 0 && (int64_t(share) + 2) * period * kDay < to - from) {
    // The series' own dates (the end of a counted one estimated), and in
    // them the point nearest today; half the share before it, half after.
    int64_t first = day(s.first_date).minutes;
    int64_t last = w.hi;
    if (s.recurrence.until) last = std::min(last, day(s.recurrence.until->plus_days(1)).minutes);
    if (s.recurrence.count > 0)
      last = std::min(last, first + (int64_t(s.recurrence.count) + 1) * period * kDay);
    int64_t width = (int64_t(share) + 2) * period * kDay;
    from = std::clamp(std::clamp(today_at, first, std::max(first, last)) - width / 2, w.lo,
                      w.hi - width);
    to = from + width;
    lane.truncated = std::max(first, w.lo) < from || last > to;
  }
  std::vector<Occurrence> occ = occurrences(s, info, Instant{from}, Instant{to});
  if (occ.size() > share) {
    // Keep `share` of them, centred on the first one from today on.
    size_t at = size_t(
        std::lower_bound(occ.begin(), occ.end(), today_at,
                         [](const Occurrence& o, int64_t t) { return o.start.minutes < t; }) -
        occ.begin());
    size_t first = std::min(at - std::min(at, share / 2), occ.size() - share);
    occ.erase(occ.begin() + std::ptrdiff_t(first + share), occ.end());
    occ.erase(occ.begin(), occ.begin() + std::ptrdiff_t(first));
    lane.truncated = true;
  }
  lane.items.reserve(occ.size());
  for (const Occurrence& o : occ) {
    TimelineItem it;
    it.id = id;
    it.date = o.original;
    it.at = o.start;
    it.at_end = o.end;
    it.ghost = o.original_start;
    it.start = std::min(o.start, o.original_start);
    it.end = std::max(o.end, o.original_start.plus_minutes(s.duration_minutes));
    it.state = uint8_t(o.state);
    if (o.moved) it.flags |= kMoved;
    if (o.state == OccurrenceState::Held && !o.has_recap) it.flags |= kMissingRecap;
    lane.items.push_back(it);
  }
  set_conflicts(lane.items, s, e, rules, provider_clock);
  finish(lane, 1);
  return lane;
}

}  // namespace

const char* to_string(LaneKind k) {
  switch (k) {
    case LaneKind::Meeting:
      return "meetings";
    case LaneKind::Milestones:
      return "milestones";
    case LaneKind::Boundaries:
      return "boundaries";
    case LaneKind::ChangeRequests:
      return "change requests";
    case LaneKind::ClientTasks:
      return "client tasks";
  }
  return "?";
}

Instant day_start(Date d, const std::string& zone) {
  return to_instant(LocalDateTime{d, LocalTime{0}}, zone);
}

// [SECTION] Lane queries ------------------------------------------------------

size_t TimelineLane::first_visible(Instant from) const {
  // max_end is non-decreasing: the first index whose running maximum reaches
  // past `from` is the first item that can still be visible.
  return size_t(std::upper_bound(max_end.begin(), max_end.end(), from.minutes) - max_end.begin());
}

size_t TimelineLane::first_starting_at_or_after(Instant t) const {
  return size_t(std::lower_bound(items.begin(), items.end(), t,
                                 [](const TimelineItem& it, Instant v) { return it.start < v; }) -
                items.begin());
}

std::span<const TimelineItem> TimelineLane::visible(Instant from, Instant to) const {
  size_t first = first_visible(from);
  size_t last = first_starting_at_or_after(to);
  if (last <= first) return {};
  return std::span<const TimelineItem>(items.data() + first, last - first);
}

std::span<const TimelineBand> TimelineIndex::blackouts_in(Instant from, Instant to) const {
  return bands_in(blackouts_, from, to);
}

size_t TimelineIndex::truncated_lanes() const {
  return size_t(std::count_if(lanes_.begin(), lanes_.end(),
                              [](const TimelineLane& l) { return l.truncated; }));
}

size_t TimelineIndex::item_count() const {
  size_t n = 0;
  for (const TimelineLane& l : lanes_) n += l.items.size();
  return n;
}

int TimelineIndex::lane_of(LaneKind kind, Id series) const {
  for (size_t i = 0; i < lanes_.size(); ++i) {
    if (lanes_[i].kind != kind) continue;
    if (kind == LaneKind::Meeting && series != kNoId && lanes_[i].series != series) continue;
    return int(i);
  }
  return -1;
}

TimelineIndex::Location TimelineIndex::find(Id id, std::optional<Date> occurrence) const {
  auto e = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                            [](const Entry& x, Id v) { return x.id < v; });
  if (e != by_id_.end() && e->id == id) {
    // In its lane, items are sorted by (start, id); ids are unique there.
    const std::vector<TimelineItem>& items = lanes_[e->lane].items;
    auto at =
        std::lower_bound(items.begin(), items.end(), std::pair{e->start, id},
                         [](const TimelineItem& it, const std::pair<Instant, Id>& key) {
                           return it.start != key.first ? it.start < key.first : it.id < key.second;
                         });
    return Location{int(e->lane), size_t(at - items.begin())};
  }
  // A meeting series: its lane, then the occurrence (the first one without a date).
  for (size_t l = 0; l < lanes_.size(); ++l) {
    const TimelineLane& lane = lanes_[l];
    if (lane.kind != LaneKind::Meeting || lane.series != id) continue;
    for (size_t i = 0; i < lane.items.size(); ++i) {
      if (!occurrence || lane.items[i].date == *occurrence) return Location{int(l), i};
    }
    return Location{};
  }
  return Location{};
}

// [SECTION] Build ---------------------------------------------------------------

TimelineIndex TimelineIndex::build(const Engagement& e, Date today, TimelineIndexLimits limits) {
  TimelineIndex ix;
  ix.time_zone_ = e.info.time_zone.empty() ? std::string("UTC") : e.info.time_zone;
  ix.today_ = today;
  ix.limits_ = limits;
  DayStarts day(ix.time_zone_);

  // The engagement's span (a year from its start when it has no end yet).
  Date span_from = e.info.start;
  Date span_to = e.info.end > e.info.start ? e.info.end : e.info.start.plus_days(365);
  int64_t lo = day(span_from).minutes;
  int64_t hi = day(span_to.plus_days(1)).minutes;
  auto grow = [&](const TimelineItem& it) {
    lo = std::min(lo, it.start.minutes);
    hi = std::max(hi, it.end.minutes);
  };

  TimelineLane milestones{LaneKind::Milestones, kNoId, "Milestones"};
  milestones.items.reserve(e.milestones.size());
  for (const auto& [id, m] : e.milestones) milestones.items.push_back(milestone_item(id, m, day));

  // Working hours are kept as information beside the lanes.
  TimelineLane boundaries{LaneKind::Boundaries, kNoId, "Boundaries"};
  for (const auto& [id, b] : e.boundaries) {
    if (b.kind == BoundaryKind::WorkingHours)
      ix.working_hours_.push_back(
          WorkingHoursInfo{id, b.working_days, b.day_start, b.day_end, b.hours_side});
    else if (b.kind == BoundaryKind::Blackout)
      boundaries.items.push_back(blackout_item(id, b, day));
  }

  TimelineLane changes{LaneKind::ChangeRequests, kNoId, "Change requests"};
  changes.items.reserve(e.change_requests.size());
  for (const auto& [id, c] : e.change_requests) changes.items.push_back(change_item(id, c, day));

  TimelineLane tasks{LaneKind::ClientTasks, kNoId, "Client tasks"};
  tasks.items.reserve(e.client_tasks.size());
  for (const auto& [id, t] : e.client_tasks) tasks.items.push_back(task_item(id, t, today, day));

  for (const TimelineLane* lane : {&milestones, &boundaries, &changes, &tasks})
    for (const TimelineItem& it : lane->items) grow(it);

  finish(milestones, kMaxRows[kMilestoneLane]);
  finish(boundaries, kMaxRows[kBoundaryLane]);
  finish(changes, kMaxRows[kChangeLane]);
  finish(tasks, kMaxRows[kTaskLane]);

  // The plan first (a big engagement has hundreds of series; the milestones must
  // not scroll away below them), then one lane per meeting series.
  ix.lanes_.reserve(kPlanLanes + e.meetings.size());
  ix.lanes_.push_back(std::move(milestones));
  ix.lanes_.push_back(std::move(changes));
  ix.lanes_.push_back(std::move(tasks));
  ix.lanes_.push_back(std::move(boundaries));

  // The blackout bands (for shading every lane and for meeting conflicts)
  // before the meetings.
  ix.merge_blackouts();

  // Meetings: occurrences over the span plus a margin, bounded per series and
  // in total, flagged where they conflict with the blackouts or working hours.
  const MeetingWindow window = meeting_window(lo, hi, e.meetings.size(), today, limits, day);
  const ConflictRules rules = conflict_rules(ix.blackouts_, ix.working_hours_);
  LocalClock provider_clock(ix.time_zone_);
  for (const auto& [id, s] : e.meetings)
    ix.lanes_.push_back(meeting_lane(id, s, e, window, rules, provider_clock, day));
  for (uint32_t l = 0; l < kPlanLanes; ++l)
    for (const TimelineItem& it : ix.lanes_[l].items)
      ix.by_id_.push_back(Entry{it.id, l, it.start});
  std::sort(ix.by_id_.begin(), ix.by_id_.end(),
            [](const Entry& x, const Entry& y) { return x.id < y.id; });

  ix.span_start_ = Instant{lo};
  ix.span_end_ = Instant{hi};
  return ix;
}

// Blackout bands for shading every lane: sorted, overlaps merged.
void TimelineIndex::merge_blackouts() {
  blackouts_.clear();
  for (const TimelineItem& it : lanes_[kBoundaryLane].items) {
    if (!blackouts_.empty() && it.start <= blackouts_.back().end) {
      blackouts_.back().end = std::max(blackouts_.back().end, it.end);
    } else {
      blackouts_.push_back(TimelineBand{it.start, it.end});
    }
  }
}

// [SECTION] Changes -------------------------------------------------------------

namespace {

// The kinds the timeline shows, and stakeholders (their zones decide which
// meetings are outside the client's working hours); the others never change
// the index.
constexpr bool on_timeline(Kind k) {
  return k == Kind::Milestone || k == Kind::Boundary || k == Kind::ChangeRequest ||
         k == Kind::ClientTask || k == Kind::Meeting || k == Kind::Stakeholder;
}

template <class T>
std::pair<Kind, Id> touched_by(const Put<T>& x) {
  return {KindOf<T>::kind, x.item.id};
}
template <class T>
std::pair<Kind, Id> touched_by(const Erase<T>& x) {
  return {KindOf<T>::kind, x.id};
}

}  // namespace

void TimelineChanges::note(const Edit& edit) {
  if (everything_) return;
  if (std::holds_alternative<PutInfo>(edit)) {
    note_everything();  // the zone, the span: every lane may move
    return;
  }
  if (std::holds_alternative<SetNextId>(edit) || std::holds_alternative<PutConflicts>(edit))
    return;  // not shown
  const auto item = std::visit(
      [](const auto& x) -> std::pair<Kind, Id> {
        if constexpr (requires { touched_by(x); })
          return touched_by(x);
        else
          return {Kind::Decision, kNoId};  // none left: every edit is one of the above
      },
      edit);
  if (!on_timeline(item.first)) return;
  if (const auto* put = std::get_if<Put<Milestone>>(&edit))
    hid_a_milestone_ |= !put->item.client_visible;
  items_.push_back(item);
  if (items_.size() > kMostItems) note_everything();
}

void TimelineChanges::note_everything() {
  everything_ = true;
  hid_a_milestone_ = false;
  items_.clear();
}

void TimelineChanges::clear() {
  everything_ = false;
  hid_a_milestone_ = false;
  items_.clear();
}

std::vector<std::pair<Kind, Id>> TimelineChanges::items() const {
  std::vector<std::pair<Kind, Id>> out = items_;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// [SECTION] Update --------------------------------------------------------------

namespace {

// The packing state before an item: each row's latest end. Ends at or before
// the item's start all mean "free from there on", so two states that differ
// only there pack every later item alike.
using RowEnds = std::array<int64_t, 4>;

bool same_from(const RowEnds& a, const RowEnds& b, size_t rows, int64_t t) {
  for (size_t r = 0; r < rows; ++r)
    if (a[r] != b[r] && (a[r] > t || b[r] > t)) return false;
  return true;
}

// The packing state before items[i] (the rows of items before it are final,
// and so are the prefix maxima), up to ends at or before items[i].start. It
// looks back from i only while an earlier item may still end later than what
// each row has: the prefix maxima bound what is left.
RowEnds state_before(const TimelineLane& lane, size_t max_rows, size_t i) {
  RowEnds ends;
  ends.fill(INT64_MIN);
  if (i >= lane.items.size()) return ends;  // no item left to pack
  const int64_t t = lane.items[i].start.minutes;
  for (size_t j = i; j-- > 0;) {
    const int64_t bound = lane.max_end[j];
    if (bound <= t) break;  // nothing earlier ends after t
    bool all = true;
    for (size_t r = 0; r < max_rows; ++r) all &= ends[r] >= bound;
    if (all) break;  // nothing earlier ends later than its row does already
    const TimelineItem& it = lane.items[j];
    ends[it.row] = std::max(ends[it.row], it.end.minutes);
  }
  return ends;
}

// Where an edit changed a lane whose items, rows and prefix maxima were those
// of a build, items and prefix maxima having been shifted along: the item at
// `came` is new (its row and prefix maximum to be found), and `gone` (with its
// old row) was taken out just before position `gone_at`; either may be absent
// (kNone). Elsewhere the items follow each other as they did before.
constexpr size_t kNone = SIZE_MAX;

struct LaneEdit {
  size_t came = kNone;
  size_t gone_at = kNone;
  const TimelineItem* gone = nullptr;

  size_t first() const { return std::min(came, gone_at); }
  // The next place after i where the lane may differ from what it was.
  size_t next_after(size_t i) const {
    return std::min(came > i ? came : kNone, gone_at > i ? gone_at : kNone);
  }
};

// Redoes the prefix maxima from each change until they agree with the shifted
// old ones (from there they agree up to the next change).
void repair_max_end(TimelineLane& lane, const LaneEdit& edit) {
  const size_t n = lane.items.size();
  for (size_t i = edit.first(); i < n;) {
    const int64_t m = std::max(i > 0 ? lane.max_end[i - 1] : INT64_MIN, lane.items[i].end.minutes);
    if (i != edit.came && lane.max_end[i] == m) {
      i = edit.next_after(i);
      continue;
    }
    lane.max_end[i] = m;
    ++i;
  }
}

// Redoes the packing from the first change until the packing state agrees
// with the old one replayed from its rows (skipping to the next change if one
// is left), and the count of rows. The prefix maxima are repaired already.
void repair_rows(TimelineLane& lane, uint8_t max_rows, const LaneEdit& edit) {
  std::vector<TimelineItem>& items = lane.items;
  const size_t n = items.size();
  bool lost_top = false;  // an item left the top row: the lane may need fewer
  uint8_t used = 1;
  RowEnds fresh, before;  // the packing state now, and the old one replayed from its rows
  size_t i = edit.first();
  fresh = before = state_before(lane, max_rows, i);
  for (;;) {
    if (i == edit.gone_at) {
      const TimelineItem& gone = *edit.gone;
      before[gone.row] = std::max(before[gone.row], gone.end.minutes);
      lost_top |= gone.row + 1 == lane.rows;
    }
    if (i >= n) break;
    TimelineItem& it = items[i];
    if (i != edit.came) {
      if (same_from(fresh, before, max_rows, it.start.minutes)) {
        // From here on both pack alike, up to the next change if one is left.
        i = edit.next_after(i);
        if (i == kNone) break;
        fresh = before = state_before(lane, max_rows, i);
        continue;
      }
      before[it.row] = std::max(before[it.row], it.end.minutes);
      lost_top |= it.row + 1 == lane.rows;
    }
    it.row = pack_one(std::span<int64_t>(fresh.data(), max_rows), it);
    used = std::max<uint8_t>(used, uint8_t(it.row + 1));
    ++i;
  }
  if (used > lane.rows) {
    lane.rows = used;
  } else if (lost_top && used < lane.rows) {
    // Does any item still use the top row?
    uint8_t most = 1;
    for (const TimelineItem& x : items) {
      most = std::max<uint8_t>(most, uint8_t(x.row + 1));
      if (most == lane.rows) break;
    }
    lane.rows = most;
  }
}

}  // namespace

// Puts `fresh` (or nothing) where the item at `old_at` (or nothing) was, in
// one of the plan's lanes, and repairs the lane from there. A move shifts the
// items (and prefix maxima) between the old and the new place by one, in
// place; only the changes and what follows them until it agrees again are
// worked out anew.
void TimelineIndex::place_in_lane(uint32_t l, std::optional<size_t> old_at,
                                  std::optional<TimelineItem> fresh) {
  TimelineLane& lane = lanes_[l];
  std::vector<TimelineItem>& items = lane.items;
  std::vector<int64_t>& max_end = lane.max_end;
  const auto at = [&](size_t i) { return items.begin() + std::ptrdiff_t(i); };
  const auto end_at = [&](size_t i) { return max_end.begin() + std::ptrdiff_t(i); };
  TimelineItem gone;
  LaneEdit edit;
  if (old_at) {
    gone = items[*old_at];
    edit.gone = &gone;
  }
  if (old_at && fresh) {
    const size_t p = *old_at;
    fresh->row = gone.row;
    if (*fresh == gone) return;  // nothing the timeline shows changed
    if ((p == 0 || item_less(items[p - 1], *fresh)) &&
        (p + 1 == items.size() || item_less(*fresh, items[p + 1]))) {
      edit.came = edit.gone_at = p;
    } else if (p > 0 && item_less(*fresh, items[p - 1])) {
      // Earlier in the lane: the items between shift one place later.
      const size_t q =
          size_t(std::lower_bound(items.begin(), at(p), *fresh, item_less) - items.begin());
      std::move_backward(at(q), at(p), at(p + 1));
      std::move_backward(end_at(q), end_at(p), end_at(p + 1));
      edit.came = q;
      edit.gone_at = p + 1;
    } else {
      // Later in the lane: the items between shift one place earlier.
      const size_t q =
          size_t(std::lower_bound(at(p + 1), items.end(), *fresh, item_less) - items.begin());
      std::move(at(p + 1), at(q), at(p));
      std::move(end_at(p + 1), end_at(q), end_at(p));
      edit.came = q - 1;
      edit.gone_at = p;
    }
    items[edit.came] = *fresh;
  } else if (old_at) {
    items.erase(at(*old_at));
    max_end.erase(end_at(*old_at));
    edit.gone_at = *old_at;
  } else if (fresh) {
    edit.came =
        size_t(std::lower_bound(items.begin(), items.end(), *fresh, item_less) - items.begin());
    items.insert(at(edit.came), *fresh);
    max_end.insert(end_at(edit.came), INT64_MIN);
  } else {
    return;
  }
  repair_max_end(lane, edit);
  if (kMaxRows[l] > 1) repair_rows(lane, kMaxRows[l], edit);
}

// Re-derives one milestone, boundary, change request or client task from `e`:
// whether it came into the index or went out of it.
TimelineIndex::Placed TimelineIndex::place(const Engagement& e, Kind kind, Id id) {
  DayStarts day(time_zone_);
  std::optional<TimelineItem> fresh;
  uint32_t lane = kMilestoneLane;
  switch (kind) {
    case Kind::Milestone:
      if (const Milestone* m = e.milestones.find(id)) fresh = milestone_item(id, *m, day);
      break;
    case Kind::ChangeRequest:
      lane = kChangeLane;
      if (const ChangeRequest* c = e.change_requests.find(id)) fresh = change_item(id, *c, day);
      break;
    case Kind::ClientTask:
      lane = kTaskLane;
      if (const ClientTask* t = e.client_tasks.find(id)) fresh = task_item(id, *t, today_, day);
      break;
    case Kind::Boundary: {
      lane = kBoundaryLane;
      const Boundary* b = e.boundaries.find(id);
      auto wh = std::lower_bound(working_hours_.begin(), working_hours_.end(), id,
                                 [](const WorkingHoursInfo& w, Id v) { return w.id < v; });
      if (wh != working_hours_.end() && wh->id == id) wh = working_hours_.erase(wh);
      if (b && b->kind == BoundaryKind::WorkingHours)
        working_hours_.insert(
            wh, WorkingHoursInfo{id, b->working_days, b->day_start, b->day_end, b->hours_side});
      if (b && b->kind == BoundaryKind::Blackout) fresh = blackout_item(id, *b, day);
      break;
    }
    default:
      return Placed::Stayed;
  }
  auto entry = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                                [](const Entry& x, Id v) { return x.id < v; });
  if (entry != by_id_.end() && entry->id == id && entry->lane != lane) {
    // The id was another kind's (added, undone, and given again to a new item
    // since the index was built): that item is gone.
    if (!fresh) return Placed::Stayed;
    place_in_lane(entry->lane, find(id).index, std::nullopt);
    entry = by_id_.erase(entry);
  }
  const bool was = entry != by_id_.end() && entry->id == id;
  std::optional<size_t> old_at;
  if (was) old_at = find(id).index;
  place_in_lane(lane, old_at, fresh);
  if (was && fresh) {
    entry->start = fresh->start;
  } else if (was) {
    by_id_.erase(entry);
  } else if (fresh) {
    by_id_.insert(entry, Entry{id, lane, fresh->start});
  }
  if (was == fresh.has_value()) return Placed::Stayed;
  return was ? Placed::Went : Placed::Came;
}

bool TimelineIndex::update(const Engagement& e, const TimelineChanges& changes) {
  const std::string zone = e.info.time_zone.empty() ? std::string("UTC") : e.info.time_zone;
  if (changes.everything() || zone != time_zone_ || lanes_.size() < kPlanLanes) {
    *this = build(e, today_, limits_);
    return false;
  }
  const auto touched = changes.items();
  if (touched.empty()) return true;
  DayStarts day(time_zone_);

  // Every meeting lane depends on the window, and the window on the span of
  // the plan and on how many series share the total.
  const size_t series_before = lanes_.size() - kPlanLanes;
  const MeetingWindow window_before =
      meeting_window(span_start_.minutes, span_end_.minutes, series_before, today_, limits_, day);

  // Meeting conflicts depend on the blackout bands and the working-hours rules.
  const std::vector<TimelineBand> bands_before = blackouts_;
  const std::vector<WorkingHoursInfo> rules_before = distinct_rules(working_hours_);

  bool milestones_came = false, milestones_went = false;
  bool boundaries_changed = false;
  bool stakeholders_changed = false;
  for (const auto& [kind, id] : touched) {
    if (kind == Kind::Meeting) continue;
    if (kind == Kind::Stakeholder) {
      stakeholders_changed = true;
      continue;
    }
    const Placed placed = place(e, kind, id);
    if (kind == Kind::Milestone) {
      milestones_came |= placed == Placed::Came;
      milestones_went |= placed == Placed::Went;
    }
    if (kind == Kind::Boundary) boundaries_changed = true;
  }
  if (boundaries_changed) merge_blackouts();
  // A change request shows whether it moved milestones; in a client's copy a
  // milestone hidden or shown again takes its impacts with it, and no edit
  // names the change requests. A milestone deleted takes them out by edits
  // (named); one added has none yet. So: every approved one when a milestone
  // was hidden, and those that showed none when one came (it may have been
  // shown again), checked against `e`.
  const bool all_approved = milestones_went && changes.hid_a_milestone();
  if (all_approved || milestones_came) {
    for (TimelineItem& it : lanes_[kChangeLane].items) {
      if (it.state != uint8_t(ChangeStatus::Approved)) continue;
      if (!all_approved && (it.flags & kMovedMilestones)) continue;
      if (const ChangeRequest* c = e.change_requests.find(it.id)) it.flags = change_flags(*c);
    }
  }

  Date span_from = e.info.start;
  Date span_to = e.info.end > e.info.start ? e.info.end : e.info.start.plus_days(365);
  int64_t lo = day(span_from).minutes;
  int64_t hi = day(span_to.plus_days(1)).minutes;
  for (uint32_t l = 0; l < kPlanLanes; ++l) {
    if (lanes_[l].items.empty()) continue;
    lo = std::min(lo, lanes_[l].items.front().start.minutes);
    hi = std::max(hi, lanes_[l].max_end.back());
  }
  const MeetingWindow window = meeting_window(lo, hi, e.meetings.size(), today_, limits_, day);
  if (!(window == window_before)) {
    *this = build(e, today_, limits_);
    return false;
  }
  span_start_ = Instant{lo};
  span_end_ = Instant{hi};

  // Edited series: their lanes anew, with the rules as they are now.
  const ConflictRules rules = conflict_rules(blackouts_, working_hours_);
  LocalClock provider_clock(time_zone_);
  for (const auto& [kind, id] : touched) {
    if (kind != Kind::Meeting) continue;
    auto first = lanes_.begin() + kPlanLanes;
    auto at = std::lower_bound(first, lanes_.end(), id,
                               [](const TimelineLane& l, Id v) { return l.series < v; });
    const bool had = at != lanes_.end() && at->series == id;
    const MeetingSeries* s = e.meetings.find(id);
    if (s && had) {
      *at = meeting_lane(id, *s, e, window, rules, provider_clock, day);
    } else if (s) {
      lanes_.insert(at, meeting_lane(id, *s, e, window, rules, provider_clock, day));
    } else if (had) {
      lanes_.erase(at);
    }
  }

  // Conflicts on every other lane: all of them again when the working-hours
  // rules changed (or, with a rule on the client's side, a stakeholder, whose
  // zone may be a series' client zone); only the occurrences starting where
  // the blackout bands changed when only those did. Occurrences themselves
  // stay: the window, and so what each lane holds, is the same.
  const bool all_conflicts = !same_rules(rules_before, distinct_rules(working_hours_)) ||
                             (stakeholders_changed && rules.client_side);
  std::optional<std::pair<Instant, Instant>> bands_changed;  // [from, to)
  if (!all_conflicts && blackouts_ != bands_before) {
    // Bands in one list and not the other (both sorted): where they differ.
    std::vector<TimelineBand> gone, came;
    auto by_start = [](const TimelineBand& a, const TimelineBand& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    };
    std::set_difference(bands_before.begin(), bands_before.end(), blackouts_.begin(),
                        blackouts_.end(), std::back_inserter(gone), by_start);
    std::set_difference(blackouts_.begin(), blackouts_.end(), bands_before.begin(),
                        bands_before.end(), std::back_inserter(came), by_start);
    for (const auto* list : {&gone, &came}) {
      for (const TimelineBand& b : *list) {
        if (!bands_changed) bands_changed.emplace(b.start, b.end);
        bands_changed->first = std::min(bands_changed->first, b.start);
        bands_changed->second = std::max(bands_changed->second, b.end);
      }
    }
  }
  if (all_conflicts || bands_changed) {
    for (size_t l = kPlanLanes; l < lanes_.size(); ++l) {
      TimelineLane& lane = lanes_[l];
      const MeetingSeries* s = e.meetings.find(lane.series);
      if (!s) continue;  // cannot be: every series has its lane
      std::span<TimelineItem> items(lane.items);
      if (!all_conflicts) {
        // An occurrence is in a band by its start (at), and start <= at < end.
        const size_t a = lane.first_visible(bands_changed->first);
        const size_t b = lane.first_starting_at_or_after(bands_changed->second);
        items = b > a ? items.subspan(a, b - a) : std::span<TimelineItem>();
      }
      set_conflicts(items, *s, e, rules, provider_clock);
    }
  }
  return true;
}

}  // namespace rapport
