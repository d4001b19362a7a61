// See contrast.hpp. A point sampler over ImGui's draw data: for a point, every
// untextured triangle drawn before the text that covers it, blended in order.
#include "contrast.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace rapport::test {
namespace {

ImVec4 unpack(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

ImVec4 over(ImVec4 top, ImVec4 under) {
  float a = top.w;
  return ImVec4(top.x * a + under.x * (1 - a), top.y * a + under.y * (1 - a),
                top.z * a + under.z * (1 - a), 1.0f);
}

// One solid triangle, with the draw order it has in the frame and the clip
// rectangle it is drawn with.
struct Solid {
  ImVec2 p[3];
  ImVec4 c[3];
  ImVec4 clip;
  ImVec2 lo, hi;  // bounding box
};

// The draw lists in render order, each with its solid triangles in order.
struct Frame {
  std::vector<const ImDrawList*> lists;
  std::vector<std::vector<Solid>> solids;        // per list
  std::vector<std::vector<size_t>> solid_index;  // per list: the index-buffer offset of each
};

bool white(const ImDrawVert& v, ImVec2 uv) {
  return std::fabs(v.uv.x - uv.x) < 1e-6f && std::fabs(v.uv.y - uv.y) < 1e-6f;
}

Frame collect(const ImDrawData& dd) {
  Frame f;
  const ImVec2 uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
  for (int n = 0; n < dd.CmdListsCount; ++n) {
    const ImDrawList* list = dd.CmdLists[n];
    f.lists.push_back(list);
    auto& solids = f.solids.emplace_back();
    auto& where = f.solid_index.emplace_back();
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) continue;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        size_t at = cmd.IdxOffset + i;
        const ImDrawVert* v[3];
        bool solid = true;
        for (int k = 0; k < 3; ++k) {
          v[k] = &list->VtxBuffer[static_cast<int>(cmd.VtxOffset +
                                                   list->IdxBuffer[static_cast<int>(at) + k])];
          solid = solid && white(*v[k], uv);
        }
        if (!solid) continue;
        Solid s;
        for (int k = 0; k < 3; ++k) {
          s.p[k] = v[k]->pos;
          s.c[k] = unpack(v[k]->col);
        }
        s.clip = cmd.ClipRect;
        s.lo = ImVec2(std::min({s.p[0].x, s.p[1].x, s.p[2].x}),
                      std::min({s.p[0].y, s.p[1].y, s.p[2].y}));
        s.hi = ImVec2(std::max({s.p[0].x, s.p[1].x, s.p[2].x}),
                      std::max({s.p[0].y, s.p[1].y, s.p[2].y}));
        solids.push_back(s);
        where.push_back(at);
      }
    }
  }
  return f;
}

// The colour of `s` at `q` if it covers it (barycentric: anti-aliased fringes
// fade out as the renderer fades them).
std::optional<ImVec4> cover(const Solid& s, ImVec2 q) {
  if (q.x < s.lo.x || q.x > s.hi.x || q.y < s.lo.y || q.y > s.hi.y) return std::nullopt;
  if (q.x < s.clip.x || q.x >= s.clip.z || q.y < s.clip.y || q.y >= s.clip.w) return std::nullopt;
  const ImVec2 a = s.p[0], b = s.p[1], c = s.p[2];
  float det = (b.y - c.y) * (a.x - c.x) + (c.x - b.x) * (a.y - c.y);
  if (std::fabs(det) < 1e-9f) return std::nullopt;
  float l1 = ((b.y - c.y) * (q.x - c.x) + (c.x - b.x) * (q.y - c.y)) / det;
  float l2 = ((c.y - a.y) * (q.x - c.x) + (a.x - c.x) * (q.y - c.y)) / det;
  float l3 = 1 - l1 - l2;
  const float eps = -1e-4f;
  if (l1 < eps || l2 < eps || l3 < eps) return std::nullopt;
  ImVec4 r;
  r.x = s.c[0].x * l1 + s.c[1].x * l2 + s.c[2].x * l3;
  r.y = s.c[0].y * l1 + s.c[1].y * l2 + s.c[2].y * l3;
  r.z = s.c[0].z * l1 + s.c[1].z * l2 + s.c[2].z * l3;
  r.w = s.c[0].w * l1 + s.c[1].w * l2 + s.c[2].w * l3;
  return r;
}

// Where the text's first glyph quad lies in its list's final index buffer:
// tables draw through channels that are merged after the text was recorded,
// so the recorded moment is not the draw order; the glyphs' place is.
std::optional<size_t> glyph_offset(const ImDrawList& list, const DrawnText& t, ImU32 color) {
  const ImVec2 uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
  const ImVec2 lo(t.pos.x - 3, t.pos.y - 3);
  const ImVec2 hi(t.pos.x + t.size.x + 3, t.pos.y + t.size.y + 3);
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback) continue;
    for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
      size_t at = cmd.IdxOffset + i;
      const ImDrawVert& v =
          list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(at)])];
      if (v.col != color || white(v, uv)) continue;
      if (v.pos.x < lo.x || v.pos.x > hi.x || v.pos.y < lo.y || v.pos.y > hi.y) continue;
      return at;
    }
  }
  return std::nullopt;
}

}  // namespace

double relative_luminance(ImVec4 c) {
  auto lin = [](float v) {
    double x = v;
    return x <= 0.04045 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.x) + 0.7152 * lin(c.y) + 0.0722 * lin(c.z);
}

double contrast_ratio(ImVec4 a, ImVec4 b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

std::vector<TextContrast> measure_contrast(const ImDrawData& draw_data,
                                           const std::vector<DrawnText>& texts,
                                           const std::vector<TextInk>& inks, ImVec4 base) {
  const Frame f = collect(draw_data);
  std::vector<TextContrast> out;
  for (size_t i = 0; i < texts.size() && i < inks.size(); ++i) {
    const DrawnText& t = texts[i];
    const TextInk& ink = inks[i];
    auto list_at = std::find(f.lists.begin(), f.lists.end(), ink.list);
    if (list_at == f.lists.end()) continue;  // a window not rendered this frame
    const size_t n = static_cast<size_t>(list_at - f.lists.begin());
    auto glyphs = glyph_offset(*ink.list, t, ink.color);
    if (!glyphs) continue;  // clipped away, or only blanks
    // Points along the middle of the visible part of the text's box.
    float x0 = std::max(t.pos.x, t.clip.x), x1 = std::min(t.pos.x + t.size.x, t.clip.z);
    float y = t.pos.y + t.size.y * 0.5f;
    if (x1 <= x0) continue;
    TextContrast worst;
    worst.text = t;
    worst.ratio = 1e9;
    for (float share : {0.1f, 0.5f, 0.9f}) {
      const ImVec2 q(x0 + (x1 - x0) * share, y);
      ImVec4 bg = base;
      bg.w = 1;
      for (size_t l = 0; l <= n; ++l) {
        const auto& solids = f.solids[l];
        for (size_t k = 0; k < solids.size(); ++k) {
          if (l == n && f.solid_index[l][k] >= *glyphs) break;
          if (auto c = cover(solids[k], q)) bg = over(*c, bg);
        }
      }
      ImVec4 fg = over(unpack(ink.color), bg);
      double r = contrast_ratio(fg, bg);
      if (r < worst.ratio) {
        worst.ratio = r;
        worst.foreground = fg;
        worst.background = bg;
      }
    }
    out.push_back(worst);
  }
  return out;
}

}  // namespace rapport::test
