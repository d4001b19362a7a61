// The main window's fixed layout: the navigation on the left, the timeline
// across the top, the section's table below it, the inspector on the right,
// the status bar at the bottom. Each area is drawn by its own file in shell/.
#pragma once

#include <imgui.h>

#include <optional>

namespace rapport::app {

struct App;
class TimelineView;
}  // namespace rapport::app
namespace rapport {
class TimelineIndex;
enum class Audience;
}  // namespace rapport
namespace rapport::app {

// Screen rectangles, computed from the viewport each frame.
struct Layout {
  ImVec2 nav_pos, nav_size;              // left: section list
  ImVec2 timeline_pos, timeline_size;    // top right: the timeline, full width
  ImVec2 section_pos, section_size;      // bottom: the selected section's table
  ImVec2 inspector_pos, inspector_size;  // bottom right: the selected item
  ImVec2 status_pos, status_size;        // bottom: status bar
};
// Pure geometry, unit-testable: `origin`/`size` is the work area below the menu bar.
// `timeline_height`: the timeline pane's height, kept between a least and a most
// share of the body (timeline_height_bounds); 0 or less: half the body.
Layout compute_layout(ImVec2 origin, ImVec2 size, float scale, float status_height,
                      float timeline_height = 0);

// The timeline pane may take from kTimelineLeastShare (or 120 px) to kTimelineMostShare
// of the body's height: the section area below always keeps room for its table.
inline constexpr float kTimelineLeastShare = 0.22f;
inline constexpr float kTimelineMostShare = 0.66f;
// The least height; `at_most` gets the most.
float timeline_height_bounds(float body_h, float scale, float& at_most);

// The splitter between the timeline and the section area: drag to resize, double-click
// for the default (the timeline's own height, timeline_default_height()). Returns the
// height the user chose this frame, if any (0: back to the default).
std::optional<float> draw_timeline_splitter(const Layout& layout, float scale);

// The flags of the fixed areas: no title, no moving, no resizing.
inline constexpr ImGuiWindowFlags kAreaFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_NoFocusOnAppearing;

void draw_navigation(App& app, const Layout& layout);     // shell/navigation.cpp
void draw_timeline_area(App& app, const Layout& layout);  // shell/timeline_area.cpp
// The timeline pane's default height in a body `body_h` high: its axis and lanes as
// last drawn, whole lanes only when they do not all fit (shell/timeline_area.cpp).
float timeline_default_height(const App& app, float body_h);
// The meeting series folded into the group's one row while the pane, at most
// `pane_most` high, cannot show every lane with them open, and opened again when it
// can; once the user folds or opens the group, their choice holds (app.panels.meeting_fold).
void fold_meetings_to_fit(App& app, float pane_most);
// View ▸ Focus the timeline on the next N weeks (or --weeks), applied to the
// timeline that draws `index` next.
void apply_pending_focus(App& app, TimelineView& timeline, const TimelineIndex& index);
// The timeline as a picture (rapport export png): a title line (engagement, client,
// "as of" date), the read-only timeline as `audience` may see it (Audience::Client:
// the client's copy) and its legend, no collapse arrows; app.timeline_only_height
// says where it ends. The live view (app.view, the client view) is not touched.
void draw_timeline_picture(App& app, Audience audience);  // shell/timeline_area.cpp
void draw_section_area(App& app, const Layout& layout);   // shell/section_area.cpp
void draw_status_bar(App& app, const Layout& layout);     // shell/status_bar.cpp

}  // namespace rapport::app
