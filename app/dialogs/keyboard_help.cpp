// Help ▸ Keyboard shortcuts, written from the table of actions.
#include <imgui.h>

#include "dialogs/dialogs.hpp"
#include "shell/actions.hpp"
#include "shell/app.hpp"

namespace rapport::app {

void draw_keyboard_help(App& app) {
  if (app.main_window.show_shortcuts) {
    ImGui::OpenPopup("Keyboard shortcuts");
    app.main_window.show_shortcuts = false;
  }
  center_next_dialog();
  if (!ImGui::BeginPopupModal("Keyboard shortcuts", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
    draw_keyboard_help_rows();
    ImGui::EndTable();
  }
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace rapport::app
