// [SECTION] index
//   Ids and tables  - stable integer ids, Table<T> (items ordered by id)
//   Discovery       - Stakeholder, Objective, Constraint, Question
//   Expectations    - Expectation
//   Ways of working - Responsibility, Deliverable, CommunicationChannel
//   Meetings        - Recurrence, OccurrenceOverride, MeetingSeries
//   Plan            - Milestone, Boundary, ChangeRequest, ClientTask
//   Log             - Decision, Feedback
//   Engagement      - the whole document, the single source of truth
//
// The engagement is everything a provider makes explicit with a client. It is a
// plain value: the app reads it as const& and changes it only through commands
// (commands.hpp). Fields for the provider's eyes only are named internal_* or
// listed in internal.hpp, so presentation mode and client exports can drop them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rapport/time.hpp"

namespace rapport {

// [SECTION] Ids and tables ----------------------------------------------------

// One id space for the whole engagement, so an id names one item of one kind.
// 0 means "none". Ids are minted so that two machines never give out the same
// one (ids.hpp); v1 files hold 32-bit ids, which keep their values.
using Id = uint64_t;
inline constexpr Id kNoId = 0;

// Items of one kind, ordered by id (so saves and listings are stable). A map
// keeps insert, erase and lookup at O(log n): undo costs what it touches.
template <class T>
struct Table {
  using value_type = T;
  std::map<Id, T> items;

