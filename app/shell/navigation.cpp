// The section list on the left, from the table of screens, with item counts.
#include <imgui.h>

#include <cstdio>

#include "shell/app.hpp"
#include "shell/layout.hpp"

namespace rapport::app {

void draw_navigation(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.nav_pos);
  ImGui::SetNextWindowSize(layout.nav_size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  ImGui::Begin("Navigation", nullptr, kAreaFlags);

  const Engagement& e = app.engagement();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted("ENGAGEMENT");
  ImGui::PopStyleColor();
  ImGui::Spacing();

  const float row_height = ImGui::GetFrameHeight() + 2.0f * app.scale;
  for (const Screen& s : screens()) {
    bool selected = app.main_window.section == s.section;
    if (!selected && !listed(s, e)) continue;
    ImGui::PushID(int(s.section));
    ImVec2 row_start = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##section", selected, 0, ImVec2(0, row_height)))
      app.main_window.section = s.section;
    // Title and count are drawn over the selectable so the count can align right.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float text_y = row_start.y + (row_height - ImGui::GetTextLineHeight()) * 0.5f;
    float pad = ImGui::GetStyle().FramePadding.x;
    // The selected row is marked by its tint and an accent bar; its title stays in
    // the body colour, which reads on the tint in every theme.
    if (selected)
      draw->AddRectFilled(row_start,
                          ImVec2(row_start.x + 3.0f * app.scale, row_start.y + row_height),
                          palette().accent);
    draw->AddText(ImVec2(row_start.x + pad, text_y), ImGui::GetColorU32(ImGuiCol_Text), s.title);
    if (size_t n = item_count(s, e); n > 0) {
      char count[24];
      std::snprintf(count, sizeof count, "%zu", n);
      float w = ImGui::CalcTextSize(count).x;
      float right = row_start.x + ImGui::GetContentRegionAvail().x - pad;
      draw->AddText(ImVec2(right - w, text_y), palette().muted_text, count);
    }
    ImGui::PopID();
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace rapport::app
