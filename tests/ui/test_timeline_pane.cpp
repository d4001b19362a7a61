// The timeline pane in the main window: its default height follows the window and
// its lanes (no lane cut through, no half-empty pane), the splitter under it
// resizes it and is remembered, and lanes that do not fit scroll with a scrollbar.
#include <imgui_internal.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "../common/engagements.hpp"
#include "rapport/demo.hpp"
#include "shell/files.hpp"
#include "shell/layout.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::Workspace;

namespace {

ImRect timeline_pane() {
  ImGuiWindow* w = ImGui::FindWindowByName("TimelineArea");
  REQUIRE(w != nullptr);
  return w->Rect();
}

// Clicks the meeting group's header `x` px right of the pane's left edge (its bracket
// at 5, the folded row's title further right), then lets the pane settle.
void click_meeting_group(Workspace& w, float x) {
  const TimelineView& t = w.app.panels.timeline;
  const TimelineView::MeetingGroup group = t.meeting_group();
  w.ui.click(ImVec2(t.frame().canvas_min.x + x, (group.y0 + group.y1) * 0.5f));
  w.ui.frames(4);
}

// The window resized, as the platform reports it, and a few frames to settle.
void resize(Workspace& w, ImVec2 size) {
  ImGui::GetIO().DisplaySize = size;
  w.ui.frames(4);
}

}  // namespace

TEST_CASE("the timeline pane shows whole lanes at the window's size", "[ui][timeline][layout]") {
  for (ImVec2 display : {ImVec2(1024, 640), ImVec2(1280, 720), ImVec2(1600, 900),
                         ImVec2(1920, 1080), ImVec2(2560, 1440)}) {
    INFO("display " << display.x << "x" << display.y);
    Workspace w(make_demo(), display);
    w.draw_like_the_app(1.0f, 6);
    const TimelineView& t = w.app.panels.timeline;
    const TimelineFrame& f = t.frame();
    const auto& lanes = w.app.doc.timeline_index(Audience::Provider, w.app.today()).lanes();
    bool meeting_seen = false;
    float last_bottom = f.axis_y1;
    auto in_pane = [&](float y0, float y1) { return y1 > y0 && y1 <= f.lanes_y1 + 0.5f; };
    for (size_t i = 0; i < t.layout().size(); ++i) {
      const LaneLayout& l = t.layout()[i];
      INFO("lane " << lanes[i].title << " " << l.y0 << ".." << l.y1 << " in " << f.axis_y1 << ".."
                   << f.lanes_y1);
      // Whole or not at all: no lane is cut through by the pane's bottom.
      CHECK_FALSE((l.y0 < f.lanes_y1 - 0.5f && l.y1 > f.lanes_y1 + 0.5f));
      if (in_pane(l.y0, l.y1)) last_bottom = std::max(last_bottom, l.y1);
      if (lanes[i].kind == LaneKind::Meeting && in_pane(l.y0, l.y1)) meeting_seen = true;
    }
    // The meeting group is whole too: folded, its row; open, its bracket spans only
    // lanes in view (no series of it hidden below the pane's bottom).
    const TimelineView::MeetingGroup& group = t.meeting_group();
    REQUIRE(group.shown);
    INFO("meeting group " << group.y0 << ".." << group.y1 << (group.folded ? " folded" : ""));
    if (group.y0 < f.lanes_y1 - 0.5f) CHECK(group.y1 <= f.lanes_y1 + 0.5f);
    if (group.folded && in_pane(group.y0, group.y1)) {
      meeting_seen = true;
      last_bottom = std::max(last_bottom, group.y1);
    }
    // From 1280x720 up every meeting series is in view (their lanes, or the group's
    // row when they do not fit open); at 1024x640 the lanes above them take the pane,
    // and the scrollbar says there is more.
    if (display.y >= 720)
      CHECK(meeting_seen);
    else
      CHECK((meeting_seen || t.scrollbar().shown()));
    if (display.y >= 720) CHECK_FALSE(t.scrollbar().shown());
    // No half-empty pane: below the last lane, a little room at most.
    CHECK(f.lanes_y1 - last_bottom <= 0.1f * (f.lanes_y1 - f.canvas_min.y));
    // And the section area keeps its room.
    CHECK(timeline_pane().GetHeight() <= display.y * kTimelineMostShare);
  }
}

TEST_CASE("meetings fold into one row when the pane cannot show them open, unless the user chose",
          "[ui][timeline][layout]") {
  Workspace w(make_demo(), ImVec2(1280, 720));
  w.draw_like_the_app(1.0f, 6);
  TimelineView& t = w.app.panels.timeline;
  // Too low for every series open: folded, and nothing scrolls.
  CHECK(t.meeting_group().folded);
  CHECK_FALSE(t.scrollbar().shown());
  // A taller window: open again, every series on its own lane.
  resize(w, ImVec2(1920, 1080));
  CHECK_FALSE(t.meeting_group().folded);
  resize(w, ImVec2(1280, 720));
  REQUIRE(t.meeting_group().folded);
  // The user opens the folded row by its header: it stays open, and scrolls.
  click_meeting_group(w, 40);
  CHECK_FALSE(t.meeting_group().folded);
  CHECK(t.scrollbar().shown());
  // Nor does a taller and a lower window fold it again: the user's choice holds.
  resize(w, ImVec2(1920, 1080));
  resize(w, ImVec2(1024, 640));
  CHECK_FALSE(t.meeting_group().folded);
  // Folded by the user with the bracket in the headers' margin, in a window with
  // room for every series: it stays folded.
  resize(w, ImVec2(1920, 1080));
  click_meeting_group(w, 5);
  CHECK(t.meeting_group().folded);
  resize(w, ImVec2(2560, 1440));
  CHECK(t.meeting_group().folded);
}

