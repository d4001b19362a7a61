// Private to health*.cpp: the context the checks share and one function per
// group of checks. Each check appends its findings to ctx.out.
#pragma once

#include <string>
#include <vector>

#include "rapport/health.hpp"
#include "rapport/recurrence.hpp"

namespace rapport::health {

struct Context {
  const Engagement& e;
  Date as_of;
  const HealthSettings& s;
  uint8_t working_days;
  std::vector<Finding>& out;
  // Filled once by check_health (one pass over each big table), read by the checks.
  std::vector<const ClientTask*> open_tasks;   // status Open, by id
  std::vector<const ChangeRequest*> approved;  // status Approved, by id

  Finding& add(Severity severity, std::string_view check, Id item, Date date, std::string message,
               std::string next_step, bool internal) {
    Finding f;
    f.severity = severity;
    f.check = std::string(check);
    f.item = item;
    f.date = date;
    f.message = std::move(message);
    f.next_step = std::move(next_step);
    f.internal = internal;
    out.push_back(std::move(f));
    return out.back();
  }
};

// Gives f its client-facing open point (Finding::open_point), built only from
// fields that are not internal. An internal finding never gets one: the client
// view must not learn of it even by a neutral line.
inline void set_open_point(Finding& f, std::string text) {
  if (!f.internal) f.open_point = std::move(text);
}

// A stakeholder's name, or a placeholder for a dangling reference.
std::string person(const Engagement& e, Id id);
// "a", "a and b", "a, b and 3 more" (at most `shown` names).
std::string list_names(const std::vector<std::string>& names, size_t shown = 3);
// n with the noun, pluralised by adding "s" ("1 day", "3 days").
std::string count_of(long long n, std::string_view noun);
// Text between typographic double quotes: “Launch before Easter”.
std::string quoted(const std::string& s);
bool blank(const std::string& s);
// Date::iso() without the calendar library's round trips (hot in messages).
std::string iso(Date d);
// The local date an occurrence actually takes place on (after a move).
Date actual_date(Date original, const OccurrenceOverride* o);

// health_meetings.cpp
void check_consistency(Context& c);
void check_recaps(Context& c);
void check_boundary_meetings(Context& c);
void check_cadence(Context& c);

// health_plan.cpp
void check_client_tasks(Context& c);
void check_change_requests(Context& c);
void check_scope_creep(Context& c);
void check_milestone_drift(Context& c);
void check_milestone_waits(Context& c);
void check_quotas(Context& c);

// health_people.cpp
void check_channels(Context& c);
void check_expectations(Context& c);

}  // namespace rapport::health
