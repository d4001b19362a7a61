// The demo engagement (an agency and a client, in the spirit of the seeds) and
// a seeded generator of synthetic engagements for tests and benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>

#include "rapport/model.hpp"

namespace rapport {

// "Website relaunch" for Kahvila Aalto Oy by Studio Noord: kickoff, a weekly
// check-in on Fridays, milestones, a holiday blackout, two change requests (one
// approved, one rejected with an alternative), client tasks, decisions and
// feedback. Deterministic: the same value on every call.
Engagement make_demo();

// A synthetic engagement with about `items` items (meeting series count as one
// item each; their occurrences are not counted), spread over a span that grows
// with the size. Same seed, same engagement. Valid: validate_engagement()
// finds nothing.
Engagement generate_engagement(size_t items, uint32_t seed = 1);

// Puts `item` into its table under the next id, without a command or a check:
// for building engagements in code (the demo, the generator, tests). Ids only
// grow, so the item goes at the end of its table. Returns the id.
template <class T>
Id insert_item(Engagement& e, T item) {
  item.id = e.next_id++;
  Id id = item.id;
  auto& items = KindOf<T>::table(e).items;
  items.emplace_hint(items.end(), id, std::move(item));
  return id;
}

}  // namespace rapport
