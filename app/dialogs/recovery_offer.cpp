// After a crash: restore the changes that were kept automatically, or discard them.
#include <imgui.h>

#include <filesystem>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"

namespace rapport::app {

void draw_recovery_offer(App& app) {
  const char* title = "Recover unsaved changes";
  if (!app.panels.recovery.empty() && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  center_next_dialog();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  std::string name = app.file_path().empty()
                         ? "Untitled"
                         : std::filesystem::path(app.file_path()).filename().string();
  ImGui::Text("Rapport found changes to “%s” that were never saved.", name.c_str());
  ImGui::TextDisabled("They were kept automatically before Rapport stopped unexpectedly.");
  if (ImGui::Button("Restore them (Enter)") ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)) {
    restore_recovery(app);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Discard them")) {
    discard_offered_recovery(app);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace rapport::app
