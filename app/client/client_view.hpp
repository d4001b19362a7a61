// The client view (F11): a presentation for the room, not the editor at a
// larger size. Read-only: values are text, nothing can be typed, added or
// dragged onto another date. Pages the presenter steps through like slides:
// the timeline under a strip of what the client needs now, then milestones,
// what we need from you, meetings and recaps, decisions, change requests,
// boundaries and expectations. Everything drawn comes from core's ClientReport
// (Document::client_report: the client's copy, the same document the status
// report prints), and the timeline from the client's timeline index.
#pragma once

#include <string>

#include "rapport/client_report.hpp"
#include "rapport/document.hpp"
#include "timeline/timeline_view.hpp"
#include "view_state.hpp"

namespace rapport::app {

struct App;

enum class ClientPage : int {
  Timeline,
  Milestones,
  Needs,
  Meetings,
  Decisions,
  Changes,
  Boundaries,
  Expectations,
};
inline constexpr int kClientPageCount = 8;
const char* client_page_title(ClientPage page);  // "What we need from you"

// The client view's own state: kept while the editor is shown, so F11 returns
// to the page, range and selection the presenter left.
struct ClientView {
  ClientPage page = ClientPage::Timeline;
  TimelineView timeline;  // its own range: the editor's stays where it was
  ViewState view;         // its own selection; presentation = true
  bool scroll_to_top = false;

  ClientView();
  void go_to(ClientPage p);
  void next();
  void previous();
};

// Page keys: PgDn / PgUp, → / ←, Space, Home / End, 1–8. Esc does nothing
// (a stray Esc must not drop the presenter back into the editor); F11 leaves.
void handle_client_view_keys(App& app);
// Draws the whole window as the client view.
void draw_client_view(App& app);
// The client's read-only timeline alone, filling the current window: page 1's
// picture, and `rapport export png --presentation`.
void draw_client_timeline(App& app);

// The interface zoom the client view wants for a window `height` logical
// pixels high: text that reads from the back of the room at 1280x720, and
// stays legible when a call scales a 1920x1080 screen to half.
float client_view_ui_scale(float height, float presenter_zoom);

}  // namespace rapport::app
