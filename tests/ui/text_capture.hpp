// Every string ImGui draws, with where it was drawn: the UI tests' text hook.
// The test executable is linked with --wrap for ImDrawList::AddText, so text
// from widgets, tooltips and custom drawing alike passes through here. Tests
// use it to find a widget by its label, to prove that presentation mode
// draws no internal text, and to check that no text is cut or too small.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace rapport::test {

struct DrawnText {
  std::string text;
  ImVec2 pos;  // top-left of the text
  // What the text was drawn with (measured when it was drawn, while its font
  // was alive):
  ImVec4 clip;            // the clip rectangle in force (x1, y1, x2, y2): the draw
                          // list's, narrowed by the call's fine clip rectangle if any
  float font_size = 0;    // pixel size the glyphs were drawn at
  float wrap_width = 0;   // 0: not wrapped
  ImVec2 size;            // the text's box at that size, wrapped if wrap_width > 0,
                          // trailing blanks left out
  std::string draw_list;  // the owner of the draw list (a window's name), if known
  size_t order = 0;       // drawn before what has a larger order (text and shapes alike)

  ImVec2 max() const { return ImVec2(pos.x + size.x, pos.y + size.y); }
};

// Lines and filled rectangles drawn by the program's own code (ImDrawList::AddLine
// and AddRectFilled, wrapped the same way): whether a line crosses a label, and
// whether an opaque patch was drawn between them.
struct DrawnShape {
  enum class Kind { Line, FilledRect };
  Kind kind = Kind::Line;
  ImVec2 a, b;  // a line's ends; a rectangle's corners
  ImU32 colour = 0;
  ImVec4 clip;  // the clip rectangle in force
  size_t order = 0;
};
const std::vector<DrawnShape>& captured_shapes();

// Starts recording (clears what was recorded).
void capture_text_begin();
// What was drawn since capture_text_begin().
const std::vector<DrawnText>& captured_text();
// All captured text, one string per line.
std::string captured_text_joined();
// The centre of the last drawn text equal to `label` (or, with prefix = true,
// starting with it), if drawn since capture_text_begin().
std::optional<ImVec2> find_text(const std::string& label, bool prefix = false);

}  // namespace rapport::test
