// Every entry of the timeline's context menu, through the whole app: a right
// click on an item of each lane kind (or on an empty spot of a lane), a click on
// the entry in the menu that opened, then the document is checked. Each change
// is one undo step: Ctrl+Z gives back exactly the engagement from before.
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "rapport/demo.hpp"
#include "timeline/item_tooltip.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::titled;
using rapport::test::Workspace;

namespace {

constexpr double kDay = 1440;
// Where a click lands in a field: left of an InputText's label, or in the
// multi-line box under a label.
const ImVec2 kLeftOfLabel(-60, 0);
const ImVec2 kUnderLabel(0, 40);

Date d(int y, int m, int day) { return Date::from_ymd(y, m, day); }

// The demo engagement in the whole app, tall enough that every lane shows.
struct MenuFixture {
  Workspace w;
  explicit MenuFixture(Engagement e = make_demo()) : w(std::move(e), ImVec2(1600, 1200)) {}
  const Engagement& e() const { return w.app.engagement(); }
  // What the timeline draws: the index for the audience looking.
  const TimelineIndex& index() {
    return w.app.doc.timeline_index(Audience::Provider, w.app.today());
  }
  TimelineView& timeline() { return w.app.panels.timeline; }
  const TimelineFrame& f() { return timeline().frame(); }

  // Shows [from, from + days) on the timeline and draws a frame.
  void show(Date from, int days) {
    double a = double(day_start(from, index().time_zone()).minutes);
    timeline().set_range(a, a + days * kDay);
    w.frame();
  }
  // A point inside the time area of the timeline's canvas.
  void require_on_canvas(ImVec2 p) {
    INFO("point " << p.x << ", " << p.y);
    REQUIRE(p.x > f().time_x0);
    REQUIRE(p.x < f().time_x1);
    REQUIRE(p.y > f().axis_y1);
    REQUIRE(p.y < f().canvas_max.y);
  }
  // Where the item of `id` (an occurrence: its series and original date) is
  // drawn, with the timeline showing it whole and a week either side.
  ImVec2 item_at(Id id, std::optional<Date> occurrence) {
    TimelineIndex::Location loc = index().find(id, occurrence);
    REQUIRE(loc.lane >= 0);
    const TimelineItem& it = index().lanes()[size_t(loc.lane)].items[loc.index];
    timeline().set_range(double(it.at.minutes) - 7 * kDay, double(it.at_end.minutes) + 7 * kDay);
    w.frame();
    loc = index().find(id, occurrence);
    ImVec2 p = timeline().item_centre(index(), loc.lane, loc.index);
    require_on_canvas(p);
    return p;
  }
  // Right-clicks `p` and checks that a menu opened.
  void right_click(ImVec2 p) {
    w.ui.click(p, 1);
    w.frame();
    REQUIRE(popup_rect());
  }
  // Right-clicks the item of `id`.
  void open_item_menu(Id id, std::optional<Date> occurrence = std::nullopt) {
    right_click(item_at(id, occurrence));
    INFO("the item menu names the item");
    REQUIRE(in_popup(display_name(e(), id)));
  }

  // The topmost open popup (a menu, a small dialog), as last drawn.
  static std::optional<ImRect> popup_rect() {
    ImGuiContext& g = *GImGui;
    if (g.OpenPopupStack.empty() || !g.OpenPopupStack.back().Window) return std::nullopt;
    return g.OpenPopupStack.back().Window->Rect();
  }
  // Where `label` is drawn inside the topmost popup, in a fresh frame.
  std::optional<ImVec2> in_popup(const std::string& label, bool prefix = false) {
    w.frame();
    auto rect = popup_rect();
    if (!rect) return std::nullopt;
    for (const auto& t : test::captured_text()) {
      bool match = prefix ? t.text.rfind(label, 0) == 0 : t.text == label;
      if (!match || !rect->Contains(t.pos)) continue;
      ImVec2 size = ImGui::CalcTextSize(t.text.c_str());
      return ImVec2(t.pos.x + size.x * 0.5f, t.pos.y + size.y * 0.5f);
    }
    return std::nullopt;
  }
  // Clicks the entry `label` of the open menu (or a button of the open popup).
  void choose(const std::string& label, bool prefix = false, ImVec2 offset = ImVec2(0, 0)) {
    auto at = in_popup(label, prefix);
    INFO("looking for “" << label << "” in the open popup");
    REQUIRE(at);
    w.ui.click(ImVec2(at->x + offset.x, at->y + offset.y));
    w.frame();
  }

