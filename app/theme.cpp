// Light and dark themes; see theme.hpp. Colours are picked by hand: calm neutrals, one
// blue accent, and status colours readable on both backgrounds.
#include "theme.hpp"

#include <cstring>

namespace rapport::app {
namespace {

Theme g_theme = Theme::Light;

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

ImU32 u32(unsigned hex, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(rgb(hex, alpha));
}

const Palette& light_palette() {
  static const Palette p = {
      u32(0x2F5BD8), u32(0x2F5BD8, 0.14f), u32(0x0B7468), u32(0x6B4FD8), u32(0x475569),
      u32(0x2F5BD8), u32(0x17683A),        u32(0x7F4E00), u32(0xA8231B), u32(0x545C6B),
      u32(0xFFFFFF), u32(0xE8EBF0),        u32(0xFBFBFC), u32(0xF0F2F5),
  };
  return p;
}

const Palette& dark_palette() {
  static const Palette p = {
      u32(0x7FA2FF), u32(0x7FA2FF, 0.20f), u32(0x3CC4B4), u32(0xA08CFF), u32(0xB8C2D1),
      u32(0x7FA2FF), u32(0x5FD08F),        u32(0xF0C060), u32(0xFF8A80), u32(0xA7AFBD),
      u32(0x1F232A), u32(0x2D323B),        u32(0x1A1D22), u32(0x16181C),
  };
  return p;
}

const Palette& high_contrast_palette() {
  static const Palette p = {
      u32(0x0038B8), u32(0x0038B8, 0.22f), u32(0x005A4F), u32(0x4A2DB8), u32(0x1F2937),
      u32(0x0038B8), u32(0x004D20),        u32(0x5C3B00), u32(0x8E001A), u32(0x2B2B2B),
      u32(0xFFFFFF), u32(0xA0A0A0),        u32(0xFFFFFF), u32(0xE6E6E6),
  };
  return p;
}

void set_sizes(ImGuiStyle& s) {
  s.WindowPadding = ImVec2(14, 12);
  s.FramePadding = ImVec2(8, 5);
  s.CellPadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
  s.ItemInnerSpacing = ImVec2(6, 5);
  s.IndentSpacing = 18;
  s.ScrollbarSize = 12;
  s.GrabMinSize = 10;
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 1;
  s.PopupBorderSize = 1;
  s.FrameBorderSize = 0;
  s.WindowRounding = 0;
  s.ChildRounding = 6;
  s.FrameRounding = 5;
  s.PopupRounding = 6;
  s.ScrollbarRounding = 6;
  s.GrabRounding = 4;
  s.TabRounding = 5;
  s.SelectableTextAlign = ImVec2(0, 0.5f);
}

void set_light_colors(ImVec4* c) {
  const ImVec4 accent = rgb(0x2F5BD8);
  c[ImGuiCol_Text] = rgb(0x1E2330);
  c[ImGuiCol_TextDisabled] = rgb(0x545C6B);
  c[ImGuiCol_WindowBg] = rgb(0xF5F6F8);
  c[ImGuiCol_ChildBg] = rgb(0xFFFFFF);
  c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
  c[ImGuiCol_Border] = rgb(0xDCE0E6);
  c[ImGuiCol_BorderShadow] = rgb(0x000000, 0);
  c[ImGuiCol_FrameBg] = rgb(0xEDF0F4);
  c[ImGuiCol_FrameBgHovered] = rgb(0xE3E8EF);
  c[ImGuiCol_FrameBgActive] = rgb(0xD7DFEA);
  c[ImGuiCol_TitleBg] = rgb(0xEDF0F4);
  c[ImGuiCol_TitleBgActive] = rgb(0xE3E8EF);
  c[ImGuiCol_TitleBgCollapsed] = rgb(0xEDF0F4);
  c[ImGuiCol_MenuBarBg] = rgb(0xFFFFFF);
  c[ImGuiCol_ScrollbarBg] = rgb(0x000000, 0);
  c[ImGuiCol_ScrollbarGrab] = rgb(0xC8CED8);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xB3BBC7);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(0x9CA6B5);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = rgb(0x2552C9);
  c[ImGuiCol_Button] = rgb(0xE9EDF2);
  c[ImGuiCol_ButtonHovered] = rgb(0x3565E8, 0.18f);
  c[ImGuiCol_ButtonActive] = rgb(0x3565E8, 0.32f);
  c[ImGuiCol_Header] = rgb(0x3565E8, 0.13f);
  c[ImGuiCol_HeaderHovered] = rgb(0x3565E8, 0.08f);
  c[ImGuiCol_HeaderActive] = rgb(0x3565E8, 0.22f);
  c[ImGuiCol_Separator] = rgb(0xDCE0E6);
  c[ImGuiCol_SeparatorHovered] = rgb(0x3565E8, 0.6f);
  c[ImGuiCol_SeparatorActive] = accent;
  c[ImGuiCol_ResizeGrip] = rgb(0x000000, 0);
  c[ImGuiCol_ResizeGripHovered] = rgb(0x3565E8, 0.4f);
  c[ImGuiCol_ResizeGripActive] = accent;
  c[ImGuiCol_Tab] = rgb(0xE9EDF2);
  c[ImGuiCol_TabHovered] = rgb(0x3565E8, 0.18f);
  c[ImGuiCol_TabActive] = rgb(0xFFFFFF);
  c[ImGuiCol_TabUnfocused] = rgb(0xE9EDF2);
  c[ImGuiCol_TabUnfocusedActive] = rgb(0xFFFFFF);
  c[ImGuiCol_PlotLines] = accent;
  c[ImGuiCol_PlotLinesHovered] = rgb(0xD0463B);
  c[ImGuiCol_PlotHistogram] = accent;
  c[ImGuiCol_PlotHistogramHovered] = rgb(0x2552C9);
  c[ImGuiCol_TableHeaderBg] = rgb(0xF0F2F5);
  c[ImGuiCol_TableBorderStrong] = rgb(0xD5DAE1);
  c[ImGuiCol_TableBorderLight] = rgb(0xE7EAEE);
  c[ImGuiCol_TableRowBg] = rgb(0x000000, 0);
  c[ImGuiCol_TableRowBgAlt] = rgb(0x1E2330, 0.025f);
  c[ImGuiCol_TextSelectedBg] = rgb(0x3565E8, 0.25f);
  c[ImGuiCol_DragDropTarget] = accent;
  c[ImGuiCol_NavHighlight] = accent;
  c[ImGuiCol_NavWindowingHighlight] = rgb(0xFFFFFF, 0.7f);
  c[ImGuiCol_NavWindowingDimBg] = rgb(0x1E2330, 0.2f);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0x1E2330, 0.35f);
}

