// The section tables show their data: no date or number is cut by its clip
// rectangle in any section of the demo at 1600x900, states are pills in the
// report's words and milestones show their slip.
#include <catch2/catch.hpp>
#include <cstring>
#include <sstream>

#include "rapport/demo.hpp"
#include "rapport/state_pill.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::Workspace;

namespace {

// A date, a time, an amount or a count, possibly with its unit: "2026-10-06",
// "09:00", "€1,800.00", "48 h", "240 min", "+7 d".
bool is_date_or_number(std::string text) {
  for (const char* unit : {" min", " h", " d"})
    if (text.size() > std::strlen(unit) && text.ends_with(unit))
      text.resize(text.size() - std::strlen(unit));
  bool digit = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c >= 0x80) {
      continue;  // €, £, – and the like
    } else if (!std::strchr(" -+:.,/%$", c)) {
      return false;
    }
  }
  return digit;
}

bool in_section_or_inspector(const rapport::test::DrawnText& t) {
  return t.draw_list.rfind("SectionArea", 0) == 0 || t.draw_list.rfind("Inspector", 0) == 0;
}

}  // namespace

TEST_CASE("no date or number in any section is cut by its clip rectangle or wrapped",
          "[ui][tables]") {
  Workspace w(make_demo(), ImVec2(1600, 900));
  w.draw_like_the_app();
  size_t checked = 0;
  std::ostringstream cut;
  for (const Screen& s : screens()) {
    w.app.main_window.section = s.section;
    w.frame();
    w.frame();
    for (const auto& t : rapport::test::captured_text()) {
      if (!in_section_or_inspector(t) || !is_date_or_number(t.text)) continue;
      // Rows scrolled partly out at the bottom of a list are not cut sideways.
      if (t.pos.y >= t.clip.w || t.max().y <= t.clip.y) continue;
      ++checked;
      // Nor wrapped onto a second line ("2026-1" over "0-05").
      const bool wrapped = t.size.y > t.font_size * 1.5f;
      if (t.pos.x < t.clip.x - 0.5f || t.max().x > t.clip.z + 0.5f || wrapped)
        cut << s.title << ": “" << t.text << "” spans " << t.pos.x << "–" << t.max().x << ", clip "
            << t.clip.x << "–" << t.clip.z << "\n";
    }
  }
  INFO(cut.str());
  CHECK(checked > 50);
  CHECK(cut.str().empty());
}

TEST_CASE("tables show states as the report words them and the slip of milestones",
          "[ui][tables]") {
  Engagement e = make_demo();
  const Date today = Date::from_ymd(2026, 11, 24);
  Workspace w(e, ImVec2(1600, 900));
  w.draw_like_the_app();

  w.app.main_window.section = Section::ChangeRequests;
  for (const auto& [id, c] : e.change_requests) CHECK(w.shows(state_pill(c, today).text));
  CHECK(w.shows("Requested by"));
  CHECK(w.shows("Requested on"));

  w.app.main_window.section = Section::Milestones;
  for (const auto& [id, m] : e.milestones) {
    CHECK(w.shows(state_pill(m, today).text));
    CHECK(w.shows(delta_text(m.current.days - m.baseline.days)));
  }
  CHECK(w.shows("Δ"));
}

TEST_CASE("a table's first column keeps its padding from the table's left edge", "[ui][tables]") {
  Workspace w(make_demo(), ImVec2(1280, 720));
  w.draw_like_the_app();
  auto in_section = [](const std::string& text) -> const rapport::test::DrawnText* {
    const rapport::test::DrawnText* found = nullptr;
    for (const auto& t : rapport::test::captured_text())
      if (t.draw_list.rfind("SectionArea", 0) == 0 && t.text == text) found = &t;
    return found;
  };
  const ImGuiStyle& style = ImGui::GetStyle();
  struct Case {
    Section section;
    const char* filter;  // the filter field's hint: the table's left edge is its frame's
    const char* first;   // a first-column cell
  };
  for (const Case& c : {Case{Section::Boundaries, "Filter boundaries…", "in scope"},
                        Case{Section::Milestones, "Filter milestones…", "Kickoff"}}) {
    INFO(c.first);
    w.app.main_window.section = c.section;
    w.frame();
    w.frame();
    const rapport::test::DrawnText* hint = in_section(c.filter);
    const rapport::test::DrawnText* cell = in_section(c.first);
    REQUIRE(hint != nullptr);
    REQUIRE(cell != nullptr);
    const float table_left = hint->pos.x - style.FramePadding.x;
    CHECK(cell->pos.x >= table_left + style.CellPadding.x - 0.5f);
  }
}
