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

namespace {

// What a timeline draws at one size and zoom, for the checks below: the demo or a
// generated engagement, today pinned (RAPPORT_TODAY).
struct TimelineCase {
  Document doc;
  const Engagement& e = doc.engagement();
  Date today = today_in(e.info.time_zone);
  TimelineIndex index = TimelineIndex::build(e, today);
  ViewState view;
  CommandSink queue{doc};
  TimelineView timeline;
  rapport::test::HeadlessUi ui;

  TimelineCase(Engagement engagement, ImVec2 display) : doc(std::move(engagement)), ui(display) {
    ui.draw = [this] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("Timeline", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
      timeline.draw(e, index, view, queue, today);
      ImGui::End();
    };
  }
  // `weeks` from a week before today, or (0) the whole engagement, as the View menu does.
  void show(int weeks) {
    if (weeks > 0)
      timeline.focus_weeks(index, today, weeks);
    else
      timeline.fit(index);
    ui.frame();
    rapport::test::capture_text_begin();
    ui.frame();
  }
};

// The text drawn over the lanes (item labels, slips, pointers, meeting times, counts).
std::vector<rapport::test::DrawnText> lane_text(const TimelineFrame& f) {
  std::vector<rapport::test::DrawnText> out;
  for (const auto& d : rapport::test::captured_text())
    if (d.draw_list == "Timeline" && d.pos.x >= f.time_x0 && d.pos.y >= f.axis_y1 &&
        d.pos.y < f.lanes_y1)
      out.push_back(d);
  return out;
}

// Whether a line drawn by the program crosses the text without an opaque patch drawn
// over the line before the text: a line would run through the letters.
bool line_crosses(const rapport::test::DrawnShape& line, const rapport::test::DrawnText& t) {
  const ImVec2 a = line.a, b = line.b, lo = t.pos, hi = t.max();
  const float x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x);
  const float y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
  if (x1 <= lo.x + 0.5f || x0 >= hi.x - 0.5f || y1 <= lo.y + 0.5f || y0 >= hi.y - 0.5f)
    return false;
  // Outside its clip rectangle (another lane's, the axis's) the line is not drawn.
  if (x1 <= line.clip.x || x0 >= line.clip.z || y1 <= line.clip.y || y0 >= line.clip.w)
    return false;
  if (line.order > t.order) return true;  // drawn over the text
  // Drawn before: covered if an opaque rectangle between them covers the text there.
  const float cx0 = std::max(x0, lo.x), cx1 = std::min(x1, hi.x);
  const float cy0 = std::max(y0, lo.y), cy1 = std::min(y1, hi.y);
  for (const auto& r : rapport::test::captured_shapes()) {
    if (r.kind != rapport::test::DrawnShape::Kind::FilledRect) continue;
    if (r.order < line.order || r.order > t.order) continue;
    if (((r.colour >> IM_COL32_A_SHIFT) & 0xFF) != 0xFF) continue;
    if (r.a.x <= cx0 && r.b.x >= cx1 && r.a.y <= cy0 && r.b.y >= cy1) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("timeline labels are whole, apart and clear of lines at every size and zoom",
          "[ui][timeline]") {
  struct Source {
    const char* name;
    Engagement (*make)();
  };
  const Source sources[] = {
      {"demo", [] { return make_demo(); }},
      {"generated 400", [] { return generate_engagement(400, 7); }},
      {"generated 3000", [] { return generate_engagement(3000, 11); }},
  };
  size_t labels_seen = 0, tooltips_checked = 0;
  for (const Source& source : sources) {
    for (ImVec2 display : {ImVec2(1280, 720), ImVec2(1600, 900), ImVec2(1920, 1080)}) {
      TimelineCase t(source.make(), display);
      const std::vector<std::string> known = titles(t.e);
      for (int weeks : {1, 4, 13, 0}) {
        INFO(source.name << " at " << display.x << "x" << display.y << ", "
                         << (weeks ? std::to_string(weeks) + " weeks" : "whole engagement"));
        t.show(weeks);
        const TimelineFrame& f = t.timeline.frame();
        const auto labels = lane_text(f);
        labels_seen += labels.size();
        std::vector<const rapport::test::DrawnText*> shortened;
        for (const auto& d : labels) {
          INFO("label '" << d.text << "' at " << d.pos.x << "," << d.pos.y);
          // Not cut by a clip rectangle: the whole text is drawn.
          CHECK(d.pos.x >= d.clip.x - 0.5f);
          CHECK(d.max().x <= d.clip.z + 0.5f);
          CHECK(d.pos.y >= d.clip.y - 0.5f);
          CHECK(d.max().y <= d.clip.w + 0.5f);
          if (ends_with(d.text, kEllipsis)) {
            shortened.push_back(&d);
          } else if (std::string(source.name) == "demo") {
            // A title drawn in part must end with "…".
            for (const std::string& k : known)
              CHECK_FALSE((k.size() > d.text.size() && k.compare(0, d.text.size(), d.text) == 0 &&
                           k[d.text.size()] != ','));
          }
          for (const auto& shape : rapport::test::captured_shapes())
            if (shape.kind == rapport::test::DrawnShape::Kind::Line)
              CHECK_FALSE(line_crosses(shape, d));
        }
        for (size_t i = 0; i < labels.size(); ++i)
          for (size_t j = i + 1; j < labels.size(); ++j) {
            INFO(labels[i].text << " at " << labels[i].pos.x << "," << labels[i].pos.y << " / "
                                << labels[j].text << " at " << labels[j].pos.x << ","
                                << labels[j].pos.y);
            CHECK_FALSE(box_of(labels[i]).overlaps(box_of(labels[j])));
          }
        // A shortened label shows its whole text when hovered (the first few of each view).
        for (size_t k = 0; k < shortened.size() && k < 2; ++k) {
          const std::string text = shortened[k]->text;
          const std::string prefix = text.substr(0, text.size() - kEllipsis.size());
          const ImVec2 at((shortened[k]->pos.x + shortened[k]->max().x) * 0.5f,
                          (shortened[k]->pos.y + shortened[k]->max().y) * 0.5f);
          INFO("shortened '" << text << "'");
          t.ui.move_to(at);
          rapport::test::capture_text_begin();
          t.ui.frame();
          bool whole = false;
          for (const auto& d : rapport::test::captured_text())
            whole |= d.draw_list != "Timeline" && d.text.size() > prefix.size() &&
                     d.text.compare(0, prefix.size(), prefix) == 0 && !ends_with(d.text, kEllipsis);
          CHECK(whole);
          ++tooltips_checked;
          t.ui.move_to(ImVec2(-100, -100));
        }
      }
    }
  }
  CHECK(labels_seen > 100);
  INFO("tooltips checked: " << tooltips_checked);
}
