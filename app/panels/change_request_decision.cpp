// The change-request decision and its reject dialog.
#include "panels/change_request_decision.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <variant>

#include "panels/field_widgets.hpp"

namespace rapport::app {

namespace {
const char* kRejectDialog = "Reject change request###reject_change_request";
}

bool ChangeRequestDecision::decide(const Engagement& e, CommandSink& sink, const ChangeRequest& cr,
                                   ChangeStatus status, Date today, std::string rationale,
                                   std::string alternative) {
  if (status != ChangeStatus::Rejected && status != ChangeStatus::Proposed && rationale.empty())
    rationale = cr.rationale;
  Command c = DecideChangeRequest{
      cr.id, status, today, kNoId, std::move(rationale), std::move(alternative)};
  auto planned = plan(e, c);
  if (auto* refused = std::get_if<Error>(&planned)) {
    error_ = refused->message;
    return false;
  }
  error_.clear();
  sink.push(std::move(c));
  return true;
}

void ChangeRequestDecision::open_reject(const ChangeRequest& cr) {
  target_ = cr.id;
  rationale_ = cr.rationale;
  alternative_ = cr.alternative;
  error_.clear();
  open_requested_ = true;
}

bool ChangeRequestDecision::reject_dialog_open() const {
  return open_requested_ || ImGui::IsPopupOpen(kRejectDialog);
}

void ChangeRequestDecision::draw_reject_dialog(const Engagement& e, CommandSink& sink, Date today) {
  const bool stale = generation_ != sink.generation();
  generation_ = sink.generation();
  if (stale) error_.clear();
  if (open_requested_) {
    ImGui::OpenPopup(kRejectDialog);
    open_requested_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(kRejectDialog, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const ChangeRequest* cr = e.change_requests.find(target_);
  if (!cr) {  // deleted or undone while the dialog was open
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (stale) {
    rationale_ = cr->rationale;
    alternative_ = cr->alternative;
  }
  ImGui::TextDisabled("%s", cr->title.c_str());
  ImGui::TextWrapped(
      "Saying no is fine: give the reason, tied to the goal you agreed, and offer an alternative.");
  const ImVec2 box(ImGui::GetFontSize() * 28, ImGui::GetFontSize() * 4);
  ImGui::TextUnformatted("Why not");
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputTextMultiline("##rationale", &rationale_, box);
  ImGui::TextUnformatted("What we offer instead");
  ImGui::InputTextMultiline("##alternative", &alternative_, box);
  if (!error_.empty()) field_problem(error_);
  if (ImGui::Button("Reject with this reason")) {
    if (decide(e, sink, *cr, ChangeStatus::Rejected, today, rationale_, alternative_))
      ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    error_.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace rapport::app
