// Builds the timeline index: one pass per table, a sort per lane, a greedy
// packing of overlapping items into a few sub-rows, and prefix maxima of ends.
#include "rapport/timeline_index.hpp"

#include <algorithm>
#include <unordered_map>

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

// Stacks overlapping items into at most `max_rows` rows (the lowest free row;
// when all are busy, the row that frees first) and returns the rows used.
uint8_t pack_rows(std::vector<TimelineItem>& items, uint8_t max_rows) {
  std::vector<int64_t> row_end(max_rows, INT64_MIN);
  uint8_t used = 1;
  for (TimelineItem& it : items) {
    uint8_t chosen = 0;
    bool free_found = false;
    for (uint8_t r = 0; r < max_rows; ++r) {
      if (row_end[r] <= it.start.minutes) {
        chosen = r;
        free_found = true;
        break;
      }
    }
    if (!free_found) {
      chosen = uint8_t(std::min_element(row_end.begin(), row_end.end()) - row_end.begin());
    }
    it.row = chosen;
    row_end[chosen] = std::max(row_end[chosen], it.end.minutes);
    used = std::max<uint8_t>(used, uint8_t(chosen + 1));
  }
  return used;
}

void finish(TimelineLane& lane, uint8_t max_rows) {
  std::sort(lane.items.begin(), lane.items.end(), [](const TimelineItem& a, const TimelineItem& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.id != b.id) return a.id < b.id;
    return a.date < b.date;
  });
  lane.rows = max_rows > 1 ? pack_rows(lane.items, max_rows) : 1;
  lane.max_end.resize(lane.items.size());
  int64_t m = INT64_MIN;
  for (size_t i = 0; i < lane.items.size(); ++i) {
    m = std::max(m, lane.items[i].end.minutes);
    lane.max_end[i] = m;
  }
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
  // Bands are disjoint and sorted, so their ends are sorted too.
  auto first = std::upper_bound(blackouts_.begin(), blackouts_.end(), from,
                                [](Instant v, const TimelineBand& b) { return v < b.end; });
  auto last = std::lower_bound(first, blackouts_.end(), to,
                               [](const TimelineBand& b, Instant v) { return b.start < v; });
  if (last <= first) return {};
  return std::span<const TimelineBand>(&*first, size_t(last - first));
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
  if (e != by_id_.end() && e->id == id) return Location{int(e->lane), e->index};
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
  DayStarts day(ix.time_zone_);
  auto next_day = [&](Date d) { return day(d.plus_days(1)); };

  // The engagement's span (a year from its start when it has no end yet).
  Date span_from = e.info.start;
  Date span_to = e.info.end > e.info.start ? e.info.end : e.info.start.plus_days(365);
  int64_t lo = day(span_from).minutes;
  int64_t hi = next_day(span_to).minutes;
  auto grow = [&](const TimelineItem& it) {
    lo = std::min(lo, it.start.minutes);
    hi = std::max(hi, it.end.minutes);
  };

  // Milestones: the current day, with the baseline day as a ghost.
  TimelineLane milestones{LaneKind::Milestones, kNoId, "Milestones"};
  milestones.items.reserve(e.milestones.size());
  for (const auto& [id, m] : e.milestones) {
    TimelineItem it;
    it.id = id;
    it.date = m.current;
    it.at = day(m.current);
    it.at_end = next_day(m.current);
    it.ghost = day(m.baseline);
    it.start = std::min(it.at, it.ghost);
    it.end = std::max(it.at_end, next_day(m.baseline));
    it.state = uint8_t(m.status);
    if (m.current != m.baseline) it.flags |= kDrifted;
    if (!m.client_visible) it.flags |= kHiddenFromClient;
    grow(it);
    milestones.items.push_back(it);
  }

  // Boundaries: blackouts as dated bands; working hours kept as information.
  TimelineLane boundaries{LaneKind::Boundaries, kNoId, "Boundaries"};
  for (const auto& [id, b] : e.boundaries) {
    if (b.kind == BoundaryKind::WorkingHours) {
      ix.working_hours_.push_back(
          WorkingHoursInfo{id, b.working_days, b.day_start, b.day_end, b.hours_side});
      continue;
    }
    if (b.kind != BoundaryKind::Blackout) continue;
    Date to = std::max(b.from, b.to);
    TimelineItem it;
    it.id = id;
    it.date = b.from;
    it.at = it.start = it.ghost = day(b.from);
    it.at_end = it.end = next_day(to);
    it.state = uint8_t(b.kind);
    grow(it);
    boundaries.items.push_back(it);
  }

  // Blackout bands for shading every lane (and for meeting conflicts): sorted,
  // overlaps merged.
  finish(boundaries, 2);
  for (const TimelineItem& it : boundaries.items) {
    if (!ix.blackouts_.empty() && it.start <= ix.blackouts_.back().end) {
      ix.blackouts_.back().end = std::max(ix.blackouts_.back().end, it.end);
    } else {
      ix.blackouts_.push_back(TimelineBand{it.start, it.end});
    }
  }

  // Change requests: on the day requested.
  TimelineLane changes{LaneKind::ChangeRequests, kNoId, "Change requests"};
  changes.items.reserve(e.change_requests.size());
  for (const auto& [id, c] : e.change_requests) {
    TimelineItem it;
    it.id = id;
    it.date = c.requested_on;
    it.at = it.start = it.ghost = day(c.requested_on);
    it.at_end = it.end = next_day(c.requested_on);
    it.state = uint8_t(c.status);
    if (c.status == ChangeStatus::Approved && !c.impacts.empty()) it.flags |= kMovedMilestones;
    grow(it);
    changes.items.push_back(it);
  }

  // Client tasks: from the day created to the end of the day due.
  TimelineLane tasks{LaneKind::ClientTasks, kNoId, "Client tasks"};
  tasks.items.reserve(e.client_tasks.size());
  for (const auto& [id, t] : e.client_tasks) {
    TimelineItem it;
    it.id = id;
    it.date = t.due;
    Date last = std::max(t.created_on, t.due);
    it.at = it.start = it.ghost = day(t.created_on);
    it.at_end = it.end = next_day(last);
    it.state = uint8_t(t.status);
    if (t.status == TaskStatus::Open && t.due < today) {
      it.flags |= kOverdue;
      it.end = std::max(it.end, day(today));  // its tail reaches today
    }
    grow(it);
    tasks.items.push_back(it);
  }

  // Meetings: occurrences over the span plus a margin, bounded per series and
  // in total. A series with more than its share keeps those nearest today,
  // expanded over a window of about its share of periods (so neither time
  // nor memory depends on how many centuries it runs).
  int64_t window_lo = lo - int64_t(limits.margin_before_days) * kDay;
  int64_t window_hi = hi + int64_t(limits.margin_after_days) * kDay;
  if (int64_t most = int64_t(limits.max_span_days) * kDay; window_hi - window_lo > most) {
    // A span longer than that: the part around today.
    window_lo = std::clamp(day(today).minutes - most / 2, window_lo, window_hi - most);
    window_hi = window_lo + most;
  }
  const size_t share =
      std::min(limits.max_occurrences_per_series,
               std::max(limits.min_occurrences_per_series,
                        limits.max_occurrences_total / std::max<size_t>(1, e.meetings.size())));
  const int64_t today_at = day(today).minutes;
  // Working-hours boundaries with the same rule give the same answer: each once.
  std::vector<const Boundary*> hours;
  for (const auto& [id, b] : e.boundaries) {
    if (b.kind != BoundaryKind::WorkingHours) continue;
    bool same = std::any_of(hours.begin(), hours.end(), [&](const Boundary* h) {
      return h->working_days == b.working_days && h->day_start == b.day_start &&
             h->day_end == b.day_end && h->hours_side == b.hours_side;
    });
    if (!same) hours.push_back(&b);
  }
  const std::string fallback_client_zone = hours.empty() ? std::string() : first_client_zone(e);
  LocalClock provider_clock(ix.time_zone_);
  std::vector<TimelineLane> meetings;
  meetings.reserve(e.meetings.size());
  for (const auto& [id, s] : e.meetings) {
    TimelineLane lane{LaneKind::Meeting, id, s.title.empty() ? std::string("Meeting") : s.title};
    int64_t from = window_lo, to = window_hi;
    if (int64_t period = period_days(s);
        period > 0 && (int64_t(share) + 2) * period * kDay < to - from) {
      // The series' own dates (the end of a counted one estimated), and in
      // them the point nearest today; half the share before it, half after.
      int64_t first = day(s.first_date).minutes;
      int64_t last = window_hi;
      if (s.recurrence.until) last = std::min(last, next_day(*s.recurrence.until).minutes);
      if (s.recurrence.count > 0)
        last = std::min(last, first + (int64_t(s.recurrence.count) + 1) * period * kDay);
      int64_t width = (int64_t(share) + 2) * period * kDay;
      from = std::clamp(std::clamp(today_at, first, std::max(first, last)) - width / 2, window_lo,
                        window_hi - width);
      to = from + width;
      lane.truncated = std::max(first, window_lo) < from || last > to;
    }
    std::vector<Occurrence> occ = occurrences(s, e.info, Instant{from}, Instant{to});
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
    LocalClock client_clock(hours.empty() ? std::string("UTC")
                                          : client_zone(e, s, fallback_client_zone));
    auto conflicts = [&](const Occurrence& o) {
      if (o.state == OccurrenceState::Cancelled) return false;
      if (!ix.blackouts_in(o.start, o.start.plus_minutes(1)).empty()) return true;
      // Local start and end in each side's zone, converted at most once.
      std::optional<std::pair<LocalDateTime, LocalDateTime>> local[2];
      for (const Boundary* b : hours) {
        int side = b->hours_side == Side::Provider ? 0 : 1;
        if (!local[side]) {
          LocalClock& clock = side == 0 ? provider_clock : client_clock;
          local[side].emplace(clock(o.start), clock(o.end));
        }
        if (!within_working_hours(*b, local[side]->first, local[side]->second)) return true;
      }
      return false;
    };
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
      if (conflicts(o)) it.flags |= kConflict;
      lane.items.push_back(it);
    }
    finish(lane, 1);
    meetings.push_back(std::move(lane));
  }

  finish(milestones, 3);
  finish(changes, 2);
  finish(tasks, 4);

  // The plan first (a big engagement has hundreds of series; the milestones must
  // not scroll away below them), then one lane per meeting series.
  ix.lanes_.push_back(std::move(milestones));
  ix.lanes_.push_back(std::move(changes));
  ix.lanes_.push_back(std::move(tasks));
  ix.lanes_.push_back(std::move(boundaries));
  for (TimelineLane& l : meetings) ix.lanes_.push_back(std::move(l));

  for (size_t l = 0; l < ix.lanes_.size(); ++l) {
    if (ix.lanes_[l].kind == LaneKind::Meeting) continue;
    for (size_t i = 0; i < ix.lanes_[l].items.size(); ++i) {
      ix.by_id_.push_back(Entry{ix.lanes_[l].items[i].id, uint32_t(l), uint32_t(i)});
    }
  }
  std::sort(ix.by_id_.begin(), ix.by_id_.end(),
            [](const Entry& x, const Entry& y) { return x.id < y.id; });

  ix.span_start_ = Instant{lo};
  ix.span_end_ = Instant{hi};
  return ix;
}

}  // namespace rapport
