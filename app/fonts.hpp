// The UI fonts: found on the system (fontconfig: Inter, else DejaVu Sans, else Dear
// ImGui's built-in font), rasterized at base size x content scale x UI scale, with
// glyphs for Western European names, typographic punctuation and the euro sign.
#pragma once

#include <string>

struct ImFont;
struct ImFontAtlas;

namespace rapport::app {

inline constexpr float kBaseFontPixels = 16.0f;
inline constexpr float kHeadingFontRatio = 1.3f;

struct FontFiles {
  std::string family;   // "Inter", "DejaVu Sans"; empty = built-in font
  std::string regular;  // file paths
  std::string bold;     // may be empty
};

// The fonts a frame can use. Null pointers (as in headless tests without a call to
// build_fonts) mean "use the current font".
struct UiFonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;  // bold and larger, for section titles
  std::string family;         // what was loaded, for the About box
  float pixel_size = 0;
};

// Looks the font files up once (fontconfig is slow to initialize) and caches them.
const FontFiles& find_ui_font_files();

// Clears `atlas` and adds the UI fonts at `pixel_size` (body). The caller uploads the
// texture (ImGui_ImplOpenGL3_CreateFontsTexture) or, headless, calls atlas.Build().
UiFonts build_fonts(ImFontAtlas& atlas, float pixel_size);

// The code point ranges loaded (zero-terminated pairs), for tests.
const unsigned short* ui_glyph_ranges();

}  // namespace rapport::app
