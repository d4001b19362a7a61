// Recaps that travel: a held meeting's recap as the client receives it, as an
// e-mail draft (.eml, RFC 5322 with a plain text and an HTML part) addressed to
// the attendees, and as Markdown to paste. Built from the client's copy of the
// engagement (redacted()): nothing internal reaches the client's inbox.
//
//   auto recap = meeting_recap(e, series_id, original_date);
//   if (recap) write(recap_eml(*recap, now_utc()));
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rapport/model.hpp"

namespace rapport {

struct Recipient {
  std::string name;
  std::string address;  // an e-mail address (a contact without '@' is no recipient)
};

struct MeetingRecap {
  std::string engagement;  // the engagement's name
  std::string meeting;     // the series' title
  Date held_on;            // the local date it was held on (moved or not)
  std::string when;        // "Thu 12 Nov 2026, 16:00–16:30 (Europe/Amsterdam)"
  std::vector<Recipient> to;
  std::vector<std::string> present;  // names of those who were there
  std::string summary;
  std::vector<std::string> agreed;  // the agreed actions, one per line
  std::string next_meeting;         // as `when`, or empty
  // Open client tasks: "Final Finnish copy — Sanna, due Fri 20 Nov 2026".
  std::vector<std::string> needed;
  std::string from;             // the provider's organisation, for the signature
  std::string subject() const;  // "Recap: Weekly check-in, Thu 12 Nov 2026"
};

// The recap of the occurrence of `series` originally on `original`, or nullopt
// when there is no such occurrence or it was not held. It reads as of the day
// the meeting was held, whenever it is exported: the next meeting after it, and
// what was open on the client's side that day (tasks created by then and not
// done before it, overdue as of that day). Recipients: the attendees, and the
// owners of those tasks, each with an e-mail address.
std::optional<MeetingRecap> meeting_recap(const Engagement& e, Id series, Date original);

// Whether the occurrence of `series` originally on `original` was held, so
// meeting_recap() has a recap for it. Cheap (no copy of the engagement): for
// menus that ask every frame.
bool meeting_was_held(const Engagement& e, Id series, Date original);

// The recap of the held meeting of the series titled `title` on `date`, the
// date it was planned on or moved to; nullopt when there is none.
std::optional<MeetingRecap> find_meeting_recap(const Engagement& e, std::string_view title,
                                               Date date);

// The recap as a client report document (client_report.hpp), for the PDF.
struct ClientReport;
ClientReport recap_report(const MeetingRecap& r);

// The recap as plain text (the e-mail's text part) and as Markdown.
std::string recap_text(const MeetingRecap& r);
std::string recap_markdown(const MeetingRecap& r);

// An unsent e-mail draft (RFC 5322 + MIME): To: the attendees with an address,
// Subject and names as RFC 2047 encoded words when they are not plain ASCII,
// multipart/alternative with text/plain and text/html in UTF-8 (base64),
// CRLF line ends, "X-Unsent: 1" so mail programs open it as a draft. `date` is
// the Date header. Nothing a user typed can add a header: names and subjects
// lose their line breaks and control characters, long ones are folded, and a
// recipient whose address is not a plain address is left out.
std::string recap_eml(const MeetingRecap& r, Instant date);

// Any e-mail draft Rapport writes (a recap, a weekly update), as recap_eml
// describes: `text` and `html` are the two parts' bodies (LF line ends are fine).
struct EmailDraft {
  std::vector<Recipient> to;
  std::string subject;
  std::string text;
  std::string html;
};
std::string eml_draft(const EmailDraft& d, Instant date);

// Whether `s` is a plain e-mail address that may go into a To: header.
bool is_mail_address(const std::string& s);

// Base64 (RFC 4648), lines of at most `line` characters joined by CRLF (0: one line).
std::string base64(std::string_view bytes, size_t line = 76);

}  // namespace rapport
