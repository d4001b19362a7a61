// Recaps that travel (recap.hpp): the content from the client's copy, then
// plain text, Markdown, and an RFC 5322 e-mail draft.
//
// [SECTION] index
//   Content  - meeting_recap(): who, when, what was said and agreed, what is next
//   Text     - recap_text, recap_markdown
//   Mail     - base64, encoded words, addresses, recap_eml
#include "rapport/recap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rapport/client_report.hpp"
#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/recap_actions.hpp"
#include "rapport/recurrence.hpp"

namespace rapport {

std::string MeetingRecap::subject() const {
  return fmt::format("Recap: {}, {}", meeting, date_text(held_on));
}

// [SECTION] Content -------------------------------------------------------------

namespace {

// A time slot as the client reads it: "Thu 12 Nov 2026, 16:00–16:30 (Europe/Amsterdam)".
std::string slot_text(Instant from, Instant to, const std::string& zone) {
  LocalDateTime a = to_local(from, zone), b = to_local(to, zone);
  return fmt::format("{}, {}–{} ({})", date_text(a.date), a.time.hhmm(), b.time.hhmm(), zone);
}

}  // namespace

bool is_mail_address(const std::string& s) {
  size_t at = s.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= s.size() || s.find('@', at + 1) != s.npos)
    return false;
  for (unsigned char c : s)
    if (c <= ' ' || c >= 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
        c == '(' || c == ')' || c == '\\' || c == '[' || c == ']' || c == ':')
      return false;
  return true;
}

namespace {
bool is_address(const std::string& s) { return is_mail_address(s); }
}  // namespace

std::optional<MeetingRecap> meeting_recap(const Engagement& original_e, Id series, Date original) {
  Engagement e = redacted(original_e);
  const MeetingSeries* s = e.meetings.find(series);
  if (!s) return std::nullopt;
  auto o = s->overrides.find(original);
  if (o == s->overrides.end() || o->second.state != OccurrenceState::Held) return std::nullopt;
  const Date originals[] = {original};
  if (!has_occurrences(*s, originals).front()) return std::nullopt;
  const OccurrenceOverride& held = o->second;
  const std::string& zone = series_zone(*s, e.info);

  MeetingRecap r;
  r.engagement = e.info.name;
  r.meeting = s->title;
  r.from = e.info.provider_org;
  LocalDateTime start = held.moved_to ? *held.moved_to : LocalDateTime{original, s->start};
  Instant at = to_instant(start, zone);
  r.held_on = start.date;
  r.when = slot_text(at, at.plus_minutes(s->duration_minutes), zone);
  for (Id id : s->attendees)
    if (const Stakeholder* p = e.stakeholders.find(id); p && is_address(p->contact))
      r.to.push_back(Recipient{p->name, p->contact});
  for (Id id : held.present)
    if (const Stakeholder* p = e.stakeholders.find(id)) r.present.push_back(p->name);
  r.summary = held.recap_summary;
  r.agreed = agreed_action_lines(held.agreed_actions);
  for (const Occurrence& next :
       occurrences(*s, e.info, at.plus_minutes(1), at.plus_minutes(400LL * 1440))) {
    if (next.state == OccurrenceState::Cancelled || next.start.minutes <= at.minutes) continue;
    r.next_meeting = slot_text(next.start, next.end, zone);
    break;
  }
  const Date held_on = r.held_on;
  std::vector<const ClientTask*> open;
  for (const auto& [id, t] : e.client_tasks)
    if (t.created_on <= held_on && t.status != TaskStatus::Dropped &&
        (t.status == TaskStatus::Open || (t.done_on && *t.done_on > held_on)))
      open.push_back(&t);
  std::stable_sort(open.begin(), open.end(), [](auto* a, auto* b) { return a->due < b->due; });
  for (const ClientTask* t : open) {
    const Stakeholder* owner = e.stakeholders.find(t->owner);
    r.needed.push_back(fmt::format("{}{}{}, due {}{}", t->title, owner ? " — " : "",
                                   owner ? owner->name : "", date_text(t->due),
                                   t->due < held_on ? " (overdue)" : ""));
    bool listed = std::any_of(r.to.begin(), r.to.end(), [&](const Recipient& x) {
      return owner && x.address == owner->contact;
    });
    if (owner && !listed && is_address(owner->contact))
      r.to.push_back(Recipient{owner->name, owner->contact});
  }
  return r;
}

bool meeting_was_held(const Engagement& e, Id series, Date original) {
  const MeetingSeries* s = e.meetings.find(series);
  if (!s) return false;
  auto o = s->overrides.find(original);
  return o != s->overrides.end() && o->second.state == OccurrenceState::Held;
}

std::optional<MeetingRecap> find_meeting_recap(const Engagement& e, std::string_view title,
                                               Date date) {
  for (const auto& [id, s] : e.meetings) {
    if (s.title != title) continue;
    if (auto r = meeting_recap(e, id, date)) return r;
    for (const auto& [original, o] : s.overrides)  // or the day it was moved to
      if (o.moved_to && o.moved_to->date == date)
        if (auto r = meeting_recap(e, id, original)) return r;
  }
  return std::nullopt;
}

