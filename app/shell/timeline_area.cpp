// The timeline across the top of the main window, with the health findings as
// markers on its axis. Both draw what the audience looking may see: the index
// and the findings come from the document for that audience.
#include <imgui.h>

#include <cmath>

#include "shell/app.hpp"
#include "shell/layout.hpp"
#include "timeline/timeline_frame.hpp"

namespace rapport::app {

namespace {

// Health findings as small markers along the bottom of the time axis, at their
// dates: hover for the finding, click to select its item.
void draw_health_markers(App& app, const std::vector<Finding>& findings) {
  const TimelineFrame& f = app.panels.timeline.frame();
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
    draw->AddTriangleFilled(ImVec2(x, y - r), ImVec2(x - r, y + r * 0.8f),
                            ImVec2(x + r, y + r * 0.8f), colour);
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
    if (ImGui::IsMouseClicked(0) && hovered->item != kNoId)
      app.view.selection = Selection{hovered->item, hovered->occurrence};
  }
}

}  // namespace

void apply_pending_focus(App& app, TimelineView& timeline, const TimelineIndex& index) {
  if (app.panels.pending_focus_weeks <= 0) return;
  timeline.focus_weeks(index, app.today(), app.panels.pending_focus_weeks);
  app.panels.pending_focus_weeks = 0;
}

void draw_timeline_area(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.timeline_pos);
  ImGui::SetNextWindowSize(layout.timeline_size);
  ImGui::Begin("TimelineArea", nullptr, kAreaFlags);
  // The editor's timeline: the provider's (the client view draws its own).
  const Date today = app.today();
  const TimelineIndex& index = app.doc.timeline_index(Audience::Provider, today);
  apply_pending_focus(app, app.panels.timeline, index);
  app.panels.timeline.draw(app.engagement(), index, app.view, app.commands, today);
  draw_health_markers(app, app.doc.findings(Audience::Provider, today));
  ImGui::End();
}

}  // namespace rapport::app
