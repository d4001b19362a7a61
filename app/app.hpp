// The application: the open engagement, its file, and the view state, drawn as one
// ImGui frame by App::frame(). The platform loop (main.cpp) and the headless UI tests
// both call frame(); it touches no window, no GL, no file.
#pragma once

#include <array>
#include <string>

#include "fonts.hpp"
#include "rapport/model.hpp"
#include "theme.hpp"
#include "view_state.hpp"

namespace rapport::app {

// The sections of the navigation list, in the order shown. One entry per screen.
enum class Section {
  Overview,
  Discovery,
  Expectations,
  WaysOfWorking,
  CommunicationPlan,
  Meetings,
  Milestones,
  Boundaries,
  ChangeRequests,
  ClientTasks,
  Decisions,
  Feedback,
};
inline constexpr int kSectionCount = 12;
const char* section_title(Section s);

// The main window's own state (which section, theme, interface zoom); never saved in
// the engagement file. What panels share (selection, presentation) is ViewState.
struct MainWindowState {
  Section section = Section::Overview;
  Theme theme = Theme::Light;
  float ui_scale = 1.0f;  // user's interface zoom on top of the monitor's content scale
  bool show_about = false;
  bool show_imgui_demo = false;
  std::string status_message;  // shown in the status bar until replaced
};

// Screen rectangles of the fixed layout, computed from the viewport each frame.
struct Layout {
  ImVec2 nav_pos, nav_size;            // left: section list
  ImVec2 timeline_pos, timeline_size;  // centre top: the timeline
  ImVec2 section_pos, section_size;    // centre bottom: the selected section's table
  ImVec2 status_pos, status_size;      // bottom: status bar
};
// Pure geometry, unit-testable: `origin`/`size` is the work area below the menu bar.
Layout compute_layout(ImVec2 origin, ImVec2 size, float scale, float status_height);

struct App {
  Engagement engagement;
  std::string file_path;  // empty = not saved yet
  ViewState view;               // shared with panels: selection, presentation mode
  CommandQueue commands;        // emitted by panels during a frame, applied after it
  MainWindowState main_window;  // section, theme, interface zoom
  UiFonts fonts;          // set by the platform when fonts are (re)built
  float scale = 1.0f;     // style scale = content scale x view.ui_scale, set by the platform
  bool quit_requested = false;

  // Loads an engagement file into `engagement`. On failure returns false, leaves the
  // current engagement as it was, and sets `error` to a message for the user.
  bool open_file(const std::string& path, std::string& error);

  // Draws one frame of the main layout. Call between ImGui::NewFrame() and Render().
  void frame();

  // "Rapport — Name" for the window title.
  std::string window_title() const;
};

}  // namespace rapport::app
