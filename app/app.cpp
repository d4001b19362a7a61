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
#include <array>
#include <atomic>
#include <chrono>
#include <thread>
#include <cmath>
#include <fstream>
#include <cstdio>
#include <string>
#include <vector>

#include "panels/file_dialog.hpp"
#include "panels/find.hpp"
#include "panels/health_panel.hpp"
#include "panels/inspector.hpp"
#include "panels/item_table.hpp"
#include "panels/overview.hpp"
#include "panels/quick_add_bar.hpp"
#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/import.hpp"
#include "timeline/timeline_index_cache.hpp"
#include "timeline/timeline_view.hpp"

namespace rapport::app {

// A large file opened or saved on a worker thread while the window keeps
// drawing. The worker only touches the job; the UI thread adopts the result.
struct FileJob {
  bool saving = false;
  std::string path;
  uintmax_t bytes = 0;
  double started = 0;
  uint64_t saved_state = 0;  // History::state() when the copy to save was taken
  Engagement to_save;
  LoadResult loaded;
  FileError save_error;
  std::atomic<bool> done{false};
};

// Every panel's own state, kept across frames. Each panel is one file in
// app/panels/; this struct lists them all.
struct Panels {
  std::array<ItemTableState, kKindCount> tables;
  Inspector inspector;
  Overview overview;
  HealthPanel health;
  TimelineView timeline;
  TimelineIndexCache timeline_index;
  FindPopup find;
  QuickAddBar quick_add;
  FileDialog file_dialog;
  // What the file dialog's answer is for.
  enum class FilePurpose { Open, SaveAs, ExportIcs, ExportHtml, ExportMarkdown, ExportCsv, ImportIcs, ImportPlanner };
  FilePurpose file_purpose = FilePurpose::Open;
  bool confirm_overwrite = false;
  PendingAction pending = PendingAction::None;
  std::string pending_path;
  std::string recovery;  // a recovery file to offer, if any
  std::shared_ptr<FileJob> job;  // an open or save running off the UI thread
  int pending_focus_weeks = 0;

