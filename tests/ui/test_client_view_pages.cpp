// The client view as the presenter drives it: F11 in, pages stepped like slides
// with the keyboard, nothing that edits, and F11 back to where the editor was.
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::Workspace;

namespace {

// Whether `text` is drawn in a fresh frame as a whole string.
bool drawn(Workspace& w, const std::string& text) {
  w.frame();
  return rapport::test::find_text(text).has_value();
}

// Moves Beta a week in the editor, as one applied, undoable step.
Id move_beta_a_week(Workspace& w) {
  const Id beta = rapport::test::titled<Milestone>(w.app.engagement(), "Beta");
  const size_t depth = w.app.doc.history().undo_depth();
  w.app.commands.push(
      MoveMilestone{beta, w.app.engagement().milestones.find(beta)->current.plus_days(7)});
  w.frame();
  REQUIRE(w.app.doc.history().undo_depth() == depth + 1);
  return beta;
}
}  // namespace

TEST_CASE("the presenter steps through the client view's pages with the keyboard",
          "[ui][client-view]") {
  Workspace w(make_demo(), ImVec2(1280, 720));
  w.f11();
  REQUIRE(w.app.view.presentation);
  // Design sign-off is late on 24 Nov: it leads the strip, before the next one.
  CHECK(drawn(w, "Milestone late"));
  CHECK(drawn(w, "Design sign-off"));
  CHECK(drawn(w, "What we need from you"));
  w.key(ImGuiKey_PageDown);
  CHECK(w.app.panels.client.page == ClientPage::Milestones);
  CHECK(drawn(w, "Milestones: agreed and now"));
  w.key(ImGuiKey_RightArrow);
  CHECK(w.app.panels.client.page == ClientPage::Needs);
  CHECK(drawn(w, "Also open"));
  w.key(ImGuiKey_End);
  CHECK(w.app.panels.client.page == ClientPage::Expectations);
  CHECK(drawn(w, "Expectations and where they stand"));
  w.key(ImGuiKey_PageDown);  // the last page stays
  CHECK(w.app.panels.client.page == ClientPage::Expectations);
  w.key(ImGuiKey_PageUp);
  CHECK(w.app.panels.client.page == ClientPage::Boundaries);
  w.type("6");
  CHECK(w.app.panels.client.page == ClientPage::Changes);
  w.key(ImGuiKey_Home);
  CHECK(w.app.panels.client.page == ClientPage::Timeline);
  // Scrolling a long page leaves no keyboard focus behind: Space still turns the page.
  w.type("4");
  w.key(ImGuiKey_DownArrow);
  w.key(ImGuiKey_DownArrow);
  w.key(ImGuiKey_Space);
  CHECK(w.app.panels.client.page == ClientPage::Decisions);
  w.key(ImGuiKey_Enter);
  CHECK(w.app.panels.client.page == ClientPage::Decisions);
  w.key(ImGuiKey_Home);
  // Esc does not drop the presenter into the editor.
  w.key(ImGuiKey_Escape);
  CHECK(w.app.view.presentation);
}

TEST_CASE("with the client watching the keyboard changes nothing in the engagement",
          "[ui][client-view]") {
  Workspace w(make_demo(), ImVec2(1280, 720));
  // An edit in the editor and an item selected, then the client view: undo,
  // quick add and delete do nothing.
  const Id beta = move_beta_a_week(w);
  w.app.view.selection = Selection{beta, std::nullopt};
  const Engagement edited = w.app.engagement();
  w.f11();
  REQUIRE(w.app.view.presentation);
  w.ctrl('Z');
  w.ctrl('K');
  w.type("milestone Surprise 2027-01-01");
  w.key(ImGuiKey_Enter);
  w.key(ImGuiKey_Delete);
  w.frame();
  CHECK(w.app.engagement() == edited);
  CHECK(w.app.doc.history().can_undo());  // the edit is still there to undo, in the editor
}

