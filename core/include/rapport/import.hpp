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

#include <optional>
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

// Reads a file to import, whole, after checking its size: a file over
// kMaxImportBytes is refused before a byte of it is read. The message names the
// file as `name` and the kind of file ("CSV files over 32 MB are not imported").
std::variant<std::string, ImportError> read_import_file(const std::string& path,
                                                        const std::string& name,
                                                        const std::string& kind = "files");

// `warnings` (optional) receives what was imported approximately or skipped,
// each naming the line or item, for the app to show after the import.
ImportResult import_ics(const Engagement& e, std::string_view text,
                        std::vector<std::string>* warnings = nullptr);
ImportResult import_planner(const Engagement& e, std::string_view xml,
                            std::vector<std::string>* warnings = nullptr);

// [MS Project] ------------------------------------------------------------------
//
// MS Project XML (MSPDI; also what ProjectLibre and GanttProject write). An
// import is two steps, so the app can show a preview the user changes before
// anything is added: read_mspdi() makes a plan of what each task becomes,
// mspdi_commands() turns the (possibly changed) plan into commands.
// Defaults:
//   - tasks flagged Milestone, or of zero duration   -> milestones (baseline from
//     the file's Baseline 0, else its current date)
//   - tasks assigned to a client-side resource        -> client tasks (created = start,
//     (a resource whose Group has "client" or          due = finish, Done at 100 %,
//     "customer", or named like a client stakeholder)  Dropped when inactive), waiting
//                                                      on the milestone they precede,
//                                                      else their phase's
//   - top-level summary tasks (phases)                -> a milestone at the phase's end
//   - other tasks (the provider's work)               -> skipped
//   - non-working exceptions of the project calendar  -> blackouts
//   - resources owning imported client tasks          -> client-side stakeholders
//     (the others only when the user asks)
// Every item created remembers the file's UID (its `origin`), so importing a
// later version of the same file updates those items and never adds copies;
// items with the same title as one in the engagement are updated too.
enum class MspdiRole : uint8_t { Skip, Milestone, ClientTask, Phase };
const char* to_string(MspdiRole r);  // "skip", "milestone", "client task", "phase milestone"

struct MspdiTask {
  std::string uid;
  std::string name;
  int line = 0;
  int outline_level = 1;
  Date start;
  Date finish;
  std::optional<Date> baseline;  // Baseline 0's start, if the file has one
  bool flagged_milestone = false;
  bool zero_duration = false;
  bool summary = false;
  int percent = 0;
  std::optional<Date> actual_finish;
  bool active = true;
  std::string notes;
  std::string client_resource;            // UID of the client-side resource it is assigned to
  std::vector<std::string> predecessors;  // task UIDs
  int parent = -1;                        // index of its summary task in the plan, -1 at the top
  MspdiRole role = MspdiRole::Skip;       // what it becomes: the default, the user may change it
  Id updates = kNoId;                     // the item an earlier import made from it
};

struct MspdiResource {
  std::string uid;
  std::string name;
  std::string email;
  std::string group;
  bool client = false;
  bool as_stakeholder = false;  // becomes (or updates) a stakeholder
  Id updates = kNoId;           // the stakeholder it is, if any
};

struct MspdiBlackout {
  std::string key;  // its origin: the calendar exception's first date
  std::string name;
  Date from;
  Date to;
  bool import = true;
  Id updates = kNoId;
};

struct MspdiPlan {
  std::string project;  // the file's GUID, else its title or name: part of each origin
  std::string title;
  std::vector<MspdiTask> tasks;  // in the file's order, without the project summary task
  std::vector<MspdiResource> resources;
  std::vector<MspdiBlackout> blackouts;
  std::vector<std::string> warnings;
};

std::variant<MspdiPlan, ImportError> read_mspdi(const Engagement& e, std::string_view xml);
// The commands for a plan as the user left it (checked like every import).
ImportResult mspdi_commands(const Engagement& e, const MspdiPlan& plan,
                            std::vector<std::string>* warnings = nullptr);
// Both steps with the defaults, for the command line.
ImportResult import_mspdi(const Engagement& e, std::string_view xml,
                          std::vector<std::string>* warnings = nullptr);

// A resource group or calendar name that says "the client's side" ("Client",
// "Customer team"): the one rule both XML imports use.
bool names_client_side(std::string_view group);

// The dry run both imports end with: applies `commands` to a copy of `e` in
// order; the first refused one becomes an error naming it.
std::optional<ImportError> check_import(const Engagement& e, const std::vector<Command>& commands);

}  // namespace rapport
