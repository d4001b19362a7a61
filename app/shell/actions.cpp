// [SECTION] index
//   Runs     - what each action does (small functions over App)
//   Table    - every action, in menu order
//   Keys     - handle_shortcuts()
//   Menus    - draw_menu_bar()
//   Help     - the keyboard help rows
#include "shell/actions.hpp"

#include <imgui.h>

#include <array>

#include "rapport/recap.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"

namespace rapport::app {

namespace {

constexpr int kKeyF11 = 300;  // GLFW_KEY_F11: the GLFW backend indexes KeysDown by GLFW key codes
constexpr int kKeyF12 = 301;  // GLFW_KEY_F12

// [SECTION] Runs -------------------------------------------------------------------

void run_new(App& a) { a.request(PendingAction::New); }
void run_open(App& a) { a.request(PendingAction::Open); }
void run_save(App& a) { save(a); }
void run_save_as(App& a) { start_save_as(a); }
void run_export_ics(App& a) { start_export(a, FilePurpose::ExportIcs, ".ics", "Export calendar"); }
void run_export_html(App& a) {
  start_export(a, FilePurpose::ExportHtml, "-status.html", "Export status report");
}
void run_export_md(App& a) {
  start_export(a, FilePurpose::ExportMarkdown, "-status.md", "Export status report");
}
void run_export_pdf(App& a) {
  start_export(a, FilePurpose::ExportPdf, "-status.pdf", "Export status report");
}
void run_export_csv(App& a) {
  start_export(a, FilePurpose::ExportCsv, ".csv", "Export the table as CSV");
}
void run_export_recap_eml(App& a) {
  start_export(a, FilePurpose::ExportRecapEmail, "-recap.eml", "Export the meeting's recap");
}
void run_export_recap_md(App& a) {
  start_export(a, FilePurpose::ExportRecapMarkdown, "-recap.md", "Export the meeting's recap");
}
void run_export_recap_pdf(App& a) {
  start_export(a, FilePurpose::ExportRecapPdf, "-recap.pdf", "Export the meeting's recap");
}
void run_export_update_pdf(App& a) {
  start_export(a, FilePurpose::ExportUpdate, "-update.pdf", "Export the weekly update");
}
void run_export_update_eml(App& a) {
  start_export(a, FilePurpose::ExportUpdate, "-update.eml", "Export the weekly update");
}
void run_export_update_md(App& a) {
  start_export(a, FilePurpose::ExportUpdate, "-update.md", "Export the weekly update");
}
void run_import_ics(App& a) { start_import(a, FilePurpose::ImportIcs, ".ics", "Import calendar"); }
void run_import_planner(App& a) {
  start_import(a, FilePurpose::ImportPlanner, ".planner", "Import plan");
}
void run_export_picture(App& a) {
  start_export(a, FilePurpose::ExportPicture, "-timeline.png", "Export the timeline picture");
}
void run_export_client_picture(App& a) {
  start_export(a, FilePurpose::ExportClientPicture, "-timeline.png",
               "Export the client's timeline picture");
}
void run_export_mspdi(App& a) {
  start_export(a, FilePurpose::ExportMspdi, "-plan.xml", "Export MS Project plan");
}
void run_import_mspdi(App& a) {
  start_import(a, FilePurpose::ImportMspdi, ".xml", "Import MS Project plan");
}
void run_import_csv(App& a) { start_import(a, FilePurpose::ImportCsv, ".csv", "Import CSV"); }
void run_quit(App& a) { a.request(PendingAction::Quit); }
void run_undo(App& a) { a.doc.submit(intent::Undo{}); }
void run_redo(App& a) { a.doc.submit(intent::Redo{}); }
void run_find(App& a) { a.panels.find.open(); }
void run_quick_add(App& a) { a.panels.quick_add.open(); }
void run_presentation(App& a) { a.set_presentation(!a.view.presentation); }
void run_light(App& a) { a.main_window.theme = Theme::Light; }
void run_dark(App& a) { a.main_window.theme = Theme::Dark; }
void run_high_contrast(App& a) { a.main_window.theme = Theme::HighContrast; }
void run_present_high_contrast(App& a) {
  a.main_window.presentation_high_contrast = !a.main_window.presentation_high_contrast;
}
void run_focus_2(App& a) { a.focus_timeline(2); }
void run_focus_4(App& a) { a.focus_timeline(4); }
void run_focus_8(App& a) { a.focus_timeline(8); }
void run_focus_13(App& a) { a.focus_timeline(13); }
void run_fit(App& a) { a.panels.timeline.fit(a.doc.timeline_index(Audience::Provider, a.today())); }
void run_larger(App& a) { a.zoom_by(0.1f); }
void run_smaller(App& a) { a.zoom_by(-0.1f); }
void run_actual_size(App& a) { a.zoom_reset(); }
void run_screenshot(App& a) { a.screenshot_requested = true; }
void run_keyboard_help(App& a) { a.main_window.show_shortcuts = true; }
void run_about(App& a) { a.main_window.show_about = true; }
void run_imgui_demo(App& a) { a.main_window.show_imgui_demo = !a.main_window.show_imgui_demo; }

// A held meeting is selected: its recap can travel.
bool held_meeting_selected(const App& a) {
  const Selection& sel = a.view.selection;
  return sel.occurrence && meeting_was_held(a.engagement(), sel.id, *sel.occurrence);
}
bool can_undo(const App& a) { return a.doc.history().can_undo(); }
bool can_redo(const App& a) { return a.doc.history().can_redo(); }
bool has_table(const App& a) { return !screen(a.main_window.section).kinds.empty(); }
bool presenting(const App& a) { return a.view.presentation; }
bool is_light(const App& a) { return a.main_window.theme == Theme::Light; }
bool is_dark(const App& a) { return a.main_window.theme == Theme::Dark; }
bool is_high_contrast(const App& a) { return a.main_window.theme == Theme::HighContrast; }
bool presents_high_contrast(const App& a) { return a.main_window.presentation_high_contrast; }
bool shows_imgui_demo(const App& a) { return a.main_window.show_imgui_demo; }
std::string undo_label(const App& a) {
  return can_undo(a) ? "Undo " + a.doc.history().undo_label() : std::string("Undo");
}
std::string redo_label(const App& a) {
  return can_redo(a) ? "Redo " + a.doc.history().redo_label() : std::string("Redo");
}
std::string export_csv_label(const App& a) {
  if (!has_table(a)) return "The table you are looking at (CSV)…";
  return std::string(plural_title(a.panels.csv_kind)) + " table (CSV)…";
}

using S = Chord::Shift;
constexpr Chord ctrl(int key, S shift = S::No) { return Chord{key, true, shift}; }
constexpr Chord key(int k) { return Chord{k, false, S::No}; }

// [SECTION] Table ---------------------------------------------------------------------

const Action kActions[] = {
    // File
    {"File", nullptr, "New engagement", "Ctrl+N", ctrl('N'), {}, run_new},
    {"File", nullptr, "Open…", "Ctrl+O", ctrl('O'), {}, run_open},
    // (Open recent is drawn here from the list of recent files.)
    {"File", nullptr, "Save", "Ctrl+S", ctrl('S'), {}, run_save},
    {"File", nullptr, "Save as…", "Ctrl+Shift+S", ctrl('S', S::Yes), {}, run_save_as},
    {"File",
     "Export",
     "Calendar (.ics)…",
     nullptr,
     {},
     {},
     run_export_ics,
     nullptr,
     nullptr,
     nullptr,
     true},
    {"File", "Export", "Client status report (HTML)…", nullptr, {}, {}, run_export_html},
    {"File", "Export", "Client status report (Markdown)…", nullptr, {}, {}, run_export_md},
    {"File", "Export", "Client status report (PDF)…", nullptr, {}, {}, run_export_pdf},
    {"File", "Export", "MS Project plan (XML)…", nullptr, {}, {}, run_export_mspdi},
    {"File",
     "Export",
     "Timeline picture (PNG)…",
     nullptr,
     {},
     {},
     run_export_picture,
     nullptr,
     nullptr,
     nullptr,
     true},
    {"File",
     "Export",
     "Timeline picture, client's copy (PNG)…",
     nullptr,
     {},
     {},
     run_export_client_picture},
    {"File",
     "Export",
     "This table (CSV)…",
     nullptr,
     {},
     {},
     run_export_csv,
     has_table,
     nullptr,
     export_csv_label},
    {"File",
     "Export",
     "Recap of the selected meeting (e-mail draft)…",
     nullptr,
     {},
     {},
     run_export_recap_eml,
     held_meeting_selected,
     nullptr,
     nullptr,
     true},
    {"File",
     "Export",
     "Recap of the selected meeting (Markdown)…",
     nullptr,
     {},
     {},
     run_export_recap_md,
     held_meeting_selected},
    {"File",
     "Export",
     "Recap of the selected meeting (PDF)…",
     nullptr,
     {},
     {},
     run_export_recap_pdf,
     held_meeting_selected},
    {"File",
     "Export",
     "Weekly update (PDF)…",
     nullptr,
     {},
     {},
     run_export_update_pdf,
     nullptr,
     nullptr,
     nullptr,
     true},
    {"File", "Export", "Weekly update (e-mail draft)…", nullptr, {}, {}, run_export_update_eml},
    {"File", "Export", "Weekly update (Markdown)…", nullptr, {}, {}, run_export_update_md},
    {"File", "Import", "Calendar (.ics)…", nullptr, {}, {}, run_import_ics},
    {"File", "Import", "GNOME Planner plan (.planner)…", nullptr, {}, {}, run_import_planner},
    {"File", "Import", "MS Project XML…", nullptr, {}, {}, run_import_mspdi},
    {"File", "Import", "CSV…", nullptr, {}, {}, run_import_csv},
    {"File", nullptr, "Quit", "Ctrl+Q", ctrl('Q'), {}, run_quit, nullptr, nullptr, nullptr, true},
    // Edit
    {"Edit",
     nullptr,
     "Undo",
     "Ctrl+Z",
     ctrl('Z'),
     {},
     run_undo,
     can_undo,
     nullptr,
     undo_label,
     false,
     false},
    {"Edit", nullptr, "Redo", "Ctrl+Y, Ctrl+Shift+Z", ctrl('Y'), ctrl('Z', S::Yes), run_redo,
     can_redo, nullptr, redo_label, false, false},
    {"Edit", nullptr, "Find…", "Ctrl+F", ctrl('F'), {}, run_find, nullptr, nullptr, nullptr, true},
    {"Edit", nullptr, "Quick add…", "Ctrl+K", ctrl('K'), {}, run_quick_add},
    {nullptr, nullptr, "Delete the selected item", "Delete", {}, {}, nullptr},
    // View (the sections come first, from the table of screens)
    {"View",
     nullptr,
     "Presentation mode (client view)",
     "F11",
     key(kKeyF11),
     {},
     run_presentation,
     nullptr,
     presenting,
     nullptr,
     true},
    {"View", nullptr, "Light theme", nullptr, {}, {}, run_light, nullptr, is_light, nullptr, true},
    {"View", nullptr, "Dark theme", nullptr, {}, {}, run_dark, nullptr, is_dark},
    {"View",
     nullptr,
     "High-contrast theme",
     nullptr,
     {},
     {},
     run_high_contrast,
     nullptr,
     is_high_contrast},
    {"View",
     nullptr,
     "High contrast while presenting",
     nullptr,
     {},
     {},
     run_present_high_contrast,
     nullptr,
     presents_high_contrast},
    {"View",
     "Focus the timeline on",
     "The next 2 weeks",
     nullptr,
     {},
     {},
     run_focus_2,
     nullptr,
     nullptr,
     nullptr,
     true},
    {"View", "Focus the timeline on", "The next 4 weeks", nullptr, {}, {}, run_focus_4},
    {"View", "Focus the timeline on", "The next 8 weeks", nullptr, {}, {}, run_focus_8},
    {"View", "Focus the timeline on", "The next 13 weeks", nullptr, {}, {}, run_focus_13},
    {"View", "Focus the timeline on", "The whole engagement", "F (timeline)", {}, {}, run_fit},
    {"View",
     nullptr,
     "Larger interface",
     "Ctrl+=",
     ctrl('=', S::Either),
     {},
     run_larger,
     nullptr,
     nullptr,
     nullptr,
     true},
    {"View", nullptr, "Smaller interface", "Ctrl+-", ctrl('-', S::Either), {}, run_smaller},
    {"View", nullptr, "Actual size", "Ctrl+0", ctrl('0', S::Either), {}, run_actual_size},
    {"View",
     nullptr,
     "Save a screenshot of the window (PNG)",
     "F12",
     key(kKeyF12),
     {},
     run_screenshot,
     nullptr,
     nullptr,
     nullptr,
     true},
    // Help
    {"Help", nullptr, "Keyboard shortcuts", nullptr, {}, {}, run_keyboard_help},
    {"Help", nullptr, "About Rapport", nullptr, {}, {}, run_about},
    {"Help",
     nullptr,
     "Dear ImGui demo",
     nullptr,
     {},
     {},
     run_imgui_demo,
     nullptr,
     shows_imgui_demo},
    // The timeline's own keys, for the keyboard help.
    {nullptr, nullptr, "Timeline: zoom around the mouse", "Wheel", {}, {}, nullptr},
    {nullptr, nullptr, "Timeline: pan, or move a milestone or meeting", "Drag", {}, {}, nullptr},
    {nullptr, nullptr, "Timeline: fit the engagement / jump to today", "F / T", {}, {}, nullptr},
    {nullptr, nullptr, "Timeline: pan and zoom", "← → + -", {}, {}, nullptr},
    {nullptr, nullptr, "Cancel a drag or close a dialog", "Esc", {}, {}, nullptr},
};

bool enabled(const Action& a, const App& app) { return !a.enabled || a.enabled(app); }

// With the client watching, the keyboard changes nothing in the engagement and
// opens nothing of the editor's: leave, zoom, screenshot and quit only (a quit
// with unsaved changes asks in the editor).
bool works_while_presenting(const Action& a) {
  for (auto run :
       {run_presentation, run_quit, run_larger, run_smaller, run_actual_size, run_screenshot})
    if (a.run == run) return true;
  return false;
}

bool pressed(const Chord& c, const ImGuiIO& io) {
  if (c.key == 0 || c.ctrl != io.KeyCtrl) return false;
  if (c.shift == Chord::Shift::Yes && !io.KeyShift) return false;
  if (c.shift == Chord::Shift::No && io.KeyShift) return false;
  return ImGui::IsKeyPressed(c.key, false);
}

std::string label_of(const Action& a, const App& app) {
  return a.label_now ? a.label_now(app) : a.label;
}

void menu_item(App& app, const Action& a) {
  if (a.separator_before) ImGui::Separator();
  std::string label = label_of(a, app);
  bool checked = a.checked && a.checked(app);
  if (ImGui::MenuItem(label.c_str(), a.keys, checked, enabled(a, app))) a.run(app);
}

void recent_files_menu(App& app) {
  if (!ImGui::BeginMenu("Open recent", !app.recent_files.empty())) return;
  for (const std::string& path : app.recent_files)
    if (ImGui::MenuItem(path.c_str())) app.request(PendingAction::OpenPath, path);
  ImGui::EndMenu();
}

void sections_menu(App& app) {
  for (const Screen& s : screens())
    if (listed(s, app.engagement()) &&
        ImGui::MenuItem(s.title, nullptr, app.main_window.section == s.section))
      app.main_window.section = s.section;
  ImGui::Separator();
}

// Draws the entries of `menu` in table order, opening each submenu once where
// its first entry stands.
void draw_menu(App& app, const char* menu) {
  const std::span<const Action> all = actions();
  for (size_t i = 0; i < all.size(); ++i) {
    const Action& a = all[i];
    if (!a.menu || std::string_view(a.menu) != menu || !a.run) continue;
    if (!a.submenu) {
      menu_item(app, a);
      if (std::string_view(menu) == "File" && std::string_view(a.label) == "Open…")
        recent_files_menu(app);
      continue;
    }
    bool first = i == 0 || !all[i - 1].submenu || std::string_view(all[i - 1].submenu) != a.submenu;
    if (!first) continue;
    if (a.separator_before) ImGui::Separator();
    if (!ImGui::BeginMenu(a.submenu)) continue;
    for (size_t j = i;
         j < all.size() && all[j].submenu && std::string_view(all[j].submenu) == a.submenu; ++j) {
      Action entry = all[j];
      entry.separator_before = false;
      menu_item(app, entry);
    }
    ImGui::EndMenu();
  }
}

}  // namespace

std::span<const Action> actions() { return kActions; }

// [SECTION] Keys ----------------------------------------------------------------------

void handle_shortcuts(App& app) {
  if (busy(app)) return;  // a file is being opened or saved: its dialog has the screen
  const ImGuiIO& io = ImGui::GetIO();
  for (const Action& a : actions()) {
    if (!a.run || !(pressed(a.chord, io) || pressed(a.chord2, io))) continue;
    if (!enabled(a, app)) continue;
    if (app.view.presentation && !works_while_presenting(a)) continue;
    // Undo and redo stay with a text field while it is being edited (it has its own).
    if (!a.while_typing && io.WantTextInput) continue;
    a.run(app);
  }
}

// [SECTION] Menus ---------------------------------------------------------------------

void draw_menu_bar(App& app) {
  if (!ImGui::BeginMainMenuBar()) return;
  for (const char* menu : {"File", "Edit", "View", "Help"}) {
    if (!ImGui::BeginMenu(menu)) continue;
    if (std::string_view(menu) == "View") {
      sections_menu(app);
      ImGui::TextDisabled("Interface %d%%", int(app.effective_ui_scale() * 100 + 0.5f));
    }
    draw_menu(app, menu);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

// [SECTION] Help ----------------------------------------------------------------------

void draw_keyboard_help_rows() {
  for (const Action& a : actions()) {
    if (!a.keys) continue;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(a.keys);
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(a.label);
  }
}

}  // namespace rapport::app
