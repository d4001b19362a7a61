// The timeline view alone, headless, as the app holds it: the engagement in a
// Document, its index for a pinned today, the view state and command queue, and
// one window filling the display that draws the timeline every frame. The
// timeline tests build their fixtures on this instead of each wiring its own.
#pragma once

#include <imgui.h>

#include <optional>
#include <vector>

#include "headless.hpp"
#include "rapport/document.hpp"
#include "rapport/time.hpp"
#include "rapport/timeline_index.hpp"
#include "text_capture.hpp"
#include "timeline/timeline_view.hpp"
#include "view_state.hpp"

namespace rapport::test {

inline constexpr double kMinutesPerDay = 1440;

struct TimelineHarness {
  Document doc;
  const Engagement& e = doc.engagement();
  Date today;
  TimelineIndex index;
  app::ViewState view;
  app::CommandSink queue{doc};
  app::TimelineView timeline;
  HeadlessUi ui;

  // `day` pins today; without it, today in the engagement's zone (RAPPORT_TODAY).
  explicit TimelineHarness(Engagement engagement, ImVec2 display = ImVec2(1600, 900),
                           std::optional<Date> day = std::nullopt)
      : doc(std::move(engagement)),
        today(day ? *day : today_in(doc.engagement().info.time_zone)),
        index(TimelineIndex::build(doc.engagement(), today)),
        ui(display) {
    ui.draw = [this] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("Timeline", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
      timeline.draw(e, index, view, queue, today);
      ImGui::End();
    };
  }
  TimelineHarness(const TimelineHarness&) = delete;  // the draw callback holds `this`
  TimelineHarness& operator=(const TimelineHarness&) = delete;

  // Another today, and the index built for it.
  void pin_today(Date d) {
    today = d;
    index = TimelineIndex::build(e, today);
  }

  // The start of `d` on the timeline's axis, in minutes.
  double minute(Date d) const { return double(day_start(d, index.time_zone()).minutes); }

  // One frame to settle (labels, rows), then one recorded: what it drew.
  const std::vector<DrawnText>& draw_recorded() {
    ui.frame();
    capture_text_begin();
    ui.frame();
    return captured_text();
  }
  // Shows [from, from + days) and returns what was drawn.
  const std::vector<DrawnText>& show(Date from, double days) {
    timeline.set_range(minute(from), minute(from) + days * kMinutesPerDay);
    return draw_recorded();
  }
  // `weeks` from a week before today, or (0) the whole engagement, as the View menu does.
  const std::vector<DrawnText>& show_weeks(int weeks) {
    if (weeks > 0)
      timeline.focus_weeks(index, today, weeks);
    else
      timeline.fit(index);
    return draw_recorded();
  }
};

}  // namespace rapport::test
