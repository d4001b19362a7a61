// A sync tool left a conflict copy beside the file just opened: merge it into
// the open engagement, or not; once merged, move the copy aside or leave it.
// Never merged without asking, never deleted.
#include <imgui.h>

#include <filesystem>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"

namespace rapport::app {

void draw_conflict_copy_offer(App& app) {
  const char* title = "Conflict copy found###conflict-copy";
  // One dialog at a time: the recovery offer and errors come first.
  const bool waiting = !app.panels.conflict_copies.empty() && app.panels.recovery.empty() &&
                       app.error_message.empty() && !busy(app);
  if (waiting && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  center_next_dialog();
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (app.panels.conflict_copies.empty()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const SyncedCopy& copy = app.panels.conflict_copies.front();
  const std::string copy_name = std::filesystem::path(copy.path).filename().string();
  const std::string name = std::filesystem::path(app.file_path()).filename().string();
  const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
  if (!copy.merged) {
    ImGui::Text("%s left a conflict copy of “%s” beside it:", to_string(copy.tool), name.c_str());
    ImGui::Text("“%s”", copy_name.c_str());
    ImGui::TextDisabled(
        "Someone saved the engagement while this file was being changed elsewhere. Merging "
        "brings in what the copy added and changed; where both changed the same thing, the "
        "Conflicts section lists it. Undo takes the merge back.");
    if (ImGui::Button("Merge the copy (Enter)") || enter) {
      merge_conflict_copy(app);
    } else {
      ImGui::SameLine();
      if (ImGui::Button("Not now") || escape) {
        skip_conflict_copy(app);
        app.main_window.status_message = "Conflict copy left as it is: nothing merged.";
        ImGui::CloseCurrentPopup();
      }
    }
  } else {
    ImGui::Text("Merged “%s”.", copy_name.c_str());
    ImGui::TextDisabled(
        "Move the copy aside so it is not offered again? It is renamed to “%s.merged” in the "
        "same folder, not deleted.",
        copy_name.c_str());
    if (ImGui::Button("Move it aside (Enter)") || enter) {
      move_conflict_copy_aside(app);
      ImGui::CloseCurrentPopup();
    } else {
      ImGui::SameLine();
      if (ImGui::Button("Leave it") || escape) {
        skip_conflict_copy(app);
        ImGui::CloseCurrentPopup();
      }
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::EndPopup();
}

}  // namespace rapport::app
