// Every string ImGui draws, with where it was drawn: the UI tests' text hook.
// The test executable is linked with --wrap for ImDrawList::AddText, so text
// from widgets, tooltips and custom drawing alike passes through here. Tests
// use it to find a widget by its label and to prove that presentation mode
// draws no internal text.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace rapport::test {

struct DrawnText {
  std::string text;
  ImVec2 pos;  // top-left of the text
};

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
