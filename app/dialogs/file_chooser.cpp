// The file dialog (Open, Save as, Export, Import): what it was opened for
// decides what the chosen path is used for (shell/files.cpp).
#include <imgui.h>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"

namespace rapport::app {

void draw_file_chooser(App& app) {
  if (auto chosen = app.panels.file_dialog.draw()) use_chosen_file(app, *chosen);
}

void center_next_dialog() {
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
}

}  // namespace rapport::app
