// Timeline text drawn headless on the demo: item labels never overlap and are never
// cut without an ellipsis; the "Today" pill stays whole and covers no axis text.
#include <catch2/catch.hpp>

#include "headless.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/timeline_index.hpp"
#include "text_capture.hpp"
#include "timeline/timeline_view.hpp"

using namespace rapport;
using namespace rapport::app;

namespace {

constexpr double kDay = 1440;
const std::string kEllipsis = "\xE2\x80\xA6";

struct DemoTimeline {
  Document doc{make_demo()};
  const Engagement& e = doc.engagement();
  Date today = e.info.start.plus_days(50);
  TimelineIndex index = TimelineIndex::build(e, today);
  ViewState view;
  CommandSink queue{doc};
  TimelineView timeline;
  rapport::test::HeadlessUi ui;

  explicit DemoTimeline(ImVec2 display) : ui(display) {
    ui.draw = [this] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("Timeline", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
      timeline.draw(e, index, view, queue, today);
      ImGui::End();
    };
  }
  // Draws [from, from + days) and returns what was drawn.
  const std::vector<rapport::test::DrawnText>& show(Date from, double days) {
    double a = double(day_start(from, index.time_zone()).minutes);
    timeline.set_range(a, a + days * kDay);
    ui.frame();
    rapport::test::capture_text_begin();
    ui.frame();
    return rapport::test::captured_text();
  }
};

struct Box {
  std::string text;
  float x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

Box box_of(const rapport::test::DrawnText& t) {
  ImVec2 size = ImGui::CalcTextSize(t.text.c_str());
  return Box{t.text, t.pos.x, t.pos.y, t.pos.x + size.x, t.pos.y + size.y};
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Every title the lanes can label, as drawn ("! " before an overdue task's).
std::vector<std::string> titles(const Engagement& e) {
  std::vector<std::string> out;
  for (const auto& [id, m] : e.milestones.items) out.push_back(m.title);
  for (const auto& [id, b] : e.boundaries.items) out.push_back(b.title);
  for (const auto& [id, c] : e.change_requests.items) out.push_back(c.title);
  for (const auto& [id, t] : e.client_tasks.items) {
    out.push_back(t.title);
    out.push_back("! " + t.title);
  }
  return out;
}

}  // namespace

TEST_CASE("timeline labels never overlap and are whole or end in an ellipsis", "[ui][timeline]") {
  for (ImVec2 display : {ImVec2(1280, 720), ImVec2(1600, 900), ImVec2(1920, 1080)}) {
    DemoTimeline t(display);
    const std::vector<std::string> known = titles(t.e);
    for (double days : {200.0, 120.0, 60.0, 21.0}) {
      INFO("display " << display.x << " days " << days);
      const auto& drawn = t.show(t.e.info.start.plus_days(-5), days);
      const TimelineFrame& f = t.timeline.frame();
      std::vector<Box> labels;
      size_t whole = 0;
      for (const auto& d : drawn) {
        if (d.pos.x < f.time_x0 || d.pos.y < f.axis_y1) continue;  // axis and headers
        bool is_title = false;
        for (const std::string& k : known) {
          if (d.text == k) {
            is_title = true;
            ++whole;
          } else if (ends_with(d.text, kEllipsis) &&
                     k.compare(0, d.text.size() - kEllipsis.size(), d.text, 0,
                               d.text.size() - kEllipsis.size()) == 0) {
            is_title = true;
          }
        }
        if (!is_title) continue;  // "N items" and the like
        labels.push_back(box_of(d));
        CHECK(labels.back().x1 <= f.time_x1 + 0.5f);
      }
      CHECK(whole > 0);
      for (size_t i = 0; i < labels.size(); ++i) {
        for (size_t j = i + 1; j < labels.size(); ++j) {
          INFO(labels[i].text << " / " << labels[j].text);
          CHECK_FALSE(labels[i].overlaps(labels[j]));
        }
      }
    }
  }
}

TEST_CASE("the Today pill stays whole at the edge and covers no axis text", "[ui][timeline]") {
  DemoTimeline t(ImVec2(1280, 720));
  for (int before : {0, 2, 9}) {
    for (double days : {10.0, 45.0, 150.0}) {
      INFO("today " << before << " days in, " << days << " days shown");
      const auto& drawn = t.show(t.today.plus_days(-before), days);
      const TimelineFrame& f = t.timeline.frame();
      const rapport::test::DrawnText* pill = nullptr;
      std::vector<Box> axis;
      for (const auto& d : drawn) {
        if (d.pos.y >= f.axis_y1 || d.pos.x < f.time_x0) continue;
        if (d.text == "Today")
          pill = &d;
        else
          axis.push_back(box_of(d));
      }
      REQUIRE(pill != nullptr);
      Box p = box_of(*pill);
      CHECK(p.x0 >= f.time_x0);
      CHECK(p.x1 <= f.time_x1);
      CHECK(axis.size() >= 2);
      for (const Box& a : axis) {
        INFO(a.text);
        CHECK_FALSE(a.overlaps(Box{"", p.x0 - 4, p.y0, p.x1 + 4, p.y1}));
      }
    }
  }
}
