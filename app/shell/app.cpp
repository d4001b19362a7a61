// [SECTION] index
//   App    - construction, what is in force (today, theme, zoom), the window title
//   Frame  - App::frame(): shortcuts, menus, areas, dialogs, then apply()
//   Apply  - the one place where submitted intents change the document
#include "shell/app.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "dialogs/dialogs.hpp"
#include "shell/actions.hpp"
#include "shell/files.hpp"
#include "shell/layout.hpp"

namespace rapport::app {

double monotonic_seconds() {
  static const auto start = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// [SECTION] App ------------------------------------------------------------------

App::App() = default;
App::App(Engagement e, std::string path) : doc(std::move(e), std::move(path)) {}
// The document's destructor lets a task still running on its worker (checks
// that read the time zone database's caches, a save) finish before the
// program's statics go.
App::~App() = default;

Date App::today() const {
  return today_override ? *today_override : today_in(engagement().info.time_zone);
}

Theme App::effective_theme() const {
  if (view.presentation && main_window.presentation_high_contrast) return Theme::HighContrast;
  return main_window.theme;
}

float App::effective_ui_scale() const {
  if (view.presentation)
    return client_view_ui_scale(ImGui::GetIO().DisplaySize.y, main_window.presentation_zoom);
  return main_window.ui_scale;
}

void App::set_ui_scale(float ui_scale) { main_window.ui_scale = clamp_ui_scale(ui_scale); }

void App::zoom_by(float step) {
  if (!view.presentation) return set_ui_scale(main_window.ui_scale + step);
  main_window.presentation_zoom = std::clamp(main_window.presentation_zoom + step, 0.7f, 1.6f);
}

void App::zoom_reset() {
  if (view.presentation)
    main_window.presentation_zoom = 1.0f;
  else
    set_ui_scale(1.0f);
}

void App::set_presentation(bool on) {
  if (on == view.presentation) return;
  view.presentation = on;
  // Menus, context menus, find and quick add are popups: close them all, so
  // nothing opened for the provider is drawn for the client, nor pops up again
  // on return. What was typed stays in the panels' own buffers.
  if (ImGui::GetCurrentContext() && ImGui::GetCurrentContext()->OpenPopupStack.Size > 0)
    ImGui::ClosePopupToLevel(0, false);
  if (ImGui::GetCurrentContext()) ImGui::ClearActiveID();
  main_window.show_about = main_window.show_shortcuts = main_window.show_imgui_demo = false;
  if (on) panels.client.go_to(ClientPage::Timeline);
}

std::string App::window_title() const {
  auto file_name = [](const std::string& path) {
    return std::filesystem::path(path).filename().string();
  };
  std::string name = engagement().info.name;
  if (name.empty() && !file_path().empty()) name = file_name(file_path());
  if (name.empty()) return doc.dirty() ? "• Rapport" : "Rapport";
  std::string title = name;
  if (!file_path().empty()) title += " (" + file_name(file_path()) + ")";
  return (doc.dirty() ? "• " : "") + title + " — Rapport";
}

PanelContext App::context() {
  Date day = today();
  return PanelContext{doc.engagement(), doc.history(), view,
                      commands,         day,           doc.stamp(Audience::Provider, day)};
}

void App::request(PendingAction action, const std::string& path, bool ask) {
  if (ask && doc.dirty() && action != PendingAction::None) {
    set_presentation(false);  // the question is asked in the editor, never in front of the client
    panels.pending = action;
    panels.pending_path = path;
    return;
  }
  switch (action) {
    case PendingAction::None:
      break;
    case PendingAction::New:
      new_engagement(*this);
      break;
    case PendingAction::Open:
      start_open_dialog(*this);
      break;
    case PendingAction::OpenPath:
      open_file_in_background(*this, path);
      break;
    case PendingAction::Quit:
      quit_requested = true;
      break;
  }
}

// [SECTION] Frame -----------------------------------------------------------------

// While the document's worker copies a large engagement (once, just after it
// was opened) the intents wait for a later frame: the window keeps drawing.
void App::apply_after_frame() {
  if (!doc.copying()) apply();
}

void App::frame() {
  poll_file_job(*this);
  if (timeline_only) {
    // A picture of the timeline for a slide or a report: nothing else.
    draw_timeline_picture(*this, *timeline_only);
    apply_after_frame();
    return;
  }
  if (picture) {
    // Exporting the timeline picture: the range the timeline shows, for its audience.
    if (picture->frames++ == 0)
      panels.picture.set_range(panels.timeline.range().from, panels.timeline.range().to);
    draw_timeline_picture(*this, picture->audience());
    apply_after_frame();
    return;
  }
  handle_shortcuts(*this);
  if (view.presentation) {
    // The client view: its own read-only layout, no menus, no dialogs.
    handle_client_view_keys(*this);
    draw_client_view(*this);
    apply_after_frame();
    return;
  }
  draw_menu_bar(*this);

  // The work area is the viewport minus the main menu bar.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  float status_h = ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().FramePadding.y;
  const float body_h = std::max(0.0f, viewport->WorkSize.y - status_h);
  const float timeline_h = main_window.timeline_share > 0 ? main_window.timeline_share * body_h
                                                          : timeline_default_height(*this, body_h);
  Layout layout =
      compute_layout(viewport->WorkPos, viewport->WorkSize, scale, status_h, timeline_h);

  draw_navigation(*this, layout);
  draw_timeline_area(*this, layout);
  draw_section_area(*this, layout);
  if (auto chosen = draw_timeline_splitter(layout, scale))
    main_window.timeline_share = *chosen > 0 && body_h > 0 ? *chosen / body_h : 0.0f;
  draw_status_bar(*this, layout);
  draw_dialogs(*this);
  if (main_window.show_imgui_demo) ImGui::ShowDemoWindow(&main_window.show_imgui_demo);
  // Changes are applied after the whole UI has read the engagement.
  apply_after_frame();
}

void App::frame(const FrameInfo& info) {
  fonts = info.fonts;
  scale = info.scale;
  if (info.close_requested) request(PendingAction::Quit);
  frame();
}

FrameRequest App::frame_request() const {
  FrameRequest r;
  r.theme = effective_theme();
  r.ui_scale = effective_ui_scale();
  r.preferences = Preferences{main_window.theme, main_window.ui_scale, main_window.timeline_share};
  r.title = window_title();
  r.wake_in_seconds = seconds_until_autosave(*this, monotonic_seconds());
  // Work on a worker thread (a file job, the health checks) ends without any
  // input: look for its result a few times a second, and keep a spinner turning.
  if (busy(*this) || doc.health_pending() || doc.copying() || recovery_write)
    r.wake_in_seconds = std::min(r.wake_in_seconds, 0.1);
  if (picture) r.wake_in_seconds = 0;  // the picture's frames follow without input
  r.quit = quit_requested;
  return r;
}

// [SECTION] Apply -------------------------------------------------------------------

void App::apply() {
  if (!doc.has_pending()) return;
  for (const Outcome& o : doc.apply()) {
    switch (o.what) {
      case Outcome::What::Changed:
        view.last_error.clear();
        if (o.added != kNoId) {
          view.selection = Selection{o.added, std::nullopt};
          view.reveal_on_timeline = view.selection;
        }
        break;
      case Outcome::What::Refused:
        // Panels check first; this is the last line: nothing changed, say why.
        view.last_error = o.message;
        main_window.status_message = "Not changed: " + o.message;
        break;
      case Outcome::What::ImportRefused:
        error_title = "Could not import";
        error_message = o.message;
        break;
      case Outcome::What::Undone:
      case Outcome::What::Redone:
      case Outcome::What::Imported:
      case Outcome::What::Merged:
        view.last_error.clear();
        main_window.status_message = o.message;
        break;
      case Outcome::What::Replaced:
        // Another engagement: nothing selected, the timeline fits it anew.
        view.selection = {};
        view.reveal_on_timeline.reset();
        view.last_error.clear();
        panels.timeline = TimelineView{};
        panels.meeting_fold = MeetingFold{};
        last_autosave = -1.0;
        autosaved_generation = 0;
        main_window.status_message = o.message;
        break;
      case Outcome::What::Saved:
      case Outcome::What::NothingToDo:
        break;
    }
  }
}

}  // namespace rapport::app