TEST_CASE("F11 returns to the section, timeline range and selection the editor had",
          "[ui][client-view]") {
  Workspace w(make_demo(), ImVec2(1280, 720));
  w.app.main_window.section = Section::ChangeRequests;
  const Id beta = rapport::test::titled<Milestone>(w.app.engagement(), "Beta");
  w.app.view.selection = Selection{beta, std::nullopt};
  w.frame();
  w.frame();
  const TimelineRange range = w.app.panels.timeline.range();
  w.f11();
  REQUIRE(w.app.view.presentation);
  // The presenter zooms and pans the client's timeline and clicks elsewhere.
  w.ui.wheel(ImVec2(800, 500), 2);
  w.ui.click(ImVec2(900, 640));
  w.key(ImGuiKey_PageDown);
  CHECK(w.app.panels.client.page != ClientPage::Timeline);
  w.f11();
  REQUIRE_FALSE(w.app.view.presentation);
  CHECK(w.app.main_window.section == Section::ChangeRequests);
  CHECK(w.app.view.selection.id == beta);
  CHECK(w.app.panels.timeline.range().from == range.from);
  CHECK(w.app.panels.timeline.range().to == range.to);
  CHECK(drawn(w, "Change requests"));
  // And F11 again opens the client view on its first page.
  w.f11();
  CHECK(w.app.panels.client.page == ClientPage::Timeline);
}

TEST_CASE("quitting from the client view with unsaved changes asks in the editor",
          "[ui][client-view]") {
  Workspace w(make_demo(), ImVec2(1280, 720));
  move_beta_a_week(w);
  REQUIRE(w.app.doc.dirty());
  w.f11();
  REQUIRE(w.app.view.presentation);
  w.ctrl('Q');
  CHECK_FALSE(w.app.view.presentation);
  CHECK(w.app.panels.pending == PendingAction::Quit);
  CHECK_FALSE(w.app.quit_requested);
}

TEST_CASE(
    "at 1280x720 and 1920x1080 the client's timeline shows every lane with items in view in full",
    "[ui][client-view]") {
  for (ImVec2 display : {ImVec2(1280, 720), ImVec2(1920, 1080)}) {
    INFO("display " << display.x << "x" << display.y);
    Workspace w(make_demo(), display);
    w.draw_like_the_app();
    w.f11();
    // As the room sees it: once the labels have settled on their rows.
    w.ui.frames(6);
    const TimelineView& tl = w.app.panels.client.timeline;
    const TimelineIndex& index = w.app.doc.timeline_index(Audience::Client, w.app.today());
    const auto& layout = tl.layout();
    REQUIRE(layout.size() == index.lanes().size());
    size_t shown = 0;
    for (size_t i = 0; i < layout.size(); ++i) {
      bool in_view = false;
      for (const TimelineItem& it : index.lanes()[i].items)
        in_view = in_view || (double(it.at.minutes) <= tl.range().to &&
                              double(it.at_end.minutes) >= tl.range().from);
      INFO("lane " << index.lanes()[i].title << " " << layout[i].y0 << ".." << layout[i].y1);
      CHECK(layout[i].hidden == !in_view);
      if (!in_view) continue;
      ++shown;
      CHECK(layout[i].y0 >= tl.frame().axis_y1 - 0.5f);
      // Above the legend strip, not merely inside the canvas the legend shares.
      CHECK(layout[i].y1 <= tl.frame().lanes_y1 + 0.5f);
    }
    CHECK(shown >= 6);
    CHECK_FALSE(tl.scrollbar().shown());
  }
}

TEST_CASE("the client view's wrapped list items hang under their first word, not the bullet",
          "[ui][client-view]") {
  Workspace w(make_demo(), ImVec2(1280, 720));
  w.draw_like_the_app();
  w.f11();
  w.app.panels.client.go_to(ClientPage::Boundaries);
  w.frame();
  w.frame();
  const rapport::test::DrawnText* item = nullptr;
  const rapport::test::DrawnText* title = nullptr;
  for (const auto& t : rapport::test::captured_text()) {
    INFO("“" << t.text << "”");
    // The bullet is a mark of its own, never a character the text wraps back under.
    CHECK(t.text.rfind("\xE2\x80\xA2", 0) != 0);
    if (t.text.rfind("Working hours:", 0) == 0) item = &t;
    if (t.text == "Ways of working") title = &t;
  }
  REQUIRE(item != nullptr);
  REQUIRE(title != nullptr);
  // At 1280x720 the item wraps; its block (every line of it) starts right of the
  // list's left edge, where the bullet is.
  CHECK(item->size.y > item->font_size * 1.5f);
  CHECK(item->pos.x > title->pos.x + item->font_size * 0.5f);
}
