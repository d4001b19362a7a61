// [SECTION] index
//   Sections      - titles, descriptions and item counts of the navigation list
//   Layout        - the fixed layout computed from the viewport
//   Menu bar      - File / Edit / View / Help
//   Navigation    - the section list on the left
//   Timeline      - the centre area (placeholder until app/timeline/ draws it)
//   Section view  - the selected section's table
//   Status bar    - file, counts, scale
//   Frame         - App::frame(), the one entry point
//
// The main window of Rapport. Reads the engagement as const; changes go through core
// commands once they exist. Keyboard shortcuts use ImGui 1.86 key indices, which the
// GLFW backend maps to GLFW key codes (ASCII for letters and digits).
#include "app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace rapport::app {
namespace {

constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_NoFocusOnAppearing;

constexpr float kMinUiScale = 0.5f;
constexpr float kMaxUiScale = 3.0f;

// [SECTION] Sections ----------------------------------------------------------

struct SectionInfo {
  const char* title;
  const char* description;
};

constexpr std::array<SectionInfo, kSectionCount> kSections = {{
    {"Overview", "The engagement at a glance: who, what, when, and what needs attention."},
    {"Discovery", "Stakeholders, objectives, constraints and the questions still open."},
    {"Expectations", "What the client expects, stated or inferred, and whether it will be met."},
    {"Ways of working", "Who is responsible for what, and what will be delivered."},
    {"Communication plan", "Channels, their purpose, frequency and promised response times."},
    {"Meetings", "Recurring and one-off meetings, with recaps and agreed actions."},
    {"Milestones", "Baseline and current dates of every milestone."},
    {"Boundaries", "Scope, working hours, blackouts and quotas agreed with the client."},
    {"Change requests", "Requested changes, their impact on milestones, cost and decision."},
    {"Client tasks", "What the client has to do, by when, and what waits on it."},
    {"Decisions", "What was decided, by whom, who was consulted and informed."},
    {"Feedback", "How the client feels, and what follows up on it."},
}};

const char* section_description(Section s) { return kSections[static_cast<size_t>(s)].description; }

size_t section_count(const Engagement& e, Section s) {
  switch (s) {
    case Section::Overview: return 0;
    case Section::Discovery:
      return e.stakeholders.size() + e.objectives.size() + e.constraints.size() +
             e.questions.size();
    case Section::Expectations: return e.expectations.size();
    case Section::WaysOfWorking: return e.responsibilities.size() + e.deliverables.size();
    case Section::CommunicationPlan: return e.channels.size();
    case Section::Meetings: return e.meetings.size();
    case Section::Milestones: return e.milestones.size();
    case Section::Boundaries: return e.boundaries.size();
    case Section::ChangeRequests: return e.change_requests.size();
    case Section::ClientTasks: return e.client_tasks.size();
    case Section::Decisions: return e.decisions.size();
    case Section::Feedback: return e.feedback.size();
  }
  return 0;
}

// One row of a section's placeholder table.
struct Row {
  Id id;
  const char* kind;
  const std::string* title;
};

std::vector<Row> section_rows(const Engagement& e, Section s) {
  std::vector<Row> rows;
  auto add = [&rows](const auto& table, const char* kind, auto title_of) {
    for (const auto& [id, item] : table) rows.push_back({id, kind, &title_of(item)});
  };
  switch (s) {
    case Section::Overview: break;
    case Section::Discovery:
      add(e.stakeholders, "Stakeholder", [](const Stakeholder& i) -> auto& { return i.name; });
      add(e.objectives, "Objective", [](const Objective& i) -> auto& { return i.title; });
      add(e.constraints, "Constraint",
          [](const Constraint& i) -> auto& { return i.description; });
      add(e.questions, "Question", [](const Question& i) -> auto& { return i.text; });
      break;
    case Section::Expectations:
      add(e.expectations, "Expectation", [](const Expectation& i) -> auto& { return i.what; });
      break;
    case Section::WaysOfWorking:
      add(e.responsibilities, "Responsibility",
          [](const Responsibility& i) -> auto& { return i.what; });
      add(e.deliverables, "Deliverable", [](const Deliverable& i) -> auto& { return i.title; });
      break;
    case Section::CommunicationPlan:
      add(e.channels, "Channel",
          [](const CommunicationChannel& i) -> auto& { return i.purpose; });
      break;
    case Section::Meetings:
      add(e.meetings, "Meeting", [](const MeetingSeries& i) -> auto& { return i.title; });
      break;
    case Section::Milestones:
      add(e.milestones, "Milestone", [](const Milestone& i) -> auto& { return i.title; });
      break;
    case Section::Boundaries:
      add(e.boundaries, "Boundary", [](const Boundary& i) -> auto& { return i.title; });
      break;
    case Section::ChangeRequests:
      add(e.change_requests, "Change request",
          [](const ChangeRequest& i) -> auto& { return i.title; });
      break;
    case Section::ClientTasks:
      add(e.client_tasks, "Client task", [](const ClientTask& i) -> auto& { return i.title; });
      break;
    case Section::Decisions:
      add(e.decisions, "Decision", [](const Decision& i) -> auto& { return i.what; });
      break;
    case Section::Feedback:
      add(e.feedback, "Feedback", [](const Feedback& i) -> auto& { return i.note; });
      break;
  }
  return rows;
}

void heading(const App& app, const char* text) {
  if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
  ImGui::TextUnformatted(text);
  if (app.fonts.heading) ImGui::PopFont();
}

void muted_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void set_ui_scale(App& app, float ui_scale) {
  app.main_window.ui_scale = std::clamp(ui_scale, kMinUiScale, kMaxUiScale);
}

// [SECTION] Menu bar ----------------------------------------------------------

void draw_menu_bar(App& app) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    ImGui::MenuItem("New engagement", "Ctrl+N", false, false);
    ImGui::MenuItem("Open…", "Ctrl+O", false, false);
    ImGui::MenuItem("Save", "Ctrl+S", false, false);
    ImGui::MenuItem("Save as…", "Ctrl+Shift+S", false, false);
    ImGui::Separator();
    ImGui::MenuItem("Export", nullptr, false, false);
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) app.quit_requested = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    ImGui::MenuItem("Undo", "Ctrl+Z", false, false);
    ImGui::MenuItem("Redo", "Ctrl+Y", false, false);
    ImGui::Separator();
    ImGui::MenuItem("Find…", "Ctrl+F", false, false);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (int i = 0; i < kSectionCount; ++i) {
      auto s = static_cast<Section>(i);
      if (ImGui::MenuItem(section_title(s), nullptr, app.main_window.section == s)) app.main_window.section = s;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Light theme", nullptr, app.main_window.theme == Theme::Light)) {
      app.main_window.theme = Theme::Light;
    }
    if (ImGui::MenuItem("Dark theme", nullptr, app.main_window.theme == Theme::Dark)) {
      app.main_window.theme = Theme::Dark;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Larger interface", "Ctrl+=")) set_ui_scale(app, app.main_window.ui_scale + 0.1f);
    if (ImGui::MenuItem("Smaller interface", "Ctrl+-")) set_ui_scale(app, app.main_window.ui_scale - 0.1f);
    if (ImGui::MenuItem("Actual size", "Ctrl+0")) set_ui_scale(app, 1.0f);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About Rapport")) app.main_window.show_about = true;
    ImGui::MenuItem("Dear ImGui demo", nullptr, &app.main_window.show_imgui_demo);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void handle_shortcuts(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput) return;
  if (ImGui::IsKeyPressed('Q', false)) app.quit_requested = true;
  if (ImGui::IsKeyPressed('=', false)) set_ui_scale(app, app.main_window.ui_scale + 0.1f);
  if (ImGui::IsKeyPressed('-', false)) set_ui_scale(app, app.main_window.ui_scale - 0.1f);
  if (ImGui::IsKeyPressed('0', false)) set_ui_scale(app, 1.0f);
}

