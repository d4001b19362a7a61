// Defaults for new items. Each is valid in any engagement, so adding never
// fails; the user then edits it in place.
#include "rapport/defaults.hpp"

#include <date/tz.h>

#include <cstdlib>
#include <exception>
#include <string_view>
#include <utility>

#include "rapport/ids.hpp"

namespace rapport {

template <>
Stakeholder default_item<Stakeholder>(const Engagement&, Date) {
  Stakeholder x;
  x.name = "New stakeholder";
  return x;
}
template <>
Objective default_item<Objective>(const Engagement&, Date) {
  Objective x;
  x.title = "New objective";
  return x;
}
template <>
Constraint default_item<Constraint>(const Engagement&, Date) {
  Constraint x;
  x.description = "New constraint";
  return x;
}
template <>
Question default_item<Question>(const Engagement&, Date today) {
  Question x;
  x.text = "New question";
  x.asked_on = today;
  return x;
}
template <>
Expectation default_item<Expectation>(const Engagement&, Date today) {
  Expectation x;
  x.what = "New expectation";
  x.raised_on = today;
  return x;
}
template <>
Responsibility default_item<Responsibility>(const Engagement&, Date) {
  Responsibility x;
  x.what = "New responsibility";
  return x;
}
template <>
Deliverable default_item<Deliverable>(const Engagement&, Date) {
  Deliverable x;
  x.title = "New deliverable";
  return x;
}
template <>
CommunicationChannel default_item<CommunicationChannel>(const Engagement&, Date) {
  CommunicationChannel x;
  x.purpose = "New channel";
  return x;
}
template <>
MeetingSeries default_item<MeetingSeries>(const Engagement&, Date today) {
  MeetingSeries x;
  x.title = "New meeting";
  x.first_date = today;
  x.start = LocalTime{10 * 60};
  x.duration_minutes = 60;
  x.recurrence.frequency = Frequency::Weekly;
  x.recurrence.weekdays = uint8_t(1u << today.weekday());
  return x;
}
template <>
Milestone default_item<Milestone>(const Engagement&, Date today) {
  Milestone x;
  x.title = "New milestone";
  x.baseline = x.current = today.plus_days(14);
  return x;
}
template <>
Boundary default_item<Boundary>(const Engagement&, Date today) {
  Boundary x;
  x.title = "New boundary";
  x.from = today;
  x.to = today.plus_days(6);
  return x;
}
template <>
ChangeRequest default_item<ChangeRequest>(const Engagement&, Date today) {
  ChangeRequest x;
  x.title = "New change request";
  x.requested_on = today;
  return x;
}
template <>
ClientTask default_item<ClientTask>(const Engagement&, Date today) {
  ClientTask x;
  x.title = "New client task";
  x.created_on = today;
  x.due = today.plus_days(7);
  return x;
}
template <>
Decision default_item<Decision>(const Engagement&, Date today) {
  Decision x;
  x.what = "New decision";
  x.date = today;
  return x;
}
template <>
Feedback default_item<Feedback>(const Engagement&, Date today) {
  Feedback x;
  x.date = today;
  return x;
}

std::string local_time_zone() {
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string_view name = tz[0] == ':' ? tz + 1 : tz;
    if (is_known_time_zone(name)) return std::string(name);
  }
  try {
    if (const date::time_zone* zone = date::current_zone()) return std::string(zone->name());
  } catch (const std::exception&) {
    // No readable /etc/localtime: UTC, as the rules say.
  }
  return "UTC";
}

Engagement default_engagement(Date today, std::string time_zone) {
  Engagement e;
  e.info.name = "New engagement";
  e.info.time_zone = std::move(time_zone);
  e.info.start = today;
  e.info.end = today.plus_days(90);
  e.uid = random_engagement_uid();
  return e;
}

}  // namespace rapport
