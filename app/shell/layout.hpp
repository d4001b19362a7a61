// The main window's fixed layout: the navigation on the left, the timeline
// across the top, the section's table below it, the inspector on the right,
// the status bar at the bottom. Each area is drawn by its own file in shell/.
#pragma once

#include <imgui.h>

namespace rapport::app {

struct App;
class TimelineView;
}  // namespace rapport::app
namespace rapport {
class TimelineIndex;
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
Layout compute_layout(ImVec2 origin, ImVec2 size, float scale, float status_height);

// The flags of the fixed areas: no title, no moving, no resizing.
inline constexpr ImGuiWindowFlags kAreaFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
    ImGuiWindowFlags_NoFocusOnAppearing;

void draw_navigation(App& app, const Layout& layout);     // shell/navigation.cpp
void draw_timeline_area(App& app, const Layout& layout);  // shell/timeline_area.cpp
// View ▸ Focus the timeline on the next N weeks (or --weeks), applied to the
// timeline that draws `index` next.
void apply_pending_focus(App& app, TimelineView& timeline, const TimelineIndex& index);
void draw_section_area(App& app, const Layout& layout);  // shell/section_area.cpp
void draw_status_bar(App& app, const Layout& layout);    // shell/status_bar.cpp

}  // namespace rapport::app
