// Rows for the PDF exports (issue 19's goal: the status report of a 10k-item
// engagement in under a second), with the status report's time split into its
// parts: the client report document (redaction, health, sections), the layout
// (pango measuring every block, pagination) and drawing plus writing the PDF.
#include <cstdlib>
#include <iterator>

#include "bench.hpp"
#include "rapport/client_report.hpp"
#include "rapport/demo.hpp"
#include "rapport/export_pdf.hpp"

using namespace rapport;
using rapport::bench::median_ms;
using rapport::bench::row;
using rapport::bench::size_label;

void bench_pdf_rows(const std::vector<size_t>& sizes, bool quick) {
  const int runs = quick ? 1 : 3;
  for (size_t n : sizes) {
    const char* label = size_label(n);
    const Engagement e = generate_engagement(n, 1);
    // As of a date in the middle of the plan.
    auto middle = e.milestones.begin();
    std::advance(middle, e.milestones.size() / 2);
    const Date as_of = middle->second.current;
    size_t bytes = 0, pages = 0, sections = 0;
    const double whole = median_ms(runs, [&] { bytes = export_report_pdf(e, as_of).size(); });
    if (bytes == 0) std::abort();
    const size_t pdf_bytes = bytes;
    const double document = median_ms(runs, [&] {
      sections = build_client_report(e, as_of, ReportScope::StatusReport).sections.size();
    });
    const double laid_out = median_ms(runs, [&] { pages = report_pdf_pages(e, as_of).size(); });
    row("PDF status report", label, whole, "ms");
    row("  the client report document", label, document, "ms");
    row("  layout and pagination (pango)", label, laid_out - document, "ms");
    row("  drawing and writing (cairo)", label, whole - laid_out, "ms");
    row("  (PDF pages)", label, double(pages), "count");
    row("  (PDF size)", label, double(pdf_bytes) / 1024.0, "KiB");
    if (sections == 0) std::abort();
    row("PDF weekly update", label,
        median_ms(runs, [&] { bytes = export_update_pdf(e, as_of).size(); }), "ms");
    if (bytes == 0) std::abort();
  }
}
