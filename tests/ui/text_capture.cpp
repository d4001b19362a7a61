// The text hook: link-time wrappers around ImDrawList::AddText (both overloads
// are in libimgui.a; every caller outside imgui_draw.cpp goes through here).
#include "text_capture.hpp"

#include <cstring>

namespace rapport::test {
namespace {
bool g_recording = false;
std::vector<DrawnText> g_text;

void record(const char* begin, const char* end, const ImVec2& pos) {
  if (!g_recording || !begin) return;
  if (!end) end = begin + std::strlen(begin);
  if (end > begin) g_text.push_back(DrawnText{std::string(begin, end), pos});
}
}  // namespace

void capture_text_begin() {
  g_recording = true;
  g_text.clear();
}

const std::vector<DrawnText>& captured_text() { return g_text; }

std::string captured_text_joined() {
  std::string all;
  for (const auto& t : g_text) all += t.text + "\n";
  return all;
}

std::optional<ImVec2> find_text(const std::string& label, bool prefix) {
  for (auto it = g_text.rbegin(); it != g_text.rend(); ++it) {
    bool match = prefix ? it->text.rfind(label, 0) == 0 : it->text == label;
    if (!match) continue;
    ImVec2 size = ImGui::CalcTextSize(it->text.c_str());
    return ImVec2(it->pos.x + size.x * 0.5f, it->pos.y + size.y * 0.5f);
  }
  return std::nullopt;
}

}  // namespace rapport::test

// The mangled names of:
//   void ImDrawList::AddText(const ImVec2&, ImU32, const char*, const char*)
//   void ImDrawList::AddText(const ImFont*, float, const ImVec2&, ImU32, const char*, const char*,
//   float, const ImVec4*)
extern "C" {
void __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList*, const ImVec2&, ImU32, const char*,
                                                     const char*);
void __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList*, const ImFont*,
                                                                         float, const ImVec2&,
                                                                         ImU32, const char*,
                                                                         const char*, float,
                                                                         const ImVec4*);

void __wrap__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList* self, const ImVec2& pos, ImU32 col,
                                                     const char* begin, const char* end) {
  rapport::test::record(begin, end, pos);
  __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(self, pos, col, begin, end);
}

void __wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(
    ImDrawList* self, const ImFont* font, float size, const ImVec2& pos, ImU32 col,
    const char* begin, const char* end, float wrap, const ImVec4* clip) {
  rapport::test::record(begin, end, pos);
  __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(self, font, size, pos, col,
                                                                      begin, end, wrap, clip);
}
}
