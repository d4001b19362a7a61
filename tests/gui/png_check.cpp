// rapport_png_check FILE WIDTH HEIGHT: exits 0 if FILE is a WIDTHxHEIGHT PNG that is
// not one flat colour (a window that rendered nothing is one colour).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: rapport_png_check FILE WIDTH HEIGHT (or -HEIGHT: at most)\n");
    return 2;
  }
  const int want_w = std::atoi(argv[2]);
  // "-600": a picture cropped to its content, at most 600 and at least a third of it high.
  const bool at_most = argv[3][0] == '-';
  const int want_h = std::abs(std::atoi(argv[3]));
  int w = 0, h = 0, channels = 0;
  unsigned char* px = stbi_load(argv[1], &w, &h, &channels, 3);
  if (!px) {
    std::fprintf(stderr, "%s: not a readable image: %s\n", argv[1], stbi_failure_reason());
    return 1;
  }
  int status = 0;
  if (w != want_w || (at_most ? (h > want_h || h < want_h / 3) : h != want_h)) {
    std::fprintf(stderr, "%s: %dx%d, expected %dx%s%d\n", argv[1], w, h, want_w,
                 at_most ? "at most " : "", want_h);
    status = 1;
  }
  // Distinct colours: the main layout has backgrounds, borders and anti-aliased text.
  std::set<unsigned> colours;
  const long n = static_cast<long>(w) * h;
  for (long i = 0; i < n && colours.size() < 64; ++i) {
    const unsigned char* p = px + i * 3;
    colours.insert(unsigned(p[0]) << 16 | unsigned(p[1]) << 8 | unsigned(p[2]));
  }
  if (colours.size() < 16) {
    std::fprintf(stderr, "%s: only %zu colours; the window looks empty\n", argv[1], colours.size());
    status = 1;
  }
  stbi_image_free(px);
  if (status == 0) std::printf("%s: %dx%d, %zu+ colours: ok\n", argv[1], w, h, colours.size());
  return status;
}