TEST_CASE("the splitter under the timeline resizes it, is remembered and resets on double-click",
          "[ui][timeline][layout]") {
  Workspace w(make_demo(), ImVec2(1600, 900));
  w.draw_like_the_app(1.0f, 6);
  const ImRect before = timeline_pane();
  const ImVec2 grip((before.Min.x + before.Max.x) * 0.5f, before.Max.y);
  w.ui.drag(grip, ImVec2(grip.x, grip.y - 120), 6);
  w.ui.frames(2);
  const ImRect after = timeline_pane();
  CHECK(after.GetHeight() == Approx(before.GetHeight() - 120).margin(3));
  CHECK(w.app.main_window.timeline_share > 0);
  // Remembered: the platform writes what the app asks it to keep.
  CHECK(w.app.frame_request().preferences.timeline_share == w.app.main_window.timeline_share);
  // Smaller than the lanes: they scroll, and a scrollbar shows it.
  CHECK(w.app.panels.timeline.scrollbar().shown());
  // Double-click: back to the default height.
  w.ui.double_click(ImVec2(grip.x, after.Max.y));
  w.ui.frames(3);
  CHECK(w.app.main_window.timeline_share == 0);
  CHECK(timeline_pane().GetHeight() == Approx(before.GetHeight()).margin(2));
  CHECK_FALSE(w.app.panels.timeline.scrollbar().shown());
}

TEST_CASE("dragging the timeline's scrollbar scrolls its lanes", "[ui][timeline][layout]") {
  Workspace w(make_demo(), ImVec2(1280, 560));
  w.draw_like_the_app(1.0f, 6);
  TimelineView::Scrollbar bar = w.app.panels.timeline.scrollbar();
  REQUIRE(bar.shown());
  const float before = w.app.panels.timeline.scroll();
  const TimelineRange range = w.app.panels.timeline.range();
  const ImVec2 thumb((bar.thumb_min.x + bar.thumb_max.x) * 0.5f,
                     (bar.thumb_min.y + bar.thumb_max.y) * 0.5f);
  w.ui.drag(thumb, ImVec2(thumb.x, thumb.y + 40), 5);
  w.ui.frames(2);
  CHECK(w.app.panels.timeline.scroll() > before + 20);
  // The timeline's range did not move: the drag was the scrollbar's, not a pan.
  CHECK(w.app.panels.timeline.range().from == range.from);
}

TEST_CASE("File Export Timeline picture draws what the timeline shows, for its audience",
          "[ui][timeline][export]") {
  Workspace w(rapport::test::demo_with_hidden_milestone(), ImVec2(1600, 900));
  w.draw_like_the_app(1.0f, 3);
  TimelineView& t = w.app.panels.timeline;
  const std::string& zone = w.app.engagement().info.time_zone;
  auto minute = [&](Date d) { return double(day_start(d, zone).minutes); };
  // February 2027 holds the milestone the client must not see.
  t.set_range(minute(Date::from_ymd(2027, 2, 1)), minute(Date::from_ymd(2027, 3, 1)));
  w.frame();
  const std::string as_of = "as of " + date_text(w.app.today());
  for (bool client : {false, true}) {
    INFO((client ? "the client's copy" : "the editor's copy"));
    rapport::test::file_export(
        w, client ? "Timeline picture, client's copy (PNG)…" : "Timeline picture (PNG)…");
    REQUIRE(w.app.panels.file_dialog.is_open());
    use_chosen_file(w.app, "timeline.png");
    REQUIRE(w.app.picture);
    CHECK(w.app.picture->for_client == client);
    // Its frames follow without input, and show the title line and the same range.
    CHECK(w.app.frame_request().wake_in_seconds == 0);
    CHECK(w.shows(as_of));
    CHECK(w.app.panels.picture.range().from == Approx(t.range().from));
    CHECK(w.app.panels.picture.range().to == Approx(t.range().to));
    CHECK(w.shows(rapport::test::kHiddenMilestone) == !client);
    REQUIRE(w.until([&] { return w.app.picture->frames >= App::kPictureFrames; }));
    CHECK(w.app.timeline_only_height > 100);
    // The runner saves it and clears the request (main.cpp): the editor is back.
    w.app.picture.reset();
    CHECK_FALSE(w.shows(as_of));
    CHECK(w.shows("Health"));  // the editor's sections
  }
}

TEST_CASE("the timeline picture is drawn for the audience asked, whatever the live view shows",
          "[ui][timeline][export]") {
  Workspace w(rapport::test::demo_with_hidden_milestone(), ImVec2(1600, 900));
  w.draw_like_the_app(1.0f, 3);
  for (bool presenting : {false, true}) {
    INFO((presenting ? "in the client view" : "in the editor"));
    w.app.set_presentation(presenting);
    for (Audience audience : {Audience::Provider, Audience::Client}) {
      w.app.timeline_only = audience;
      w.frame();
      CHECK(w.shows(rapport::test::kHiddenMilestone) == (audience == Audience::Provider));
      // The live view is the presenter's, untouched by the picture.
      CHECK(w.app.view.presentation == presenting);
    }
    w.app.timeline_only.reset();
  }
}
