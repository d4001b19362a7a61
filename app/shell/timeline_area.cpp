// The timeline across the top of the main window, with the health findings as
// markers on its axis. Both draw what the audience looking may see: the index
// and the findings come from the document for that audience.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

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
  // One marker per severity and marker-wide column: what the pixels can show, however
  // many findings there are (a problem is drawn over a warning in the same column).
  const int columns = std::max(1, int((f.time_x1 - f.time_x0) / r) + 3);
  std::vector<uint8_t> drawn(size_t(columns), 0);
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::Info) continue;
    float x = f.x_of(double(start_of(finding.date).minutes) + 720.0);
    if (x < f.time_x0 - r || x > f.time_x1 + r) continue;
    const size_t column = size_t(std::clamp(int((x - f.time_x0 + r) / r), 0, columns - 1));
    const uint8_t bit = finding.severity == Severity::Problem ? 2 : 1;
    if (drawn[column] & bit) continue;
    drawn[column] |= bit;
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

void fold_meetings_to_fit(App& app, float pane_most) {
  TimelineView& timeline = app.panels.timeline;
  MeetingFold& fold = app.panels.meeting_fold;
  if (timeline.layout().empty() || !timeline.meeting_group().shown) return;
  // The group was folded or opened by someone else than this function: the user's choice.
  if (timeline.meetings_collapsed() != fold.folded) fold.automatic = false;
  if (!fold.automatic) return;
  // Open last frame: the height every lane needs, the meetings open.
  const float pad = 2 * ImGui::GetStyle().WindowPadding.y;
  if (!timeline.meeting_group().folded)
    fold.open_height = timeline.fitted_height(std::numeric_limits<float>::max()) + pad;
  fold.folded = fold.open_height > pane_most;
  timeline.set_meetings_collapsed(fold.folded);
}

float timeline_default_height(const App& app, float body_h) {
  const TimelineView& timeline = app.panels.timeline;
  if (timeline.layout().empty()) return std::floor(body_h * 0.5f);  // not drawn yet
  float most = 0;
  timeline_height_bounds(body_h, app.scale, most);
  const float pad = 2 * ImGui::GetStyle().WindowPadding.y;
  return std::ceil(timeline.fitted_height(most - pad) + pad);
}

void draw_timeline_area(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.timeline_pos);
  ImGui::SetNextWindowSize(layout.timeline_size);
  ImGui::Begin("TimelineArea", nullptr, kAreaFlags);
  // The tallest the pane may be: the user's height, or the most the default allows.
  float most = 0;
  timeline_height_bounds(layout.nav_size.y, app.scale, most);
  fold_meetings_to_fit(app, app.main_window.timeline_share > 0 ? layout.timeline_size.y : most);
  // The editor's timeline: the provider's (the client view draws its own).
  const Date today = app.today();
  const TimelineIndex& index = app.doc.timeline_index(Audience::Provider, today);
  apply_pending_focus(app, app.panels.timeline, index);
  app.panels.timeline.draw(app.engagement(), index, app.view, app.commands, today);
  draw_health_markers(app, app.doc.findings(Audience::Provider, today));
  ImGui::End();
}

void draw_timeline_picture(App& app, Audience audience) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::Begin("TimelineArea", nullptr, kAreaFlags);
  const Date today = app.today();
  const Engagement& e = app.doc.shown(audience);
  // The title line: what, for whom, as of when.
  if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
  ImGui::TextUnformatted(e.info.name.empty() ? "Untitled engagement" : e.info.name.c_str());
  if (app.fonts.heading) ImGui::PopFont();
  std::string line;
  if (!e.info.client_org.empty()) line = e.info.client_org + "  \xC2\xB7  ";
  line += "as of " + date_text(today);
  ImGui::SameLine(0, ImGui::GetFontSize());
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", line.c_str());
  ImGui::Spacing();
  const TimelineIndex& index = app.doc.timeline_index(audience, today);
  TimelineView& picture = app.panels.picture;
  picture.set_read_only(true);
  apply_pending_focus(app, picture, index);
  // Cropped to its content: as tall as the lanes and the legend it drew last frame.
  const float top = ImGui::GetCursorScreenPos().y - viewport->Pos.y;
  const float avail = ImGui::GetContentRegionAvail().y;
  const float h = picture.layout().empty() ? avail : std::min(avail, picture.fitted_height(avail));
  ImGui::BeginChild("TimelinePicture", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
  picture.draw(e, index, app.view, app.commands, today);
  ImGui::EndChild();
  app.timeline_only_height = top + h + ImGui::GetStyle().WindowPadding.y;
  ImGui::End();
}

}  // namespace rapport::app
