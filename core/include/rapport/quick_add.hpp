// Quick add: one line typed during a workshop becomes one undoable change.
// clang-format off
//   meeting "Weekly check-in" every friday 16:00 30m
//   meeting "Steering" every 2 weeks on tue,thu 14:00 1h from 2026-12-01 until 2027-03-31 @Aino @Joost
//   meeting "Design review" on 2026-12-04 10:00 90m
//   milestone "Beta" 2026-12-15
//   cr "Extra landing page" +5d Beta cost 1800
//   task "Send brand assets" @Anna due friday
//   stakeholder "Pieter Jansen" client "CFO"
//   decision "Launch in Finnish first"
//   log "homepage v2" 1 revision round 3 dec     (effort against a quota)
// clang-format on
// `log "note" [units] [quota words] [date]`: units default to 1, the date to
// today (3 dec, dec 3, yesterday, monday = the last one, 2026-12-03); quota
// words match the start of words of a quota's title or unit, and may be left
// out when there is one quota. It logs effort against the quota (quota.hpp).
// Names after @ and milestone names match by prefix, ignoring case and accents
// in the ASCII sense only (Mäkelä matches @mäk and @Mäkelä).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "rapport/commands.hpp"

namespace rapport {

struct QuickAdd {
  std::string label;              // the undo step's name: "Add meeting “Weekly check-in”"
  std::string preview;            // what will be added, in words
  std::vector<Command> commands;  // applied as one undo step
};

// Points at the word that is wrong: bytes [begin, end) of the input line.
struct QuickAddError {
  size_t begin = 0;
  size_t end = 0;
  std::string message;
};

std::variant<QuickAdd, QuickAddError> parse_quick_add(const Engagement& e, std::string_view line,
                                                      Date today);

}  // namespace rapport
