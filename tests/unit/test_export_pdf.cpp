// The PDF status report (rapport_pdf): a well-formed file of the demo, client-safe,
// paginated without a heading left alone at the bottom of a page. The text and
// fonts inside the file are checked with poppler and qpdf by tests/pdf_check.sh.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "rapport/demo.hpp"
#include "rapport/export_pdf.hpp"
#include "rapport/fields.hpp"
#include "rapport/page_flow.hpp"
#include "rapport/recap.hpp"

using namespace rapport;
using pdf::FlowBlock;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

const Date kAsOf = d(2026, 11, 24);

bool ends_with_eof(const std::string& pdf) {
  std::string tail = pdf.substr(pdf.size() > 32 ? pdf.size() - 32 : 0);
  return tail.find("%%EOF") != std::string::npos;
}

// The demo with `count` more open client tasks, due one a day from as_of on.
Engagement long_engagement(int count) {
  Engagement e = make_demo();
  Id owner = kNoId;
  for (const auto& [id, s] : e.stakeholders)
    if (s.side == Side::Client) owner = id;
  for (int i = 0; i < count; ++i)
    insert_item(e, ClientTask{0,
                              fmt::format("Review item {} of the content inventory, with the "
                                          "photographs and captions for page {}",
                                          i + 1, i % 40 + 1),
                              owner, kAsOf, kAsOf.plus_days(i % 90), TaskStatus::Open, std::nullopt,
                              kNoId});
  return e;
}

// The text of a PDF as poppler's pdftotext reads it (poppler-utils, installed by
// setup.sh: a missing tool fails the test instead of skipping it).
std::string pdf_text(const std::string& pdf, const std::string& name) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "rapport-unit-pdf";
  fs::create_directories(dir);
  fs::path file = dir / name;
  std::ofstream(file, std::ios::binary) << pdf;
  std::string command = "pdftotext -enc UTF-8 '" + file.string() + "' - 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string text;
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  int status = pclose(pipe);
  INFO(text);
  REQUIRE(status == 0);
  return text;
}

bool introduces(PdfBlock b) {
  return b == PdfBlock::Title || b == PdfBlock::Heading || b == PdfBlock::ListHeading ||
         b == PdfBlock::TableHead;
}
}  // namespace

TEST_CASE("the PDF of the demo is a PDF file dated by the report", "[export][pdf]") {
  std::string pdf = export_report_pdf(make_demo(), kAsOf);
  REQUIRE(pdf.size() > 1000);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(ends_with_eof(pdf));
  CHECK(pdf.find("/CreationDate (20261124000000") != std::string::npos);
  CHECK(pdf.find("/MediaBox [ 0 0 595.") != std::string::npos);
}

TEST_CASE("the PDF comes in A4 and US Letter", "[export][pdf]") {
  CHECK(page_size(PaperSize::A4).width == Approx(210 * 72 / 25.4).epsilon(0.001));
  CHECK(page_size(PaperSize::A4).height == Approx(297 * 72 / 25.4).epsilon(0.001));
  CHECK(page_size(PaperSize::Letter).width == 612);
  CHECK(page_size(PaperSize::Letter).height == 792);
  PdfOptions letter;
  letter.paper = PaperSize::Letter;
  std::string pdf = export_report_pdf(make_demo(), kAsOf, letter);
  CHECK(pdf.find("/MediaBox [ 0 0 612 792 ]") != std::string::npos);
}

TEST_CASE("the PDF carries no internal string in its text or its metadata", "[export][pdf]") {
  // The page text is compressed: the bytes show the metadata and bookmarks,
  // pdftotext the words on the pages.
  Engagement e = make_demo();
  insert_item(e, Milestone{0, "Internal QA gate before Beta", d(2027, 1, 8), d(2027, 1, 8),
                           MilestoneStatus::Planned, false, "Our own checkpoint"});
  std::string pdf = export_report_pdf(e, kAsOf);
  std::vector<std::string> secrets = internal_texts(e);
  secrets.push_back("Internal QA gate");
  REQUIRE(secrets.size() >= 6);
  std::string text = pdf_text(pdf, "secrets.pdf");
  CHECK(text.find("Website relaunch") != std::string::npos);
  CHECK(text.find("POS API test credentials") != std::string::npos);
  for (const std::string& s : secrets) {
    INFO("must not contain: " << s);
    CHECK(pdf.find(s) == std::string::npos);
    CHECK(text.find(s) == std::string::npos);
  }
}

TEST_CASE("pagination keeps a heading with what follows it", "[export][pdf]") {
  // Page of 100: a heading of 10 at 85 would fit, its first row would not.
  std::vector<FlowBlock> blocks = {{80, 0, false}, {10, 0, true}, {20, 0, false}};
  auto pages = pdf::paginate(blocks, 100);
  REQUIRE(pages.size() == 2);
  CHECK(pages[0] == pdf::FlowPage{{0, 0, false}});
  CHECK(pages[1] == pdf::FlowPage{{1, 0, false}, {2, 10, false}});
}

