// File ▸ Import ▸ MS Project XML: the plan read from the file, one row per
// task with what it becomes (the defaults of import.hpp, changeable), the
// resources that may become stakeholders and the calendar's blackouts.
// Nothing is added until Import; Cancel (or Escape) leaves the engagement as it was.
#include <imgui.h>

#include <filesystem>
#include <string>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"

namespace rapport::app {

void draw_mspdi_preview(App& app) {
  const char* title = "Import MS Project plan";
  if (app.panels.mspdi_preview && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  center_next_dialog();
  ImGui::SetNextWindowSize(ImVec2(760 * app.scale, 520 * app.scale), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(title, nullptr)) return;
  if (!app.panels.mspdi_preview) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  MspdiPlan& plan = app.panels.mspdi_preview->plan;
  std::string name = std::filesystem::path(app.panels.mspdi_preview->path).filename().string();
  ImGui::Text("“%s”: %zu tasks, %zu resources, %zu calendar exceptions.", name.c_str(),
              plan.tasks.size(), plan.resources.size(), plan.blackouts.size());
  ImGui::TextDisabled("Choose what each task becomes. Nothing is added until Import.");
  const float footer = ImGui::GetFrameHeightWithSpacing() * 1.5f;
  if (ImGui::BeginChild("##mspdi-rows", ImVec2(0, -footer))) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::CollapsingHeader("Tasks", ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTable("##tasks", 4, flags, ImVec2(0, 260 * app.scale))) {
      ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_WidthStretch, 3.0f);
      ImGui::TableSetupColumn("Dates", ImGuiTableColumnFlags_WidthStretch, 2.0f);
      ImGui::TableSetupColumn("Becomes", ImGuiTableColumnFlags_WidthStretch, 1.6f);
      ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.8f);
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableHeadersRow();
      ImGuiListClipper clipper;
      clipper.Begin(int(plan.tasks.size()));
      while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
          MspdiTask& t = plan.tasks[size_t(i)];
          ImGui::PushID(i);
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::Indent(float(t.outline_level - 1) * 12 * app.scale);
          ImGui::TextUnformatted(t.name.empty() ? "(no name)" : t.name.c_str());
          ImGui::Unindent(float(t.outline_level - 1) * 12 * app.scale);
          ImGui::TableNextColumn();
          std::string dates =
              t.start == t.finish ? t.start.iso() : t.start.iso() + " – " + t.finish.iso();
          ImGui::TextUnformatted(dates.c_str());
          ImGui::TableNextColumn();
          ImGui::SetNextItemWidth(-1);
          if (ImGui::BeginCombo("##role", to_string(t.role))) {
            for (MspdiRole r :
                 {MspdiRole::Skip, MspdiRole::Milestone, MspdiRole::ClientTask, MspdiRole::Phase})
              if (ImGui::Selectable(to_string(r), t.role == r)) t.role = r;
            ImGui::EndCombo();
          }
          ImGui::TableNextColumn();
          if (t.updates) ImGui::TextDisabled("updates");
          ImGui::PopID();
        }
      ImGui::EndTable();
    }
    if (!plan.resources.empty() && ImGui::CollapsingHeader("Resources")) {
      for (size_t i = 0; i < plan.resources.size(); ++i) {
        MspdiResource& r = plan.resources[i];
        ImGui::PushID(int(i));
        std::string label = r.name + (r.client ? "  (client side)" : "  (provider side)") +
                            (r.updates ? ", already a stakeholder" : "");
        ImGui::Checkbox(label.c_str(), &r.as_stakeholder);
        ImGui::PopID();
      }
    }
    if (!plan.blackouts.empty() && ImGui::CollapsingHeader("Blackouts")) {
      for (size_t i = 0; i < plan.blackouts.size(); ++i) {
        MspdiBlackout& b = plan.blackouts[i];
        ImGui::PushID(int(i) + 100000);
        std::string label = b.name + "  " + b.from.iso() + " – " + b.to.iso();
        ImGui::Checkbox(label.c_str(), &b.import);
        ImGui::PopID();
      }
    }
    for (const std::string& w : plan.warnings) ImGui::TextWrapped("%s", w.c_str());
  }
  ImGui::EndChild();
  if (ImGui::Button("Import")) {
    import_mspdi_preview(app);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    app.panels.mspdi_preview.reset();
    app.main_window.status_message = "Import cancelled: nothing changed.";
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace rapport::app
