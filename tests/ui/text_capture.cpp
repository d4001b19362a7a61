// The text hook: link-time wrappers around ImDrawList::AddText (both overloads
// are in libimgui.a; every caller outside imgui_draw.cpp goes through here).
#include "text_capture.hpp"

#include <imgui_internal.h>  // ImDrawListSharedData: the draw list's current font and size

#include <algorithm>
#include <cfloat>
#include <cstring>

#include "contrast.hpp"  // TextInk: what each text was drawn in

namespace rapport::test {
namespace {
bool g_recording = false;
std::vector<DrawnText> g_text;
std::vector<TextInk> g_ink;  // one per g_text
std::vector<DrawnShape> g_shapes;
size_t g_order = 0;

void record_shape(const ImDrawList* list, DrawnShape::Kind kind, const ImVec2& a, const ImVec2& b,
                  ImU32 col) {
  if (!g_recording) return;
  g_shapes.push_back(DrawnShape{kind, a, b, col, list->_CmdHeader.ClipRect, g_order++});
}

// What AddText itself resolves: a null font or a zero size mean the draw
// list's current ones, and a fine clip rectangle narrows the list's own.
void record(const ImDrawList* list, const ImFont* font, float size, const char* begin,
            const char* end, const ImVec2& pos, ImU32 col, float wrap, const ImVec4* fine_clip) {
  if (!g_recording || !begin) return;
  if (!end) end = begin + std::strlen(begin);
  if (end <= begin) return;
  DrawnText t;
  t.text.assign(begin, end);
  t.pos = pos;
  t.clip = list->_CmdHeader.ClipRect;
  if (fine_clip) {
    t.clip.x = std::max(t.clip.x, fine_clip->x);
    t.clip.y = std::max(t.clip.y, fine_clip->y);
    t.clip.z = std::min(t.clip.z, fine_clip->z);
    t.clip.w = std::min(t.clip.w, fine_clip->w);
  }
  if (list->_Data) {
    if (!font) font = list->_Data->Font;
    if (size == 0.0f) size = list->_Data->FontSize;
  }
  t.font_size = size;
  t.wrap_width = wrap;
  // Trailing blanks are drawn as nothing: they cannot be cut.
  const char* ink_end = end;
  while (ink_end > begin && (ink_end[-1] == ' ' || ink_end[-1] == '\n')) --ink_end;
  if (font) t.size = font->CalcTextSizeA(size, FLT_MAX, wrap, begin, ink_end);
  if (list->_OwnerName) t.draw_list = list->_OwnerName;
  t.order = g_order++;
  g_text.push_back(std::move(t));
  g_ink.push_back({col, list});
}
}  // namespace

void capture_text_begin() {
  g_recording = true;
  g_text.clear();
  g_shapes.clear();
  g_ink.clear();
}

const std::vector<TextInk>& captured_ink() { return g_ink; }

const std::vector<DrawnText>& captured_text() { return g_text; }
const std::vector<DrawnShape>& captured_shapes() { return g_shapes; }

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
  rapport::test::record(self, nullptr, 0.0f, begin, end, pos, col, 0.0f, nullptr);
  __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(self, pos, col, begin, end);
}

void __wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(
    ImDrawList* self, const ImFont* font, float size, const ImVec2& pos, ImU32 col,
    const char* begin, const char* end, float wrap, const ImVec4* clip) {
  rapport::test::record(self, font, size, begin, end, pos, col, wrap, clip);
  __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(self, font, size, pos, col,
                                                                      begin, end, wrap, clip);
}

// void ImDrawList::AddLine(const ImVec2&, const ImVec2&, ImU32, float)
// void ImDrawList::AddRectFilled(const ImVec2&, const ImVec2&, ImU32, float, ImDrawFlags)
void __real__ZN10ImDrawList7AddLineERK6ImVec2S2_jf(ImDrawList*, const ImVec2&, const ImVec2&, ImU32,
                                                   float);
void __real__ZN10ImDrawList13AddRectFilledERK6ImVec2S2_jfi(ImDrawList*, const ImVec2&,
                                                           const ImVec2&, ImU32, float, int);

void __wrap__ZN10ImDrawList7AddLineERK6ImVec2S2_jf(ImDrawList* self, const ImVec2& a,
                                                   const ImVec2& b, ImU32 col, float thickness) {
  rapport::test::record_shape(self, rapport::test::DrawnShape::Kind::Line, a, b, col);
  __real__ZN10ImDrawList7AddLineERK6ImVec2S2_jf(self, a, b, col, thickness);
}

void __wrap__ZN10ImDrawList13AddRectFilledERK6ImVec2S2_jfi(ImDrawList* self, const ImVec2& a,
                                                           const ImVec2& b, ImU32 col,
                                                           float rounding, int flags) {
  rapport::test::record_shape(self, rapport::test::DrawnShape::Kind::FilledRect, a, b, col);
  __real__ZN10ImDrawList13AddRectFilledERK6ImVec2S2_jfi(self, a, b, col, rounding, flags);
}
}
