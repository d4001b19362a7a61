// Imports: a way in from other tools. Each import reads a file into commands
// for the open engagement; the caller applies them as one undo step:
//
//   auto result = import_ics(engagement, text, &warnings);
//   if (auto* commands = std::get_if<std::vector<Command>>(&result))
//     history.apply_group(engagement, "Import calendar", *commands);
//   else show(std::get<ImportError>(result).message);
//
// The commands are checked against the engagement before they are returned
// (a dry run on a copy), so apply_group accepts them. Broken input gives an
// ImportError naming the line or element, and no command.
//
// iCalendar (libical): each VEVENT becomes a meeting series. RRULE maps back
// to our recurrence (export.hpp lists the mapping), EXDATE becomes a
// cancelled occurrence and a RECURRENCE-ID event a moved (or cancelled) one.
// Times stay in their IANA zone; UTC times and zones we cannot name are
// converted to the engagement's zone. All-day events become milestones (one
// day) or blackout boundaries (several days). An event that Rapport exported
// from this engagement (its UID says so) updates the item instead of adding a
// copy; recaps and attendance already recorded are kept.
//
// GNOME Planner (.planner, libxml2): Rapport plans what the provider and the
// client commit to, not the work breakdown, so:
//   - milestone tasks (type="milestone")          -> milestones on their date
//   - top-level summary tasks (phases)             -> a milestone at the phase's end
//   - tasks allocated to a client resource         -> client tasks (created = start,
//     (a resource in a group whose name has          due = end, done at 100%), waiting on
//     "client" or "customer", or named like a        the milestone they precede (or their
//     client-side stakeholder)                       phase's milestone)
//   - client resources not yet stakeholders        -> client-side stakeholders
//   - other tasks (the provider's own work)        -> not imported (a warning counts them)
// Planner dates ("20261124T000000Z") are read as calendar dates; an end at
// midnight belongs to the day before. Items whose title already exists are
// updated (milestones: the current date moves, the baseline stays).
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rapport/commands.hpp"

namespace rapport {

struct ImportError {
  std::string message;  // "line 12: the event “Weekly” has no DTSTART"
  int line = 0;         // 1-based; 0 when not tied to a line
  bool operator==(const ImportError&) const = default;
};

using ImportResult = std::variant<std::vector<Command>, ImportError>;

// Files larger than this are refused before parsing.
inline constexpr size_t kMaxImportBytes = 32u << 20;

// `warnings` (optional) receives what was imported approximately or skipped,
// each naming the line or item, for the app to show after the import.
ImportResult import_ics(const Engagement& e, std::string_view text,
                        std::vector<std::string>* warnings = nullptr);
ImportResult import_planner(const Engagement& e, std::string_view xml,
                            std::vector<std::string>* warnings = nullptr);

// The dry run both imports end with: applies `commands` to a copy of `e` in
// order; the first refused one becomes an error naming it.
std::optional<ImportError> check_import(const Engagement& e, const std::vector<Command>& commands);

}  // namespace rapport