// [SECTION] Text ----------------------------------------------------------------

ClientReport recap_report(const MeetingRecap& r) {
  ClientReport out;
  out.title = r.meeting;
  out.subtitle = fmt::format("Recap · {}", date_text(r.held_on));
  out.parties = r.engagement;
  ReportSection meeting{"meeting", "The meeting"};
  // "Fri 6 Nov 2026" large, "16:00–16:30 (Europe/Amsterdam)" below it.
  auto fact = [&](const char* label, const std::string& when) {
    size_t comma = when.find(", ");
    if (comma == std::string::npos)
      meeting.facts.push_back({label, when, "", Tone::Plain});
    else
      meeting.facts.push_back({label, when.substr(0, comma), when.substr(comma + 2), Tone::Plain});
  };
  fact("When", r.when);
  if (!r.next_meeting.empty()) fact("Next meeting", r.next_meeting);
  if (!r.present.empty()) {
    std::string names;
    for (const std::string& p : r.present) names += (names.empty() ? "" : ", ") + p;
    meeting.paragraphs.push_back("Present: " + names);
  }
  out.sections.push_back(std::move(meeting));
  ReportSection discussed{"discussed", "What we discussed"};
  if (!r.summary.empty()) discussed.paragraphs = agreed_action_lines(r.summary);
  discussed.empty = "No summary written.";
  out.sections.push_back(std::move(discussed));
  ReportSection agreed{"agreed", "What we agreed"};
  if (!r.agreed.empty()) agreed.lists.emplace_back("Actions", r.agreed);
  agreed.empty = "No actions agreed.";
  out.sections.push_back(std::move(agreed));
  ReportSection needed{"needed", "What we need from you"};
  if (!r.needed.empty()) needed.lists.emplace_back("Open on your side", r.needed);
  needed.empty = "Nothing open on your side. Thank you!";
  out.sections.push_back(std::move(needed));
  out.footer = r.from.empty() ? fmt::format("Made with Rapport {}.", RAPPORT_VERSION)
                              : fmt::format("{} · Made with Rapport {}.", r.from, RAPPORT_VERSION);
  return out;
}

std::string recap_text(const MeetingRecap& r) {
  std::string out = fmt::format("{}\n{}\n", r.meeting, r.when);
  if (!r.present.empty()) {
    out += "Present: ";
    for (size_t i = 0; i < r.present.size(); ++i) out += (i ? ", " : "") + r.present[i];
    out += "\n";
  }
  if (!r.summary.empty()) out += "\nWhat we discussed\n" + r.summary + "\n";
  if (!r.agreed.empty()) {
    out += "\nWhat we agreed\n";
    for (const std::string& a : r.agreed) out += "- " + a + "\n";
  }
  if (!r.needed.empty()) {
    out += "\nWhat we need from you\n";
    for (const std::string& n : r.needed) out += "- " + n + "\n";
  }
  if (!r.next_meeting.empty()) out += "\nNext meeting: " + r.next_meeting + "\n";
  if (!r.from.empty()) out += "\n" + r.from + "\n";
  return out;
}

std::string recap_markdown(const MeetingRecap& r) {
  std::string out =
      fmt::format("## {}\n\n**{}**", markdown_escape(r.meeting), markdown_escape(r.when));
  if (!r.present.empty()) {
    out += "  \nPresent: ";
    for (size_t i = 0; i < r.present.size(); ++i)
      out += (i ? ", " : "") + markdown_escape(r.present[i]);
  }
  out += "\n";
  if (!r.summary.empty()) out += "\n### What we discussed\n\n" + markdown_escape(r.summary) + "\n";
  if (!r.agreed.empty()) {
    out += "\n### What we agreed\n\n";
    for (const std::string& a : r.agreed) out += "- " + markdown_escape(a) + "\n";
  }
  if (!r.needed.empty()) {
    out += "\n### What we need from you\n\n";
    for (const std::string& n : r.needed) out += "- " + markdown_escape(n) + "\n";
  }
  if (!r.next_meeting.empty()) out += "\nNext meeting: " + markdown_escape(r.next_meeting) + "\n";
  return out;
}

// [SECTION] Mail ----------------------------------------------------------------

std::string base64(std::string_view bytes, size_t line) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve(bytes.size() / 3 * 4 + 8);
  size_t column = 0;
  auto put = [&](char c) {
    if (line > 0 && column == line) {
      out += "\r\n";
      column = 0;
    }
    out += c;
    ++column;
  };
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = uint32_t(uint8_t(bytes[i])) << 16;
    if (i + 1 < bytes.size()) n |= uint32_t(uint8_t(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) n |= uint32_t(uint8_t(bytes[i + 2]));
    put(kAlphabet[(n >> 18) & 63]);
    put(kAlphabet[(n >> 12) & 63]);
    put(i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=');
    put(i + 2 < bytes.size() ? kAlphabet[n & 63] : '=');
  }
  return out;
}