// [SECTION] Navigation --------------------------------------------------------

void draw_navigation(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.nav_pos);
  ImGui::SetNextWindowSize(layout.nav_size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("Navigation", nullptr, kPanelFlags);

  const Engagement& e = app.engagement;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted("ENGAGEMENT");
  ImGui::PopStyleColor();
  ImGui::Spacing();

  const float row_height = ImGui::GetFrameHeight() + 2.0f * app.scale;
  for (int i = 0; i < kSectionCount; ++i) {
    auto s = static_cast<Section>(i);
    ImGui::PushID(i);
    ImVec2 row_start = ImGui::GetCursorScreenPos();
    bool selected = app.main_window.section == s;
    if (ImGui::Selectable("##section", selected, 0, ImVec2(0, row_height))) app.main_window.section = s;
    // Title and count are drawn over the selectable so the count can align right.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float text_y = row_start.y + (row_height - ImGui::GetTextLineHeight()) * 0.5f;
    float pad = ImGui::GetStyle().FramePadding.x;
    draw->AddText(ImVec2(row_start.x + pad, text_y),
                  selected ? palette().accent : ImGui::GetColorU32(ImGuiCol_Text),
                  section_title(s));
    if (size_t n = section_count(e, s); n > 0) {
      char count[24];
      std::snprintf(count, sizeof count, "%zu", n);
      float w = ImGui::CalcTextSize(count).x;
      float right = row_start.x + ImGui::GetContentRegionAvail().x - pad;
      draw->AddText(ImVec2(right - w, text_y), palette().muted_text, count);
    }
    ImGui::PopID();
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

// [SECTION] Timeline ----------------------------------------------------------

// Placeholder for the timeline view; app/timeline/ replaces this call.
void draw_timeline_placeholder(App& app, ImVec2 size) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().canvas);
  ImGui::BeginChild("Timeline", size, true, ImGuiWindowFlags_NoScrollbar);
  heading(app, "Timeline");
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Faint week columns hint at what will be drawn here.
  const float column = 96.0f * app.scale;
  for (float x = p0.x; x < p0.x + avail.x; x += column) {
    draw->AddLine(ImVec2(x, p0.y), ImVec2(x, p0.y + avail.y), palette().grid);
  }
  const char* hint = "Meetings, milestones and client tasks will appear here on one timeline.";
  ImVec2 text = ImGui::CalcTextSize(hint);
  draw->AddText(ImVec2(p0.x + (avail.x - text.x) * 0.5f, p0.y + (avail.y - text.y) * 0.5f),
                palette().muted_text, hint);
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void draw_timeline_area(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.timeline_pos);
  ImGui::SetNextWindowSize(layout.timeline_size);
  ImGui::Begin("TimelineArea", nullptr, kPanelFlags);
  draw_timeline_placeholder(app, ImGui::GetContentRegionAvail());
  ImGui::End();
}

