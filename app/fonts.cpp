// UI fonts: lookup with fontconfig and atlas building; see fonts.hpp.
#include "fonts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

#ifdef RAPPORT_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif
#ifdef RAPPORT_HAVE_FREETYPE
#include <imgui_freetype.h>
#endif

namespace rapport::app {
namespace {

bool same_family(std::string a, std::string b) {
  auto lower = [](std::string& s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  };
  lower(a);
  lower(b);
  return a == b;
}

bool is_outline_font(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  return ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF";
}

#ifdef RAPPORT_HAVE_FONTCONFIG
// The file of `family` at `weight`, or "" when fontconfig only finds a substitute.
std::string match_font(FcConfig* config, const char* family, int weight) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcPatternAddInteger(pattern, FC_WEIGHT, weight);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  std::string path;
  if (match) {
    FcChar8* found_family = nullptr;
    FcChar8* file = nullptr;
    int found_weight = 0;
    if (FcPatternGetString(match, FC_FAMILY, 0, &found_family) == FcResultMatch &&
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
        same_family(reinterpret_cast<const char*>(found_family), family) &&
        is_outline_font(reinterpret_cast<const char*>(file))) {
      // A bold request answered with the regular face is no bold face.
      FcPatternGetInteger(match, FC_WEIGHT, 0, &found_weight);
      if (weight < FC_WEIGHT_BOLD || found_weight >= FC_WEIGHT_DEMIBOLD) {
        path = reinterpret_cast<const char*>(file);
      }
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return path;
}
#endif

FontFiles lookup_font_files() {
  FontFiles files;
#ifdef RAPPORT_HAVE_FONTCONFIG
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (!config) return files;
  for (const char* family : {"Inter", "DejaVu Sans"}) {
    std::string regular = match_font(config, family, FC_WEIGHT_REGULAR);
    if (regular.empty()) continue;
    files.family = family;
    files.regular = regular;
    files.bold = match_font(config, family, FC_WEIGHT_BOLD);
    break;
  }
  FcConfigDestroy(config);
#endif
  return files;
}

}  // namespace

const unsigned short* ui_glyph_ranges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (ä, ö, ü, ß, é)
      0x0100, 0x017F,  // Latin Extended-A (Dutch ĳ, Finnish š ž, Polish ł)
      0x0394, 0x0394,  // Δ (a milestone's slip)
      0x2000, 0x206F,  // General Punctuation (– — “ ” ‘ ’ … •)
      0x20AC, 0x20AC,  // €
      0x2190, 0x2193,  // ← ↑ → ↓
      0x2212, 0x2212,  // −
      0x25C6, 0x25C7,  // ◆ ◇ (milestones)
      0,
  };
  return ranges;
}

const FontFiles& find_ui_font_files() {
  static const FontFiles files = lookup_font_files();
  return files;
}

UiFonts build_fonts(ImFontAtlas& atlas, float pixel_size) {
  atlas.Clear();
#ifdef RAPPORT_HAVE_FREETYPE
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
#endif
  UiFonts fonts;
  fonts.pixel_size = pixel_size;
  const FontFiles& files = find_ui_font_files();
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = true;

  if (!files.regular.empty()) {
    fonts.body =
        atlas.AddFontFromFileTTF(files.regular.c_str(), pixel_size, &config, ui_glyph_ranges());
    if (fonts.body) {
      const std::string& heading_file = files.bold.empty() ? files.regular : files.bold;
      fonts.heading = atlas.AddFontFromFileTTF(heading_file.c_str(), pixel_size * kHeadingFontRatio,
                                               &config, ui_glyph_ranges());
      fonts.family = files.family;
    }
  }
  if (!fonts.body) {
    // Built-in ProggyClean: ASCII only, 13 px design size.
    ImFontConfig fallback;
    fallback.SizePixels = std::max(13.0f, 13.0f * pixel_size / kBaseFontPixels);
    fonts.body = atlas.AddFontDefault(&fallback);
    fonts.heading = fonts.body;
    fonts.family = "built-in";
  }
  return fonts;
}

}  // namespace rapport::app
