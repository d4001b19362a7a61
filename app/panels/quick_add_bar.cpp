// The quick-add bar: core parses, this shows the preview or the error under
// the word that is wrong, and queues the commands as one step.
#include "panels/quick_add_bar.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: has the field the keyboard yet
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

#include "rapport/quick_add.hpp"
#include "theme.hpp"

namespace rapport::app {
namespace {
void append_utf8(std::string& s, ImWchar c) {
  if (c < 0x80) {
    s += char(c);
  } else if (c < 0x800) {
    s += char(0xC0 | (c >> 6));
    s += char(0x80 | (c & 0x3F));
  } else {
    s += char(0xE0 | (c >> 12));
    s += char(0x80 | ((c >> 6) & 0x3F));
    s += char(0x80 | (c & 0x3F));
  }
}
}  // namespace

void QuickAddBar::draw(PanelContext& ctx) {
  const char* title = "Quick add";
  if (open_requested_) {
    ImGui::OpenPopup(title);
    open_requested_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.15f),
      ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.9f, ImGui::GetFontSize() * 46), 0));
  if (!ImGui::BeginPopup(title)) return;
  // The field takes the keyboard when the bar opens and again after each line
  // is added: the bar stays open for the next line until Esc.
  if (ImGui::IsWindowAppearing() || refocus_) {
    ImGui::SetKeyboardFocusHere();
    frames_open_ = 0;
    refocus_ = false;
  }
  // Typing may start before the field has taken the keyboard (the frames after
  // the bar opens or a line was added): those characters go into the line
  // before the field is drawn, so the field starts with them and none is
  // dropped or typed twice.
  ImGuiIO& io = ImGui::GetIO();
  if (frames_open_ < 3 && ImGui::GetActiveID() != ImGui::GetID("##line")) {
    for (ImWchar c : io.InputQueueCharacters) append_utf8(line_, c);
    if (!io.InputQueueCharacters.empty()) cursor_to_end_ = true;
    io.InputQueueCharacters.resize(0);
  }
  ++frames_open_;
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImVec2 field_pos = ImGui::GetCursorScreenPos();
  // Called while the field has the keyboard: the first time after characters
  // were kept for it, the cursor goes to the end with nothing selected.
  auto place_cursor = [](ImGuiInputTextCallbackData* data) {
    bool& to_end = *static_cast<bool*>(data->UserData);
    if (to_end) {
      data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
      to_end = false;
    }
    return 0;
  };
  bool enter = ImGui::InputTextWithHint(
      "##line", "meeting \"Weekly check-in\" every friday 16:00 30m", &line_,
      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways, place_cursor,
      &cursor_to_end_);
  auto result = parse_quick_add(ctx.engagement, line_, ctx.today);
  if (auto* q = std::get_if<QuickAdd>(&result)) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().ok);
    ImGui::TextWrapped("Enter adds: %s", q->preview.c_str());
    ImGui::PopStyleColor();
    if (enter) {
      // A logged effort adds nothing: the quota it counts against is selected,
      // so its use shows in the inspector.
      const auto* logged =
          q->commands.empty() ? nullptr : std::get_if<Update<Boundary>>(&q->commands.front());
      if (logged) ctx.view.selection = Selection{logged->item.id, std::nullopt};
      ctx.queue.push_group(q->label, q->commands, /*select_added=*/logged == nullptr);
      line_.clear();
      refocus_ = true;
    }
  } else if (!line_.empty()) {
    const QuickAddError& error = std::get<QuickAddError>(result);
    // Underline the word that is wrong.
    ImGuiStyle& style = ImGui::GetStyle();
    float x0 = field_pos.x + style.FramePadding.x +
               ImGui::CalcTextSize(line_.c_str(), line_.c_str() + error.begin).x;
    float x1 =
        field_pos.x + style.FramePadding.x +
        ImGui::CalcTextSize(line_.c_str(), line_.c_str() + std::max(error.end, error.begin + 1)).x;
    float y = field_pos.y + ImGui::GetFrameHeight() - style.FramePadding.y * 0.5f;
    ImGui::GetForegroundDrawList()->AddLine(ImVec2(x0, y), ImVec2(x1, y), palette().danger, 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextWrapped("%s", error.message.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::TextDisabled(
      "meeting · milestone · cr · task · stakeholder · decision · log   —   Enter adds, Esc "
      "closes");
  if (line_.empty())
    ImGui::TextDisabled("Effort against a quota: log \"homepage v2\" 1 revision round 3 dec");
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace rapport::app