  void draw_timeline(PanelContext& ctx);
  void draw_health_markers(PanelContext& ctx);
};

namespace {

constexpr int kKeyF11 = 300;  // GLFW_KEY_F11: the GLFW backend indexes KeysDown by GLFW key codes
constexpr int kKeyF12 = 301;  // GLFW_KEY_F12

constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_NoFocusOnAppearing;

constexpr float kMinUiScale = 0.75f;
constexpr float kMaxUiScale = 2.5f;

// [SECTION] Sections ----------------------------------------------------------

struct SectionInfo {
  const char* title;
  const char* description;
};

constexpr std::array<SectionInfo, kSectionCount> kSections = {{
    {"Overview", "The engagement at a glance: who, what, when, and what needs attention."},
    {"Health", "Where client trust may be slipping, before the client feels it."},
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
    case Section::Health: return 0;
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

void heading(const App& app, const char* text) {
  if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
  ImGui::TextUnformatted(text);
  if (app.fonts.heading) ImGui::PopFont();
}



// [SECTION] Panels ------------------------------------------------------------

void set_ui_scale(App& app, float ui_scale) {
  app.main_window.ui_scale = std::clamp(ui_scale, kMinUiScale, kMaxUiScale);
}

std::string file_name(const std::string& path) {
  if (path.empty()) return "Untitled";
  return std::filesystem::path(path).filename().string();
}

// [SECTION] Menu bar ----------------------------------------------------------

void start_open(App& app) {
  app.panels->file_dialog.open(FileDialog::Mode::Open, app.file_path, app.recent_files);
  app.panels->file_purpose = Panels::FilePurpose::Open;
}

// The section's first kind, for "CSV of this table".
Kind section_kind(Section s) {
  switch (s) {
    case Section::Discovery: return Kind::Stakeholder;
    case Section::Expectations: return Kind::Expectation;
    case Section::WaysOfWorking: return Kind::Responsibility;
    case Section::CommunicationPlan: return Kind::Channel;
    case Section::Meetings: return Kind::Meeting;
    case Section::Milestones: return Kind::Milestone;
    case Section::Boundaries: return Kind::Boundary;
    case Section::ChangeRequests: return Kind::ChangeRequest;
    case Section::Decisions: return Kind::Decision;
    case Section::Feedback: return Kind::Feedback;
    default: return Kind::ClientTask;
  }
}

std::string export_name(const App& app, const char* suffix) {
  std::string name = app.engagement.info.name.empty() ? "engagement" : app.engagement.info.name;
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ':') c = '-';
  std::filesystem::path dir = app.file_path.empty() ? std::filesystem::current_path()
                                                    : std::filesystem::path(app.file_path).parent_path();
  return (dir / (name + suffix)).string();
}

void start_export(App& app, Panels::FilePurpose purpose, const char* suffix, const char* title) {
  app.panels->file_dialog.open(FileDialog::Mode::Save, export_name(app, suffix), {}, {suffix}, title);
  app.panels->file_purpose = purpose;
}

void start_import(App& app, Panels::FilePurpose purpose, const char* extension, const char* title) {
  app.panels->file_dialog.open(FileDialog::Mode::Open, app.file_path, {}, {extension}, title);
  app.panels->file_purpose = purpose;
}

// Writes an export; errors go to the error dialog.
void write_export(App& app, const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    app.error_title = "Could not export";
    app.error_message = "Rapport could not write “" + path + "”. Check that the folder exists and has room.";
    return;
  }
  app.main_window.status_message = "Exported " + std::filesystem::path(path).filename().string() + ".";
}

void import_file(App& app, const std::string& path, bool planner) {
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    app.error_title = "Could not import";
    app.error_message = "Rapport could not read “" + path + "”.";
    return;
  }
  std::vector<std::string> warnings;
  ImportResult result = planner ? import_planner(app.engagement, text, &warnings) : import_ics(app.engagement, text, &warnings);
  if (auto* error = std::get_if<ImportError>(&result)) {
    app.error_title = "Could not import";
    app.error_message = std::filesystem::path(path).filename().string() + ": " + error->message;
    return;
  }
  const auto& commands = std::get<std::vector<Command>>(result);
  std::string label = std::string(planner ? "Import plan " : "Import calendar ") + "“" +
                      std::filesystem::path(path).filename().string() + "”";
  if (auto error = app.history.apply_group(app.engagement, label, commands)) {
    app.error_title = "Could not import";
    app.error_message = error->message;
    return;
  }
  app.main_window.status_message = std::to_string(commands.size()) + " changes imported" +
                                   (warnings.empty() ? "." : "; " + warnings.front()) + " Undo takes them back.";
}
void start_save_as(App& app) {
  std::string start = app.file_path;
  if (start.empty()) {
    std::string name = app.engagement.info.name.empty() ? "engagement" : app.engagement.info.name;
    for (char& c : name)
      if (c == '/' || c == '\\' || c == ':') c = '-';
    start = (std::filesystem::current_path() / (name + ".rapport")).string();
  }
  app.panels->file_dialog.open(FileDialog::Mode::Save, start, app.recent_files);
  app.panels->file_purpose = Panels::FilePurpose::SaveAs;
}
void save(App& app) {
  if (app.file_path.empty()) {
    start_save_as(app);
    return;
  }
  // Someone else changed the file since we opened it: ask before overwriting.
  if (file_fingerprint(app.file_path) != app.fingerprint && app.fingerprint.exists) {
    app.panels->confirm_overwrite = true;
    return;
  }
  app.save_in_background(app.file_path);
}

void undo(App& app) {
  if (app.history.undo(app.engagement)) app.main_window.status_message = "Undone.";
}
void redo(App& app) {
  if (app.history.redo(app.engagement)) app.main_window.status_message = "Redone.";
}

void draw_menu_bar(App& app) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("New engagement", "Ctrl+N")) app.request(PendingAction::New);
    if (ImGui::MenuItem("Open…", "Ctrl+O")) app.request(PendingAction::Open);
    if (ImGui::BeginMenu("Open recent", !app.recent_files.empty())) {
      for (const std::string& path : app.recent_files)
        if (ImGui::MenuItem(path.c_str())) app.request(PendingAction::OpenPath, path);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save", "Ctrl+S")) save(app);
    if (ImGui::MenuItem("Save as…", "Ctrl+Shift+S")) start_save_as(app);
    ImGui::Separator();
    if (ImGui::BeginMenu("Export")) {
      using FP = Panels::FilePurpose;
      if (ImGui::MenuItem("Calendar (.ics)…")) start_export(app, FP::ExportIcs, ".ics", "Export calendar");
      if (ImGui::MenuItem("Client status report (HTML)…"))
        start_export(app, FP::ExportHtml, "-status.html", "Export status report");
      if (ImGui::MenuItem("Client status report (Markdown)…"))
        start_export(app, FP::ExportMarkdown, "-status.md", "Export status report");
      if (ImGui::MenuItem("This section's table (CSV)…")) start_export(app, FP::ExportCsv, ".csv", "Export CSV");
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Import")) {
      using FP = Panels::FilePurpose;
      if (ImGui::MenuItem("Calendar (.ics)…")) start_import(app, FP::ImportIcs, ".ics", "Import calendar");
      if (ImGui::MenuItem("GNOME Planner plan (.planner)…"))
        start_import(app, FP::ImportPlanner, ".planner", "Import plan");
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) app.request(PendingAction::Quit);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    std::string undo_label = app.history.can_undo() ? "Undo " + app.history.undo_label() : "Undo";
    std::string redo_label = app.history.can_redo() ? "Redo " + app.history.redo_label() : "Redo";
    if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, app.history.can_undo())) undo(app);
    if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Y", false, app.history.can_redo())) redo(app);
    ImGui::Separator();
    if (ImGui::MenuItem("Find…", "Ctrl+F")) app.panels->find.open();
    if (ImGui::MenuItem("Quick add…", "Ctrl+K")) app.panels->quick_add.open();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (int i = 0; i < kSectionCount; ++i) {
      auto s = static_cast<Section>(i);
      if (ImGui::MenuItem(section_title(s), nullptr, app.main_window.section == s)) app.main_window.section = s;
    }
    ImGui::Separator();
    ImGui::MenuItem("Presentation mode (client view)", "F11", &app.view.presentation);
    ImGui::Separator();
    if (ImGui::MenuItem("Light theme", nullptr, app.main_window.theme == Theme::Light)) {
      app.main_window.theme = Theme::Light;
    }
    if (ImGui::MenuItem("Dark theme", nullptr, app.main_window.theme == Theme::Dark)) {
      app.main_window.theme = Theme::Dark;
    }
    if (ImGui::MenuItem("High-contrast theme", nullptr, app.main_window.theme == Theme::HighContrast)) {
      app.main_window.theme = Theme::HighContrast;
    }
    ImGui::MenuItem("High contrast while presenting", nullptr, &app.main_window.presentation_high_contrast);
    ImGui::Separator();
    if (ImGui::BeginMenu("Focus the timeline on")) {
      for (int weeks : {2, 4, 8, 13}) {
        std::string label = "The next " + std::to_string(weeks) + " weeks";
        if (ImGui::MenuItem(label.c_str())) app.focus_timeline(weeks);
      }
      if (ImGui::MenuItem("The whole engagement", "F")) {
        PanelContext ctx{app.shown(), app.history, app.view, app.commands, app.today()};
        uint64_t version = app.history.revision() * 2 + (app.view.presentation ? 1 : 0);
        app.panels->timeline.fit(app.panels->timeline_index.get(ctx.engagement, version, ctx.today));
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    ImGui::Text("Interface %d%%", int(app.effective_ui_scale() * 100 + 0.5f));
    if (ImGui::MenuItem("Larger interface", "Ctrl+=")) set_ui_scale(app, app.main_window.ui_scale + 0.1f);
    if (ImGui::MenuItem("Smaller interface", "Ctrl+-")) set_ui_scale(app, app.main_window.ui_scale - 0.1f);
    if (ImGui::MenuItem("Actual size", "Ctrl+0")) set_ui_scale(app, 1.0f);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts")) app.main_window.show_shortcuts = true;
    if (ImGui::MenuItem("About Rapport")) app.main_window.show_about = true;
    ImGui::MenuItem("Dear ImGui demo", nullptr, &app.main_window.show_imgui_demo);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

// Shortcuts that work anywhere. In ImGui 1.86, key indices are GLFW key codes
// (ASCII for letters and digits).
struct Shortcut {
  const char* keys;
  const char* what;
};
constexpr Shortcut kShortcuts[] = {
    {"Ctrl+N", "New engagement"},          {"Ctrl+O", "Open…"},
    {"Ctrl+S", "Save"},                    {"Ctrl+Shift+S", "Save as…"},
    {"Ctrl+Z", "Undo"},                    {"Ctrl+Y, Ctrl+Shift+Z", "Redo"},
    {"Ctrl+F", "Find any item"},           {"Ctrl+K", "Quick add (workshop entry)"},
    {"Delete", "Delete the selected item"}, {"F11", "Presentation mode (client view)"},
    {"Ctrl+= / Ctrl+- / Ctrl+0", "Interface larger / smaller / actual size"},
    {"F12", "Save a screenshot of the window (PNG)"},
    {"Ctrl+Q", "Quit"},
    {"Timeline: wheel", "Zoom around the mouse"},  {"Timeline: drag", "Pan, or move a milestone or meeting"},
    {"Timeline: F / T", "Fit the engagement / jump to today"},
    {"Timeline: ← → + -", "Pan and zoom"},        {"Esc", "Cancel a drag or close a dialog"},
};

void handle_shortcuts(App& app) {
  if (app.busy()) return;  // a file is being opened or saved: its dialog has the screen
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsKeyPressed(kKeyF11, false)) app.view.presentation = !app.view.presentation;
  if (ImGui::IsKeyPressed(kKeyF12, false)) app.screenshot_requested = true;
  if (!io.KeyCtrl) return;
  // Undo/redo stay with text fields while one is being edited (they have their own).
  bool typing = io.WantTextInput;
  if (ImGui::IsKeyPressed('N', false)) app.request(PendingAction::New);
  if (ImGui::IsKeyPressed('O', false)) app.request(PendingAction::Open);
  if (ImGui::IsKeyPressed('S', false)) {
    if (io.KeyShift) start_save_as(app);
    else save(app);
  }
  if (ImGui::IsKeyPressed('Q', false)) app.request(PendingAction::Quit);
  if (ImGui::IsKeyPressed('F', false)) app.panels->find.open();
  if (ImGui::IsKeyPressed('K', false)) app.panels->quick_add.open();
  if (!typing) {
    if (ImGui::IsKeyPressed('Z', false)) {
      if (io.KeyShift) redo(app);
      else undo(app);
    }
    if (ImGui::IsKeyPressed('Y', false)) redo(app);
  }
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

void draw_timeline_area(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.timeline_pos);
  ImGui::SetNextWindowSize(layout.timeline_size);
  ImGui::Begin("TimelineArea", nullptr, kPanelFlags);
  PanelContext ctx{app.shown(), app.history, app.view, app.commands, app.today()};
  app.panels->draw_timeline(ctx);
  ImGui::End();
}

// [SECTION] Section view ------------------------------------------------------

template <class T>
void table_tab(App& app, PanelContext& ctx, const char* label) {
  if (ImGui::BeginTabItem(label)) {
    draw_item_table<T>(ctx, app.panels->tables[size_t(KindOf<T>::kind)]);
    ImGui::EndTabItem();
  }
}

template <class T>
void table_only(App& app, PanelContext& ctx) {
  draw_item_table<T>(ctx, app.panels->tables[size_t(KindOf<T>::kind)]);
}

void draw_section_body(App& app, PanelContext& ctx) {
  switch (app.main_window.section) {
    case Section::Overview:
      app.panels->overview.draw(ctx);
      ImGui::Spacing();
      app.panels->health.draw_charts(ctx);
      break;
    case Section::Health: app.panels->health.draw(ctx); break;
    case Section::Discovery:
      if (ImGui::BeginTabBar("discovery")) {
        table_tab<Stakeholder>(app, ctx, "Stakeholders");
        table_tab<Objective>(app, ctx, "Objectives");
        table_tab<Constraint>(app, ctx, "Constraints");
        table_tab<Question>(app, ctx, "Questions");
        ImGui::EndTabBar();
      }
      break;
    case Section::Expectations: table_only<Expectation>(app, ctx); break;
    case Section::WaysOfWorking:
      if (ImGui::BeginTabBar("ways")) {
        table_tab<Responsibility>(app, ctx, "Responsibilities");
        table_tab<Deliverable>(app, ctx, "Deliverables");
        ImGui::EndTabBar();
      }
      break;
    case Section::CommunicationPlan: table_only<CommunicationChannel>(app, ctx); break;
    case Section::Meetings: table_only<MeetingSeries>(app, ctx); break;
    case Section::Milestones: table_only<Milestone>(app, ctx); break;
    case Section::Boundaries: table_only<Boundary>(app, ctx); break;
    case Section::ChangeRequests: table_only<ChangeRequest>(app, ctx); break;
    case Section::ClientTasks: table_only<ClientTask>(app, ctx); break;
    case Section::Decisions: table_only<Decision>(app, ctx); break;
    case Section::Feedback: table_only<Feedback>(app, ctx); break;
  }
}

void draw_section_area(App& app, const Layout& layout) {
  // Lists draw what the client may see; the inspector edits the real item.
  PanelContext shown{app.shown(), app.history, app.view, app.commands, app.today()};
  PanelContext ctx{app.engagement, app.history, app.view, app.commands, app.today()};
  ImGui::SetNextWindowPos(layout.section_pos);
  ImGui::SetNextWindowSize(layout.section_size);
  ImGui::Begin("SectionArea", nullptr, kPanelFlags);
  Section s = app.main_window.section;
  heading(app, section_title(s));
  ImGui::SameLine();
  ImGui::TextDisabled("%s", section_description(s));
  draw_section_body(app, app.main_window.section == Section::Overview ? ctx : shown);
  ImGui::End();

  ImGui::SetNextWindowPos(layout.inspector_pos);
  ImGui::SetNextWindowSize(layout.inspector_size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().panel);
  ImGui::Begin("Inspector", nullptr, kPanelFlags & ~ImGuiWindowFlags_NoScrollbar);
  if (app.view.presentation && !kind_of(app.shown(), app.view.selection.id))
    ImGui::TextDisabled("Select an item in a table or on the timeline to see it here.");
  else
    app.panels->inspector.draw(ctx);
  ImGui::End();
  ImGui::PopStyleColor();

  app.panels->find.draw(shown);
  app.panels->quick_add.draw(ctx);
}

// [SECTION] Status bar --------------------------------------------------------

void draw_status_bar(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.status_pos);
  ImGui::SetNextWindowSize(layout.status_size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().status_bar);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                      ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().FramePadding.y));
  ImGui::Begin("StatusBar", nullptr, kPanelFlags);
  if (app.view.presentation) {
    // The banner: nobody should wonder whether the client view is on.
    const char* banner = " CLIENT VIEW  ·  internal notes hidden  ·  F11 to leave ";
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::CalcTextSize(banner);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x - 4, p.y - 2), ImVec2(p.x + size.x + 4, p.y + size.y + 2),
                                              palette().accent, ImGui::GetStyle().FrameRounding);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::TextUnformatted(banner);
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  const char* file = app.file_path.empty() ? "Not saved yet" : app.file_path.c_str();
  ImGui::TextUnformatted(file);
  if (app.history.dirty()) {
    ImGui::SameLine(0, 4);
    ImGui::TextDisabled("(unsaved)");
  }
  ImGui::SameLine();
  // Health at a glance; a click opens the Health section.
  PanelContext ctx{app.engagement, app.history, app.view, app.commands, app.today()};
  const std::string& summary = app.panels->health.summary(ctx);
  bool worrying = summary.rfind("No findings", 0) != 0;
  ImGui::PushStyleColor(ImGuiCol_Text, worrying ? palette().warning : palette().ok);
  if (ImGui::Selectable(("·  " + summary).c_str(), false, 0, ImGui::CalcTextSize(("·  " + summary).c_str())))
    app.main_window.section = Section::Health;
  ImGui::PopStyleColor();
  if (!app.main_window.status_message.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("·  %s", app.main_window.status_message.c_str());
  }
  char right[96];
  std::snprintf(right, sizeof right, "%s  ·  %s theme  ·  %d%%",
                app.fonts.family.empty() ? "default font" : app.fonts.family.c_str(),
                app.effective_theme() == Theme::Dark           ? "Dark"
                : app.effective_theme() == Theme::HighContrast ? "High-contrast"
                                                                : "Light",
                static_cast<int>(app.effective_ui_scale() * 100.0f + 0.5f));
  // Right-aligned, only where it does not cover what is on the left.
  float w = ImGui::CalcTextSize(right).x;
  float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x * 4;
  float x = ImGui::GetWindowWidth() - w - ImGui::GetStyle().WindowPadding.x;
  if (x > used) {
    ImGui::SameLine(x);
    ImGui::TextDisabled("%s", right);
  }
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

