// Errors from opening, saving, exporting or importing, in words a person can act on.
#include <imgui.h>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"

namespace rapport::app {

void draw_error(App& app) {
  if (!app.error_message.empty() && !ImGui::IsPopupOpen("###error")) ImGui::OpenPopup("###error");
  center_next_dialog();
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
  std::string title =
      (app.error_title.empty() ? std::string("Something went wrong") : app.error_title) +
      "###error";
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
  ImGui::TextUnformatted(app.error_message.c_str());
  ImGui::PopTextWrapPos();
  ImGui::TextDisabled("Your engagement is as it was.");
  if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    app.error_message.clear();
    app.error_title.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace rapport::app