  // Clicks into the field near `label` of the open popup (moved by `offset`) and types.
  void type_into(const std::string& label, ImVec2 offset, const std::string& text) {
    auto at = in_popup(label);
    INFO("the field at “" << label << "”");
    REQUIRE(at);
    w.ui.click(ImVec2(at->x + offset.x, at->y + offset.y));
    REQUIRE(ImGui::GetIO().WantTextInput);  // a text field has the keyboard
    w.type(text);
  }

  // An empty spot of `lane` (nothing under the mouse) on a day of [from, from +
  // days), at noon of that day; `day` receives the day.
  ImVec2 empty_spot(int lane, Date from, int days, Date& day) {
    show(from, days);
    REQUIRE(lane >= 0);
    const LaneLayout& g = timeline().layout()[size_t(lane)];
    float y = std::floor((g.y0 + g.y1) * 0.5f);
    for (int i = 0; i < days; ++i) {
      Date candidate = from.plus_days(i);
      float x =
          std::floor(f().x_of(double(day_start(candidate, index().time_zone()).minutes) + 720.0));
      if (x <= f().time_x0 || x >= f().time_x1) continue;
      w.ui.move_to(ImVec2(x, y));
      if (timeline().hovered().what == TimelineHit::What::None) {
        day = candidate;
        require_on_canvas(ImVec2(x, y));
        return ImVec2(x, y);
      }
    }
    FAIL("no empty spot in the lane");
    return {};
  }

  // Checks that the last change was one undo step and that Ctrl+Z gives back
  // exactly `before`.
  void check_one_undo_step(const Engagement& before, size_t depth_before) {
    CHECK(w.app.doc.history().undo_depth() == depth_before + 1);
    w.ctrl('Z');
    CHECK(w.app.doc.history().undo_depth() == depth_before);
    CHECK(e() == before);
  }
};

}  // namespace

TEST_CASE("the timeline menu of a meeting occurrence edits that occurrence, one undo step each",
          "[ui][timeline_menu]") {
  MenuFixture t;
  const Id weekly = titled<MeetingSeries>(t.e(), "Weekly check-in");
  REQUIRE(weekly != kNoId);
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();
  auto occurrence = [&](Date original) -> OccurrenceOverride {
    const MeetingSeries* s = t.e().meetings.find(weekly);
    REQUIRE(s);
    auto o = s->overrides.find(original);
    return o == s->overrides.end() ? OccurrenceOverride{} : o->second;
  };

  SECTION("Edit selects the occurrence and changes nothing") {
    t.open_item_menu(weekly, d(2026, 11, 27));
    t.w.app.view.selection = Selection{};  // the right click itself selects; Edit must too
    t.choose("Edit");
    CHECK(t.w.app.view.selection == Selection{weekly, d(2026, 11, 27)});
    CHECK(t.e() == before);
    CHECK(t.w.app.doc.history().undo_depth() == depth);
    CHECK_FALSE(t.popup_rect());
  }
  SECTION("Mark held marks a planned occurrence held") {
    REQUIRE(occurrence(d(2026, 11, 27)).state == OccurrenceState::Planned);
    t.open_item_menu(weekly, d(2026, 11, 27));
    t.choose("Mark held");
    CHECK(occurrence(d(2026, 11, 27)).state == OccurrenceState::Held);
    t.check_one_undo_step(before, depth);
  }
  SECTION("Mark planned puts a held occurrence back to planned, keeping its recap") {
    const OccurrenceOverride held = occurrence(d(2026, 11, 6));
    REQUIRE(held.state == OccurrenceState::Held);
    t.open_item_menu(weekly, d(2026, 11, 6));
    t.choose("Mark planned");
    CHECK(occurrence(d(2026, 11, 6)).state == OccurrenceState::Planned);
    CHECK(occurrence(d(2026, 11, 6)).recap_summary == held.recap_summary);
    t.check_one_undo_step(before, depth);
  }
  SECTION("Back to its planned time undoes the move of a moved occurrence") {
    const OccurrenceOverride moved = occurrence(d(2026, 11, 13));
    REQUIRE(moved.moved_to);
    t.open_item_menu(weekly, d(2026, 11, 13));
    t.choose("Back to its planned time");
    CHECK_FALSE(occurrence(d(2026, 11, 13)).moved_to);
    CHECK(occurrence(d(2026, 11, 13)).state == moved.state);
    CHECK(occurrence(d(2026, 11, 13)).recap_summary == moved.recap_summary);
    t.check_one_undo_step(before, depth);
  }
  SECTION("an occurrence that was not moved offers no Back to its planned time") {
    t.open_item_menu(weekly, d(2026, 11, 27));
    CHECK(t.in_popup("Mark held"));
    CHECK_FALSE(t.in_popup("Back to its planned time"));
  }
  SECTION("Delete the whole series removes the series") {
    t.open_item_menu(weekly, d(2026, 11, 27));
    t.choose("Delete the whole series");
    CHECK_FALSE(t.e().meetings.contains(weekly));
    CHECK(t.e().meetings.size() == before.meetings.size() - 1);
    t.check_one_undo_step(before, depth);
  }
}

