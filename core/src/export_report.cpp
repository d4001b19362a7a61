// The client status report. Its content is gathered once into a small
// neutral document (sections of facts, paragraphs and tables of plain text)
// from the client's copy of the engagement (redacted(): no internal field,
// no hidden milestone), then written as HTML or Markdown. The writers escape
// every cell, so what a user typed stays text in both formats.
//
// [SECTION] index
//   Document   - Report, Section, Cell
//   Words      - dates, shifts, recurrence in words
//   Content    - the sections, from the engagement
//   HTML       - one self-contained page, A4 print CSS
//   Markdown   - for an e-mail or a wiki
#include <fmt/format.h>

#include <algorithm>

#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/recurrence.hpp"

namespace rapport {
namespace {

// Appends `item` to a list in text, with `separator` when it is not the first.
// (Also dodges g++ 12's false -Wrestrict on "literal" + std::string at -O3.)
void join(std::string& list, std::string_view separator, std::string_view item) {
  if (!list.empty()) list += separator;
  list += item;
}

// [SECTION] Document ----------------------------------------------------------

// A cell's tone: shown as a coloured badge in HTML and bold in Markdown.
enum class Tone : uint8_t { Plain, Good, Warn, Late, Muted };

struct Cell {
  std::string text;
  Tone tone = Tone::Plain;
  std::string note;  // a second, smaller line (rationale, alternative)
};

struct Fact {
  std::string label;
  std::string value;
  std::string detail;
  Tone tone = Tone::Plain;
};

struct Section {
  std::string id;
  std::string title;
  std::vector<Fact> facts;
  std::string quote;
  std::vector<std::string> paragraphs;
  std::vector<std::string> head;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;  // (heading, items)
  std::string empty;  // said when there are no rows
};

struct Report {
  std::string title;
  std::string subtitle;
  std::string parties;
  std::vector<Section> sections;
  std::string footer;
};

// [SECTION] Words -------------------------------------------------------------

std::string shift_text(int days) {
  if (days == 0) return "on plan";
  int weeks = days % 7 == 0 ? days / 7 : 0;
  if (weeks) return fmt::format("{:+d} week{}", weeks, std::abs(weeks) == 1 ? "" : "s");
  return fmt::format("{:+d} day{}", days, std::abs(days) == 1 ? "" : "s");
}

std::string ordinal(int n) {
  if (n == -1) return "last";
  const char* suffix = n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th";
  return fmt::format("{}{}", n, suffix);
}

std::string stakeholder(const Engagement& e, Id id) {
  const Stakeholder* s = e.stakeholders.find(id);
  return s ? s->name : "";
}

// [SECTION] Content -----------------------------------------------------------

Tone milestone_tone(const Milestone& m, Date as_of) {
  if (m.status == MilestoneStatus::Done) return Tone::Good;
  if (m.status == MilestoneStatus::Missed || m.current < as_of) return Tone::Late;
  if (m.current > m.baseline) return Tone::Warn;
  return Tone::Plain;
}

Section summary(const Engagement& e, Date as_of, Date since) {
  Section s{"summary", "Summary"};
  s.quote = e.info.vision;
  int total = 0, done = 0, moved = 0;
  const Milestone* next = nullptr;
  for (const auto& [id, m] : e.milestones) {
    ++total;
    if (m.status == MilestoneStatus::Done) ++done;
    if (m.current != m.baseline) ++moved;
    if (m.status != MilestoneStatus::Done && m.current >= as_of &&
        (!next || m.current < next->current))
      next = &m;
  }
  s.facts.push_back(
      {"Milestones done", fmt::format("{} of {}", done, total),
       moved ? fmt::format("{} moved from the agreed date", moved) : "all on their agreed dates",
       moved ? Tone::Warn : Tone::Good});
  if (next)
    s.facts.push_back({"Next milestone", next->title,
                       fmt::format("{}{}", date_text(next->current),
                                   next->current != next->baseline
                                       ? fmt::format(", agreed {}", day_month(next->baseline))
                                       : std::string()),
                       next->current != next->baseline ? Tone::Warn : Tone::Plain});
  int open = 0, overdue = 0;
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Open) {
      ++open;
      if (t.due < as_of) ++overdue;
    }
  s.facts.push_back({"Open tasks on your side", std::to_string(open),
                     overdue ? fmt::format("{} overdue", overdue) : "none overdue",
                     overdue ? Tone::Late : Tone::Good});
  int waiting = 0;
  for (const auto& [id, c] : e.change_requests)
    if (c.status == ChangeStatus::Proposed || c.status == ChangeStatus::Deferred) ++waiting;
  s.facts.push_back({"Change requests awaiting a decision", std::to_string(waiting), "",
                     waiting ? Tone::Warn : Tone::Plain});

