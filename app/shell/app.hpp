// The application: the document (the one owner of the engagement), the view
// state, and the main window's own state, drawn as one ImGui frame by
// App::frame(). The platform runner (main.cpp) and the headless UI tests both
// call frame(); it touches no window, no GL.
//
// A frame: shortcuts and widgets read the document and submit intents, then
// App::apply() hands them to Document::apply() in one place and turns the
// outcomes into status messages, selections and error dialogs.
//
// Where things are:
//   shell/screens.*   the table of screens (sections): title, kinds, count, draw
//   shell/actions.*   the table of actions: menus, shortcuts and keyboard help
//   shell/files.*     open, save, export, import, autosave, recovery, file jobs
//   shell/layout.*    the fixed layout; shell/navigation.cpp, shell/status_bar.cpp
//   dialogs/*         one file per modal dialog
//   panels/*          one file per panel; timeline/* the timeline view
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/client_view.hpp"
#include "fonts.hpp"
#include "panels/file_dialog.hpp"
#include "panels/find.hpp"
#include "panels/inspector.hpp"
#include "panels/item_table.hpp"
#include "panels/overview.hpp"
#include "panels/quick_add_bar.hpp"
#include "platform.hpp"
#include "rapport/conflict_copies.hpp"
#include "rapport/document.hpp"
#include "rapport/import.hpp"
#include "rapport/import_csv.hpp"
#include "shell/screens.hpp"
#include "theme.hpp"
#include "timeline/timeline_view.hpp"
#include "view_state.hpp"

namespace rapport::app {

struct FileJob;        // shell/files.hpp
struct RecoveryWrite;  // shell/files.hpp

// The main window's own state; never saved in the engagement file.
struct MainWindowState {
  Section section = Section::Overview;
  Theme theme = Theme::Light;
  float ui_scale = 1.0f;  // user's interface zoom on top of the monitor's content scale
  // The timeline pane's share of the body's height, chosen with the splitter under it
  // (remembered in settings); 0: fitted to its lanes (timeline_default_height()).
  float timeline_share = 0.0f;
  bool show_about = false;
  bool show_imgui_demo = false;
  bool show_shortcuts = false;
  // In the client view the room sees the screen: text sized from the window's
  // height (client_view_ui_scale) times the presenter's own zoom (Ctrl+= / Ctrl+-
  // while presenting), and the high-contrast theme unless switched off.
  float presentation_zoom = 1.0f;
  bool presentation_high_contrast = true;
  std::string status_message;  // shown in the status bar until replaced
};

// What waits for the answer to "Save changes?".
enum class PendingAction { None, New, Open, OpenPath, Quit };

// What the file dialog's answer is for.
enum class FilePurpose {
  Open,
  SaveAs,
  ExportIcs,
  ExportHtml,
  ExportMarkdown,
  ExportPdf,
  ExportCsv,
  ExportRecapEmail,     // the selected held meeting's recap, .eml
  ExportRecapMarkdown,  // the same as Markdown
  ExportRecapPdf,       // the same as a PDF
  ExportUpdate,         // the weekly update (.pdf, .md or .eml by the name), recorded as sent
  ExportMspdi,          // MS Project XML
  ExportPicture,        // the timeline as a PNG (App::picture)
  ExportClientPicture,  // the same, the client's copy
  ImportIcs,
  ImportPlanner,
  ImportMspdi,
  ImportCsv
};

// An MS Project plan read and waiting in the preview dialog for the user to
// choose what each task becomes (nothing is added until Import).
struct MspdiPreview {
  std::string path;
  MspdiPlan plan;
};

// A sync tool's conflict copy of the file just opened, read and waiting for
// the user to merge it or not (dialogs/conflict_copy_offer.cpp).
struct SyncedCopy {
  std::string path;
  SyncTool tool = SyncTool::Dropbox;
  Engagement engagement;
  bool merged = false;  // merged: the dialog now offers to move it aside
};

// A CSV file read and waiting in the preview dialog: the user checks the
// detected delimiter, encoding, section, mapping and date format and sees the
// rows and bad cells they give (nothing is added until Import).
struct CsvPreview {
  std::string path;
  std::string bytes;  // the file as read, to read again with another delimiter or encoding
  CsvImport csv;
  CsvCheck check;
  std::string error;  // the file cannot be read with these choices (nothing else is shown)
};

// Every panel's and dialog's own state, kept across frames.
// The editor's meeting group folded to make room (shell/timeline_area.cpp:
// fold_meetings_to_fit), until the user folds or opens it themselves.
struct MeetingFold {
  bool automatic = true;  // false once the user chose
  bool folded = false;    // the last automatic choice
  float open_height = 0;  // the pane height that shows every lane, the meetings open
};

struct Panels {
  std::array<ItemTableState, kKindCount> tables;
  Inspector inspector;
  Overview overview;
  TimelineView timeline;
  MeetingFold meeting_fold;
  FindPopup find;
  QuickAddBar quick_add;
  FileDialog file_dialog;
  FilePurpose file_purpose = FilePurpose::Open;
  Kind csv_kind = Kind::ClientTask;  // the kind "Export this table" writes: the tab last drawn
  bool confirm_overwrite = false;
  PendingAction pending = PendingAction::None;
  std::string pending_path;
  std::string recovery;  // a recovery file to offer, if any
  int pending_focus_weeks = 0;
  ClientView client;     // the client view's page, timeline range and selection
  TimelineView picture;  // the timeline PNG export's: read-only, with its legend
  std::optional<MspdiPreview> mspdi_preview;
  std::vector<SyncedCopy> conflict_copies;  // offered one at a time, first first
  std::optional<CsvPreview> csv_preview;
};

// Seconds on a monotonic clock, the same for the loop and the app's timers.
double monotonic_seconds();

struct App {
  App();
  explicit App(Engagement e, std::string path = "");
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Document doc;                 // the engagement, its history and file; one door for change
  ViewState view;               // shared with panels: selection, presentation mode
  CommandSink commands{doc};    // what panels push commands into
  MainWindowState main_window;  // section, theme, interface zoom
  Panels panels;
  UiFonts fonts;                // handed down by the platform each frame
  float scale = 1.0f;           // style scale = content scale x interface zoom, from the platform
  bool quit_requested = false;  // the loop ends when set
  std::vector<std::string> recent_files;  // most recent first
  std::filesystem::path settings_path;    // where recent files are kept; empty = not kept
  std::filesystem::path state_dir;        // recovery files go here; empty = no autosave
  double autosave_seconds = 30.0;
  std::optional<Date> today_override;      // tests and screenshots pin "today"
  std::string error_title, error_message;  // shown in a dialog, then cleared
  bool screenshot_requested = false;       // F12: the runner saves the window as a PNG
  // Draw only the timeline picture for this audience, filling the window (rapport
  // export png): the editor's copy, or the client's (--presentation).
  std::optional<Audience> timeline_only;
  float timeline_only_height = 0;  // its content's height, as last drawn: the PNG is cropped to it
  // File ▸ Export ▸ Timeline picture: the window draws the picture of the range the
  // timeline shows for kPictureFrames frames (its labels settle), then the runner
  // saves it, cropped, and the editor comes back.
  struct PictureExport {
    std::string path;
    bool for_client = false;  // the client's copy: what the client view shows
    Audience audience() const { return for_client ? Audience::Client : Audience::Provider; }
    int frames = 0;  // drawn so far
  };
  static constexpr int kPictureFrames = 3;
  std::optional<PictureExport> picture;
  std::shared_ptr<FileJob> job;       // an open or save running off the UI thread
  double last_autosave = -1.0;        // monotonic seconds of the last recovery write
  uint64_t autosaved_generation = 0;  // the document's generation the recovery file holds
  std::shared_ptr<RecoveryWrite> recovery_write;  // one written in the background, if any
  bool discard_unsaved_on_exit = false;           // "Don't save" then Quit: no recovery file either

