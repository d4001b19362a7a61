// Ids that never collide across machines, and the engagement's own stable id.
//
// Why this scheme: two people who open the same file offline must never mint
// the same item id, or a merge by id would fuse two different items. Automerge
// names every object by (counter, actor id) with a random actor per replica; we
// keep one integer per id instead, so every table, index and reference stays as
// it was:
//   - An id is a 53-bit integer (below 2^53, so JSON readers in JavaScript keep
//     it exact) made of a block (the high 33 bits) and a sequence number (the
//     low 20 bits).
//   - A process claims a random block the first time it adds an item to an
//     engagement whose counter (next_id) lies in a block it did not claim
//     itself: a file just opened, a v1 file, a merged file. From then on it
//     counts up inside its block (about a million ids), then claims another.
//   - Two machines therefore collide only if they draw the same block: about
//     one chance in 8.6e9 per pair of editing sessions. A claimed block never
//     overlaps an id already in the engagement.
//   - v1 ids (1, 2, 3, ...) lie in block 0, which is never drawn: they keep
//     their values and sort before every newer id. Tables stay ordered by id, so
//     saves stay deterministic; items from one session keep their creation order.
// The RNG is seeded from the system unless RAPPORT_ID_SEED is set (tests).
#pragma once

#include <cstdint>
#include <string>

#include "rapport/model.hpp"

namespace rapport {

inline constexpr int kIdSequenceBits = 20;
inline constexpr Id kIdBlockSize = Id(1) << kIdSequenceBits;

// The id the next Add to `e` gets in this process. Claims a fresh block when
// e.next_id is not in a block this process claimed for this engagement; the
// same answer for the same (engagement counter) until an id is used, so a
// caller may predict the ids a run of Adds will get (plan_add and importers
// agree). kNoId when no block is free (never in practice).
Id next_item_id(const Engagement& e);

// Forgets every block this process claimed: the next Add behaves as if on
// another machine. For tests that play two people in one process.
void start_new_id_session();

// A random non-zero 64-bit value from the process's id generator (new
// engagements' stable ids).
uint64_t random_engagement_uid();

// The engagement's stable id for calendar UIDs: e.uid, or for an engagement
// that has none (built in code, or a v1 file before migration) the value v1
// derived from its name and start, so old calendar events keep their UIDs.
uint64_t engagement_uid(const Engagement& e);
uint64_t legacy_engagement_uid(const EngagementInfo& info);
// "1a2b3c4d": at least 8 lower-case hex digits.
std::string uid_text(uint64_t uid);

}  // namespace rapport