TEST_CASE("Mark cancelled asks why and who cancelled before cancelling the occurrence",
          "[ui][timeline_menu]") {
  MenuFixture t;
  const Id weekly = titled<MeetingSeries>(t.e(), "Weekly check-in");
  const Date day = d(2026, 12, 4);
  REQUIRE_FALSE(t.e().meetings.find(weekly)->overrides.count(day));
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();
  t.open_item_menu(weekly, day);
  t.choose("Mark cancelled…");
  REQUIRE(t.in_popup("Why was this meeting cancelled?"));

  // Without a reason the button does nothing.
  t.choose("Cancel meeting");
  CHECK(t.in_popup("Why was this meeting cancelled?"));
  CHECK(t.e() == before);

  SECTION("blanks are no reason") {
    t.type_into("Reason", kLeftOfLabel, "   ");
    t.choose("Cancel meeting");
    CHECK(t.in_popup("Why was this meeting cancelled?"));
    CHECK(t.e() == before);
    CHECK(t.w.app.doc.history().undo_depth() == depth);
  }
  SECTION("with a reason it cancels, saying who cancelled") {
    t.choose("Client cancelled");
    t.type_into("Reason", kLeftOfLabel, "Public holiday");
    t.choose("Cancel meeting");
    CHECK_FALSE(t.popup_rect());
    const OccurrenceOverride& o = t.e().meetings.find(weekly)->overrides.at(day);
    CHECK(o.state == OccurrenceState::Cancelled);
    CHECK(o.cancel_reason == "Public holiday");
    CHECK(o.cancelled_by == Side::Client);
    t.check_one_undo_step(before, depth);
  }
  SECTION("we cancelled is the default") {
    t.type_into("Reason", kLeftOfLabel, "Joost is ill");
    t.choose("Cancel meeting");
    CHECK_FALSE(t.popup_rect());
    const OccurrenceOverride& o = t.e().meetings.find(weekly)->overrides.at(day);
    CHECK(o.state == OccurrenceState::Cancelled);
    CHECK(o.cancel_reason == "Joost is ill");
    CHECK(o.cancelled_by == Side::Provider);
    t.check_one_undo_step(before, depth);
  }
  SECTION("Keep it closes the question and changes nothing") {
    t.type_into("Reason", kLeftOfLabel, "never mind");
    t.choose("Keep it");
    CHECK_FALSE(t.popup_rect());
    CHECK(t.e() == before);
    CHECK(t.w.app.doc.history().undo_depth() == depth);
  }
}

