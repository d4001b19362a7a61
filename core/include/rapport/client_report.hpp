// What the client sees of an engagement, as plain text: the status report's
// content and the client view's pages. Gathered once into a small neutral
// document (sections of facts, paragraphs, tables and lists of text) from the
// client's copy of the engagement (redacted(): no internal field, no hidden
// milestone). The HTML and Markdown writers (export.hpp) and the app's client
// view draw the same document, so the report and the room never disagree.
//
// [SECTION] index
//   Document - Tone, ReportCell, ReportFact, ReportSection, ClientReport
//   Build    - build_client_report(): the status report or the presentation
//   Words    - shift_text: slips as the client reads them
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapport/model.hpp"
#include "rapport/timeline_picture.hpp"

namespace rapport {

// [SECTION] Document ----------------------------------------------------------

// A cell's tone: a coloured pill in HTML and the client view, bold in Markdown.
// Late: late or broken. Warn: needs attention soon. Good: done, approved.
// Muted: resolved or unchanged (a rejected change request is resolved, not late).
enum class Tone : uint8_t { Plain, Good, Warn, Late, Muted };

struct ReportCell {
  std::string text;
  Tone tone = Tone::Plain;
  std::string note;  // a second, smaller line (rationale, alternative)
};

struct ReportFact {
  std::string label;   // "Next milestone"
  std::string value;   // "Beta"
  std::string detail;  // "29 January, agreed 22 January"
  Tone tone = Tone::Plain;
};

struct ReportSection {
  std::string id;  // stable: "summary", "milestones", "needs", "meetings", "recaps",
                   // "changes", "decisions", "boundaries", "expectations"
  std::string title;
  std::vector<ReportFact> facts;
  std::string quote;
  std::vector<std::string> paragraphs;
  std::vector<std::string> head;  // column headings; empty = no table
  std::vector<std::vector<ReportCell>> rows;
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;  // (heading, items)
  std::string empty;  // said when there is nothing to show
  // A picture of the next weeks ("timeline"): SVG in HTML, vector in the PDF,
  // left out of Markdown.
  std::optional<TimelinePicture> picture;
};

// What the client needs now, typed, for the strip above the client view's
// timeline (the sections hold the same facts as text for the pages).
struct ClientHeadline {
  struct MilestoneNow {
    std::string title;
    Date agreed, now;
    bool late = false;  // not done and its date has passed (or missed)
  };
  // The first late milestone; else the next one not done.
  std::optional<MilestoneNow> milestone;
  struct Need {
    std::string task, owner;
    Date due;
    bool overdue = false;
  };
  std::vector<Need> needs;  // open client tasks, soonest due first
  struct Meeting {
    std::string title;
    LocalDateTime start, end;  // in `zone`
    std::string zone;
  };
  std::optional<Meeting> next_meeting;  // the next one not cancelled, within 60 days
};

struct ClientReport {
  std::string title;     // the engagement's name
  std::string subtitle;  // "Status report · 2026-11-24"
  std::string parties;   // "Kahvila Aalto Oy with Studio Noord"
  std::vector<ReportSection> sections;
  std::string footer;
  ClientHeadline headline;
  // The section with this id, or nullptr.
  const ReportSection* section(std::string_view id) const;
};

// [SECTION] Build -------------------------------------------------------------

enum class ReportScope : uint8_t {
  // The status report: change requests and decisions since `since` (default two
  // weeks before as_of) and any still waiting; the next four weeks of meetings.
  StatusReport,
  // The client view's pages: every change request and decision, newest first,
  // plus recent recaps and the expectations as agreed.
  Presentation,
  // The weekly update (weekly_update.hpp): what changed since `since` (the
  // milestones that moved and why, change requests decided, decisions, client
  // tasks done), what is still open on the client's side, the next meetings.
  WeeklyUpdate,
};

// Starts from redacted(e): nothing internal can reach the result.
ClientReport build_client_report(const Engagement& e, Date as_of,
                                 ReportScope scope = ReportScope::StatusReport,
                                 std::optional<Date> since = std::nullopt);

// [SECTION] Words -------------------------------------------------------------

// (day_month, "22 Jan", is in time.hpp.)
std::string shift_text(int days);  // "on plan", "+1 week", "-3 days"

}  // namespace rapport
