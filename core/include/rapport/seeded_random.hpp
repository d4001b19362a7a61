// A small seeded random generator (splitmix64): the same sequence on every
// platform and standard library, for synthetic engagements and property tests.
#pragma once

#include <cstdint>

namespace rapport {

struct SeededRandom {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // A value in [lo, hi].
  int64_t range(int64_t lo, int64_t hi) { return lo + int64_t(next() % uint64_t(hi - lo + 1)); }
  bool percent(int p) { return range(0, 99) < p; }
  bool per_mille(int p) { return range(0, 999) < p; }
};

}  // namespace rapport