void set_dark_colors(ImVec4* c) {
  const ImVec4 accent = rgb(0x7FA2FF);
  c[ImGuiCol_Text] = rgb(0xE3E6EB);
  c[ImGuiCol_TextDisabled] = rgb(0xA7AFBD);
  c[ImGuiCol_WindowBg] = rgb(0x181B20);
  c[ImGuiCol_ChildBg] = rgb(0x1F232A);
  c[ImGuiCol_PopupBg] = rgb(0x22262E);
  c[ImGuiCol_Border] = rgb(0x323843);
  c[ImGuiCol_BorderShadow] = rgb(0x000000, 0);
  c[ImGuiCol_FrameBg] = rgb(0x2A2F38);
  c[ImGuiCol_FrameBgHovered] = rgb(0x323844);
  c[ImGuiCol_FrameBgActive] = rgb(0x3A4150);
  c[ImGuiCol_TitleBg] = rgb(0x1A1D22);
  c[ImGuiCol_TitleBgActive] = rgb(0x22262E);
  c[ImGuiCol_TitleBgCollapsed] = rgb(0x1A1D22);
  c[ImGuiCol_MenuBarBg] = rgb(0x1F232A);
  c[ImGuiCol_ScrollbarBg] = rgb(0x000000, 0);
  c[ImGuiCol_ScrollbarGrab] = rgb(0x3A414D);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x4A5261);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(0x5A6374);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = rgb(0x8FADFF);
  c[ImGuiCol_Button] = rgb(0x2A2F38);
  c[ImGuiCol_ButtonHovered] = rgb(0x6F95FF, 0.25f);
  c[ImGuiCol_ButtonActive] = rgb(0x6F95FF, 0.40f);
  c[ImGuiCol_Header] = rgb(0x6F95FF, 0.20f);
  c[ImGuiCol_HeaderHovered] = rgb(0x6F95FF, 0.12f);
  c[ImGuiCol_HeaderActive] = rgb(0x6F95FF, 0.30f);
  c[ImGuiCol_Separator] = rgb(0x323843);
  c[ImGuiCol_SeparatorHovered] = rgb(0x6F95FF, 0.6f);
  c[ImGuiCol_SeparatorActive] = accent;
  c[ImGuiCol_ResizeGrip] = rgb(0x000000, 0);
  c[ImGuiCol_ResizeGripHovered] = rgb(0x6F95FF, 0.4f);
  c[ImGuiCol_ResizeGripActive] = accent;
  c[ImGuiCol_Tab] = rgb(0x22262E);
  c[ImGuiCol_TabHovered] = rgb(0x6F95FF, 0.25f);
  c[ImGuiCol_TabActive] = rgb(0x2A2F38);
  c[ImGuiCol_TabUnfocused] = rgb(0x22262E);
  c[ImGuiCol_TabUnfocusedActive] = rgb(0x2A2F38);
  c[ImGuiCol_PlotLines] = accent;
  c[ImGuiCol_PlotLinesHovered] = rgb(0xF06A5E);
  c[ImGuiCol_PlotHistogram] = accent;
  c[ImGuiCol_PlotHistogramHovered] = rgb(0x8FADFF);
  c[ImGuiCol_TableHeaderBg] = rgb(0x252A32);
  c[ImGuiCol_TableBorderStrong] = rgb(0x363C47);
  c[ImGuiCol_TableBorderLight] = rgb(0x2C313A);
  c[ImGuiCol_TableRowBg] = rgb(0x000000, 0);
  c[ImGuiCol_TableRowBgAlt] = rgb(0xFFFFFF, 0.025f);
  c[ImGuiCol_TextSelectedBg] = rgb(0x6F95FF, 0.35f);
  c[ImGuiCol_DragDropTarget] = accent;
  c[ImGuiCol_NavHighlight] = accent;
  c[ImGuiCol_NavWindowingHighlight] = rgb(0xFFFFFF, 0.7f);
  c[ImGuiCol_NavWindowingDimBg] = rgb(0x000000, 0.3f);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.5f);
}

