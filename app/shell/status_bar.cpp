// The editor's status bar: the file and whether it is saved, health at a glance
// (a click opens Health), the last message, and on the right the theme and zoom.
// (The client view has no status bar: client/client_view.cpp.)
#include <imgui.h>

#include <cstdio>
#include <string>

#include "shell/app.hpp"
#include "shell/layout.hpp"

namespace rapport::app {

void draw_status_bar(App& app, const Layout& layout) {
  ImGui::SetNextWindowPos(layout.status_pos);
  ImGui::SetNextWindowSize(layout.status_size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().status_bar);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                      ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().FramePadding.y));
  ImGui::Begin("StatusBar", nullptr, kAreaFlags);
  ImGui::TextUnformatted(app.file_path().empty() ? "Not saved yet" : app.file_path().c_str());
  if (app.doc.dirty()) {
    ImGui::SameLine(0, 4);
    ImGui::TextDisabled("(unsaved)");
  }
  // Just after a large file opened, an edit waits while the background worker
  // takes its copy of the engagement (Document::copying): say so.
  if (app.doc.copying() && app.doc.has_pending()) {
    ImGui::SameLine(0, 4);
    ImGui::TextDisabled("(applying your change…)");
  }
  ImGui::SameLine();
  // Health at a glance, for the audience looking; a click opens the Health section.
  const std::string& summary = app.doc.health_summary(Audience::Provider, app.today());
  bool worrying = summary.rfind("No findings", 0) != 0;
  std::string line = "·  " + summary;
  if (app.doc.health_pending()) line += "  (checking…)";
  ImGui::PushStyleColor(ImGuiCol_Text, worrying ? palette().warning : palette().ok);
  if (ImGui::Selectable(line.c_str(), false, 0, ImGui::CalcTextSize(line.c_str())))
    app.main_window.section = Section::Health;
  ImGui::PopStyleColor();
  // Conflicts a merge left to settle; a click opens the Conflicts section.
  if (size_t n = app.engagement().conflicts.size(); n > 0) {
    ImGui::SameLine();
    std::string conflicts = "·  " + std::to_string(n) + (n == 1 ? " conflict" : " conflicts");
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
    if (ImGui::Selectable(conflicts.c_str(), false, 0, ImGui::CalcTextSize(conflicts.c_str())))
      app.main_window.section = Section::Conflicts;
    ImGui::PopStyleColor();
  }
  // Occurrence expansion is bounded (memory follows the file, not the centuries
  // a series spans): say so when the timeline shows only the part nearest today.
  if (size_t cut = app.doc.timeline_index(Audience::Provider, app.today()).truncated_lanes();
      cut > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("·  %zu meeting series show only their occurrences nearest today", cut);
  }
  if (!app.main_window.status_message.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("·  %s", app.main_window.status_message.c_str());
  }
  char right[96] = "";
  std::snprintf(right, sizeof right, "%s  ·  %s theme  ·  %d%%",
                app.fonts.family.empty() ? "default font" : app.fonts.family.c_str(),
                app.effective_theme() == Theme::Dark           ? "Dark"
                : app.effective_theme() == Theme::HighContrast ? "High-contrast"
                                                               : "Light",
                static_cast<int>(app.effective_ui_scale() * 100.0f + 0.5f));
  // Right-aligned, only where it does not cover what is on the left.
  float w = ImGui::CalcTextSize(right).x;
  float used =
      ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x * 4;
  float x = ImGui::GetWindowWidth() - w - ImGui::GetStyle().WindowPadding.x;
  if (right[0] && x > used) {
    ImGui::SameLine(x);
    ImGui::TextDisabled("%s", right);
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace rapport::app
