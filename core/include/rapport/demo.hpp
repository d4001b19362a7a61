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

}  // namespace rapport
