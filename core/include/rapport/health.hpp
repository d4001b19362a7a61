// Expectation health: checks that tell a provider where client trust is
// slipping, before the client feels it (issue 7). Each check reads the
// engagement as of a date and yields findings: a severity, a message in plain
// words naming the item, the item itself (click to select it), where it sits
// on the timeline, a suggested next step and, for the client view, a neutral
// open point.
//
// [SECTION] index
//   Settings   - HealthSettings: thresholds with sensible defaults
//   Findings   - Severity, Finding
//   Checks     - check_health(), the stable check ids, client_open_points()
//   Text       - health_summary() (status bar), health_report() (`rapport check --all`),
//                health_report_by_check() (`rapport check`)
//   Series     - meeting consistency per month, feedback sentiment over time
//   Helpers    - working days, money text
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rapport/model.hpp"

namespace rapport {

// [SECTION] Settings ----------------------------------------------------------

struct HealthSettings {
  // Meeting consistency: share held over the last `consistency_window` past
  // occurrences of a series; a warning under `min_held_share` or with
  // `max_cancelled_in_a_row` cancelled in a row.
  int consistency_window = 8;
  double min_held_share = 0.8;
  int max_cancelled_in_a_row = 2;
  // The share rule needs at least this many past occurrences.
  int consistency_min_sample = 3;
  // A held meeting needs a recap by the end of this many working days after it.
  int recap_grace_working_days = 1;
  // A proposed change request waits for a decision at most this many working days.
  int decision_wait_working_days = 5;
  // An expectation stays unconfirmed at most this many days.
  int expectation_unconfirmed_days = 14;
  // Longest silence with the client (no held meeting, no feedback), in days.
  // 0 = the plan's own cadence: the shortest period of the recurring meeting
  // series running at the date, else `fallback_cadence_days`.
  int cadence_days = 0;
  int fallback_cadence_days = 14;
  // Milestones due within this many days are checked for open client tasks.
  int milestone_lookahead_days = 14;
  // A milestone whose current date is further than this from its baseline has drifted.
  int milestone_drift_days = 0;
  // Approved change requests adding more than this share of the planned span
  // (engagement start to end) are a warning, not just information.
  double scope_creep_days_share = 0.10;
  // Agreed budget, if known (the model keeps it as text); 0 = unknown. Approved
  // change requests costing more than `scope_creep_cost_share` of it are a warning.
  int64_t budget_minor = 0;
  double scope_creep_cost_share = 0.10;
  // Meeting occurrences are checked against boundaries (working hours,
  // blackouts) in [as_of - boundary_days_back, as_of + boundary_days_ahead].
  int boundary_days_back = 28;
  int boundary_days_ahead = 120;
};

// [SECTION] Findings ----------------------------------------------------------

enum class Severity : uint8_t { Info, Warning, Problem };
const char* to_string(Severity s);  // "info", "warning", "problem"

struct Finding {
  Severity severity = Severity::Warning;
  std::string check;               // stable id, one of the kCheck* below
  std::string message;             // plain words; names the item
  Id item = kNoId;                 // the item to select; kNoId = the engagement as a whole
  std::optional<Date> occurrence;  // for meeting findings: the occurrence's original date
  Date date;                       // where it sits on the timeline
  std::string next_step;
  bool internal = false;    // about the provider's own conduct: presentation mode hides it
  std::vector<Id> related;  // other items it concerns (the tasks of an owner, ...)
  // What the client view shows in the finding's place: a neutral open point
  // ("Final Finnish copy: due 20 Nov, open"), written in core next to each
  // finding from fields that are not internal, never with advice or a
  // judgement. Empty = nothing for the client: the client view shows nothing
  // for this finding. Always empty for internal findings and for the
  // provider's own housekeeping (each check says why it has one or not).
  std::string open_point;
  bool operator==(const Finding&) const = default;
};

// [SECTION] Checks ------------------------------------------------------------

// Stable check ids (for filters, tests and the summary's wording).
inline constexpr std::string_view kCheckConsistency = "meeting-consistency";
inline constexpr std::string_view kCheckRecapMissing = "recap-missing";
inline constexpr std::string_view kCheckTaskOverdue = "client-task-overdue";
inline constexpr std::string_view kCheckTaskNoOwner = "client-task-no-owner";
inline constexpr std::string_view kCheckDecisionWaiting = "change-request-waiting";
inline constexpr std::string_view kCheckRejectionUnexplained = "change-request-no-reason";
inline constexpr std::string_view kCheckScopeCreep = "scope-creep";
inline constexpr std::string_view kCheckMilestoneDrift = "milestone-drift";
inline constexpr std::string_view kCheckOutsideHours = "meeting-outside-hours";
inline constexpr std::string_view kCheckInBlackout = "meeting-in-blackout";
inline constexpr std::string_view kCheckQuotaUsedUp = "quota-used-up";
inline constexpr std::string_view kCheckNoPrimary = "channel-no-primary";
inline constexpr std::string_view kCheckNoBackup = "channel-no-backup";
inline constexpr std::string_view kCheckNoResponseTime = "channel-no-response-time";
inline constexpr std::string_view kCheckStakeholderNoChannel = "stakeholder-no-channel";
inline constexpr std::string_view kCheckExpectationUnconfirmed = "expectation-unconfirmed";
inline constexpr std::string_view kCheckExpectationUnexplained = "expectation-unexplained";
inline constexpr std::string_view kCheckCadence = "client-cadence";
inline constexpr std::string_view kCheckMilestoneWaits = "milestone-waits-on-client";
inline constexpr std::string_view kCheckQuotaRunningOut = "quota-running-out";

// All checks as of `as_of` (a date in the engagement's time zone), sorted by
// severity (problems first), then date, then check id and item. Never throws
// on a broken file: dangling references read as missing.
std::vector<Finding> check_health(const Engagement& e, Date as_of,
                                  const HealthSettings& settings = {});

// The findings the client view lists as open points: those that are not
// internal and have an open point, problems first, then by date (a stable
// order otherwise). Pointers into `findings`.
std::vector<const Finding*> client_open_points(const std::vector<Finding>& findings);

// [SECTION] Text --------------------------------------------------------------

// One line for the status bar: "3 warnings: 2 recaps missing, 1 overdue client
// task" / "1 problem, 3 warnings: ..." / "No findings". Info findings are only
// named when there is nothing worse.
std::string health_summary(const std::vector<Finding>& findings);

// Multi-line text for `rapport check --all FILE`: a header line with the summary,
// then one block per severity (problems first), each finding as
//   "  [warning] 2026-11-20  recap-missing  Weekly check-in on 2026-11-20 has no recap"
//   "            next: ...".
// include_internal = false drops internal findings (presentation mode). Text
// from the file (names, messages) is terminal-safe (rapport/text.hpp): control
// characters show as escapes, each finding stays on its lines.
std::string health_report(const Engagement& e, Date as_of, const std::vector<Finding>& findings,
                          bool include_internal = true);

// The same findings summarised by check, for `rapport check FILE` (health_report
// is `rapport check --all`): the same header line, then one block per check id
// (the worst severity first, then the most findings, then the id), each as
//   "recap-missing: 72 warnings"
//   the first `examples` findings, as health_report prints them, and
//   "  … and 69 more",
// and, when some were left out, a last line "N findings not shown: rapport
// check --all lists every finding." The text grows with the number of check
// ids, not with the findings.
std::string health_report_by_check(const Engagement& e, Date as_of,
                                   const std::vector<Finding>& findings, size_t examples = 3,
                                   bool include_internal = true);

// [SECTION] Series ------------------------------------------------------------

// A value per date for the Overview's small charts.
struct HealthPoint {
  Date date;
  double value = 0;
};

// Meeting consistency per month, over all series: for each month from the
// engagement's start up to as_of's month (at most `max_months`, the latest
// ones), the share of past occurrences that were held (held / (held +
// cancelled + still planned)). date = the month's first day. Months without
// past occurrences are left out.
std::vector<HealthPoint> consistency_by_month(const Engagement& e, Date as_of, int max_months = 24);

// Feedback sentiment over time: one point per date with feedback up to as_of
// (the day's mean sentiment, -2..+2), ascending.
std::vector<HealthPoint> sentiment_over_time(const Engagement& e, Date as_of);

// [SECTION] Helpers -----------------------------------------------------------

// The days that count as working days: the first working-hours boundary's
// days (by id, the provider's side preferred), else Monday to Friday.
uint8_t working_days_of(const Engagement& e);
// The date n working days after d (n >= 0; 0 = d itself).
Date add_working_days(Date d, int n, uint8_t working_days);
// Working days in (from, to]; 0 when to <= from.
int working_days_between(Date from, Date to, uint8_t working_days);

}  // namespace rapport
