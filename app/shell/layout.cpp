// The fixed layout's geometry.
#include "shell/layout.hpp"

#include <algorithm>
#include <cmath>

namespace rapport::app {

float timeline_height_bounds(float body_h, float scale, float& at_most) {
  at_most = std::floor(body_h * kTimelineMostShare);
  return std::min(at_most, std::floor(std::max(120.0f * scale, body_h * kTimelineLeastShare)));
}

Layout compute_layout(ImVec2 origin, ImVec2 size, float scale, float status_height,
                      float timeline_height) {
  Layout l;
  float nav_w = std::min(230.0f * scale, size.x * 0.35f);
  float body_h = std::max(0.0f, size.y - status_height);
  float most = 0;
  const float least = timeline_height_bounds(body_h, scale, most);
  float timeline_h = timeline_height > 0 ? std::floor(std::clamp(timeline_height, least, most))
                                         : std::floor(body_h * 0.5f);
  float right_w = size.x - nav_w;
  float inspector_w = std::floor(
      std::clamp(right_w * 0.38f, std::min(300.0f * scale, right_w * 0.5f), 520.0f * scale));
  l.nav_pos = origin;
  l.nav_size = ImVec2(nav_w, body_h);
  l.timeline_pos = ImVec2(origin.x + nav_w, origin.y);
  l.timeline_size = ImVec2(right_w, timeline_h);
  l.section_pos = ImVec2(origin.x + nav_w, origin.y + timeline_h);
  l.section_size = ImVec2(right_w - inspector_w, body_h - timeline_h);
  l.inspector_pos = ImVec2(origin.x + nav_w + right_w - inspector_w, origin.y + timeline_h);
  l.inspector_size = ImVec2(inspector_w, body_h - timeline_h);
  l.status_pos = ImVec2(origin.x, origin.y + body_h);
  l.status_size = ImVec2(size.x, status_height);
  return l;
}

std::optional<float> draw_timeline_splitter(const Layout& layout, float scale) {
  const float grip = std::max(6.0f, 6.0f * scale);
  const ImVec2 pos(layout.timeline_pos.x,
                   layout.timeline_pos.y + layout.timeline_size.y - grip * 0.5f);
  const ImVec2 size(layout.timeline_size.x, grip);
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
  ImGui::Begin("TimelineSplitter", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::SetCursorScreenPos(pos);
  ImGui::InvisibleButton("##timeline_splitter", size);
  std::optional<float> chosen;
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  if (hovered || active) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    const float y = pos.y + grip * 0.5f;
    ImGui::GetWindowDrawList()->AddLine(
        ImVec2(pos.x, y), ImVec2(pos.x + size.x, y),
        ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_SeparatorHovered),
        2.0f * scale);
    ImGui::SetTooltip("Drag to resize the timeline, double-click for its default height");
  }
  if (hovered && ImGui::IsMouseDoubleClicked(0)) {
    chosen = 0.0f;  // back to the default
  } else if (active && ImGui::GetIO().MouseDelta.y != 0) {
    chosen = std::max(1.0f, layout.timeline_size.y + ImGui::GetIO().MouseDelta.y);
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  return chosen;
}

}  // namespace rapport::app
