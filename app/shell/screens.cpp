// The table of screens and the draw functions of the sections.
#include "shell/screens.hpp"

#include <imgui.h>

#include <array>

#include "panels/conflicts_panel.hpp"
#include "panels/health_panel.hpp"
#include "rapport/text.hpp"
#include "shell/app.hpp"

namespace rapport::app {

namespace {

// Calls f(T{}) with the item type of `kind`.
template <class F>
void with_item_type(Kind kind, F&& f) {
  switch (kind) {
    case Kind::Stakeholder:
      f(Stakeholder{});
      break;
    case Kind::Objective:
      f(Objective{});
      break;
    case Kind::Constraint:
      f(Constraint{});
      break;
    case Kind::Question:
      f(Question{});
      break;
    case Kind::Expectation:
      f(Expectation{});
      break;
    case Kind::Responsibility:
      f(Responsibility{});
      break;
    case Kind::Deliverable:
      f(Deliverable{});
      break;
    case Kind::Channel:
      f(CommunicationChannel{});
      break;
    case Kind::Meeting:
      f(MeetingSeries{});
      break;
    case Kind::Milestone:
      f(Milestone{});
      break;
    case Kind::Boundary:
      f(Boundary{});
      break;
    case Kind::ChangeRequest:
      f(ChangeRequest{});
      break;
    case Kind::ClientTask:
      f(ClientTask{});
      break;
    case Kind::Decision:
      f(Decision{});
      break;
    case Kind::Feedback:
      f(Feedback{});
      break;
  }
}

void draw_table(App& app, PanelContext& ctx, Kind kind) {
  app.panels.csv_kind = kind;
  with_item_type(kind, [&](auto item) {
    using T = decltype(item);
    draw_item_table<T>(ctx, app.panels.tables[size_t(kind)]);
  });
}

// A section of tables: one table, or a tab per kind. Tables show what the
// audience may see; the inspector (drawn by the shell) edits the real item.
void draw_tables(App& app) {
  const Screen& s = screen(app.main_window.section);
  PanelContext ctx = app.context();
  if (s.kinds.size() == 1) {
    draw_table(app, ctx, s.kinds[0]);
    return;
  }
  if (!ImGui::BeginTabBar(s.title)) return;
  for (Kind kind : s.kinds) {
    if (ImGui::BeginTabItem(plural_title(kind))) {
      draw_table(app, ctx, kind);
      ImGui::EndTabItem();
    }
  }
  ImGui::EndTabBar();
}

void draw_overview(App& app) {
  PanelContext ctx = app.context();
  app.panels.overview.draw(ctx);
  ImGui::Spacing();
  draw_health_charts(ctx);
}

void draw_health_section(App& app) {
  PanelContext ctx = app.context();
  const auto& findings = app.doc.findings(Audience::Provider, app.today());
  // A large engagement is checked on a worker thread: say that these findings
  // are from before the latest change until the new ones arrive.
  if (app.doc.health_pending())
    ImGui::TextDisabled("Checking the latest changes… these findings are from before them.");
  draw_health(ctx, findings);
}

void draw_conflicts_section(App& app) {
  PanelContext ctx = app.context();
  if (draw_conflicts(ctx).edit_details) app.main_window.section = Section::Overview;
}

constexpr Kind kDiscovery[] = {Kind::Stakeholder, Kind::Objective, Kind::Constraint,
                               Kind::Question};
constexpr Kind kExpectations[] = {Kind::Expectation};
constexpr Kind kWays[] = {Kind::Responsibility, Kind::Deliverable};
constexpr Kind kChannels[] = {Kind::Channel};
constexpr Kind kMeetings[] = {Kind::Meeting};
constexpr Kind kMilestones[] = {Kind::Milestone};
constexpr Kind kBoundaries[] = {Kind::Boundary};
constexpr Kind kChanges[] = {Kind::ChangeRequest};
constexpr Kind kTasks[] = {Kind::ClientTask};
constexpr Kind kDecisions[] = {Kind::Decision};
constexpr Kind kFeedback[] = {Kind::Feedback};

const std::array<Screen, kSectionCount> kScreens = {{
    {Section::Overview,
     "Overview",
     "The engagement at a glance: who, what, when, and what needs attention.",
     {},
     draw_overview},
    {Section::Health,
     "Health",
     "Where client trust may be slipping, before the client feels it.",
     {},
     draw_health_section},
    {Section::Discovery, "Discovery",
     "Stakeholders, objectives, constraints and the questions still open.", kDiscovery,
     draw_tables},
    {Section::Expectations, "Expectations",
     "What the client expects, stated or inferred, and whether it will be met.", kExpectations,
     draw_tables},
    {Section::WaysOfWorking, "Ways of working",
     "Who is responsible for what, and what will be delivered.", kWays, draw_tables},
    {Section::CommunicationPlan, "Communication plan",
     "Channels, their purpose, frequency and promised response times.", kChannels, draw_tables},
    {Section::Meetings, "Meetings",
     "Recurring and one-off meetings, with recaps and agreed actions.", kMeetings, draw_tables},
    {Section::Milestones, "Milestones", "Baseline and current dates of every milestone.",
     kMilestones, draw_tables},
    {Section::Boundaries, "Boundaries",
     "Scope, working hours, blackouts and quotas agreed with the client.", kBoundaries,
     draw_tables},
    {Section::ChangeRequests, "Change requests",
     "Requested changes, their impact on milestones, cost and decision.", kChanges, draw_tables},
    {Section::ClientTasks, "Client tasks",
     "What the client has to do, by when, and what waits on it.", kTasks, draw_tables},
    {Section::Decisions, "Decisions", "What was decided, by whom, who was consulted and informed.",
     kDecisions, draw_tables},
    {Section::Feedback, "Feedback", "How the client feels, and what follows up on it.", kFeedback,
     draw_tables},
    {Section::Conflicts,
     "Conflicts",
     "What a merge found changed two ways: keep one side, or edit it.",
     {},
     draw_conflicts_section},
}};

}  // namespace

std::span<const Screen> screens() { return kScreens; }
const Screen& screen(Section s) { return kScreens[static_cast<size_t>(s)]; }
const char* section_title(Section s) { return screen(s).title; }

size_t item_count(const Screen& s, const Engagement& e) {
  if (s.section == Section::Conflicts) return e.conflicts.size();
  std::array<size_t, kKindCount> sizes{};
  size_t i = 0;
  for_each_table(e, [&](const auto& table) { sizes[i++] = table.size(); });
  size_t n = 0;
  for (Kind k : s.kinds) n += sizes[size_t(k)];
  return n;
}

bool listed(const Screen& s, const Engagement& e) {
  return s.section != Section::Conflicts || !e.conflicts.empty();
}

std::optional<Section> section_named(std::string_view title) {
  for (const Screen& s : kScreens)
    if (ascii_lower(s.title) == ascii_lower(title)) return s.section;
  return std::nullopt;
}

}  // namespace rapport::app