// Light colours made starker: pure black text, black borders, no faint tints.
void set_high_contrast_colors(ImVec4* c) {
  set_light_colors(c);
  const ImVec4 accent = rgb(0x0038B8);
  c[ImGuiCol_Text] = rgb(0x000000);
  c[ImGuiCol_TextDisabled] = rgb(0x2B2B2B);
  c[ImGuiCol_WindowBg] = rgb(0xFFFFFF);
  c[ImGuiCol_ChildBg] = rgb(0xFFFFFF);
  c[ImGuiCol_Border] = rgb(0x000000);
  c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
  c[ImGuiCol_FrameBgHovered] = rgb(0xE0E8FF);
  c[ImGuiCol_FrameBgActive] = rgb(0xC8D6FF);
  c[ImGuiCol_Button] = rgb(0xFFFFFF);
  c[ImGuiCol_ButtonHovered] = rgb(0x0038B8, 0.25f);
  c[ImGuiCol_ButtonActive] = rgb(0x0038B8, 0.45f);
  // Light enough that every status colour keeps 7:1 on a selected row.
  c[ImGuiCol_Header] = rgb(0x0038B8, 0.12f);
  c[ImGuiCol_HeaderHovered] = rgb(0x0038B8, 0.08f);
  c[ImGuiCol_HeaderActive] = rgb(0x0038B8, 0.16f);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_Separator] = rgb(0x000000);
  c[ImGuiCol_TableBorderStrong] = rgb(0x000000);
  c[ImGuiCol_TableBorderLight] = rgb(0x808080);
  c[ImGuiCol_TableRowBgAlt] = rgb(0x000000, 0.05f);
  c[ImGuiCol_Tab] = rgb(0xE6E6E6);
  c[ImGuiCol_TabActive] = rgb(0xFFFFFF);
  c[ImGuiCol_ScrollbarGrab] = rgb(0x606060);
}

}  // namespace

const char* to_string(Theme t) {
  return t == Theme::Dark ? "dark" : t == Theme::HighContrast ? "high-contrast" : "light";
}

std::optional<Theme> parse_theme(std::string_view name) {
  for (Theme t : {Theme::Light, Theme::Dark, Theme::HighContrast})
    if (name == to_string(t)) return t;
  return std::nullopt;
}

void apply_theme(Theme theme, float scale) {
  g_theme = theme;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  set_sizes(style);
  if (theme == Theme::Dark) {
    set_dark_colors(style.Colors);
  } else if (theme == Theme::HighContrast) {
    set_high_contrast_colors(style.Colors);
    style.FrameBorderSize = 1.0f;
    style.WindowBorderSize = 1.0f;
  } else {
    set_light_colors(style.Colors);
  }
  style.ScaleAllSizes(scale);
}

Theme current_theme() { return g_theme; }

const Palette& palette() {
  if (g_theme == Theme::Dark) return dark_palette();
  if (g_theme == Theme::HighContrast) return high_contrast_palette();
  return light_palette();
}

}  // namespace rapport::app
