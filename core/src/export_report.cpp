// The client status report, written as HTML or Markdown from the neutral
// document of client_report.hpp (the same one the app's client view draws).
// The writers escape every cell, so what a user typed stays text in both formats.
//
// [SECTION] index
//   HTML       - one self-contained page, A4 print CSS
//   Markdown   - for an e-mail or a wiki
//   Words      - recurrence in words
#include <fmt/format.h>

#include <algorithm>

#include "rapport/client_report.hpp"
#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/recurrence.hpp"

namespace rapport {
namespace {

std::string ordinal(int n) {
  if (n == -1) return "last";
  const char* suffix = n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th";
  return fmt::format("{}{}", n, suffix);
}

using Report = ClientReport;
using Section = ReportSection;
using Cell = ReportCell;
using Fact = ReportFact;

// [SECTION] HTML --------------------------------------------------------------

const char* tone_class(Tone t) {
  switch (t) {
    case Tone::Good:
      return "good";
    case Tone::Warn:
      return "warn";
    case Tone::Late:
      return "late";
    case Tone::Muted:
      return "muted";
    case Tone::Plain:
      break;
  }
  return "";
}

constexpr const char* kCss = R"css(
@page { size: A4; margin: 16mm 15mm 18mm; }
:root { --ink: #1d2433; --soft: #5b6475; --line: #d9dee7; --band: #f3f5f9; --accent: #2b5fad;
  --good: #1f7a4d; --good-bg: #e3f4ea; --warn: #8a5a00; --warn-bg: #fdf1d8; --late: #a4262c; --late-bg: #fbe4e5; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.45 "Inter", "Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 40px 48px 32px; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 22px; }
header .kicker { color: var(--accent); font-weight: 600; letter-spacing: .04em; text-transform: uppercase; font-size: 13px; }
h1 { font-size: 30px; line-height: 1.15; margin: 4px 0 4px; }
header .parties { color: var(--soft); font-size: 15px; }
h2 { font-size: 19px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line);
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 14px; margin: 14px 0 4px; color: var(--soft); text-transform: uppercase; letter-spacing: .03em; }
blockquote { margin: 0 0 14px; padding: 8px 14px; border-left: 4px solid var(--accent); background: var(--band);
  font-style: italic; }
.facts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 0 0 10px; }
.fact { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; }
.fact .label { font-size: 12px; color: var(--soft); }
.fact .value { font-size: 20px; font-weight: 650; margin: 2px 0; overflow-wrap: break-word; }
.fact .detail { font-size: 12.5px; }
.fact.good { border-top: 4px solid var(--good); } .fact.warn { border-top: 4px solid #d69a1a; }
.fact.late { border-top: 4px solid var(--late); }
p { margin: 6px 0; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; }
thead { display: table-header-group; }
th { text-align: left; font-weight: 600; color: var(--soft); font-size: 12px; border-bottom: 2px solid var(--line);
  padding: 6px 8px; }
td { padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
tr { break-inside: avoid; page-break-inside: avoid; }
tbody tr:nth-child(even) td { background: #fafbfd; }
.note { display: block; color: var(--soft); font-size: 12.5px; margin-top: 2px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12.5px; font-weight: 600; white-space: nowrap; }
.badge.good { color: var(--good); background: var(--good-bg); } .badge.warn { color: var(--warn); background: var(--warn-bg); }
.badge.late { color: var(--late); background: var(--late-bg); } .muted { color: var(--soft); }
.empty { color: var(--soft); font-style: italic; }
ul { margin: 2px 0 8px; padding-left: 20px; } li { margin: 2px 0; }
.lists { columns: 2; column-gap: 28px; } .lists > div { break-inside: avoid; }
figure { margin: 0 0 8px; } figure svg { width: 100%; height: auto; display: block; }
footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--soft); font-size: 12px; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 22pt; } h2 { font-size: 14pt; }
  table { font-size: 9.5pt; } .fact .value { font-size: 15pt; }
}
)css";

void html_cell(std::string& out, const Cell& c) {
  std::string text = html_escape(c.text);
  if (c.tone == Tone::Muted)
    text = "<span class=\"muted\">" + text + "</span>";
  else if (c.tone != Tone::Plain)
    text = fmt::format("<span class=\"badge {}\">{}</span>", tone_class(c.tone), text);
  if (!c.note.empty()) text += "<span class=\"note\">" + html_escape(c.note) + "</span>";
  out += "<td>" + text + "</td>";
}

