// Timeline colours from the theme: the semantic colours of theme.hpp, with tints
// chosen by whether the window background is light or dark.
#include "timeline/timeline_palette.hpp"

#include "theme.hpp"

namespace rapport::app {

ImU32 lane_background(const TimelinePalette& pal, int lane_index) {
  if (lane_index % 2 == 0) return pal.canvas | IM_COL32_A_MASK;
  // The canvas with 2.5 % of the text colour over it.
  return mix_colours(pal.canvas, pal.text, 0.025f);
}

TimelinePalette timeline_palette() {
  const Palette& p = palette();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImVec4 bg = style.Colors[ImGuiCol_WindowBg];
  bool dark = 0.299f * bg.x + 0.587f * bg.y + 0.114f * bg.z < 0.5f;
  ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  ImU32 shade = dark ? IM_COL32(255, 255, 255, 0) : IM_COL32(0, 0, 0, 0);

  TimelinePalette t{};
  t.dark = dark;
  t.canvas = p.canvas;
  t.text = text;
  t.muted_text = p.muted_text;
  t.grid = p.grid;
  t.grid_major = with_alpha(text, 0.22f);
  t.header_bg = ImGui::GetColorU32(ImGuiCol_WindowBg);
  t.header_border = ImGui::GetColorU32(ImGuiCol_Border);
  t.axis_bg = ImGui::GetColorU32(ImGuiCol_WindowBg);
  t.weekend = with_alpha(shade, dark ? 0.045f : 0.045f);
  t.off_hours = with_alpha(shade, dark ? 0.06f : 0.05f);
  // A blackout is agreed, not a warning: a neutral band, not amber.
  t.blackout = with_alpha(p.muted_text, dark ? 0.38f : 0.30f);
  t.blackout_band = with_alpha(p.muted_text, dark ? 0.12f : 0.10f);
  t.blackout_text = text;
  t.today = p.accent;
  t.selection = p.accent;
  t.drag_preview = with_alpha(p.accent, 0.85f);
  t.meeting = p.meeting;
  t.meeting_planned = with_alpha(p.meeting, 0.45f);
  t.meeting_cancelled = p.muted_text;  // resolved: it will not happen
  t.milestone = p.milestone;
  t.milestone_done = with_alpha(p.ok, 0.6f);  // done is muted
  t.milestone_missed = p.danger;
  t.milestone_progress = p.accent;
  t.ghost = with_alpha(text, 0.45f);
  t.change_proposed = p.warning;
  t.change_approved = p.ok;
  t.change_rejected = p.muted_text;  // resolved, not broken: grey
  t.change_deferred = with_alpha(p.muted_text, 0.5f);
  t.task = p.client;
  t.task_done = with_alpha(p.ok, 0.55f);
  t.task_overdue = p.danger;
  t.overdue_tail = p.danger;
  t.conflict = p.danger;
  t.warning = p.warning;
  t.merged = with_alpha(text, dark ? 0.28f : 0.22f);
  t.merged_text = text;
  return t;
}

}  // namespace rapport::app