// [SECTION] Section view ------------------------------------------------------

void draw_overview(App& app) {
  const Engagement& e = app.engagement;
  const EngagementInfo& info = e.info;
  heading(app, info.name.empty() ? "Welcome to Rapport" : info.name.c_str());
  if (info.name.empty()) {
    ImGui::TextWrapped(
        "Plan a client engagement in one place: the people involved, what they expect, how "
        "you work together, the meetings, the milestones and the boundaries you agreed.");
    muted_text(
        "No engagement is open. Start Rapport with a file, e.g. "
        "rapport assets/demo.rapport.json, to see a complete example.");
  } else {
    ImGui::Text("%s  ·  %s", info.client_org.c_str(), info.provider_org.c_str());
    if (info.end.days > info.start.days) {
      ImGui::Text("%s – %s  (%s)", info.start.iso().c_str(), info.end.iso().c_str(),
                  info.time_zone.c_str());
    }
    if (!info.vision.empty()) muted_text(info.vision.c_str());
  }
  ImGui::Spacing();

  // A card per section with its item count.
  const float card_w = 172.0f * app.scale;
  const float card_h = ImGui::GetFrameHeight() * 2.2f;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  int per_row = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + spacing) /
                                             (card_w + spacing)));
  int shown = 0;
  for (int i = 1; i < kSectionCount; ++i) {
    auto s = static_cast<Section>(i);
    if (shown % per_row != 0) ImGui::SameLine();
    ++shown;
    ImGui::PushID(i);
    ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("card", ImVec2(card_w, card_h))) app.main_window.section = s;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    bool hovered = ImGui::IsItemHovered();
    draw->AddRectFilled(p, ImVec2(p.x + card_w, p.y + card_h),
                        ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                        ImGui::GetStyle().FrameRounding);
    char count[24];
    std::snprintf(count, sizeof count, "%zu", section_count(e, s));
    float pad = ImGui::GetStyle().FramePadding.x * 1.5f;
    float line = ImGui::GetTextLineHeight();
    draw->AddText(ImVec2(p.x + pad, p.y + card_h * 0.5f - line - 1.0f), palette().muted_text,
                  section_title(s));
    draw->AddText(ImVec2(p.x + pad, p.y + card_h * 0.5f + 1.0f), ImGui::GetColorU32(ImGuiCol_Text),
                  count);
    ImGui::PopID();
  }
  ImGui::Spacing();
  // The UI font covers Western European names, typographic punctuation and the euro.
  muted_text("Grüße – Käyttäjä € · “Zoë’s café” · Łódź · IJsselmeer");
}

void draw_section_table(App& app) {
  Section s = app.main_window.section;
  heading(app, section_title(s));
  muted_text(section_description(s));
  ImGui::Spacing();

  std::vector<Row> rows = section_rows(app.engagement, s);
  if (rows.empty()) {
    muted_text("Nothing here yet.");
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                     ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("items", 2, kFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, 140.0f * app.scale);
  ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const Row& row = rows[static_cast<size_t>(r)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(static_cast<int>(row.id));
      bool selected = app.view.selection.id == row.id;
      if (ImGui::Selectable(row.kind, selected, ImGuiSelectableFlags_SpanAllColumns)) {
        app.view.selection = Selection{row.id, std::nullopt};
      }
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.title->c_str());
    }
  }
  ImGui::EndTable();
}

