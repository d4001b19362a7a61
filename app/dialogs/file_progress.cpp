// While a large file opens or saves on a worker thread, the window keeps
// drawing and a small modal says what is happening.
#include <imgui.h>

#include <filesystem>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"

namespace rapport::app {

void draw_file_progress(App& app) {
  std::shared_ptr<FileJob> job = app.job;
  if (!job) return;
  if (!ImGui::IsPopupOpen("###filejob")) ImGui::OpenPopup("###filejob");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  const char* doing = job->kind == FileJob::Kind::Save   ? "Saving"
                      : job->kind == FileJob::Kind::Open ? "Opening"
                                                         : "Importing";
  std::string title = std::string(doing) + "###filejob";
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  float t = float(monotonic_seconds() - job->started);
  ImVec2 c = ImGui::GetCursorScreenPos();
  float r = ImGui::GetFontSize() * 0.6f;
  ImGui::Dummy(ImVec2(r * 2.5f, r * 2.5f));
  ImGui::GetWindowDrawList()->PathArcTo(ImVec2(c.x + r * 1.2f, c.y + r * 1.2f), r, t * 6.0f,
                                        t * 6.0f + 4.5f, 24);
  ImGui::GetWindowDrawList()->PathStroke(palette().accent, 0, r * 0.35f);
  ImGui::SameLine();
  std::string name = std::filesystem::path(job->path).filename().string();
  if (job->kind == FileJob::Kind::Save)
    ImGui::Text("Saving “%s”… %.0f s", name.c_str(), t);
  else
    ImGui::Text("%s “%s” (%.1f MB)… %.0f s", doing, name.c_str(), double(job->bytes) / 1e6, t);
  // An import changes nothing until it is done: it can be stopped.
  if (job->kind == FileJob::Kind::Import &&
      (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) {
    cancel_file_job(app);
    ImGui::CloseCurrentPopup();
  }
  if (job->done) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace rapport::app
