// The occurrence-cancel dialog.
#include "panels/occurrence_cancel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "rapport/time.hpp"

namespace rapport::app {

namespace {
const char* kDialog = "Cancel meeting###cancel_occurrence";

bool has_words(const std::string& s) { return s.find_first_not_of(" \t\r\n") != std::string::npos; }
}  // namespace

Command cancel_occurrence(const MeetingSeries& series, Date original, std::string reason, Side by) {
  OccurrenceOverride value;
  if (auto o = series.overrides.find(original); o != series.overrides.end()) value = o->second;
  value.state = OccurrenceState::Cancelled;
  value.cancel_reason = std::move(reason);
  value.cancelled_by = by;
  return SetOccurrence{series.id, original, value};
}

void CancelOccurrenceDialog::open(Id series, Date original) {
  series_ = series;
  original_ = original;
  reason_.clear();
  open_requested_ = true;
}

void CancelOccurrenceDialog::draw(const Engagement& e, CommandSink& sink) {
  if (open_requested_) {
    ImGui::OpenPopup(kDialog);
    open_requested_ = false;
  }
  if (!ImGui::BeginPopup(kDialog)) return;
  const MeetingSeries* series = e.meetings.find(series_);
  if (!series) {  // deleted or undone while the dialog was open
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::TextUnformatted("Why was this meeting cancelled?");
  ImGui::TextDisabled("%s, %s", series->title.c_str(), date_text(original_).c_str());
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputText("Reason", &reason_);
  ImGui::RadioButton("Client cancelled", &cancelled_by_, 0);
  ImGui::SameLine();
  ImGui::RadioButton("We cancelled", &cancelled_by_, 1);
  bool ok = has_words(reason_);
  if (!ok) ImGui::BeginDisabled();
  if (ImGui::Button("Cancel meeting")) {
    sink.push(cancel_occurrence(*series, original_, reason_,
                                cancelled_by_ == 0 ? Side::Client : Side::Provider));
    ImGui::CloseCurrentPopup();
  }
  if (!ok) ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Keep it")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace rapport::app
