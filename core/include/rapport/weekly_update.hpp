// The weekly update: what changed for the client since the last update, as the
// client receives it. Milestones that moved and why (the change request or the
// decision behind it), change requests decided, decisions made, client tasks
// done and still open, the next meetings. A client report document
// (client_report.hpp, ReportScope::WeeklyUpdate), so it prints as PDF, HTML and
// Markdown like the status report, built from the client's copy (redacted()):
// nothing internal can reach it. The file remembers each update sent
// (EngagementInfo::updates): the next one starts where the last one ended and
// compares the milestones with where they stood then.
//
//   ClientReport u = build_weekly_update(e, today);
//   doc.submit(intent::Apply{label, {record_update(e, today)}});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rapport/client_report.hpp"
#include "rapport/commands.hpp"
#include "rapport/model.hpp"
#include "rapport/recap.hpp"

namespace rapport {

// The day the update covers from (exclusive): `since` when given, else the day
// the last update up to as_of was sent, else a week before as_of.
Date update_since(const Engagement& e, Date as_of, std::optional<Date> since = std::nullopt);

// A client-visible milestone whose date changed in (since, as_of].
struct MovedMilestone {
  Id id = kNoId;
  std::string title;
  Date was, now;
  std::string why;  // "Change request “Extra landing page” approved 20 Nov"; may be empty
};
// Compared with where the milestones stood at the last update sent on or before
// `since` (when there is one), and with the change requests approved in the
// period (their impacts say how far each moved). `e` should be the client's copy.
std::vector<MovedMilestone> moved_milestones(const Engagement& e, Date since, Date as_of);

// The update as of a date, from redacted(e).
ClientReport build_weekly_update(const Engagement& e, Date as_of,
                                 std::optional<Date> since = std::nullopt);
std::string weekly_update_markdown(const Engagement& e, Date as_of,
                                   std::optional<Date> since = std::nullopt);
// An e-mail draft to the client's people with an address: the Markdown as the
// text part, the HTML report as the HTML part.
std::string weekly_update_eml(const Engagement& e, Date as_of, std::optional<Date> since,
                              Instant date);

// What the file keeps of an update sent on as_of: the period, its Markdown and
// where each client-visible milestone stood.
SentUpdate sent_update(const Engagement& e, Date as_of, std::optional<Date> since = std::nullopt);
// The command that records it (the engagement's details with the update added):
// apply it as one step named "Record weekly update sent …".
Command record_update(const Engagement& e, Date as_of, std::optional<Date> since = std::nullopt);
std::string record_update_label(Date as_of);  // "Record weekly update of 24 Nov"

}  // namespace rapport
