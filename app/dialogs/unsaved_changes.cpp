// "Save the changes first?" before New, Open or Quit with unsaved changes.
#include <imgui.h>

#include <filesystem>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"

namespace rapport::app {

void draw_unsaved_changes(App& app) {
  Panels& p = app.panels;
  const char* title = "Unsaved changes";
  if (p.pending != PendingAction::None && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  center_next_dialog();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  std::string name = app.file_path().empty()
                         ? "Untitled"
                         : std::filesystem::path(app.file_path()).filename().string();
  ImGui::Text("Save the changes to “%s” first?", name.c_str());
  ImGui::TextDisabled("If you don't, they are lost.");
  auto close = [&] {
    p.pending = PendingAction::None;
    ImGui::CloseCurrentPopup();
  };
  // The user has answered: go on without asking again.
  auto proceed = [&] {
    PendingAction action = p.pending;
    std::string path = p.pending_path;
    close();
    app.request(action, path, /*ask=*/false);
  };
  if (ImGui::Button("Save")) {
    std::string error;
    if (app.file_path().empty()) {
      close();
      start_save_as(app);
    } else if (save_file(app, app.file_path(), error)) {
      proceed();
    } else {
      close();  // the error dialog says why; nothing is lost
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Don't save")) {
    if (p.pending == PendingAction::Quit) app.discard_unsaved_on_exit = true;
    proceed();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) close();
  ImGui::EndPopup();
}

}  // namespace rapport::app
