// See pill.hpp.
#include "panels/pill.hpp"

#include "fonts.hpp"
#include "theme.hpp"

namespace rapport::app {

ImU32 tone_colour(Tone t) {
  const Palette& p = palette();
  switch (t) {
    case Tone::Good:
      return p.ok;
    case Tone::Warn:
      return p.warning;
    case Tone::Late:
      return p.danger;
    case Tone::Muted:
      return p.muted_text;
    case Tone::Plain:
      break;
  }
  return ImGui::GetColorU32(ImGuiCol_Text);
}

void pill(const std::string& text, Tone tone, bool may_wrap) {
  if (text.empty()) return;
  const ImU32 colour = tone_colour(tone);
  auto words = [&] {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (may_wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    if (may_wrap) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  };
  if (tone == Tone::Plain || tone == Tone::Muted) return words();
  const float s = ImGui::GetFontSize() / kBaseFontPixels;
  const float pad = 6 * s;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  if (may_wrap && size.x + 2 * pad > ImGui::GetContentRegionAvail().x) return words();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  // An opaque tint of the tone over the window's background: the pill reads the
  // same on a selected or hovered row as on a plain one.
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  const float t = 0.14f;
  const ImVec4 tint(c.x * t + bg.x * (1 - t), c.y * t + bg.y * (1 - t), c.z * t + bg.z * (1 - t),
                    1);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad, p.y + size.y + 2 * s),
                      ImGui::GetColorU32(tint), size.y);
  draw->AddText(ImVec2(p.x + pad, p.y + s), colour, text.c_str());
  ImGui::Dummy(ImVec2(size.x + 2 * pad, size.y + 2 * s));
}

}  // namespace rapport::app
