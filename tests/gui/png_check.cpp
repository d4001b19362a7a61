// rapport_png_check FILE WIDTH HEIGHT: exits 0 if FILE is a WIDTHxHEIGHT PNG that is
// not one flat colour (a window that rendered nothing is one colour).
// rapport_png_check --same A B: exits 0 if A and B are the same picture, pixel for
// pixel; otherwise says how many pixels differ and where the first one is.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>

namespace {
int same(const char* a_path, const char* b_path) {
  int aw = 0, ah = 0, bw = 0, bh = 0, channels = 0;
  unsigned char* a = stbi_load(a_path, &aw, &ah, &channels, 3);
  unsigned char* b = stbi_load(b_path, &bw, &bh, &channels, 3);
  int status = 0;
  if (!a || !b) {
    std::fprintf(stderr, "not a readable image: %s\n", !a ? a_path : b_path);
    status = 1;
  } else if (aw != bw || ah != bh) {
    std::fprintf(stderr, "%dx%d and %dx%d differ in size\n", aw, ah, bw, bh);
    status = 1;
  } else {
    long differ = 0, first = -1;
    const long n = static_cast<long>(aw) * ah;
    for (long i = 0; i < n; ++i)
      if (a[i * 3] != b[i * 3] || a[i * 3 + 1] != b[i * 3 + 1] || a[i * 3 + 2] != b[i * 3 + 2]) {
        if (first < 0) first = i;
        ++differ;
      }
    if (differ) {
      std::fprintf(stderr, "%ld pixels differ, the first at (%ld, %ld)\n", differ, first % aw,
                   first / aw);
      status = 1;
    } else {
      std::printf("%s and %s: the same %dx%d picture\n", a_path, b_path, aw, ah);
    }
  }
  if (a) stbi_image_free(a);
  if (b) stbi_image_free(b);
  return status;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string_view(argv[1]) == "--same") return same(argv[2], argv[3]);
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