TEST_CASE("the timeline menu of a milestone moves it back to its baseline or deletes it",
          "[ui][timeline_menu]") {
  MenuFixture t;
  const Id design = titled<Milestone>(t.e(), "Design sign-off");
  const Id kickoff = titled<Milestone>(t.e(), "Kickoff");
  const Milestone m = *t.e().milestones.find(design);
  REQUIRE(m.current != m.baseline);
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();

  SECTION("Back to baseline on a moved milestone") {
    t.open_item_menu(design);
    t.choose("Back to baseline (" + date_text(m.baseline) + ")");
    CHECK(t.e().milestones.find(design)->current == m.baseline);
    t.check_one_undo_step(before, depth);
  }
  SECTION("a milestone on its baseline offers no Back to baseline") {
    t.open_item_menu(kickoff);
    CHECK(t.in_popup("Delete"));
    CHECK_FALSE(t.in_popup("Back to baseline", true));
  }
  SECTION("Edit selects the milestone") {
    t.open_item_menu(design);
    t.w.app.view.selection = Selection{};
    t.choose("Edit");
    CHECK(t.w.app.view.selection == Selection{design, std::nullopt});
    CHECK(t.e() == before);
  }
  SECTION("Delete removes the milestone and what pointed at it, as one step") {
    t.open_item_menu(design);
    t.choose("Delete");
    CHECK_FALSE(t.e().milestones.contains(design));
    for (const auto& [id, task] : t.e().client_tasks) CHECK(task.milestone != design);
    t.check_one_undo_step(before, depth);
  }
}

TEST_CASE("the timeline menu of a blackout deletes it", "[ui][timeline_menu]") {
  MenuFixture t;
  const Id xmas = titled<Boundary>(t.e(), "Christmas break");
  REQUIRE(xmas != kNoId);
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();
  t.open_item_menu(xmas);
  t.choose("Delete");
  CHECK_FALSE(t.e().boundaries.contains(xmas));
  t.check_one_undo_step(before, depth);
}

TEST_CASE("the timeline menu of a change request approves, rejects, defers or deletes it",
          "[ui][timeline_menu]") {
  MenuFixture t;
  const Id landing = titled<ChangeRequest>(t.e(), "Extra landing page for the spring menu");
  const Id launch = titled<Milestone>(t.e(), "Launch");
  const ChangeRequest cr = *t.e().change_requests.find(landing);
  REQUIRE(cr.status == ChangeStatus::Proposed);
  REQUIRE(cr.impacts.size() == 1);
  REQUIRE(cr.impacts[0].milestone == launch);
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();
  const Date today = t.w.app.today();

  SECTION("Approve moves the milestones by the impact") {
    t.open_item_menu(landing);
    t.choose("Approve");
    const ChangeRequest& now = *t.e().change_requests.find(landing);
    CHECK(now.status == ChangeStatus::Approved);
    CHECK(now.decided_on == today);
    CHECK(t.e().milestones.find(launch)->current ==
          before.milestones.find(launch)->current.plus_days(cr.impacts[0].days));
    t.check_one_undo_step(before, depth);
  }
  SECTION("Reject asks for a reason and an alternative") {
    t.open_item_menu(landing);
    t.choose("Reject…");
    REQUIRE(t.in_popup("Why not"));
    // Without a reason: refused, said why, the dialog stays.
    t.choose("Reject with this reason");
    CHECK(t.in_popup("Why not"));
    CHECK(t.w.shows("Say why the change is rejected"));
    CHECK(t.e() == before);
    CHECK(t.w.app.doc.history().undo_depth() == depth);
    // A reason alone is not enough.
    t.type_into("Why not", kUnderLabel, "It does not serve the launch goal.");
    t.choose("Reject with this reason");
    CHECK(t.in_popup("Why not"));
    CHECK(t.w.shows("Offer the client an alternative"));
    CHECK(t.e() == before);
    t.type_into("What we offer instead", kUnderLabel, "A banner on the homepage.");
    t.choose("Reject with this reason");
    CHECK_FALSE(t.popup_rect());
    const ChangeRequest& now = *t.e().change_requests.find(landing);
    CHECK(now.status == ChangeStatus::Rejected);
    CHECK(now.rationale == "It does not serve the launch goal.");
    CHECK(now.alternative == "A banner on the homepage.");
    CHECK(now.decided_on == today);
    CHECK(t.e().milestones.find(launch)->current == before.milestones.find(launch)->current);
    t.check_one_undo_step(before, depth);
  }
  SECTION("Reject then Cancel changes nothing") {
    t.open_item_menu(landing);
    t.choose("Reject…");
    t.type_into("Why not", kUnderLabel, "Not now");
    t.choose("Cancel");
    CHECK_FALSE(t.popup_rect());
    CHECK(t.e() == before);
    CHECK(t.w.app.doc.history().undo_depth() == depth);
  }
  SECTION("Defer defers it and keeps the milestones") {
    t.open_item_menu(landing);
    t.choose("Defer");
    const ChangeRequest& now = *t.e().change_requests.find(landing);
    CHECK(now.status == ChangeStatus::Deferred);
    CHECK(now.decided_on == today);
    CHECK(t.e().milestones == before.milestones);
    t.check_one_undo_step(before, depth);
  }
  SECTION("Delete removes it") {
    t.open_item_menu(landing);
    t.choose("Delete");
    CHECK_FALSE(t.e().change_requests.contains(landing));
    t.check_one_undo_step(before, depth);
  }
  SECTION("an approved change request cannot be approved again") {
    const Id swedish = titled<ChangeRequest>(t.e(), "Booking widget in Swedish");
    t.open_item_menu(swedish);
    t.choose("Approve");  // drawn disabled: the click does nothing
    CHECK(t.e() == before);
    CHECK(t.w.app.doc.history().undo_depth() == depth);
  }
}