namespace {

// One line of header text: no line breaks or control characters survive.
std::string header_safe(std::string_view text) {
  std::string out;
  for (unsigned char c : text) out += (c < 0x20 || c == 0x7F) ? ' ' : char(c);
  return out;
}

bool ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return uint8_t(c) < 0x80; });
}

// Header text as RFC 2047 encoded words when it is not short plain ASCII:
// each word on a line of its own, split between UTF-8 sequences, so header
// lines stay within RFC 5322's 78 characters.
std::string encoded_words(std::string_view text) {
  std::string safe = header_safe(text);
  if (ascii(safe) && safe.size() <= 60) return safe;
  std::string out;
  size_t i = 0;
  while (i < safe.size()) {
    // 39 bytes: 52 of base64, a 64-character word, a line under 78 with "Subject: ".
    size_t end = std::min(safe.size(), i + 39);
    while (end < safe.size() && end > i && (uint8_t(safe[end]) & 0xC0) == 0x80) --end;
    if (end == i) end = std::min(safe.size(), i + 39);  // no boundary in reach: cut anyway
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(safe).substr(i, end - i), 0) + "?=";
    i = end;
  }
  return out;
}

// "Name" <address>; nothing when the address is not a plain address.
std::string mailbox(const Recipient& r) {
  if (!is_address(r.address)) return {};
  std::string name = header_safe(r.name);
  if (name.empty()) return r.address;
  if (!ascii(name) || name.size() > 60)
    return encoded_words(name) + "\r\n <" + r.address + ">";  // the address on a line of its own
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\" <" + r.address + ">";
}

// "Tue, 24 Nov 2026 10:00:00 +0000"
std::string rfc5322_date(Instant t) {
  Date d = utc_date_of(t);
  int64_t minute = t.minutes - start_of(d).minutes;
  return fmt::format("{}, {:02d} {:.3s} {:04d} {:02d}:{:02d}:00 +0000", weekday_short(d.weekday()),
                     d.day(), month_name(d.month()), d.year(), minute / 60, minute % 60);
}

std::string html_of(const MeetingRecap& r) {
  std::string out = "<!DOCTYPE html>\r\n<html><body style=\"font-family: sans-serif\">\r\n";
  out += "<h2>" + html_escape(r.meeting) + "</h2>\r\n<p><b>" + html_escape(r.when) + "</b>";
  if (!r.present.empty()) {
    out += "<br>Present: ";
    for (size_t i = 0; i < r.present.size(); ++i)
      out += (i ? ", " : "") + html_escape(r.present[i]);
  }
  out += "</p>\r\n";
  auto list = [&](const char* title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out += fmt::format("<h3>{}</h3>\r\n<ul>\r\n", title);
    for (const std::string& item : items) out += "<li>" + html_escape(item) + "</li>\r\n";
    out += "</ul>\r\n";
  };
  if (!r.summary.empty())
    out += "<h3>What we discussed</h3>\r\n<p>" + html_escape(r.summary) + "</p>\r\n";
  list("What we agreed", r.agreed);
  list("What we need from you", r.needed);
  if (!r.next_meeting.empty())
    out += "<p>Next meeting: " + html_escape(r.next_meeting) + "</p>\r\n";
  if (!r.from.empty()) out += "<p>" + html_escape(r.from) + "</p>\r\n";
  return out + "</body></html>\r\n";
}

// CRLF line ends for a body part.
std::string crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    if (c != '\r') out += c;
  }
  return out;
}

}  // namespace

std::string eml_draft(const EmailDraft& d, Instant date) {
  // Base64 never contains '_', so the boundary cannot occur inside a part.
  const std::string boundary = "=_rapport_alternative";
  std::string out;
  out += "X-Unsent: 1\r\n";
  out += "Date: " + rfc5322_date(date) + "\r\n";
  std::vector<const Recipient*> to;
  for (const Recipient& r : d.to)
    if (is_mail_address(r.address)) to.push_back(&r);
  if (!to.empty()) {
    out += "To: ";
    for (size_t i = 0; i < to.size(); ++i) out += (i ? ",\r\n " : "") + mailbox(*to[i]);
    out += "\r\n";
  }
  out += "Subject: " + encoded_words(d.subject) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  auto part = [&](const char* type, const std::string& body) {
    out += "--" + boundary + "\r\n";
    out += fmt::format("Content-Type: {}; charset=UTF-8\r\n", type);
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    out += base64(crlf(body)) + "\r\n";
  };
  part("text/plain", d.text);
  part("text/html", d.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

std::string recap_eml(const MeetingRecap& r, Instant date) {
  return eml_draft(EmailDraft{r.to, r.subject(), recap_text(r), html_of(r)}, date);
}

}  // namespace rapport
