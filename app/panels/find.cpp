// The Find popup.
#include "panels/find.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

namespace rapport::app {

void FindPopup::draw(PanelContext& ctx) {
  const char* title = "Find";
  if (open_requested_) {
    ImGui::OpenPopup(title);
    open_requested_ = false;
    cursor_ = 0;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.15f),
      ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.9f, ImGui::GetFontSize() * 40), 0));
  visible_ = ImGui::BeginPopup(title);
  if (!visible_) return;
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-FLT_MIN);
  bool enter = ImGui::InputTextWithHint("##query", "Find a stakeholder, milestone, task, recap…",
                                        &query_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (query_ != searched_ || !(searched_stamp_ == ctx.stamp)) {
    hits_ = search(ctx.engagement, query_, /*include_internal=*/true, 50);
    searched_ = query_;
    searched_stamp_ = ctx.stamp;
    cursor_ = 0;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
    cursor_ = std::min(cursor_ + 1, int(hits_.size()) - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) cursor_ = std::max(cursor_ - 1, 0);
  auto pick = [&](const SearchHit& h) {
    ctx.view.selection = Selection{h.id, std::nullopt};
    ctx.view.reveal_on_timeline = ctx.view.selection;
    ImGui::CloseCurrentPopup();
  };
  if (enter && !hits_.empty()) pick(hits_[size_t(std::max(cursor_, 0))]);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
  if (!query_.empty() && hits_.empty()) ImGui::TextDisabled("Nothing found.");
  for (size_t i = 0; i < hits_.size(); ++i) {
    const SearchHit& h = hits_[i];
    ImGui::PushID(int(i));
    std::string label = h.name + "  · " + to_string(h.kind);
    if (ImGui::Selectable(label.c_str(), int(i) == cursor_)) pick(h);
    if (int(i) == cursor_ && ImGui::IsItemVisible() == false) ImGui::SetScrollHereY();
    if (h.field != "" && h.snippet != h.name) {
      ImGui::Indent();
      ImGui::TextDisabled("%s: %s", h.field.c_str(), h.snippet.c_str());
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  ImGui::EndPopup();
}

}  // namespace rapport::app