TEST_CASE("the timeline menu of a client task marks it done today or deletes it",
          "[ui][timeline_menu]") {
  MenuFixture t;
  const Id pos = titled<ClientTask>(t.e(), "POS API test credentials");
  const ClientTask task = *t.e().client_tasks.find(pos);
  REQUIRE(task.status != TaskStatus::Done);
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();

  SECTION("Mark done") {
    t.open_item_menu(pos);
    t.choose("Mark done");
    const ClientTask& now = *t.e().client_tasks.find(pos);
    CHECK(now.status == TaskStatus::Done);
    CHECK(now.done_on == d(2026, 11, 24));
    t.check_one_undo_step(before, depth);
  }
  SECTION("a done task offers no Mark done") {
    const Id assets = titled<ClientTask>(t.e(), "Send brand assets and fonts");
    t.open_item_menu(assets);
    CHECK(t.in_popup("Delete"));
    CHECK_FALSE(t.in_popup("Mark done"));
  }
  SECTION("Delete") {
    t.open_item_menu(pos);
    t.choose("Delete");
    CHECK_FALSE(t.e().client_tasks.contains(pos));
    t.check_one_undo_step(before, depth);
  }
}

TEST_CASE("the lane menu adds an item of the lane's kind on the day clicked",
          "[ui][timeline_menu]") {
  MenuFixture t;
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();
  const Date from = d(2026, 11, 9);
  Date day;
  // Right-clicks an empty spot of the lane of `kind`, chooses "Add a <noun> on
  // <day>", and returns the id of what was added (it is selected).
  auto add = [&](LaneKind kind, const char* noun) -> Id {
    ImVec2 p = t.empty_spot(t.index().lane_of(kind), from, 28, day);
    t.right_click(p);
    t.choose(std::string("Add a ") + noun + " on " + date_text(day));
    CHECK(t.w.app.doc.history().undo_depth() == depth + 1);
    return t.w.app.view.selection.id;
  };

  SECTION("a meeting") {
    Id id = add(LaneKind::Meeting, "meeting");
    const MeetingSeries* x = t.e().meetings.find(id);
    REQUIRE(x);
    CHECK(x->first_date == day);
    CHECK(x->recurrence.frequency == Frequency::Once);
    CHECK(t.index().find(id, day).lane >= 0);  // on the timeline, on that day
    CHECK(t.e().meetings.size() == before.meetings.size() + 1);
  }
  SECTION("a milestone") {
    Id id = add(LaneKind::Milestones, "milestone");
    const Milestone* x = t.e().milestones.find(id);
    REQUIRE(x);
    CHECK(x->baseline == day);
    CHECK(x->current == day);
  }
  SECTION("a blackout") {
    Id id = add(LaneKind::Boundaries, "blackout");
    const Boundary* x = t.e().boundaries.find(id);
    REQUIRE(x);
    CHECK(x->kind == BoundaryKind::Blackout);
    CHECK(x->from == day);
    CHECK(x->to == day);
  }
  SECTION("a change request") {
    Id id = add(LaneKind::ChangeRequests, "change request");
    const ChangeRequest* x = t.e().change_requests.find(id);
    REQUIRE(x);
    CHECK(x->requested_on == day);
    CHECK(x->status == ChangeStatus::Proposed);
  }
  SECTION("a client task") {
    Id id = add(LaneKind::ClientTasks, "client task");
    const ClientTask* x = t.e().client_tasks.find(id);
    REQUIRE(x);
    CHECK(x->created_on == day);
    CHECK(x->due == day.plus_days(7));
  }
  t.check_one_undo_step(before, depth);
}