  const T* find(Id id) const {
    auto it = items.find(id);
    return it == items.end() ? nullptr : &it->second;
  }
  T* find(Id id) {
    auto it = items.find(id);
    return it == items.end() ? nullptr : &it->second;
  }
  bool contains(Id id) const { return items.count(id) != 0; }
  size_t size() const { return items.size(); }
  bool empty() const { return items.empty(); }
  auto begin() const { return items.begin(); }
  auto end() const { return items.end(); }
  bool operator==(const Table&) const = default;
};

enum class Side : uint8_t { Client, Provider };
const char* to_string(Side s);

// Low / medium / high, used for influence and interest.
enum class Level : uint8_t { Low, Medium, High };
const char* to_string(Level l);

// [SECTION] Discovery ---------------------------------------------------------

enum class ChannelKind : uint8_t { Email, Phone, Chat, VideoCall, InPerson, Tool };
const char* to_string(ChannelKind k);

struct Stakeholder {
  Id id = kNoId;
  Side side = Side::Client;
  std::string name;
  std::string role;
  std::string contact;  // e-mail or phone
  ChannelKind preferred_channel = ChannelKind::Email;
  Level influence = Level::Medium;
  Level interest = Level::Medium;
  std::string time_zone;       // IANA; empty = the engagement's
  std::string internal_notes;  // personal notes: internal
  std::string origin;          // see Milestone::origin
  bool operator==(const Stakeholder&) const = default;
};

enum class ObjectiveHorizon : uint8_t { Immediate, LongTerm };
const char* to_string(ObjectiveHorizon h);

struct Objective {
  Id id = kNoId;
  std::string title;
  ObjectiveHorizon horizon = ObjectiveHorizon::Immediate;
  std::string success_measure;
  std::vector<Id> stakeholders;
  bool operator==(const Objective&) const = default;
};

enum class ConstraintKind : uint8_t { Budget, Deadline, Technology, Regulatory, Resource, Other };
const char* to_string(ConstraintKind k);

struct Constraint {
  Id id = kNoId;
  ConstraintKind kind = ConstraintKind::Other;
  std::string description;
  bool operator==(const Constraint&) const = default;
};

struct Question {
  Id id = kNoId;
  std::string text;
  Id asked_of = kNoId;  // stakeholder
  Date asked_on;
  std::string answer;
  std::optional<Date> answered_on;
  bool operator==(const Question&) const = default;
};

// [SECTION] Expectations ------------------------------------------------------

enum class ExpectationStatus : uint8_t { Unconfirmed, Confirmed, AtRisk, WillNotBeMet };
const char* to_string(ExpectationStatus s);

struct Expectation {
  Id id = kNoId;
  std::string what;
  Id source = kNoId;   // stakeholder
  bool stated = true;  // false = inferred by the provider
  ExpectationStatus status = ExpectationStatus::Unconfirmed;
  Date raised_on;
  std::string explanation;  // what the client was told (for at risk / will not be met)
  bool operator==(const Expectation&) const = default;
};

// [SECTION] Ways of working ---------------------------------------------------

struct Responsibility {
  Id id = kNoId;
  std::string what;
  Side side = Side::Provider;
  Id owner = kNoId;  // stakeholder
  bool operator==(const Responsibility&) const = default;
};

struct Deliverable {
  Id id = kNoId;
  std::string title;
  Id milestone = kNoId;
  std::string acceptance_criteria;
  bool operator==(const Deliverable&) const = default;
};

struct CommunicationChannel {
  Id id = kNoId;
  ChannelKind kind = ChannelKind::Email;
  std::string purpose;
  std::string frequency;            // "weekly", "as needed"
  int32_t response_time_hours = 0;  // promised; 0 = none promised
  Id client_primary = kNoId;
  Id client_backup = kNoId;
  Id provider_primary = kNoId;
  Id provider_backup = kNoId;
  bool operator==(const CommunicationChannel&) const = default;
};

// [SECTION] Meetings ----------------------------------------------------------

enum class Frequency : uint8_t {
  Once,              // a one-off meeting on first_date
  Daily,             // every `interval` days
  Weekly,            // every `interval` weeks on `weekdays`
  MonthlyOnDay,      // every `interval` months on `month_day` (clamped to the month's end)
  MonthlyOnWeekday,  // every `interval` months on the `week_of_month`th `weekday`
};
const char* to_string(Frequency f);

struct Recurrence {
  Frequency frequency = Frequency::Once;
  int32_t interval = 1;       // >= 1
  uint8_t weekdays = 0;       // WeekdayBits, for Weekly
  int32_t month_day = 1;      // 1..31, for MonthlyOnDay
  int32_t week_of_month = 1;  // 1..5, or -1 = last, for MonthlyOnWeekday
  uint8_t weekday = 1;        // 0 = Sunday, for MonthlyOnWeekday
  std::optional<Date> until;  // inclusive, local date
  int32_t count = 0;          // 0 = no limit
  bool operator==(const Recurrence&) const = default;
};

enum class OccurrenceState : uint8_t { Planned, Held, Cancelled };
const char* to_string(OccurrenceState s);

// One point on an occurrence's agenda. Points not covered at a meeting are
// carried to the series' next occurrence (agenda.hpp); `carried_from` is the
// date of the occurrence where the point was first raised.
struct AgendaPoint {
  std::string text;
  bool covered = false;
  std::optional<Date> carried_from;
  bool operator==(const AgendaPoint&) const = default;
};

// What happened to one occurrence, keyed by its original local date.
struct OccurrenceOverride {
  OccurrenceState state = OccurrenceState::Planned;
  std::optional<LocalDateTime> moved_to;  // in the series' time zone
  // Held:
  std::vector<Id> present;  // stakeholders
  std::string recap_summary;
  std::string agreed_actions;
  // Cancelled:
  Side cancelled_by = Side::Provider;
  std::string cancel_reason;
  // The agenda as edited; empty = the proposed one (agenda.hpp) is shown.
  std::vector<AgendaPoint> agenda;
  bool operator==(const OccurrenceOverride&) const = default;
};

struct MeetingSeries {
  Id id = kNoId;
  std::string title;
  std::string purpose;
  std::vector<Id> attendees;  // stakeholders
  Id channel = kNoId;         // communication channel, optional
  Date first_date;            // local date of the first occurrence
  LocalTime start;
  int32_t duration_minutes = 60;
  std::string time_zone;  // IANA; empty = the engagement's
  Recurrence recurrence;
  std::map<Date, OccurrenceOverride> overrides;
  bool operator==(const MeetingSeries&) const = default;
};

// [SECTION] Plan --------------------------------------------------------------

enum class MilestoneStatus : uint8_t { Planned, InProgress, Done, Missed };
const char* to_string(MilestoneStatus s);

struct Milestone {
  Id id = kNoId;
  std::string title;
  Date baseline;  // agreed at kickoff
  Date current;   // where it stands now
  MilestoneStatus status = MilestoneStatus::Planned;
  bool client_visible = true;
  std::string description;
  // Where an import took the item from ("mspdi:<project>:task:12"), so that
  // importing a later version of the same file updates the item instead of
  // adding a copy. Empty for items made in Rapport. Saved from format 2 on.
  std::string origin;
  bool operator==(const Milestone&) const = default;
};

enum class BoundaryKind : uint8_t {
  InScope,
  OutOfScope,
  NotGuaranteed,
  WorkingHours,  // weekdays + hours, in a side's time zone
  Blackout,      // a date range: holiday, freeze
  Quota,         // included amount per period; extras billed at a rate
};
const char* to_string(BoundaryKind k);

enum class QuotaPeriod : uint8_t { Engagement, Month, Week };
const char* to_string(QuotaPeriod p);

struct Boundary {
  Id id = kNoId;
  BoundaryKind kind = BoundaryKind::InScope;
  std::string title;
  std::string description;
  // WorkingHours
  uint8_t working_days = kWorkweek;
  LocalTime day_start{9 * 60};
  LocalTime day_end{17 * 60};
  Side hours_side = Side::Provider;  // whose time zone the hours are in
  // Blackout (inclusive range)
  Date from;
  Date to;
  // Quota
  int32_t included = 0;  // e.g. 2 revision rounds
  int32_t used = 0;
  std::string unit;  // "revision round", "meeting"
  QuotaPeriod period = QuotaPeriod::Engagement;
  int64_t extra_rate_minor = 0;  // price of one extra unit, agreed with the client
  std::string origin;            // see Milestone::origin
  bool operator==(const Boundary&) const = default;
};

enum class ChangeStatus : uint8_t { Proposed, Approved, Rejected, Deferred };
const char* to_string(ChangeStatus s);

struct MilestoneImpact {
  Id milestone = kNoId;
  int32_t days = 0;  // positive = later
  bool operator==(const MilestoneImpact&) const = default;
};

struct ChangeRequest {
  Id id = kNoId;
  std::string title;
  std::string description;
  Id requested_by = kNoId;  // stakeholder
  Date requested_on;
  Id objective = kNoId;  // linked objective, optional
  std::vector<MilestoneImpact> impacts;
  int64_t cost_minor = 0;  // in the engagement's currency
  int32_t effort_hours = 0;
  ChangeStatus status = ChangeStatus::Proposed;
  std::optional<Date> decided_on;
  Id decided_by = kNoId;
  std::string rationale;
  std::string alternative;
  std::string internal_notes;  // margin, negotiation notes: internal
  bool operator==(const ChangeRequest&) const = default;
};

enum class TaskStatus : uint8_t { Open, Done, Dropped };
const char* to_string(TaskStatus s);

struct ClientTask {
  Id id = kNoId;
  std::string title;
  Id owner = kNoId;  // client-side stakeholder
  Date created_on;
  Date due;
  TaskStatus status = TaskStatus::Open;
  std::optional<Date> done_on;
  Id milestone = kNoId;  // the milestone that waits on it, optional
  std::string origin;    // see Milestone::origin
  bool operator==(const ClientTask&) const = default;
};

// [SECTION] Log ---------------------------------------------------------------

struct Decision {
  Id id = kNoId;
  Date date;
  std::string what;
  Id decided_by = kNoId;
  std::vector<Id> consulted;
  std::vector<Id> informed;
  std::string rationale;
  bool operator==(const Decision&) const = default;
};

struct Feedback {
  Id id = kNoId;
  Date date;
  Id stakeholder = kNoId;
  int32_t sentiment = 0;  // -2..+2
  std::string note;
  std::string follow_up;
  bool operator==(const Feedback&) const = default;
};

// [SECTION] Engagement --------------------------------------------------------

// Where a client-visible milestone stood when an update was sent.
struct MilestoneDate {
  Id milestone = kNoId;
  Date date;
  bool operator==(const MilestoneDate&) const = default;
};

// A weekly update as it was sent (weekly_update.hpp): when, the period it
// covered, what it said (Markdown) and where the milestones stood, so the next
// update starts there and names what moved since.
struct SentUpdate {
  Date sent_on;
  Date since;
  std::string text;
  std::vector<MilestoneDate> milestones;
  bool operator==(const SentUpdate&) const = default;
};
enum class Kind : uint8_t;

struct EngagementInfo {
  std::string name;
  std::string client_org;
  std::string provider_org;
  std::string time_zone = "UTC";  // IANA: the provider's, and the engagement's calendar
  std::string client_time_zone;   // IANA; empty = the same as time_zone
  Date start;
  Date end;
  std::string currency = "EUR";         // ISO 4217
  std::string vision;                   // in the client's words
  std::string internal_notes;           // internal
  int64_t internal_day_rate_minor = 0;  // internal
  int32_t internal_margin_percent = 0;  // internal
  std::vector<SentUpdate> updates;      // oldest first
  bool operator==(const EngagementInfo&) const = default;
};

// The client's time zone: client_time_zone, or the engagement's when unset.
inline const std::string& client_zone_of(const EngagementInfo& info) {
  return info.client_time_zone.empty() ? info.time_zone : info.client_time_zone;
}

// A disagreement a merge could not settle (merge.hpp): the same field changed
// to two values, or an item edited on one side and deleted on the other. The
// merged engagement holds "mine" until the user keeps one side; the record
// holds what "keep theirs" puts back. Kept inside the file, so a merged file is
// always valid and opens.
struct Conflict {
  bool on_info = false;  // the engagement's details, not an item
  Kind kind{};           // the item's kind (when !on_info)
  Id item = kNoId;
  std::string field;  // a field key (fields.hpp), "occurrence:YYYY-MM-DD", "recurrence",
                      // "decision", "other" or "deleted" (edited on one side, deleted on the other)
  std::string label;  // "Current", "Occurrence on 2026-12-01", "Deleted"
  std::string base, mine, theirs;  // the three values as text
  bool deleted_in_theirs = false;  // "deleted": which side deleted the item
  std::string theirs_json;         // "keep theirs": theirs' item (or details) as JSON
  bool operator==(const Conflict&) const = default;
};

struct Engagement {
  EngagementInfo info;
  Table<Stakeholder> stakeholders;
  Table<Objective> objectives;
  Table<Constraint> constraints;
  Table<Question> questions;
  Table<Expectation> expectations;
  Table<Responsibility> responsibilities;
  Table<Deliverable> deliverables;
  Table<CommunicationChannel> channels;
  Table<MeetingSeries> meetings;
  Table<Milestone> milestones;
  Table<Boundary> boundaries;
  Table<ChangeRequest> change_requests;
  Table<ClientTask> client_tasks;
  Table<Decision> decisions;
  Table<Feedback> feedback;
  Id next_id = 1;
  // The engagement's own stable id (calendar UIDs); 0 = none yet, then the one
  // v1 derived from the name and start is used (ids.hpp: engagement_uid).
  uint64_t uid = 0;
  std::vector<Conflict> conflicts;  // in (kind, item, field) order