  // Meeting consistency since the last report: the seeds' point that
  // cancelled meetings send a message of their own.
  int held = 0, cancelled = 0;
  for (const Occurrence& o : occurrences(e, start_of(since), start_of(as_of.plus_days(1)))) {
    if (o.state == OccurrenceState::Held) ++held;
    if (o.state == OccurrenceState::Cancelled) ++cancelled;
  }
  s.paragraphs.push_back(fmt::format("Since {}: {} meeting{} held, {} cancelled.", date_text(since),
                                     held, held == 1 ? "" : "s", cancelled));
  return s;
}

Section milestones(const Engagement& e, Date as_of) {
  Section s{"milestones", "Milestones: agreed and now"};
  s.head = {"Milestone", "Agreed", "Now", "Change", "Status"};
  std::vector<const Milestone*> list;
  for (const auto& [id, m] : e.milestones) list.push_back(&m);
  std::stable_sort(list.begin(), list.end(),
                   [](auto* a, auto* b) { return a->baseline < b->baseline; });
  for (const Milestone* m : list) {
    int shift = m->current.days - m->baseline.days;
    s.rows.push_back({Cell{m->title, Tone::Plain, m->description}, Cell{date_text(m->baseline)},
                      Cell{date_text(m->current)},
                      Cell{shift_text(shift), shift > 0 ? Tone::Warn : Tone::Muted},
                      Cell{to_string(m->status), milestone_tone(*m, as_of)}});
  }
  s.empty = "No milestones yet.";
  return s;
}

Section meetings(const Engagement& e, Date as_of) {
  Section s{"meetings", "Next meetings"};
  const std::string& zone = e.info.time_zone;
  s.head = {"When", fmt::format("Time ({})", zone), "Meeting", "Note"};
  Instant from = to_instant(LocalDateTime{as_of, LocalTime{0}}, zone);
  Instant to = to_instant(LocalDateTime{as_of.plus_days(29), LocalTime{0}}, zone);
  int shown = 0;
  for (const Occurrence& o : occurrences(e, from, to)) {
    if (o.state == OccurrenceState::Cancelled || o.start < from) continue;
    if (++shown > 8) break;
    const MeetingSeries* series = e.meetings.find(o.series);
    LocalDateTime local = to_local(o.start, zone);
    LocalDateTime end = to_local(o.end, zone);
    std::string note = o.moved ? "moved from " + date_text(o.original) : "";
    if (!note.empty() && series) note += " " + series->start.hhmm();
    s.rows.push_back({Cell{date_text(local.date)}, Cell{local.time.hhmm() + "–" + end.time.hhmm()},
                      Cell{series ? series->title : ""},
                      Cell{note, o.moved ? Tone::Warn : Tone::Plain}});
  }
  s.empty = "No meetings planned in the next four weeks.";
  return s;
}

Section client_tasks(const Engagement& e, Date as_of) {
  Section s{"needs", "What we need from you"};
  s.head = {"Task", "Who", "Due", "Needed for"};
  std::vector<const ClientTask*> open;
  for (const auto& [id, t] : e.client_tasks)
    if (t.status == TaskStatus::Open) open.push_back(&t);
  std::stable_sort(open.begin(), open.end(), [](auto* a, auto* b) { return a->due < b->due; });
  for (const ClientTask* t : open) {
    bool late = t->due < as_of;
    const Milestone* m = e.milestones.find(t->milestone);
    s.rows.push_back({Cell{t->title}, Cell{stakeholder(e, t->owner)},
                      Cell{date_text(t->due), late ? Tone::Late : Tone::Plain,
                           late ? fmt::format("overdue by {} day{}", as_of.days - t->due.days,
                                              as_of.days - t->due.days == 1 ? "" : "s")
                                : ""},
                      Cell{m ? m->title : ""}});
  }
  s.empty = "Nothing open on your side. Thank you!";
  return s;
}

Section change_requests(const Engagement& e, Date as_of, Date since) {
  Section s{"changes", "Change requests"};
  s.paragraphs.push_back(fmt::format(
      "Requested or decided since {}, and any still awaiting a decision.", date_text(since)));
  s.head = {"Change", "Requested", "Impact", "Cost", "Decision"};
  auto in_window = [&](Date d) { return d > since && d <= as_of; };
  for (const auto& [id, c] : e.change_requests) {
    bool waiting = c.status == ChangeStatus::Proposed || c.status == ChangeStatus::Deferred;
    if (!(waiting || in_window(c.requested_on) || (c.decided_on && in_window(*c.decided_on))))
      continue;
    std::string impact;
    for (const MilestoneImpact& m : c.impacts)
      if (const Milestone* ms = e.milestones.find(m.milestone))
        join(impact, ", ", fmt::format("{} {}", ms->title, shift_text(m.days)));
    std::string decision = to_string(c.status);
    if (c.decided_on && c.status != ChangeStatus::Proposed)
      decision += " " + day_month(*c.decided_on);
    std::string why = c.rationale;
    if (!c.alternative.empty()) join(why, " ", fmt::format("Alternative: {}", c.alternative));
    Tone tone = c.status == ChangeStatus::Approved   ? Tone::Good
                : c.status == ChangeStatus::Rejected ? Tone::Late
                                                     : Tone::Warn;
    std::string who = stakeholder(e, c.requested_by);
    s.rows.push_back({Cell{c.title, Tone::Plain, c.description},
                      Cell{date_text(c.requested_on), Tone::Plain, who.empty() ? "" : "by " + who},
                      Cell{impact.empty() ? "none on dates" : impact},
                      Cell{c.cost_minor ? money_text(c.cost_minor, e.info.currency) : "no cost"},
                      Cell{decision, tone, why}});
  }
  s.empty = "No change requests in this period.";
  return s;
}

Section decisions(const Engagement& e, Date as_of, Date since) {
  Section s{"decisions", "Decisions"};
  s.head = {"Date", "Decision", "Decided by"};
  for (const auto& [id, d] : e.decisions)
    if (d.date > since && d.date <= as_of)
      s.rows.push_back({Cell{date_text(d.date)}, Cell{d.what, Tone::Plain, d.rationale},
                        Cell{stakeholder(e, d.decided_by)}});
  s.empty = fmt::format("No decisions recorded since {}.", date_text(since));
  return s;
}

Section boundaries(const Engagement& e, Date as_of) {
  Section s{"boundaries", "Boundaries we agreed"};
  auto list_of = [&](BoundaryKind kind, const char* heading) {
    std::vector<std::string> items;
    for (const auto& [id, b] : e.boundaries)
      if (b.kind == kind)
        items.push_back(b.description.empty() ? b.title : b.title + " — " + b.description);
    if (!items.empty()) s.lists.emplace_back(heading, std::move(items));
  };
  list_of(BoundaryKind::InScope, "In scope");
  list_of(BoundaryKind::OutOfScope, "Out of scope");
  list_of(BoundaryKind::NotGuaranteed, "What we cannot guarantee");
  std::vector<std::string> hours, breaks, quotas;
  for (const auto& [id, b] : e.boundaries) {
    if (b.kind == BoundaryKind::WorkingHours) {
      std::string text =
          fmt::format("{}: {} {}–{} ({})", b.title, weekdays_text(b.working_days),
                      b.day_start.hhmm(), b.day_end.hhmm(),
                      b.hours_side == Side::Provider ? e.info.provider_org : e.info.client_org);
      if (!b.description.empty()) text += ". " + b.description;
      hours.push_back(text);
    } else if (b.kind == BoundaryKind::Blackout && b.to >= as_of) {
      std::string text = fmt::format("{}: {} – {}", b.title, date_text(b.from), date_text(b.to));
      if (!b.description.empty()) text += ". " + b.description;
      breaks.push_back(text);
    } else if (b.kind == BoundaryKind::Quota) {
      std::string text = fmt::format("{}: {} of {} {} used", b.title, b.used, b.included,
                                     b.unit.empty() ? "included" : b.unit + "s");
      if (b.period != QuotaPeriod::Engagement) text += fmt::format(" this {}", to_string(b.period));
      if (b.extra_rate_minor > 0)
        text += fmt::format("; each extra {} is {}", b.unit.empty() ? "one" : b.unit,
                            money_text(b.extra_rate_minor, e.info.currency));
      if (!b.description.empty()) text += ". " + b.description;
      quotas.push_back(text);
    }
  }
  if (!hours.empty()) s.lists.emplace_back("Ways of working", std::move(hours));
  if (!breaks.empty()) s.lists.emplace_back("Coming breaks and freezes", std::move(breaks));
  if (!quotas.empty())
    s.lists.emplace_back("Included, and how extras are billed", std::move(quotas));
  s.empty = "No boundaries recorded.";
  return s;
}

Report build(const Engagement& original, Date as_of, std::optional<Date> since_opt) {
  // The client's copy: internal fields emptied, hidden milestones gone.
  Engagement e = redacted(original);
  Date since = since_opt.value_or(as_of.plus_days(-14));
  Report r;
  r.title = e.info.name;
  r.subtitle = fmt::format("Status report · {}", date_text(as_of));
  if (!e.info.client_org.empty() || !e.info.provider_org.empty())
    r.parties =
        fmt::format("{}{}{}", e.info.client_org,
                    !e.info.client_org.empty() && !e.info.provider_org.empty() ? " with " : "",
                    e.info.provider_org);
  r.sections.push_back(summary(e, as_of, since));
  r.sections.push_back(milestones(e, as_of));
  r.sections.push_back(client_tasks(e, as_of));
  r.sections.push_back(meetings(e, as_of));
  r.sections.push_back(change_requests(e, as_of, since));
  r.sections.push_back(decisions(e, as_of, since));
  r.sections.push_back(boundaries(e, as_of));
  // A column with nothing in it (no meeting moved, say) is noise.
  for (Section& s : r.sections) {
    for (size_t c = s.head.size(); c-- > 0;) {
      bool used = false;
      for (const auto& row : s.rows) used = used || !row[c].text.empty() || !row[c].note.empty();
      if (used || s.rows.empty()) continue;
      s.head.erase(s.head.begin() + long(c));
      for (auto& row : s.rows) row.erase(row.begin() + long(c));
    }
  }
  r.footer = fmt::format("Covers {} to {}. Made with Rapport {}.", date_text(since),
                         date_text(as_of), RAPPORT_VERSION);
  return r;
}

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
    } else if (s.head.empty() && s.facts.empty() && s.quote.empty() && s.paragraphs.empty()) {
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

std::string export_report_html(const Engagement& e, Date as_of, std::optional<Date> since) {
  return to_html(build(e, as_of, since));
}

std::string export_report_markdown(const Engagement& e, Date as_of, std::optional<Date> since) {
  return to_markdown(build(e, as_of, since));
}

}  // namespace rapport
