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
// clang-format on
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