std::string to_html(const Report& r) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // No scripts, no outside resources: the page is a document, safe to e-mail.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'\">\n";
  out += fmt::format("<title>{} — {}</title>\n", html_escape(r.title), html_escape(r.subtitle));
  out += fmt::format("<style>{}</style>\n</head>\n<body>\n<main>\n", kCss);
  out += fmt::format("<header>\n<div class=\"kicker\">{}</div>\n<h1>{}</h1>\n",
                     html_escape(r.subtitle), html_escape(r.title));
  if (!r.parties.empty())
    out += fmt::format("<div class=\"parties\">{}</div>\n", html_escape(r.parties));
  out += "</header>\n";
  for (const Section& s : r.sections) {
    out += fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n", s.id, html_escape(s.title));
    if (!s.quote.empty()) out += "<blockquote>" + html_escape(s.quote) + "</blockquote>\n";
    if (s.picture) out += "<figure>" + timeline_svg(*s.picture) + "</figure>\n";
    if (!s.facts.empty()) {
      out += "<div class=\"facts\">\n";
      for (const Fact& f : s.facts)
        out += fmt::format(
            "<div class=\"fact {}\"><div class=\"label\">{}</div><div class=\"value\">{}</div>"
            "<div class=\"detail\">{}</div></div>\n",
            tone_class(f.tone), html_escape(f.label), html_escape(f.value), html_escape(f.detail));
      out += "</div>\n";
    }
    for (const std::string& p : s.paragraphs) out += "<p>" + html_escape(p) + "</p>\n";
    if (!s.head.empty()) {
      if (s.rows.empty()) {
        out += "<p class=\"empty\">" + html_escape(s.empty) + "</p>\n";
      } else {
        out += "<table>\n<thead><tr>";
        for (const std::string& h : s.head) out += "<th>" + html_escape(h) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : s.rows) {
          out += "<tr>";
          for (const Cell& c : row) html_cell(out, c);
          out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
      }
    }
    if (!s.lists.empty()) {
      out += "<div class=\"lists\">\n";
      for (const auto& [heading, items] : s.lists) {
        out += "<div><h3>" + html_escape(heading) + "</h3>\n<ul>\n";
        for (const std::string& item : items) out += "<li>" + html_escape(item) + "</li>\n";
        out += "</ul></div>\n";
      }
      out += "</div>\n";
    } else if (s.head.empty() && s.facts.empty() && s.quote.empty() && s.paragraphs.empty() &&
               !s.picture) {
      out += "<p class=\"empty\">" + html_escape(s.empty) + "</p>\n";
    }
    out += "</section>\n";
  }
  out += "<footer>" + html_escape(r.footer) + "</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

// [SECTION] Markdown ----------------------------------------------------------

std::string md_cell(const Cell& c) {
  std::string text = markdown_escape(c.text);
  if (c.tone == Tone::Late || c.tone == Tone::Warn) text = fmt::format("**{}**", text);
  if (!c.note.empty()) text += fmt::format(" — {}", markdown_escape(c.note));
  return text;
}

std::string to_markdown(const Report& r) {
  std::string out;
  out += fmt::format("# {}\n\n**{}**", markdown_escape(r.title), markdown_escape(r.subtitle));
  if (!r.parties.empty()) out += fmt::format("  \n{}", markdown_escape(r.parties));
  out += "\n";
  for (const Section& s : r.sections) {
    if (s.picture) continue;  // a picture has no Markdown form; the tables say the same
    out += fmt::format("\n## {}\n\n", markdown_escape(s.title));
    if (!s.quote.empty()) out += fmt::format("> {}\n\n", markdown_escape(s.quote));
    for (const Fact& f : s.facts) {
      out += fmt::format("- {}: **{}**", markdown_escape(f.label), markdown_escape(f.value));
      if (!f.detail.empty()) out += fmt::format(" ({})", markdown_escape(f.detail));
      out += "\n";
    }
    if (!s.facts.empty()) out += "\n";
    for (const std::string& p : s.paragraphs) out += fmt::format("{}\n\n", markdown_escape(p));
    if (!s.head.empty()) {
      if (s.rows.empty()) {
        out += fmt::format("_{}_\n", markdown_escape(s.empty));
      } else {
        out += "|";
        for (const std::string& h : s.head) out += fmt::format(" {} |", markdown_escape(h));
        out += "\n|";
        for (size_t i = 0; i < s.head.size(); ++i) out += " --- |";
        out += "\n";
        for (const auto& row : s.rows) {
          out += "|";
          for (const Cell& c : row) out += fmt::format(" {} |", md_cell(c));
          out += "\n";
        }
      }
    }
    for (const auto& [heading, items] : s.lists) {
      out += fmt::format("\n### {}\n\n", markdown_escape(heading));
      for (const std::string& item : items) out += fmt::format("- {}\n", markdown_escape(item));
    }
    if (s.lists.empty() && s.head.empty() && s.facts.empty() && s.quote.empty() &&
        s.paragraphs.empty())
      out += fmt::format("_{}_\n", markdown_escape(s.empty));
  }
  out += fmt::format("\n---\n\n{}\n", markdown_escape(r.footer));
  return out;
}

}  // namespace

std::string recurrence_text(const MeetingSeries& s) {
  const Recurrence& r = s.recurrence;
  std::string text;
  auto every = [&](const char* one, const char* many) {
    return r.interval > 1 ? fmt::format("Every {} {}", r.interval, many) : std::string(one);
  };
  switch (r.frequency) {
    case Frequency::Once:
      return "Once";
    case Frequency::Daily:
      text = every("Daily", "days");
      break;
    case Frequency::Weekly:
      text = every("Weekly", "weeks") + " on " + weekdays_text(r.weekdays);
      break;
    case Frequency::MonthlyOnDay:
      text = every("Monthly", "months") + fmt::format(" on day {}", r.month_day);
      if (r.month_day > 28) text += " (or the month's last day)";
      break;
    case Frequency::MonthlyOnWeekday:
      text = every("Monthly", "months") +
             fmt::format(" on the {} {}", ordinal(r.week_of_month), weekday_short(r.weekday));
      break;
  }
  if (r.until) text += " until " + r.until->iso();
  if (r.count > 0) text += fmt::format(", {} times", r.count);
  return text;
}

std::string report_html(const ClientReport& r) { return to_html(r); }
std::string report_markdown(const ClientReport& r) { return to_markdown(r); }

std::string export_report_html(const Engagement& e, Date as_of, std::optional<Date> since) {
  return to_html(build_client_report(e, as_of, ReportScope::StatusReport, since));
}

std::string export_report_markdown(const Engagement& e, Date as_of, std::optional<Date> since) {
  return to_markdown(build_client_report(e, as_of, ReportScope::StatusReport, since));
}

}  // namespace rapport
