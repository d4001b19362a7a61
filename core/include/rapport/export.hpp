// Exports: the plan for people who do not run Rapport. An iCalendar file for
// the client's calendar, a status report (HTML that prints to A4, and
// Markdown for an e-mail), and CSV tables for spreadsheets. Every export
// escapes what users typed for its format; client-facing exports never carry
// internal fields (they start from redacted(), fields.hpp).
//
// [SECTION] index
//   Options     - ExportOptions, formats by name (for the command line)
//   iCalendar   - export_ics, ics_uid, text escaping and line folding
//   Report      - export_report_html, export_report_markdown
//   CSV         - export_csv, export_csv_tables, csv_cell
//   MS Project  - export_mspdi
//   Escaping    - html_escape, xml_escape, markdown_escape
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapport/model.hpp"

namespace rapport {

struct ClientReport;

// [SECTION] Options -----------------------------------------------------------

struct ExportOptions {
  // Internal fields (CSV columns) and milestones hidden from the client (ICS).
  bool include_internal = false;
  // iCalendar: milestones and blackout periods as all-day events.
  bool include_milestones = true;
  bool include_blackouts = true;
  // CSV: start with a UTF-8 byte order mark. Excel needs it to read UTF-8
  // (without it "Mäkelä" turns into mojibake); LibreOffice recognises it and
  // preselects UTF-8. Turn off for tools that want plain RFC 4180 bytes.
  bool csv_bom = true;
  // iCalendar DTSTAMP; unset = now. Tests fix it for byte-stable output.
  std::optional<Instant> now;
};

enum class ExportFormat : uint8_t { Ics, Html, Markdown, Csv, Mspdi };
// "ics", "html", "md" / "markdown", "csv", "mspdi" (case-sensitive, as typed on a command line).
std::optional<ExportFormat> parse_export_format(std::string_view name);
const char* file_extension(ExportFormat f);  // ".ics", ".html", ".md", ".csv", ".xml"

// [SECTION] iCalendar ---------------------------------------------------------

// RFC 5545 calendar: each meeting series is a VEVENT in its own time zone
// (DTSTART;TZID=... with a VTIMEZONE built from the tz database), with an
// RRULE for its recurrence, EXDATE for cancelled occurrences and a
// RECURRENCE-ID VEVENT for each moved one. Client-visible milestones and
// blackouts are all-day events. CRLF line ends, lines folded at 75 octets.
std::string export_ics(const Engagement& e, const ExportOptions& options = {});

// The UID of an item in calendars: "rapport-meeting-12-1a2b3c4d@rapport.local".
// Stable across exports and renames: derived from the item's kind and id and
// the engagement's stable uid, so re-importing updates, not duplicates.
std::string ics_uid(const Engagement& e, Kind kind, Id id);
// The engagement part of ics_uid (its uid in hex, at least 8 digits).
std::string ics_engagement_tag(const Engagement& e);

// TEXT value escaping (RFC 5545 3.3.11): backslash, comma, semicolon, newline.
std::string ics_escape_text(std::string_view text);
// One content line folded at 75 octets (never inside a UTF-8 sequence), CRLF-terminated.
std::string ics_fold(std::string_view line);

// [SECTION] Report ------------------------------------------------------------

// The client status report as of a date: summary, milestones agreed vs. now,
// the next meetings, what we need from the client (open client tasks), change
// requests and decisions since `since` (default: two weeks before as_of), and
// the boundaries. Internal fields never appear. HTML: one self-contained page
// (inline CSS, no scripts, no external resources) that prints to A4.
std::string export_report_html(const Engagement& e, Date as_of,
                               std::optional<Date> since = std::nullopt);
std::string export_report_markdown(const Engagement& e, Date as_of,
                                   std::optional<Date> since = std::nullopt);

// Any client report document (client_report.hpp: the status report, the weekly
// update, a recap) as the same HTML page and Markdown text.
std::string report_html(const ClientReport& r);
std::string report_markdown(const ClientReport& r);

// A series' rhythm in words: "Once", "Weekly on Fri until 2027-03-26",
// "Monthly on the 1st Tue, 5 times", "Every 2 months on day 31 (or the last day)".
std::string recurrence_text(const MeetingSeries& s);

// [SECTION] CSV ---------------------------------------------------------------

// One table as CSV (RFC 4180: CRLF rows, quotes doubled, quoted when needed):
// a header row with an "Id" column then the kind's field labels, one row per
// item. Internal columns only with options.include_internal. Cells a user
// typed that start with = + - @ tab or CR are prefixed with ' so that a
// spreadsheet shows them as text instead of running them as formulas.
std::string export_csv(const Engagement& e, Kind kind, const ExportOptions& options = {});
// Every non-empty table: (file name such as "client-tasks.csv", CSV text).
std::vector<std::pair<std::string, std::string>> export_csv_tables(
    const Engagement& e, const ExportOptions& options = {});
// One cell: neutralised (when `user_text`) and quoted as RFC 4180 needs.
std::string csv_cell(std::string_view text, bool user_text = true);

// [SECTION] MS Project --------------------------------------------------------

// MS Project's XML (MSPDI, the schema of Project 2007 and later), which
// ProjectLibre, GanttProject and GNOME Planner read too. What the client may
// see (it starts from redacted(): internal fields and hidden milestones are
// never written):
//   - milestones        -> zero-length milestone tasks (current date) with
//                          baseline 0 at the agreed date; Done = 100 %
//   - client tasks      -> tasks from created to due, assigned to their owner;
//                          a resource in the group "Client"; Done = 100 %, Dropped
//                          inactive; a PredecessorLink to the milestone waiting on it
//   - meeting occurrences within the engagement (not cancelled) -> tasks of their length
//   - blackouts         -> non-working exceptions of the Standard calendar
// Every default MS Project needs is written (8-hour days 08:00-17:00 Mon-Fri,
// 480 minutes a day, 2400 a week, 20 days a month, calendar UID 1) and elements
// come in the schema's order. Names are cut to 255 characters (resource names
// lose , [ and ], which MS Project refuses). Task UIDs are stable per item:
// the same engagement exports the same file.
std::string export_mspdi(const Engagement& e, const ExportOptions& options = {});

// [SECTION] Escaping ----------------------------------------------------------

// & < > " ' as entities: user text is always text in HTML.
std::string html_escape(std::string_view text);
// html_escape for XML 1.0: control characters XML cannot hold are dropped too.
std::string xml_escape(std::string_view text);
// Markdown punctuation backslash-escaped, raw HTML made inert, newlines as spaces.
std::string markdown_escape(std::string_view text);

}  // namespace rapport
