// What the import harnesses share: the engagements an input is imported into,
// and the promise every import keeps (issue 20: accepted means it saves and
// reopens): its commands apply as one step, and the engagement they make saves
// and reopens equal in both formats. A broken promise traps, so libFuzzer
// reports it like a crash.
#pragma once

#include <string>
#include <vector>

#include "rapport/history.hpp"
#include "rapport/io.hpp"

namespace rapport::fuzz {

inline Engagement empty_engagement() {
  Engagement e;
  e.info.name = "Fuzz";
  e.info.time_zone = "Europe/Amsterdam";
  e.info.start = Date::from_ymd(2026, 1, 1);
  e.info.end = Date::from_ymd(2026, 12, 31);
  return e;
}

inline void applies_and_reopens(const Engagement& base, const std::string& label,
                                const std::vector<Command>& commands) {
  Engagement e = base;
  History history;
  if (history.apply_group(e, label, commands)) __builtin_trap();
  for (auto f : {FileFormat::Binary, FileFormat::Json}) {
    LoadResult again = load_bytes(to_bytes(e, f), "imported");
    if (!again || !(*again.engagement == e)) __builtin_trap();
  }
}

}  // namespace rapport::fuzz