  // Reading.
  const Engagement& engagement() const { return doc.engagement(); }
  const std::string& file_path() const { return doc.path(); }
  Date today() const;
  Theme effective_theme() const;
  float effective_ui_scale() const;
  void set_ui_scale(float ui_scale);
  // Ctrl+= / Ctrl+- / Ctrl+0: the editor's interface zoom, or while presenting
  // the presenter's zoom on top of the size the window asks for.
  void zoom_by(float step);
  void zoom_reset();
  // F11: into or out of the client view. Whatever is open in the editor (find,
  // quick add, menus, dialogs, tooltips) is closed in the same frame and never
  // drawn for the client; drafts typed in the editor stay for when it returns.
  void set_presentation(bool on);
  // "Name (file) — Rapport", with "•" when there are unsaved changes.
  std::string window_title() const;
  // The context handed to the editor's panels (the provider's: the client view
  // has its own layout and draws from Document::client_report).
  PanelContext context();

  // Draws one frame of the main window. Call between ImGui::NewFrame() and Render().
  void frame();
  // Applies what the frame submitted (commands, undo, redo, a new engagement)
  // and says what happened. frame() calls it last, unless the document's worker
  // is copying the engagement (then the intents wait for a later frame and the
  // window keeps drawing); called directly it waits for the copy.
  void apply();
  void apply_after_frame();
  // The frame as the platform runner drives it: fonts and scale handed down,
  // the platform's wishes handed back.
  void frame(const FrameInfo& info);
  FrameRequest frame_request() const;

  // Focuses the timeline on the next `weeks` weeks from today.
  void focus_timeline(int weeks) { panels.pending_focus_weeks = weeks; }
  // New, Open or Quit, asking first when there are unsaved changes (unless the
  // user has just answered: ask = false).
  void request(PendingAction action, const std::string& path = "", bool ask = true);
};

}  // namespace rapport::app