// [SECTION] Dialogs -------------------------------------------------------------

void draw_dialogs(App& app) {
  Panels& p = *app.panels;
  // Open / Save as.
  if (auto chosen = p.file_dialog.draw()) {
    std::string error;
    using FP = Panels::FilePurpose;
    const Engagement& e = app.engagement;
    switch (p.file_purpose) {
      case FP::Open: app.open_file_in_background(*chosen); break;
      case FP::SaveAs: app.save_in_background(*chosen); break;
      case FP::ExportIcs: write_export(app, *chosen, export_ics(e)); break;
      case FP::ExportHtml: write_export(app, *chosen, export_report_html(e, app.today())); break;
      case FP::ExportMarkdown: write_export(app, *chosen, export_report_markdown(e, app.today())); break;
      case FP::ExportCsv: write_export(app, *chosen, export_csv(e, section_kind(app.main_window.section))); break;
      case FP::ImportIcs: import_file(app, *chosen, false); break;
      case FP::ImportPlanner: import_file(app, *chosen, true); break;
    }
  }

  ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  // Unsaved changes before New, Open or Quit.
  if (p.pending != PendingAction::None && !ImGui::IsPopupOpen("Unsaved changes")) ImGui::OpenPopup("Unsaved changes");
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Save the changes to “%s” first?", file_name(app.file_path).c_str());
    ImGui::TextDisabled("If you don't, they are lost.");
    auto proceed = [&] {
      PendingAction action = p.pending;
      std::string path = p.pending_path;
      p.pending = PendingAction::None;
      ImGui::CloseCurrentPopup();
      app.history.mark_saved();  // the user chose: no second question
      app.request(action, path);
    };
    if (ImGui::Button("Save")) {
      std::string error;
      if (app.file_path.empty()) {
        p.pending = PendingAction::None;
        ImGui::CloseCurrentPopup();
        start_save_as(app);
      } else if (app.save_file(app.file_path, error)) {
        proceed();
      } else {
        p.pending = PendingAction::None;
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Don't save")) proceed();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      p.pending = PendingAction::None;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  // The file changed on disk since it was opened.
  if (p.confirm_overwrite) {
    ImGui::OpenPopup("File changed on disk");
    p.confirm_overwrite = false;
  }
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("File changed on disk", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("“%s” was changed by someone or something else since you opened it.", file_name(app.file_path).c_str());
    ImGui::TextDisabled("Overwriting replaces their changes with yours. Save as… keeps both.");
    if (ImGui::Button("Overwrite")) {
      std::string error;
      app.save_file(app.file_path, error);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Save as…")) {
      ImGui::CloseCurrentPopup();
      start_save_as(app);
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }

  // Recovery after a crash.
  if (!p.recovery.empty() && !ImGui::IsPopupOpen("Recover unsaved changes")) ImGui::OpenPopup("Recover unsaved changes");
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("Recover unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Rapport found changes to “%s” that were never saved.", file_name(app.file_path).c_str());
    ImGui::TextDisabled("They were kept automatically before Rapport stopped unexpectedly.");
    if (ImGui::Button("Restore them (Enter)") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)) {
      LoadResult r = load_file(p.recovery);
      if (r) {
        app.engagement = std::move(*r.engagement);
        app.history.clear();
        app.history.mark_unsaved();
        p.timeline_index.invalidate();
        app.view.selection = {};
        app.main_window.status_message = "Unsaved changes restored. Save to keep them.";
      } else {
        app.error_title = "Could not restore";
        app.error_message = r.error.message;
      }
      p.recovery.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard them")) {
      if (!app.state_dir.empty()) discard_recovery(app.state_dir, app.file_path);
      p.recovery.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  // Errors from loading or saving, in words a person can act on.
  if (!app.error_message.empty() && !ImGui::IsPopupOpen("###error")) ImGui::OpenPopup("###error");
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
  std::string title = (app.error_title.empty() ? std::string("Something went wrong") : app.error_title) + "###error";
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(app.error_message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("Your engagement is as it was.");
    if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      app.error_message.clear();
      app.error_title.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  // Keyboard shortcuts.
  if (app.main_window.show_shortcuts) {
    ImGui::OpenPopup("Keyboard shortcuts");
    app.main_window.show_shortcuts = false;
  }
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("Keyboard shortcuts", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
      for (const Shortcut& s : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(s.keys);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(s.what);
      }
      ImGui::EndTable();
    }
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

double monotonic_seconds() {
  static const auto start = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

const char* section_title(Section s) { return kSections[static_cast<size_t>(s)].title; }

// [SECTION] Layout ------------------------------------------------------------

Layout compute_layout(ImVec2 origin, ImVec2 size, float scale, float status_height) {
  Layout l;
  float nav_w = std::min(230.0f * scale, size.x * 0.35f);
  float body_h = std::max(0.0f, size.y - status_height);
  float timeline_h = std::floor(body_h * 0.5f);
  float right_w = size.x - nav_w;
  float inspector_w = std::floor(std::clamp(right_w * 0.38f, std::min(300.0f * scale, right_w * 0.5f), 520.0f * scale));
  l.nav_pos = origin;
  l.nav_size = ImVec2(nav_w, body_h);
  l.timeline_pos = ImVec2(origin.x + nav_w, origin.y);
  l.timeline_size = ImVec2(right_w, timeline_h);
  l.section_pos = ImVec2(origin.x + nav_w, origin.y + timeline_h);
  l.section_size = ImVec2(right_w - inspector_w, body_h - timeline_h);
  l.inspector_pos = ImVec2(origin.x + nav_w + right_w - inspector_w, origin.y + timeline_h);
  l.inspector_size = ImVec2(inspector_w, body_h - timeline_h);
  l.status_pos = ImVec2(origin.x, origin.y + body_h);
  l.status_size = ImVec2(size.x, status_height);
  return l;
}

// [SECTION] App -----------------------------------------------------------------

App::App() : panels(std::make_unique<Panels>()) {}
App::~App() = default;

const Engagement& App::shown() {
  if (!view.presentation) return engagement;
  if (client_copy_revision_ != history.revision()) {
    client_copy_ = redacted(engagement);
    client_copy_revision_ = history.revision();
  }
  return client_copy_;
}

Theme App::effective_theme() const {
  if (view.presentation && main_window.presentation_high_contrast) return Theme::HighContrast;
  return main_window.theme;
}

float App::effective_ui_scale() const {
  if (view.presentation) return std::max(main_window.ui_scale, main_window.presentation_ui_scale);
  return main_window.ui_scale;
}

Date App::today() const {
  return today_override ? *today_override : today_in(engagement.info.time_zone);
}

bool App::open_file(const std::string& path, std::string& error) {
  return adopt_loaded(path, load_file(path), error);
}

bool App::adopt_loaded(const std::string& path, LoadResult r, std::string& error) {
  if (!r) {
    error = r.error.message;
    error_title = "Could not open the file";
    error_message = error;
    return false;
  }
  engagement = std::move(*r.engagement);
  history.clear();
  panels->timeline_index.invalidate();
  panels->timeline = TimelineView{};  // fit the new engagement
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  file_path = ec ? path : absolute.string();
  fingerprint = file_fingerprint(file_path);
  view.selection = {};
  recent_files.erase(std::remove(recent_files.begin(), recent_files.end(), file_path), recent_files.end());
  recent_files.insert(recent_files.begin(), file_path);
  if (recent_files.size() > 10) recent_files.resize(10);
  main_window.status_message = "Opened " + file_name(file_path) + ".";
  offer_recovery();
  return true;
}

void App::offer_recovery() {
  if (state_dir.empty()) return;
  if (auto found = find_recovery(state_dir, file_path)) panels->recovery = found->string();
}

void App::keep_unsaved_for_recovery() {
  if (!state_dir.empty() && history.dirty() && history.revision() != autosaved_revision_)
    write_recovery(state_dir, file_path, engagement);
}

bool App::save_file(const std::string& path, std::string& error) {
  return adopt_saved(path, rapport::save_file(engagement, path), history.state(), error);
}

bool App::adopt_saved(const std::string& path, const FileError& e, uint64_t saved_state, std::string& error) {
  if (e) {
    error = e.message;
    error_title = "Could not save";
    error_message = e.message + " Your changes are still here, unsaved.";
    return false;
  }
  if (!state_dir.empty()) discard_recovery(state_dir, file_path);
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  file_path = ec ? path : absolute.string();
  fingerprint = file_fingerprint(file_path);
  history.mark_saved(saved_state);
  recent_files.erase(std::remove(recent_files.begin(), recent_files.end(), file_path), recent_files.end());
  recent_files.insert(recent_files.begin(), file_path);
  main_window.status_message = "Saved " + file_name(file_path) + ".";
  return true;
}

void App::new_engagement() {
  if (!state_dir.empty() && !history.dirty()) discard_recovery(state_dir, file_path);
  engagement = Engagement{};
  panels->timeline_index.invalidate();
  panels->timeline = TimelineView{};
  engagement.info.name = "New engagement";
  engagement.info.start = today();
  engagement.info.end = engagement.info.start.plus_days(90);
  history.clear();
  file_path.clear();
  fingerprint = {};
  view.selection = {};
  main_window.section = Section::Overview;
  main_window.status_message = "New engagement: fill in the details, then add stakeholders (Ctrl+K for quick add).";
}

void App::request(PendingAction action, const std::string& path) {
  if (history.dirty() && action != PendingAction::None) {
    panels->pending = action;
    panels->pending_path = path;
    return;
  }
  switch (action) {
    case PendingAction::None: break;
    case PendingAction::New: new_engagement(); break;
    case PendingAction::Open: start_open(*this); break;
    case PendingAction::OpenPath: open_file_in_background(path); break;
    case PendingAction::Quit: quit_requested = true; break;
  }
}

void App::apply_commands() {
  for (CommandQueue::Group& group : commands.groups) {
    std::string label = group.label;
    if (label.empty() && group.commands.size() == 1) label = describe(engagement, group.commands[0]);
    auto error = history.apply_group(engagement, label, group.commands);
    if (error) {
      // Panels check first; this is the last line: nothing changed, say why.
      view.last_error = error->message;
      main_window.status_message = "Not changed: " + error->message;
      continue;
    }
    view.last_error.clear();
    if (group.select_added && history.last_added() != kNoId) {
      view.selection = Selection{history.last_added(), std::nullopt};
      view.reveal_on_timeline = view.selection;
    }
  }
  commands.groups.clear();
}

void App::autosave(double now_seconds) {
  if (state_dir.empty() || !history.dirty()) return;
  if (last_autosave_ < 0) last_autosave_ = now_seconds;
  if (history.revision() == autosaved_revision_ || now_seconds - last_autosave_ < autosave_seconds) return;
  FileError e = write_recovery(state_dir, file_path, engagement);
  last_autosave_ = now_seconds;
  if (!e) autosaved_revision_ = history.revision();
}

namespace {
// Files smaller than this open in the blink of an eye: no worker, no dialog.
constexpr uintmax_t kBackgroundOpenBytes = 8u << 20;
constexpr size_t kBackgroundSaveItems = 50000;
}  // namespace

void App::open_file_in_background(const std::string& path) {
  std::error_code ec;
  uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec || bytes < kBackgroundOpenBytes || panels->job) {
    std::string error;
    open_file(path, error);
    return;
  }
  auto job = std::make_shared<FileJob>();
  job->path = path;
  job->bytes = bytes;
  job->started = monotonic_seconds();
  panels->job = job;
  std::thread([job] {
    job->loaded = load_file(job->path);
    job->done = true;
  }).detach();
}

void App::save_in_background(const std::string& path) {
  if (engagement.item_count() < kBackgroundSaveItems || panels->job) {
    std::string error;
    save_file(path, error);
    return;
  }
  auto job = std::make_shared<FileJob>();
  job->saving = true;
  job->path = path;
  job->started = monotonic_seconds();
  job->saved_state = history.state();
  job->to_save = engagement;  // edits made while saving stay unsaved, as they should
  panels->job = job;
  std::thread([job] {
    job->save_error = rapport::save_file(job->to_save, job->path);
    job->done = true;
  }).detach();
}

bool App::busy() const { return panels->job != nullptr; }

void App::finish_background_job() {
  std::shared_ptr<FileJob> job = panels->job;
  if (!job) return;
  if (!job->done) {
    // The window keeps drawing: a small modal says what is happening.
    if (!ImGui::IsPopupOpen("###filejob")) ImGui::OpenPopup("###filejob");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    std::string title = std::string(job->saving ? "Saving" : "Opening") + "###filejob";
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      float t = float(monotonic_seconds() - job->started);
      ImVec2 c = ImGui::GetCursorScreenPos();
      float r = ImGui::GetFontSize() * 0.6f;
      ImGui::Dummy(ImVec2(r * 2.5f, r * 2.5f));
      ImGui::GetWindowDrawList()->PathArcTo(ImVec2(c.x + r * 1.2f, c.y + r * 1.2f), r, t * 6.0f, t * 6.0f + 4.5f, 24);
      ImGui::GetWindowDrawList()->PathStroke(palette().accent, 0, r * 0.35f);
      ImGui::SameLine();
      if (job->saving) ImGui::Text("Saving “%s”… %.0f s", file_name(job->path).c_str(), t);
      else ImGui::Text("Opening “%s” (%.0f MB)… %.0f s", file_name(job->path).c_str(), double(job->bytes) / 1e6, t);
      ImGui::EndPopup();
    }
    return;
  }
  panels->job.reset();
  std::string error;
  if (job->saving) adopt_saved(job->path, job->save_error, job->saved_state, error);
  else adopt_loaded(job->path, std::move(job->loaded), error);
}

void App::focus_timeline(int weeks) { panels->pending_focus_weeks = weeks; }

double App::seconds_until_autosave(double now_seconds) const {
  if (state_dir.empty() || !history.dirty() || history.revision() == autosaved_revision_) return 86400.0;
  if (last_autosave_ < 0) return autosave_seconds;
  return std::max(0.0, last_autosave_ + autosave_seconds - now_seconds);
}

std::string App::window_title() const {
  std::string name = engagement.info.name;
  if (name.empty() && !file_path.empty()) name = file_name(file_path);
  if (name.empty()) return history.dirty() ? "• Rapport" : "Rapport";
  std::string title = name;
  if (!file_path.empty()) title += " (" + file_name(file_path) + ")";
  return (history.dirty() ? "• " : "") + title + " — Rapport";
}

// [SECTION] Frame -------------------------------------------------------------

void App::frame() {
  if (timeline_only) {
    // A picture of the timeline for a slide or a report: nothing else.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    Layout layout;
    layout.timeline_pos = viewport->Pos;
    layout.timeline_size = viewport->Size;
    draw_timeline_area(*this, layout);
    return;
  }
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
  draw_dialogs(*this);
  finish_background_job();
  if (main_window.show_imgui_demo) ImGui::ShowDemoWindow(&main_window.show_imgui_demo);
  // Changes are applied after the whole UI has read the engagement.
  apply_commands();
}

}  // namespace rapport::app

namespace rapport::app {
void Panels::draw_timeline(PanelContext& ctx) {
  // The index is of what is shown: the client view has its own items, so
  // switching presentation mode rebuilds it as a change would.
  uint64_t version = ctx.history.revision() * 2 + (ctx.view.presentation ? 1 : 0);
  const TimelineIndex& index = timeline_index.get(ctx.engagement, version, ctx.today);
  if (pending_focus_weeks > 0) {
    double from = double(start_of(ctx.today).minutes) - 1440.0;
    timeline.set_range(from, from + 1440.0 * (7 * pending_focus_weeks + 1));
    pending_focus_weeks = 0;
  }
  timeline.draw(ctx.engagement, index, ctx.view, ctx.queue, ctx.today);
  draw_health_markers(ctx);
}

// Health findings as small markers along the bottom of the time axis, at their
// dates: hover for the finding, click to select its item.
void Panels::draw_health_markers(PanelContext& ctx) {
  const TimelineFrame& f = timeline.frame();
  const auto& findings = health.findings(ctx);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r = 5.0f * f.scale;
  const float y = f.axis_y1 - r - 1.0f;
  ImVec2 mouse = ImGui::GetIO().MousePos;
  const Finding* hovered = nullptr;
  draw->PushClipRect(ImVec2(f.time_x0, f.canvas_min.y), ImVec2(f.time_x1, f.axis_y1), true);
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::Info) continue;
    float x = f.x_of(double(start_of(finding.date).minutes) + 720.0);
    if (x < f.time_x0 - r || x > f.time_x1 + r) continue;
    ImU32 colour = finding.severity == Severity::Problem ? palette().danger : palette().warning;
    draw->AddTriangleFilled(ImVec2(x, y - r), ImVec2(x - r, y + r * 0.8f), ImVec2(x + r, y + r * 0.8f), colour);
    if (std::abs(mouse.x - x) <= r + 1 && std::abs(mouse.y - y) <= r + 1) hovered = &finding;
  }
  draw->PopClipRect();
  if (hovered && ImGui::IsWindowHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextUnformatted(hovered->message.c_str());
    if (!hovered->next_step.empty()) ImGui::TextDisabled("Next: %s", hovered->next_step.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    if (ImGui::IsMouseClicked(0) && hovered->item != kNoId) {
      ctx.view.selection = Selection{hovered->item, hovered->occurrence};
    }
  }
}
}  // namespace rapport::app
