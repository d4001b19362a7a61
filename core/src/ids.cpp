// Ids that never collide across machines: see ids.hpp for the scheme and why.
#include "rapport/ids.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <set>

#include "rapport/seeded_random.hpp"
#include "rapport/validate.hpp"

namespace rapport {
namespace {

struct IdSession {
  std::mutex mutex;
  SeededRandom random{0};
  bool seeded = false;
  std::set<Id> claimed_blocks;   // blocks this process drew
  std::map<Id, Id> claimed_for;  // an unclaimed counter value -> the id chosen for it

  uint64_t next_random() {
    if (!seeded) {
      if (const char* s = std::getenv("RAPPORT_ID_SEED"); s && *s) {
        random.state = std::strtoull(s, nullptr, 10);
      } else {
        std::random_device device;
        random.state = (uint64_t(device()) << 32) ^ device();
      }
      seeded = true;
    }
    return random.next();
  }
};

IdSession& session() {
  static IdSession s;
  return s;
}

// True when no item of `e` has an id in [from, from + kIdBlockSize).
bool block_is_free(const Engagement& e, Id from) {
  bool free = true;
  for_each_table(e, [&](const auto& table) {
    auto it = table.items.lower_bound(from);
    if (it != table.items.end() && it->first < from + kIdBlockSize) free = false;
  });
  return free;
}

bool id_in_use(const Engagement& e, Id id) { return kind_of(e, id).has_value(); }

}  // namespace

Id next_item_id(const Engagement& e) {
  IdSession& s = session();
  std::lock_guard lock(s.mutex);
  const Id next = e.next_id;
  const Id block = next >> kIdSequenceBits;
  if (next != kNoId && block != 0 && s.claimed_blocks.count(block) &&
      (next & (kIdBlockSize - 1)) != 0 && next <= kMaxItemId && !id_in_use(e, next))
    return next;
  if (auto it = s.claimed_for.find(next); it != s.claimed_for.end() && !id_in_use(e, it->second))
    return it->second;
  // Blocks 1 .. 2^33 - 1; block 0 holds v1's ids. The first id of a block is
  // skipped, so an id's sequence number is never 0.
  constexpr Id kBlocks = Id(1) << (53 - kIdSequenceBits);
  for (int attempt = 0; attempt < 64; ++attempt) {
    const Id candidate = 1 + s.next_random() % (kBlocks - 1);
    const Id from = candidate << kIdSequenceBits;
    if (s.claimed_blocks.count(candidate) || !block_is_free(e, from)) continue;
    s.claimed_blocks.insert(candidate);
    s.claimed_for[next] = from + 1;
    return from + 1;
  }
  return kNoId;
}

void start_new_id_session() {
  IdSession& s = session();
  std::lock_guard lock(s.mutex);
  s.claimed_blocks.clear();
  s.claimed_for.clear();
}

uint64_t random_engagement_uid() {
  IdSession& s = session();
  std::lock_guard lock(s.mutex);
  uint64_t v = 0;
  while (v == 0) v = s.next_random();
  return v;
}

uint64_t legacy_engagement_uid(const EngagementInfo& info) {
  // FNV-1a of "name\nstart", cut to 32 bits: what v1 put in every calendar UID.
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : info.name + "\n" + info.start.iso()) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h & 0xFFFFFFFFu;
}

uint64_t engagement_uid(const Engagement& e) {
  return e.uid != 0 ? e.uid : legacy_engagement_uid(e.info);
}

std::string uid_text(uint64_t uid) { return fmt::format("{:08x}", uid); }

}  // namespace rapport
