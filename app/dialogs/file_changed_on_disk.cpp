// The file changed on disk since it was opened: merge, overwrite, save as, or cancel.
#include <imgui.h>

#include <filesystem>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"

namespace rapport::app {

void draw_file_changed_on_disk(App& app) {
  const char* title = "File changed on disk";
  if (app.panels.confirm_overwrite) {
    ImGui::OpenPopup(title);
    app.panels.confirm_overwrite = false;
  }
  center_next_dialog();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  std::string name = std::filesystem::path(app.file_path()).filename().string();
  ImGui::Text("“%s” was changed by someone or something else since you opened it.", name.c_str());
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
  ImGui::TextDisabled(
      "Merge brings their changes into yours (unsaved until you save; where both changed the "
      "same thing, Conflicts lists it). Overwriting replaces their changes with yours. Save as… "
      "keeps both.");
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Merge")) {
    merge_file_on_disk(app);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Overwrite")) {
    std::string error;
    save_file(app, app.file_path(), error);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Save as…")) {
    ImGui::CloseCurrentPopup();
    start_save_as(app);
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace rapport::app