TEST_CASE("pagination repeats a table's header row above a row that starts a page",
          "[export][pdf]") {
  // A heading, a header row, then rows of 30 on pages of 100.
  std::vector<FlowBlock> blocks = {{10, 0, true}, {10, 0, true}};
  for (int i = 0; i < 6; ++i) blocks.push_back({30, 0, false, 1});
  auto pages = pdf::paginate(blocks, 100);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].size() == 4);  // heading, header, two rows (80)
  CHECK(pages[1] == pdf::FlowPage{{1, 0, true}, {4, 10, false}, {5, 40, false}, {6, 70, false}});
  CHECK(pages[2] == pdf::FlowPage{{1, 0, true}, {7, 10, false}});
}

TEST_CASE("pagination drops the space above a block at the top of a page", "[export][pdf]") {
  std::vector<FlowBlock> blocks = {{60, 0, false}, {50, 20, false}, {30, 20, false}};
  auto pages = pdf::paginate(blocks, 100);
  REQUIRE(pages.size() == 2);
  CHECK(pages[1] == pdf::FlowPage{{1, 0, false}, {2, 70, false}});
}

TEST_CASE("pagination places a chain taller than a page block by block", "[export][pdf]") {
  // It starts on a page of its own, then breaks where it must.
  std::vector<FlowBlock> blocks = {{10, 0, false}, {50, 0, true}, {70, 0, false}};
  auto pages = pdf::paginate(blocks, 100);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0] == pdf::FlowPage{{0, 0, false}});
  CHECK(pages[1] == pdf::FlowPage{{1, 0, false}});
  CHECK(pages[2] == pdf::FlowPage{{2, 0, false}});
  CHECK(pdf::paginate({}, 100).size() == 1);
}

TEST_CASE("the demo's report fits on a few pages and starts with its header", "[export][pdf]") {
  auto pages = report_pdf_pages(make_demo(), kAsOf);
  REQUIRE(!pages.empty());
  CHECK(pages.size() <= 3);
  REQUIRE(pages[0].size() >= 2);
  CHECK(pages[0][0] == PdfBlock::Title);
  CHECK(pages[0][1] == PdfBlock::Heading);
  CHECK(pages.back().back() == PdfBlock::Closing);
}

TEST_CASE("a report with 300 client tasks paginates with no heading alone at a page bottom",
          "[export][pdf]") {
  Engagement e = long_engagement(300);
  for (PaperSize paper : {PaperSize::A4, PaperSize::Letter}) {
    PdfOptions options;
    options.paper = paper;
    auto pages = report_pdf_pages(e, kAsOf, options);
    INFO("paper " << int(paper) << ", " << pages.size() << " pages");
    CHECK(pages.size() >= 8);
    size_t rows = 0;
    for (size_t p = 0; p < pages.size(); ++p) {
      REQUIRE(!pages[p].empty());
      INFO("page " << p + 1);
      // Nothing that introduces content ends a page, and no row starts one
      // without its header row above it.
      CHECK(!introduces(pages[p].back()));
      CHECK(pages[p].front() != PdfBlock::TableRow);
      for (size_t i = 0; i + 1 < pages[p].size(); ++i)
        if (pages[p][i] == PdfBlock::TableHead) CHECK(pages[p][i + 1] == PdfBlock::TableRow);
      for (PdfBlock b : pages[p]) rows += b == PdfBlock::TableRow;
    }
    CHECK(rows >= 300);
  }
  const size_t count = report_pdf_pages(e, kAsOf).size();
  std::string pdf = export_report_pdf(e, kAsOf);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(ends_with_eof(pdf));
  std::string text = pdf_text(pdf, "long.pdf");
  for (size_t p = 1; p <= count; ++p) {
    INFO("page " << p);
    CHECK(text.find(fmt::format("Page {} of {}", p, count)) != std::string::npos);
  }
  CHECK(text.find(fmt::format("Page {} of {}", count + 1, count)) == std::string::npos);
  CHECK(text.find("Review item 300 of the content inventory") != std::string::npos);
}

TEST_CASE("the weekly update and a recap as PDFs carry no internal string", "[export][pdf]") {
  Engagement e = make_demo();
  insert_item(e, Milestone{0, "Internal QA gate before Beta", d(2026, 12, 2), d(2026, 12, 2),
                           MilestoneStatus::Planned, false, "Our own checkpoint"});
  std::vector<std::string> secrets = internal_texts(e);
  secrets.push_back("Internal QA gate");
  const std::string update = export_update_pdf(e, kAsOf);
  REQUIRE(update.rfind("%PDF-", 0) == 0);
  CHECK(ends_with_eof(update));
  const std::string update_text = pdf_text(update, "update.pdf");
  CHECK(update_text.find("Weekly update") != std::string::npos);
  CHECK(update_text.find("The next weeks") != std::string::npos);

  std::optional<MeetingRecap> recap = find_meeting_recap(e, "Weekly check-in", d(2026, 11, 6));
  REQUIRE(recap);
  const std::string recap_pdf = export_recap_pdf(*recap, PaperSize::Letter);
  CHECK(recap_pdf.find("/MediaBox [ 0 0 612 792 ]") != std::string::npos);
  const std::string recap_text = pdf_text(recap_pdf, "recap.pdf");
  CHECK(recap_text.find("Joost writes up the change request.") != std::string::npos);
  CHECK(recap_text.find("Final Finnish copy") != std::string::npos);
  for (const std::string& s : secrets) {
    INFO("must not contain: " << s);
    CHECK(update.find(s) == std::string::npos);
    CHECK(update_text.find(s) == std::string::npos);
    CHECK(recap_text.find(s) == std::string::npos);
  }
}
