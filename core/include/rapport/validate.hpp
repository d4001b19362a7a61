// The rules an engagement obeys, checked the same way for a command and for a
// file just loaded (a file can hold what commands forbid).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rapport/model.hpp"

namespace rapport {

// An error a person can read. `field` names the input it concerns ("name",
// "owner", "due"), so a form can show the message next to it; empty when it
// concerns the whole item.
struct Error {
  std::string field;
  std::string message;
  bool operator==(const Error&) const = default;
};

// Rules for one item as it would stand in `e` (references must exist, ranges
// hold, required texts are not blank). Ids of the item itself are not checked.
std::optional<Error> validate(const Engagement& e, const EngagementInfo& info);
std::optional<Error> validate(const Engagement& e, const Stakeholder& x);
std::optional<Error> validate(const Engagement& e, const Objective& x);
std::optional<Error> validate(const Engagement& e, const Constraint& x);
std::optional<Error> validate(const Engagement& e, const Question& x);
std::optional<Error> validate(const Engagement& e, const Expectation& x);
std::optional<Error> validate(const Engagement& e, const Responsibility& x);
std::optional<Error> validate(const Engagement& e, const Deliverable& x);
std::optional<Error> validate(const Engagement& e, const CommunicationChannel& x);
std::optional<Error> validate(const Engagement& e, const MeetingSeries& x);
std::optional<Error> validate(const Engagement& e, const Milestone& x);
std::optional<Error> validate(const Engagement& e, const Boundary& x);
std::optional<Error> validate(const Engagement& e, const ChangeRequest& x);
std::optional<Error> validate(const Engagement& e, const ClientTask& x);
std::optional<Error> validate(const Engagement& e, const Decision& x);
std::optional<Error> validate(const Engagement& e, const Feedback& x);

// The same rules without the policy ones (a rejected change request needs a
// reason): what a loaded file is held to, item by item. Commands check every
// item they touch with this too, so whatever a command produces saves and
// reopens. Defined for EngagementInfo and the 15 item types.
template <class T>
std::optional<Error> validate_stored(const Engagement& e, const T& x);

// Every rule over a whole engagement: each item as above, ids unique and below
// next_id, table keys equal to item ids. Returns the problems found, each
// message naming the item ("Client task “Send assets”: the owner ...").
// Stops after `limit` problems.
std::vector<std::string> validate_engagement(const Engagement& e, size_t limit = 20);

// Limits that keep a hostile file or a huge paste from hurting: texts longer
// than this are refused by commands and by the loader.
inline constexpr size_t kMaxTextBytes = 1 << 20;   // 1 MiB per text field
inline constexpr size_t kMaxNameBytes = 1000;      // names and titles
inline constexpr int32_t kMaxEffortUnits = 10000;  // units in one effort log entry

// Dates an engagement may hold: the years 1 to 9999, so every date has a
// 4-digit ISO form in JSON. Commands and loaded files both keep to it.
inline constexpr int32_t kMinDateDays = -719162;  // 0001-01-01
inline constexpr int32_t kMaxDateDays = 2932896;  // 9999-12-31
inline bool in_date_range(Date d) { return d.days >= kMinDateDays && d.days <= kMaxDateDays; }

// The largest id an item can have: below 2^53, so JSON readers in JavaScript
// keep every id exact (ids.hpp). next_id may be one more.
inline constexpr Id kMaxItemId = (Id(1) << 53) - 2;

}  // namespace rapport
