// The weekly update (weekly_update.hpp): the period, what moved and why, the
// record of what was sent, and its Markdown and e-mail forms. The sections
// themselves are built with the status report's (client_report.cpp).
#include "rapport/weekly_update.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/validate.hpp"

namespace rapport {

namespace {

const SentUpdate* last_update(const Engagement& e, Date on_or_before) {
  const SentUpdate* last = nullptr;
  for (const SentUpdate& u : e.info.updates)
    if (u.sent_on <= on_or_before && (!last || u.sent_on >= last->sent_on)) last = &u;
  return last;
}

bool mentions(const std::string& text, const std::string& name) {
  return !name.empty() && text.find(name) != std::string::npos;
}

}  // namespace

Date update_since(const Engagement& e, Date as_of, std::optional<Date> since) {
  if (since) return *since;
  // An update sent the same day is the one being redone: start where the one before ended.
  if (const SentUpdate* u = last_update(e, as_of.plus_days(-1))) return u->sent_on;
  return as_of.plus_days(-7);
}

std::vector<MovedMilestone> moved_milestones(const Engagement& e, Date since, Date as_of) {
  const SentUpdate* snapshot = last_update(e, since);
  std::map<Id, Date> then;
  if (snapshot)
    for (const MilestoneDate& m : snapshot->milestones) then[m.milestone] = m.date;
  auto in_period = [&](Date d) { return d > since && d <= as_of; };

  std::vector<MovedMilestone> out;
  for (const auto& [id, m] : e.milestones) {
    int days = 0;
    std::string why;
    for (const auto& [cid, c] : e.change_requests) {
      if (c.status != ChangeStatus::Approved || !c.decided_on || !in_period(*c.decided_on))
        continue;
      for (const MilestoneImpact& impact : c.impacts)
        if (impact.milestone == id && impact.days != 0) {
          days += impact.days;
          if (!why.empty()) why += "; ";
          why += fmt::format("Change request “{}” approved {}", c.title, day_month(*c.decided_on));
        }
    }
    Date was = m.current.plus_days(-days);
    if (auto it = then.find(id); it != then.end()) was = it->second;
    if (was == m.current) continue;
    if (why.empty())
      for (const auto& [did, d] : e.decisions)
        if (in_period(d.date) && (mentions(d.what, m.title) || mentions(d.rationale, m.title))) {
          why = fmt::format("Decision “{}”, {}", d.what, day_month(d.date));
          break;
        }
    out.push_back(MovedMilestone{id, m.title, was, m.current, why});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const MovedMilestone& a, const MovedMilestone& b) { return a.now < b.now; });
  return out;
}

ClientReport build_weekly_update(const Engagement& e, Date as_of, std::optional<Date> since) {
  return build_client_report(e, as_of, ReportScope::WeeklyUpdate, update_since(e, as_of, since));
}

std::string weekly_update_markdown(const Engagement& e, Date as_of, std::optional<Date> since) {
  return report_markdown(build_weekly_update(e, as_of, since));
}

std::string weekly_update_eml(const Engagement& original, Date as_of, std::optional<Date> since,
                              Instant date) {
  const Engagement e = redacted(original);
  ClientReport r = build_weekly_update(e, as_of, since);
  EmailDraft d;
  for (const auto& [id, s] : e.stakeholders)
    if (s.side == Side::Client && is_mail_address(s.contact)) d.to.push_back({s.name, s.contact});
  d.subject = fmt::format("{}: update of {}", r.title, date_text(as_of));
  d.text = report_markdown(r);
  d.html = report_html(r);
  return eml_draft(d, date);
}

SentUpdate sent_update(const Engagement& original, Date as_of, std::optional<Date> since) {
  const Engagement e = redacted(original);
  SentUpdate u;
  u.sent_on = as_of;
  u.since = update_since(e, as_of, since);
  if (u.since > as_of) u.since = as_of;
  u.text = report_markdown(build_client_report(e, as_of, ReportScope::WeeklyUpdate, u.since));
  // What is kept is a record, not the document: a very long one is cut (at a
  // character boundary) to what a text field may hold.
  if (u.text.size() > kMaxTextBytes - 8) {
    size_t cut = kMaxTextBytes - 8;
    while (cut > 0 && (static_cast<unsigned char>(u.text[cut]) & 0xC0) == 0x80) --cut;
    u.text.resize(cut);
    u.text += "\n…\n";
  }
  for (const auto& [id, m] : e.milestones) u.milestones.push_back(MilestoneDate{id, m.current});
  return u;
}

Command record_update(const Engagement& e, Date as_of, std::optional<Date> since) {
  EngagementInfo info = e.info;
  SentUpdate u = sent_update(e, as_of, since);
  // A second update the same day replaces the first: one record per day.
  std::erase_if(info.updates, [&](const SentUpdate& x) { return x.sent_on == as_of; });
  info.updates.push_back(std::move(u));
  std::stable_sort(info.updates.begin(), info.updates.end(),
                   [](const SentUpdate& a, const SentUpdate& b) { return a.sent_on < b.sent_on; });
  return SetInfo{std::move(info)};
}

std::string record_update_label(Date as_of) {
  return fmt::format("Record weekly update of {}", day_month(as_of));
}

}  // namespace rapport
