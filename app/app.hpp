// The application: the open engagement, its file, and the view state, drawn as one
// ImGui frame by App::frame(). The platform loop (main.cpp) and the headless UI tests
// both call frame(); it touches no window, no GL, no file.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "rapport/history.hpp"
#include "rapport/io.hpp"
#include "rapport/model.hpp"
#include "theme.hpp"
#include "view_state.hpp"

namespace rapport::app {

// The sections of the navigation list, in the order shown. One entry per screen.
enum class Section {
  Overview,
  Health,
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
inline constexpr int kSectionCount = 13;
const char* section_title(Section s);

// The main window's own state (which section, theme, interface zoom); never saved in
// the engagement file. What panels share (selection, presentation) is ViewState.
struct MainWindowState {
  Section section = Section::Overview;
  Theme theme = Theme::Light;
  float ui_scale = 1.0f;  // user's interface zoom on top of the monitor's content scale
  bool show_about = false;
  bool show_imgui_demo = false;
  bool show_shortcuts = false;
  // In presentation mode the room sees the screen: at least this interface
  // zoom, and the high-contrast theme unless switched off.
  float presentation_ui_scale = 1.5f;
  bool presentation_high_contrast = true;
  std::string status_message;  // shown in the status bar until replaced
};

// Screen rectangles of the fixed layout, computed from the viewport each frame.
struct Layout {
  ImVec2 nav_pos, nav_size;              // left: section list
  ImVec2 timeline_pos, timeline_size;    // top right: the timeline, full width
  ImVec2 section_pos, section_size;      // bottom: the selected section's table
  ImVec2 inspector_pos, inspector_size;  // bottom right: the selected item
  ImVec2 status_pos, status_size;        // bottom: status bar
};
// Pure geometry, unit-testable: `origin`/`size` is the work area below the menu bar.
Layout compute_layout(ImVec2 origin, ImVec2 size, float scale, float status_height);

// Seconds on a monotonic clock, the same for the loop and the app's timers.
double monotonic_seconds();

// What waits for the answer to "Save changes?".
enum class PendingAction { None, New, Open, OpenPath, Quit };

struct Panels;  // every panel's own state; defined in app.cpp

struct App {
  App();
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Engagement engagement;
  History history;                 // undo/redo and the unsaved-changes state
  std::string file_path;           // empty = not saved yet
  FileFingerprint fingerprint;     // the file as last opened or saved, to notice outside edits
  ViewState view;                  // shared with panels: selection, presentation mode
  CommandQueue commands;           // emitted by panels during a frame, applied after it
  MainWindowState main_window;     // section, theme, interface zoom
  UiFonts fonts;                   // set by the platform when fonts are (re)built
  float scale = 1.0f;              // style scale = content scale x view.ui_scale, set by the platform
  bool quit_requested = false;     // the loop ends when set
  std::vector<std::string> recent_files;  // most recent first
  std::filesystem::path state_dir;        // recovery files go here; empty = no autosave
  double autosave_seconds = 30.0;
  std::optional<Date> today_override;     // tests and screenshots pin "today"
  std::string error_title, error_message; // shown in a dialog, then cleared
  bool screenshot_requested = false;      // F12: the loop saves the window as a PNG
  int focus_weeks = 0;                    // set: the timeline shows the next N weeks once
  bool timeline_only = false;             // draw only the timeline, filling the window (PNG export)
  // Focuses the timeline on the next `weeks` weeks from today.
  void focus_timeline(int weeks);

  // Loads an engagement file. On failure returns false, leaves the current
  // engagement as it was, and sets `error` to a message for the user.
  bool open_file(const std::string& path, std::string& error);
  // Saves atomically; on failure keeps everything in memory and says why.
  bool save_file(const std::string& path, std::string& error);
  // The same, off the UI thread for large files (a progress dialog shows while
  // the window keeps drawing); small files are done at once.
  void open_file_in_background(const std::string& path);
  void save_in_background(const std::string& path);
  bool busy() const;  // an open or save is running
  // Replaces the engagement with a fresh one (no questions asked: see request()).
  void new_engagement();
  // New, Open or Quit, asking first when there are unsaved changes.
  void request(PendingAction action, const std::string& path = "");
  // Applies the commands panels queued this frame, each group one undo step.
  void apply_commands();
  // Writes the recovery file when changes are unsaved and the interval has passed.
  void autosave(double now_seconds);
  // Seconds until autosave() would write (the loop wakes up then); a day when
  // nothing is waiting to be autosaved.
  double seconds_until_autosave(double now_seconds) const;
  // Offers the recovery file of the current file (or of an untitled engagement).
  void offer_recovery();
  // Writes the recovery file now if changes are unsaved (on exit by a signal).
  void keep_unsaved_for_recovery();
  // What the panels that list and draw items show: the engagement, or in
  // presentation mode a redacted copy (internal fields emptied, milestones the
  // client must not see removed), rebuilt when the engagement changes. Edits
  // always start from `engagement` itself, so nothing internal is lost.
  const Engagement& shown();
  // The theme and interface zoom in force (presentation mode raises both).
  Theme effective_theme() const;
  float effective_ui_scale() const;
  // Today in the engagement's time zone (or the pinned date).
  Date today() const;

  // Draws one frame of the main layout. Call between ImGui::NewFrame() and Render().
  void frame();

  // "Name — Rapport", with "•" when there are unsaved changes.
  std::string window_title() const;

  std::unique_ptr<Panels> panels;

 private:
  bool adopt_loaded(const std::string& path, LoadResult r, std::string& error);
  bool adopt_saved(const std::string& path, const FileError& e, uint64_t saved_state, std::string& error);
  void finish_background_job();
  double last_autosave_ = -1.0;
  Engagement client_copy_;
  uint64_t client_copy_revision_ = ~uint64_t(0);
  uint64_t autosaved_revision_ = 0;
};

}  // namespace rapport::app