  bool operator==(const Engagement&) const = default;

  // Total number of items in all tables.
  size_t item_count() const;
};

// Every item kind, for code that must visit all tables (validation, search,
// counts, redaction). The order is the order of sections in the app.
enum class Kind : uint8_t {
  Stakeholder,
  Objective,
  Constraint,
  Question,
  Expectation,
  Responsibility,
  Deliverable,
  Channel,
  Meeting,
  Milestone,
  Boundary,
  ChangeRequest,
  ClientTask,
  Decision,
  Feedback,
};
inline constexpr int kKindCount = 15;
const char* to_string(Kind k);     // "stakeholder"
const char* plural_title(Kind k);  // "Stakeholders"

template <class T>
struct KindOf;
#define RAPPORT_KIND(Type, K, member)                                         \
  template <>                                                                 \
  struct KindOf<Type> {                                                       \
    static constexpr Kind kind = Kind::K;                                     \
    static Table<Type>& table(Engagement& e) { return e.member; }             \
    static const Table<Type>& table(const Engagement& e) { return e.member; } \
  };
RAPPORT_KIND(Stakeholder, Stakeholder, stakeholders)
RAPPORT_KIND(Objective, Objective, objectives)
RAPPORT_KIND(Constraint, Constraint, constraints)
RAPPORT_KIND(Question, Question, questions)
RAPPORT_KIND(Expectation, Expectation, expectations)
RAPPORT_KIND(Responsibility, Responsibility, responsibilities)
RAPPORT_KIND(Deliverable, Deliverable, deliverables)
RAPPORT_KIND(CommunicationChannel, Channel, channels)
RAPPORT_KIND(MeetingSeries, Meeting, meetings)
RAPPORT_KIND(Milestone, Milestone, milestones)
RAPPORT_KIND(Boundary, Boundary, boundaries)
RAPPORT_KIND(ChangeRequest, ChangeRequest, change_requests)
RAPPORT_KIND(ClientTask, ClientTask, client_tasks)
RAPPORT_KIND(Decision, Decision, decisions)
RAPPORT_KIND(Feedback, Feedback, feedback)
#undef RAPPORT_KIND

// Calls f(table) for each of the 15 tables, in Kind order.
template <class E, class F>
void for_each_table(E& e, F&& f) {
  f(e.stakeholders);
  f(e.objectives);
  f(e.constraints);
  f(e.questions);
  f(e.expectations);
  f(e.responsibilities);
  f(e.deliverables);
  f(e.channels);
  f(e.meetings);
  f(e.milestones);
  f(e.boundaries);
  f(e.change_requests);
  f(e.client_tasks);
  f(e.decisions);
  f(e.feedback);
}

// The short text that names an item in lists, labels and messages.
std::string name_of(const Stakeholder& x);
std::string name_of(const Objective& x);
std::string name_of(const Constraint& x);
std::string name_of(const Question& x);
std::string name_of(const Expectation& x);
std::string name_of(const Responsibility& x);
std::string name_of(const Deliverable& x);
std::string name_of(const CommunicationChannel& x);
std::string name_of(const MeetingSeries& x);
std::string name_of(const Milestone& x);
std::string name_of(const Boundary& x);
std::string name_of(const ChangeRequest& x);
std::string name_of(const ClientTask& x);
std::string name_of(const Decision& x);
std::string name_of(const Feedback& x);

// Which kind an id belongs to, if any.
std::optional<Kind> kind_of(const Engagement& e, Id id);
// A short human name for any item ("Anna Virtanen", "Beta", "Weekly check-in").
std::string display_name(const Engagement& e, Id id);

// A reference to one thing the user can select: an item, or one occurrence of
// a meeting series (identified by its original local date).
struct Selection {
  Id id = kNoId;
  std::optional<Date> occurrence;
  bool operator==(const Selection&) const = default;
  bool empty() const { return id == kNoId; }
};

}  // namespace rapport
