// The timeline picture (timeline_picture.hpp): the next weeks as a vector
// scene from the client's copy, with a legend, for the PDFs and the HTML report.
#include <catch2/catch.hpp>

#include "rapport/client_report.hpp"
#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/timeline_picture.hpp"

using namespace rapport;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }
const Date kToday = d(2026, 11, 24);

std::vector<std::string> texts(const TimelinePicture& p) {
  std::vector<std::string> out;
  for (const PictureShape& s : p.shapes)
    if (s.kind == PictureShape::Kind::Text) out.push_back(s.text);
  return out;
}
bool has_text_starting(const TimelinePicture& p, const std::string& start) {
  for (const std::string& t : texts(p))
    if (t.rfind(start, 0) == 0) return true;
  return false;
}
}  // namespace

TEST_CASE("the timeline picture shows the next weeks of the demo with a legend", "[picture]") {
  const TimelinePicture p = timeline_picture(make_demo(), kToday, 8, 510);
  CHECK(p.from == kToday.plus_days(-7));
  CHECK(p.to == kToday.plus_days(56));
  CHECK(p.width == 510);
  CHECK(p.height > 60);
  // Lanes by their titles, the milestone due in the window, a meeting series.
  CHECK(has_text_starting(p, "Milestones"));
  CHECK(has_text_starting(p, "Weekly check-in"));
  CHECK(has_text_starting(p, "Design sign-off"));
  CHECK(has_text_starting(p, "December 2026"));
  CHECK(has_text_starting(p, "Today"));
  for (const char* legend : {"Milestone", "Agreed date", "Change request", "Blackout"})
    CHECK(has_text_starting(p, legend));
  // Everything inside the picture.
  for (const PictureShape& s : p.shapes) {
    CHECK(s.x >= -0.01);
    CHECK(s.y >= -0.01);
    CHECK(s.y <= p.height + 0.01);
    if (s.kind == PictureShape::Kind::Rect) CHECK(s.x + s.w <= p.width + 0.01);
  }
  // The Christmas break is a band.
  int bands = 0;
  for (const PictureShape& s : p.shapes)
    if (s.kind == PictureShape::Kind::Rect && s.fill == PictureInk::Band && s.h > 20) ++bands;
  CHECK(bands == 1);
}

TEST_CASE("the timeline picture draws a moved milestone with its agreed date", "[picture]") {
  const TimelinePicture p = timeline_picture(make_demo(), kToday, 8);
  // Design sign-off: agreed 13 Nov, now 20 Nov: a hollow ghost, a dashed line, "+7 d".
  CHECK(has_text_starting(p, "Design sign-off (+7 d)"));
  int ghosts = 0, dashes = 0;
  for (const PictureShape& s : p.shapes) {
    if (s.kind == PictureShape::Kind::Diamond && !s.filled && s.y > 26) ++ghosts;
    if (s.kind == PictureShape::Kind::Line && s.dashed) ++dashes;
  }
  CHECK(ghosts >= 1);
  CHECK(dashes >= 1);
}

TEST_CASE("the timeline picture never shows what is internal", "[picture]") {
  Engagement e = make_demo();
  insert_item(e, Milestone{0, "Internal QA gate before Beta", d(2026, 12, 2), d(2026, 12, 2),
                           MilestoneStatus::Planned, false, ""});
  const TimelinePicture p = timeline_picture(e, kToday, 8);
  const std::string svg = timeline_svg(p);
  std::vector<std::string> secrets = internal_texts(e);
  secrets.push_back("Internal QA gate");
  for (const std::string& s : secrets) CHECK(svg.find(s) == std::string::npos);
}

TEST_CASE("the HTML status report carries the picture as inline SVG", "[picture][export]") {
  Engagement e = make_demo();
  e.info.name = "Relaunch <b>&</b>";
  const std::string html = export_report_html(e, kToday);
  const size_t svg = html.find("<svg viewBox=");
  REQUIRE(svg != std::string::npos);
  CHECK(html.find("</svg>", svg) != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  // Markdown has no picture: the tables say the same.
  CHECK(export_report_markdown(e, kToday).find("The next weeks") == std::string::npos);
  const ClientReport r = build_client_report(e, kToday);
  REQUIRE(r.section("timeline"));
  CHECK(r.section("timeline")->picture);
  CHECK_FALSE(build_client_report(e, kToday, ReportScope::Presentation).section("timeline"));
}
