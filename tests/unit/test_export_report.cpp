// Client status report and CSV: content, escaping of what users typed, and
// the promise that internal fields never reach a client.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "rapport/fields.hpp"

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

// The demo plus a milestone the client must not see.
Engagement demo_with_secrets() {
  Engagement e = make_demo();
  Milestone hidden{e.next_id++,         "Internal QA gate before Beta", d(2027, 1, 8),
                   d(2027, 1, 8),       MilestoneStatus::Planned,       false,
                   "Our own checkpoint"};
  e.milestones.items.emplace(hidden.id, hidden);
  return e;
}

std::vector<std::string> secrets(const Engagement& e) {
  std::vector<std::string> out = internal_texts(e);
  out.push_back(money_text(e.info.internal_day_rate_minor, e.info.currency));  // €950.00
  out.push_back(fmt::format("{}%", e.info.internal_margin_percent));
  out.push_back("Our own checkpoint");
  return out;
}

void check_no_secrets(const Engagement& e, const std::string& text, const char* what) {
  for (const std::string& s : secrets(e)) {
    INFO(what << " must not contain: " << s);
    CHECK(text.find(s) == std::string::npos);
  }
}
}  // namespace

TEST_CASE("client exports never contain an internal string", "[export]") {
  Engagement e = demo_with_secrets();
  REQUIRE(secrets(e).size() >=
          8);  // the demo has notes on people, change requests and the engagement
  check_no_secrets(e, export_report_html(e, d(2026, 11, 20)), "HTML report");
  check_no_secrets(e, export_report_markdown(e, d(2026, 11, 20)), "Markdown report");
  check_no_secrets(e, export_report_html(e, d(2027, 1, 5), d(2026, 10, 1)),
                   "HTML report, wide window");
  check_no_secrets(e, export_ics(e), "ICS");
  for (const auto& [name, csv] : export_csv_tables(e)) check_no_secrets(e, csv, name.c_str());

  ExportOptions all;
  all.include_internal = true;
  std::string people = export_csv(e, Kind::Stakeholder, all);
  CHECK(people.find("Personal notes") != std::string::npos);
  CHECK(people.find("slow to answer e-mail") != std::string::npos);
  CHECK(export_csv(e, Kind::Milestone, all).find("Internal QA gate") != std::string::npos);
}

TEST_CASE("the report has its sections with the demo's facts", "[export]") {
  Engagement e = make_demo();
  std::string html = export_report_html(e, d(2026, 11, 20), d(2026, 11, 6));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  for (const char* part :
       {"Summary", "Milestones: agreed and now", "What we need from you", "Next meetings",
        "Change requests", "Decisions", "Boundaries we agreed", "@page", "@media print"})
    CHECK(html.find(part) != std::string::npos);
  // Agreed vs now, an open client task, a decision with its alternative.
  CHECK(html.find("Fri 13 Nov 2026") != std::string::npos);
  CHECK(html.find("Fri 20 Nov 2026") != std::string::npos);
  CHECK(html.find("POS API test credentials") != std::string::npos);
  CHECK(html.find("Phase 2 right after launch") != std::string::npos);
  // Self-contained: nothing fetched, nothing run.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http:") == std::string::npos);
  CHECK(html.find("https:") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  // The approved change of 3 November is before the window; the open one is shown.
  CHECK(html.find("Booking widget in Swedish") == std::string::npos);
  CHECK(html.find("Extra landing page") != std::string::npos);

  std::string md = export_report_markdown(e, d(2026, 11, 20), d(2026, 11, 6));
  CHECK(md.rfind("# Website relaunch", 0) == 0);
  CHECK(md.find("| Milestone | Agreed | Now |") != std::string::npos);
  CHECK(md.find("Sanna Järvinen") != std::string::npos);
}

TEST_CASE("what users typed is text in HTML and Markdown", "[export]") {
  Engagement e = make_demo();
  Id first = e.milestones.begin()->first;
  e.milestones.find(first)->title = "<script>alert('x')</script> & <b>bold</b>";
  std::string html = export_report_html(e, d(2026, 11, 20));
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<b>bold") == std::string::npos);
  CHECK(
      html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;") !=
      std::string::npos);
  std::string md = export_report_markdown(e, d(2026, 11, 20));
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("\\<script\\>") != std::string::npos);
  CHECK(markdown_escape("a|b *c* [d](e)\nf") == "a\\|b \\*c\\* \\[d\\](e) f");
  CHECK(markdown_escape("# not a heading") == "\\# not a heading");
}

TEST_CASE("CSV: RFC 4180 quoting, a BOM, formulas neutralised", "[export]") {
  CHECK(csv_cell("plain") == "plain");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
  CHECK(csv_cell("=1+2") == "'=1+2");
  CHECK(csv_cell("+31 20 123") == "'+31 20 123");
  CHECK(csv_cell("-2") == "'-2");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_cell("\tx") == "'\tx");
  CHECK(csv_cell("=HYPERLINK(\"http://x\",\"a,b\")") ==
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"");
  CHECK(csv_cell("-2", false) == "-2");  // numbers Rapport formatted itself

  Engagement e = make_demo();
  Id task = e.client_tasks.begin()->first;
  e.client_tasks.find(task)->title = "=cmd|' /C calc'!A0";
  std::string csv = export_csv(e, Kind::ClientTask);
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  std::string body = csv.substr(3);
  CHECK(body.rfind("Id,Client task,Owner,Created,Due,Status,Done on,Milestone waiting\r\n", 0) ==
        0);
  CHECK(body.find("'=cmd|' /C calc'!A0") != std::string::npos);
  CHECK(body.find(",=cmd") == std::string::npos);
  // One header and one CRLF-terminated row per task.
  size_t rows = 0;
  for (size_t i = body.find("\r\n"); i != std::string::npos; i = body.find("\r\n", i + 2)) ++rows;
  CHECK(rows == e.client_tasks.size() + 1);

  ExportOptions plain;
  plain.csv_bom = false;
  CHECK(
      export_csv(e, Kind::Feedback, plain).rfind("Id,Date,From,Sentiment,Note,Follow-up\r\n", 0) ==
      0);
  // Negative sentiment is a number we wrote, not a formula: no quote mark.
  CHECK(export_csv(e, Kind::Feedback, plain).find(",-1,") != std::string::npos);
  CHECK(export_csv(e, Kind::Meeting, plain).find("Weekly on Fri until 2027-03-26") !=
        std::string::npos);
  auto tables = export_csv_tables(e);
  CHECK(tables.size() == 15);
  CHECK(tables[12].first == "client-tasks.csv");
}

TEST_CASE("export formats by name", "[export]") {
  CHECK(parse_export_format("ics") == ExportFormat::Ics);
  CHECK(parse_export_format("md") == ExportFormat::Markdown);
  CHECK(parse_export_format("pdf") == std::nullopt);
  CHECK(std::string(file_extension(ExportFormat::Html)) == ".html");
}
