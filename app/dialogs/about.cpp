// Help ▸ About Rapport.
#include <imgui.h>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"

namespace rapport::app {

void draw_about(App& app) {
  if (app.main_window.show_about) {
    ImGui::OpenPopup("About Rapport");
    app.main_window.show_about = false;
  }
  center_next_dialog();
  if (!ImGui::BeginPopupModal("About Rapport", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (app.fonts.heading) ImGui::PushFont(app.fonts.heading);
  ImGui::TextUnformatted("Rapport " RAPPORT_VERSION_STRING);
  if (app.fonts.heading) ImGui::PopFont();
  ImGui::TextUnformatted("A planner for client engagements.");
  ImGui::TextDisabled("Dear ImGui %s · font: %s", IMGUI_VERSION,
                      app.fonts.family.empty() ? "default" : app.fonts.family.c_str());
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace rapport::app