void draw_section_area(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.section_pos);
  ImGui::SetNextWindowSize(layout.section_size);
  ImGui::Begin("SectionArea", nullptr, kPanelFlags);
  ImGui::BeginChild("Section", ImVec2(0, 0), true);
  if (app.main_window.section == Section::Overview) {
    draw_overview(app);
  } else {
    draw_section_table(app);
  }
  ImGui::EndChild();
  ImGui::End();
}

// [SECTION] Status bar --------------------------------------------------------

void draw_status_bar(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.status_pos);
  ImGui::SetNextWindowSize(layout.status_size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().status_bar);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                      ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().FramePadding.y));
  ImGui::Begin("StatusBar", nullptr, kPanelFlags);
  const Engagement& e = app.engagement;
  const char* file = app.file_path.empty() ? "Empty workspace (not saved)" : app.file_path.c_str();
  ImGui::TextUnformatted(file);
  ImGui::SameLine();
  ImGui::TextDisabled("·  %zu milestones  ·  %zu meetings  ·  %zu client tasks",
                      e.milestones.size(), e.meetings.size(), e.client_tasks.size());
  if (!app.main_window.status_message.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("·  %s", app.main_window.status_message.c_str());
  }
  char right[96];
  std::snprintf(right, sizeof right, "%s  ·  %s theme  ·  %d%%",
                app.fonts.family.empty() ? "default font" : app.fonts.family.c_str(),
                app.main_window.theme == Theme::Dark ? "Dark" : "Light",
                static_cast<int>(app.main_window.ui_scale * 100.0f + 0.5f));
  float w = ImGui::CalcTextSize(right).x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w -
                                                        ImGui::GetStyle().WindowPadding.x));
  ImGui::TextDisabled("%s", right);
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void draw_about(App& app) {
  if (app.main_window.show_about) {
    ImGui::OpenPopup("About Rapport");
    app.main_window.show_about = false;
  }
  ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("About Rapport", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    heading(app, "Rapport " RAPPORT_VERSION_STRING);
    ImGui::TextUnformatted("A planner for client engagements.");
    ImGui::TextDisabled("Dear ImGui %s · font: %s", IMGUI_VERSION,
                        app.fonts.family.empty() ? "default" : app.fonts.family.c_str());
    if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

const char* section_title(Section s) { return kSections[static_cast<size_t>(s)].title; }

// [SECTION] Layout ------------------------------------------------------------

Layout compute_layout(ImVec2 origin, ImVec2 size, float scale, float status_height) {
  Layout l;
  float nav_w = std::min(230.0f * scale, size.x * 0.35f);
  float body_h = std::max(0.0f, size.y - status_height);
  float timeline_h = std::floor(body_h * 0.55f);
  l.nav_pos = origin;
  l.nav_size = ImVec2(nav_w, body_h);
  l.timeline_pos = ImVec2(origin.x + nav_w, origin.y);
  l.timeline_size = ImVec2(size.x - nav_w, timeline_h);
  l.section_pos = ImVec2(origin.x + nav_w, origin.y + timeline_h);
  l.section_size = ImVec2(size.x - nav_w, body_h - timeline_h);
  l.status_pos = ImVec2(origin.x, origin.y + body_h);
  l.status_size = ImVec2(size.x, status_height);
  return l;
}

// [SECTION] Frame -------------------------------------------------------------

bool App::open_file(const std::string& path, std::string& error) {
  (void)path;
  error = "file loading is not available yet";
  return false;
}

std::string App::window_title() const {
  std::string name = engagement.info.name;
  if (name.empty() && !file_path.empty()) name = file_path;
  return name.empty() ? std::string("Rapport") : name + " — Rapport";
}

void App::frame() {
  handle_shortcuts(*this);
  draw_menu_bar(*this);

  // The work area is the viewport minus the main menu bar.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  float status_h = ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().FramePadding.y;
  Layout layout = compute_layout(viewport->WorkPos, viewport->WorkSize, scale, status_h);

  draw_navigation(*this, layout);
  draw_timeline_area(*this, layout);
  draw_section_area(*this, layout);
  draw_status_bar(*this, layout);
  draw_about(*this);
  if (main_window.show_imgui_demo) ImGui::ShowDemoWindow(&main_window.show_imgui_demo);
}

}  // namespace rapport::app