TEST_CASE("the lane menu fits the engagement or goes to today without changing it",
          "[ui][timeline_menu]") {
  MenuFixture t;
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();
  Date day;

  SECTION("Fit the engagement") {
    t.right_click(t.empty_spot(t.index().lane_of(LaneKind::Milestones), d(2026, 12, 1), 10, day));
    t.choose("Fit the engagement");
    TimelineView fitted;
    fitted.fit(t.index());
    CHECK(std::abs(t.timeline().range().from - fitted.range().from) < 1.0);
    CHECK(std::abs(t.timeline().range().to - fitted.range().to) < 1.0);
    CHECK(t.timeline().range().from <= double(t.index().span_start().minutes));
    CHECK(t.timeline().range().to >= double(t.index().span_end().minutes));
  }
  SECTION("Go to today") {
    t.right_click(t.empty_spot(t.index().lane_of(LaneKind::Milestones), d(2027, 2, 1), 10, day));
    const double length = t.timeline().range().length();
    t.choose("Go to today");
    const double noon = double(day_start(t.w.app.today(), t.index().time_zone()).minutes) + 720;
    CHECK(std::abs(t.timeline().range().centre() - noon) < 1.0);
    CHECK(std::abs(t.timeline().range().length() - length) < 1.0);
  }
  CHECK_FALSE(t.popup_rect());
  CHECK(t.e() == before);
  CHECK(t.w.app.doc.history().undo_depth() == depth);
}

// The client view's timeline is read-only: with the client watching, a right
// click opens no menu, a drag moves no milestone and a double click adds
// nothing. The engagement and its history stay as they were.
TEST_CASE("the client view's timeline opens no menu and changes nothing", "[ui][timeline_menu]") {
  MenuFixture t;
  const Engagement before = t.e();
  const size_t depth = t.w.app.doc.history().undo_depth();
  t.w.f11();
  REQUIRE(t.w.app.view.presentation);
  TimelineView& tl = t.w.app.panels.client.timeline;
  REQUIRE(tl.read_only());
  const TimelineIndex& index = t.w.app.doc.timeline_index(Audience::Client, t.w.app.today());
  const Id beta = titled<Milestone>(t.e(), "Beta");
  TimelineIndex::Location loc = index.find(beta, std::nullopt);
  REQUIRE(loc.lane >= 0);
  ImVec2 p = tl.item_centre(index, loc.lane, loc.index);
  REQUIRE(p.x > tl.frame().time_x0);
  REQUIRE(p.y > tl.frame().axis_y1);
  t.w.ui.click(p, 1);
  t.w.frame();
  CHECK_FALSE(MenuFixture::popup_rect());
  t.w.ui.drag(p, ImVec2(p.x + 120, p.y));
  t.w.frame();
  t.w.ui.double_click(ImVec2(p.x + 40, p.y));
  t.w.frame();
  CHECK(t.e() == before);
  CHECK(t.w.app.doc.history().undo_depth() == depth);
}
