// The client status report as a PDF, written without a browser: the neutral
// document of client_report.hpp (the one the HTML and Markdown reports and the
// client view draw), laid out with pango and drawn with cairo, the UI font
// (Inter, else DejaVu Sans) embedded.
//
// Why a library of its own (rapport_pdf) and not a part of rapport_core: cairo
// and pango bring glib, fontconfig, freetype and harfbuzz. Core stays a small,
// plain C++ library that the fuzzers, the sanitizer build and anything that
// only reads files link without them; whoever wants a PDF (the app, the command
// line, the tests, the bench) links rapport_pdf, which links core. Nothing here
// includes ImGui, GLFW or OpenGL either.
//
// [SECTION] index
//   Options  - PdfOptions, page sizes
//   Export   - export_report_pdf
//   Layout   - report_pdf_pages: what went on each page, for tests
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rapport/model.hpp"

namespace rapport {

struct ClientReport;
struct MeetingRecap;

// [SECTION] Options -----------------------------------------------------------

enum class PaperSize : uint8_t { A4, Letter };

struct PdfOptions {
  PaperSize paper = PaperSize::A4;
  // Change requests and decisions since this date (default: two weeks before as_of).
  std::optional<Date> since;
};

// Width and height in points (1/72 inch): A4 595.28 x 841.89, Letter 612 x 792.
struct PageSize {
  double width = 0;
  double height = 0;
};
PageSize page_size(PaperSize paper);

// [SECTION] Export ------------------------------------------------------------

// The status report as of a date, as PDF bytes: a header with the engagement,
// its parties and "Status report · <date>"; each section's heading kept with
// its first rows; tables with wrapped cells and their header row repeated on a
// new page; states as coloured pills; "Page N of M" and the date on every page;
// a bookmark per section. Internal fields never appear (the document is built
// from redacted()). The file is dated by as_of, not by the clock; only the tags
// cairo gives the font subsets ("RLUQKW+Inter-Regular") vary between runs. Empty
// only if cairo failed (out of memory).
std::string export_report_pdf(const Engagement& e, Date as_of, const PdfOptions& options = {});

// The weekly update (weekly_update.hpp) since options.since (default: the last
// update sent), laid out as the status report is.
std::string export_update_pdf(const Engagement& e, Date as_of, const PdfOptions& options = {});

// A held meeting's recap (recap.hpp) as a one- or two-page PDF.
std::string export_recap_pdf(const MeetingRecap& r, PaperSize paper = PaperSize::A4);

// Any client report document, dated as_of, `author` in the file's metadata.
std::string export_client_report_pdf(const ClientReport& report, Date as_of,
                                     const std::string& author, PaperSize paper = PaperSize::A4);

// [SECTION] Layout ------------------------------------------------------------

enum class PdfBlock : uint8_t {
  Title,        // the report's header: date, engagement, parties
  Heading,      // a section's title
  Quote,        // the engagement's vision
  Facts,        // a row of fact cards
  Paragraph,    // a line of text
  TableHead,    // a table's header row (again at the top of a page it continues on)
  TableRow,     // one row
  ListHeading,  // "In scope"
  ListItem,     // one item of a list
  Empty,        // "Nothing open on your side."
  Closing,      // the closing line: the period covered and the version
  Picture,      // the timeline of the next weeks
};

// The blocks on each page, in order, as export_report_pdf lays them out.
std::vector<std::vector<PdfBlock>> report_pdf_pages(const Engagement& e, Date as_of,
                                                    const PdfOptions& options = {});

}  // namespace rapport
