// WCAG contrast of drawn text against what is drawn under it: the text hook
// (text_capture.hpp) says which colour each string was drawn in and where; the
// frame's draw data says what solid fills lie beneath it, in draw order.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "text_capture.hpp"

namespace rapport::test {

// WCAG 2.x relative luminance of an opaque sRGB colour, and the contrast
// ratio of two of them ((lighter + 0.05) / (darker + 0.05), 1 to 21).
double relative_luminance(ImVec4 rgb);
double contrast_ratio(ImVec4 a, ImVec4 b);

// What a captured text was drawn in, kept beside captured_text() (same index).
struct TextInk {
  ImU32 color = 0;                   // as passed to AddText (style alpha already applied)
  const ImDrawList* list = nullptr;  // the list it went to: valid until the next frame
};
const std::vector<TextInk>& captured_ink();

struct TextContrast {
  DrawnText text;
  ImVec4 foreground;  // the text's colour blended over its background
  ImVec4 background;  // the fills under the text, blended over `base`
  double ratio = 21;  // the worst over the points sampled along the text
};

// For every captured text that put glyphs on screen in the last rendered
// frame: its contrast against the solid fills (ImGui's white-pixel triangles,
// clipped as the renderer clips them) drawn before it under its box. `base`
// is the window's clear colour. Text clipped away entirely is left out.
std::vector<TextContrast> measure_contrast(const ImDrawData& draw_data,
                                           const std::vector<DrawnText>& texts,
                                           const std::vector<TextInk>& inks, ImVec4 base);

}  // namespace rapport::test
