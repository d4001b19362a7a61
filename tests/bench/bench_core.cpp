// Rows for the core model: apply + undo of each command kind, occurrence
// expansion and generation, at 1k, 10k and 100k items.
#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/history.hpp"
#include "rapport/recurrence.hpp"

using namespace rapport;
using rapport::bench::median_ms;
using rapport::bench::row;
using rapport::bench::size_label;

namespace {

// Apply then undo one command, many times; the per-pair cost in microseconds.
double apply_undo_ms(Engagement& e, const Command& c) {
  History h;
  const int reps = 50;
  double total = median_ms(5, [&] {
    for (int i = 0; i < reps; ++i) {
      if (h.apply(e, c)) std::abort();  // a bench command must be valid
      h.undo(e);
    }
  });
  return total * 1000.0 / reps;
}

template <class T>
Id some(const Engagement& e) {
  const auto& items = KindOf<T>::table(e).items;
  auto it = items.begin();
  std::advance(it, items.size() / 2);
  return it->first;
}

}  // namespace

void bench_core_rows(bool quick) {
  std::vector<size_t> sizes =
      quick ? std::vector<size_t>{1000} : std::vector<size_t>{1000, 10000, 100000};
  for (size_t n : sizes) {
    const char* label = size_label(n);
    Engagement e;
    row("generate engagement", label, median_ms(1, [&] { e = generate_engagement(n, 1); }), "ms");
    Id milestone = some<Milestone>(e);
    Id person = some<Stakeholder>(e);
    Id client = kNoId;
    for (const auto& [id, s] : e.stakeholders)
      if (s.side == Side::Client) client = id;
    Id cr = kNoId;
    for (const auto& [id, c] : e.change_requests)
      if (c.status == ChangeStatus::Proposed) cr = id;
    Id series = some<MeetingSeries>(e);
    const MeetingSeries& s = *e.meetings.find(series);
    Date occurrence = occurrence_dates(s, s.first_date.plus_days(60)).back();

    row("apply+undo: add client task", label,
        apply_undo_ms(e, Add<ClientTask>{ClientTask{0, "Bench", client, e.info.start,
                                                    e.info.start.plus_days(3)}}),
        "us");
    Milestone m = *e.milestones.find(milestone);
    m.title = "Renamed";
    row("apply+undo: edit milestone", label, apply_undo_ms(e, Update<Milestone>{m}), "us");
    row("apply+undo: move milestone", label,
        apply_undo_ms(e, MoveMilestone{milestone, m.current.plus_days(7)}), "us");
    row("apply+undo: approve change request", label,
        apply_undo_ms(e, DecideChangeRequest{cr, ChangeStatus::Approved, e.info.start}), "us");
    row("apply+undo: mark occurrence held", label,
        apply_undo_ms(e, SetOccurrence{series, occurrence,
                                       OccurrenceOverride{OccurrenceState::Held, {}, {}, "Recap"}}),
        "us");
    row("apply+undo: delete feedback", label, apply_undo_ms(e, Delete<Feedback>{some<Feedback>(e)}),
        "us");
    row("apply+undo: delete stakeholder (clears refs)", label,
        apply_undo_ms(e, Delete<Stakeholder>{person}), "us");

    size_t count = 0;
    double ms = median_ms(
        3, [&] { count = occurrences(e, start_of(e.info.start), start_of(e.info.end)).size(); });
    row("expand all occurrences over the span", label, ms, "ms");
    row("  (occurrences expanded)", label, double(count), "count");
    Date mid = e.info.start.plus_days((e.info.end.days - e.info.start.days) / 2);
    row("occurrences in one week (all series)", label,
        median_ms(
            5, [&] { count = occurrences(e, start_of(mid), start_of(mid.plus_days(7))).size(); }),
        "ms");
  }
}
