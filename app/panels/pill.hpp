// A state as a pill: coloured words on a tint of their colour, in the tone core
// gave it (state_pill.hpp). The editor's tables and the
// client view draw states with this one widget, as the HTML report does.
#pragma once

#include <imgui.h>

#include <string>

#include "rapport/state_pill.hpp"

namespace rapport::app {

// The tone's text colour in the current theme (the body text for Plain).
ImU32 tone_colour(Tone tone);

// Draws `text` as a pill at the cursor; Plain and Muted are plain words. Too
// narrow a region for the pill gives coloured words that wrap, unless `may_wrap`
// is false (a table column that takes the width of its widest cell).
void pill(const std::string& text, Tone tone, bool may_wrap = true);

}  // namespace rapport::app
