// The Conflicts section's body: conflicts_panel.hpp.
#include "panels/conflicts_panel.hpp"

#include <imgui.h>

#include <string>

#include "rapport/merge.hpp"
#include "theme.hpp"

namespace rapport::app {

namespace {

void value_cell(const std::string& text) {
  ImGui::TableNextColumn();
  if (text.empty())
    ImGui::TextDisabled("(empty)");
  else
    ImGui::TextWrapped("%s", text.c_str());
}

}  // namespace

ConflictsPanelResult draw_conflicts(PanelContext& ctx) {
  ConflictsPanelResult result;
  const Engagement& e = ctx.engagement;
  if (e.conflicts.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped(
        "No conflicts. When a merge (git pull, a synced folder's conflict copy, or the file "
        "changed on disk while you edited it) finds the same thing changed two ways, it is "
        "listed here with both values, for you to keep one or edit it.");
    return result;
  }
  ImGui::TextWrapped(
      "Two people changed these while apart. The engagement holds mine until you choose; each "
      "choice is one step that Undo takes back.");
  if (!ctx.view.last_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextWrapped("%s", ctx.view.last_error.c_str());
    ImGui::PopStyleColor();
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("conflicts", 5, flags)) return result;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Item and field", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("Base", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Mine", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Theirs", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float buttons = ImGui::CalcTextSize("Keep mine").x + ImGui::CalcTextSize("Keep theirs").x +
                        ImGui::CalcTextSize("Edit…").x + style.FramePadding.x * 6 +
                        style.ItemSpacing.x * 2 + em * 0.5f;
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, buttons);
  ImGui::TableHeadersRow();
  for (size_t i = 0; i < e.conflicts.size(); ++i) {
    const Conflict& c = e.conflicts[i];
    ImGui::PushID(int(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", conflict_title(e, c).c_str());
    value_cell(c.base);
    value_cell(c.mine);
    value_cell(c.theirs);
    ImGui::TableNextColumn();
    ResolveConflict key{c.on_info, c.kind, c.item, c.field, false};
    if (ImGui::SmallButton("Keep mine")) ctx.queue.push(key);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keep “%s”", c.mine.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Keep theirs")) {
      key.keep_theirs = true;
      ctx.queue.push(key);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Take “%s”", c.theirs.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Edit…")) {
      if (c.on_info) {
        result.edit_details = true;
      } else {
        ctx.view.selection = Selection{c.item, std::nullopt};
        ctx.view.reveal_on_timeline = ctx.view.selection;
      }
    }
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          c.field == "deleted" || c.field == "other"
              ? "Open it in the inspector; then keep one side here."
              : "Open it in the inspector: changing this field settles the conflict.");
    ImGui::PopID();
  }
  ImGui::EndTable();
  return result;
}

}  // namespace rapport::app
