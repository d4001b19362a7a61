// The selected section below the timeline (its title, the sentence that says
// what it is for, and its body from the table of screens), the inspector beside
// it, and the Find and Quick add popups that float over both.
#include <imgui.h>

#include "shell/app.hpp"
#include "shell/layout.hpp"

namespace rapport::app {

namespace {
void heading(const App& app, const char* text) {
  if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
  ImGui::TextUnformatted(text);
  if (app.fonts.heading) ImGui::PopFont();
}
}  // namespace

void draw_section_area(App& app, const Layout& layout) {
  // The inspector shows only while something is selected; otherwise the
  // section takes its width too.
  const bool inspecting = !app.view.selection.empty();
  ImVec2 section_size = layout.section_size;
  if (!inspecting)
    section_size.x = layout.inspector_pos.x + layout.inspector_size.x - layout.section_pos.x;
  ImGui::SetNextWindowPos(layout.section_pos);
  ImGui::SetNextWindowSize(section_size);
  ImGui::Begin("SectionArea", nullptr, kAreaFlags);
  const Screen& s = screen(app.main_window.section);
  heading(app, s.title);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", s.description);
  s.draw(app);
  ImGui::End();

  PanelContext ctx = app.context();
  if (inspecting) {
    ImGui::SetNextWindowPos(layout.inspector_pos);
    ImGui::SetNextWindowSize(layout.inspector_size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().panel);
    ImGui::Begin("Inspector", nullptr, kAreaFlags & ~ImGuiWindowFlags_NoScrollbar);
    app.panels.inspector.draw(ctx);
    ImGui::End();
    ImGui::PopStyleColor();
  }

  app.panels.find.draw(ctx);
  app.panels.quick_add.draw(ctx);
}

}  // namespace rapport::app
