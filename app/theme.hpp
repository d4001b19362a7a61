// Rapport's look: a light theme (default) and a dark one, with the semantic colours
// other views use (accent, client vs provider, status colours) so every screen agrees.
#pragma once

#include <imgui.h>

#include <optional>
#include <string_view>

namespace rapport::app {

// HighContrast: black on white, strong borders and saturated status colours,
// still readable after a video call's codec has blurred the shared screen.
enum class Theme { Light, Dark, HighContrast };
const char* to_string(Theme t);  // "light", "dark", "high-contrast" (stored in settings)
// "light", "dark", "high-contrast" (as to_string writes them); nullopt otherwise.
std::optional<Theme> parse_theme(std::string_view name);

// Colours that mean something in the planner, for the current theme.
struct Palette {
  ImU32 accent;       // selection, today line, primary buttons
  ImU32 accent_soft;  // selected row background
  ImU32 client;       // client-side items and people
  ImU32 provider;     // provider-side items and people
  ImU32 milestone;    // milestone diamonds
  ImU32 meeting;      // meeting blocks
  ImU32 ok;           // done, confirmed
  ImU32 warning;      // at risk, due soon
  ImU32 danger;       // missed, will not be met, overdue
  ImU32 muted_text;   // secondary text
  ImU32 canvas;       // timeline background
  ImU32 grid;         // timeline grid lines
  ImU32 panel;        // side panels background
  ImU32 status_bar;   // status bar background
};

// Colour arithmetic, one copy for every view (timeline bars, pills, buttons).
// The same colour with a new alpha (0..1).
ImU32 with_alpha(ImU32 c, float alpha);
// `over` laid on `under` at `amount` (0..1), as one opaque colour.
ImU32 mix_colours(ImU32 under, ImU32 over, float amount);
// A translucent colour laid over an opaque background, as one opaque colour: bars
// that carry text hide the grid lines under them instead of letting them through.
ImU32 opaque_over(ImU32 fg, ImU32 bg);
// Text that reads on a fill: near-black or white, whichever contrasts more (WCAG).
ImU32 text_on(ImU32 fill);

// The user's interface zoom, on top of the monitor's content scale: one range
// for the menu, the shortcuts, the command line and the remembered setting.
inline constexpr float kMinUiScale = 0.75f;
inline constexpr float kMaxUiScale = 2.5f;
inline float clamp_ui_scale(float s) {
  return s < kMinUiScale ? kMinUiScale : s > kMaxUiScale ? kMaxUiScale : s;
}

// Resets ImGui's style to `theme` at `scale` (content scale x UI scale). Sizes are
// scaled once from the unscaled design values, so calling it again never compounds.
void apply_theme(Theme theme, float scale);

Theme current_theme();
const Palette& palette();

}  // namespace rapport::app
