// The fixed layout's geometry.
#include "shell/layout.hpp"

#include <algorithm>
#include <cmath>

namespace rapport::app {

Layout compute_layout(ImVec2 origin, ImVec2 size, float scale, float status_height) {
  Layout l;
  float nav_w = std::min(230.0f * scale, size.x * 0.35f);
  float body_h = std::max(0.0f, size.y - status_height);
  float timeline_h = std::floor(body_h * 0.5f);
  float right_w = size.x - nav_w;
  float inspector_w = std::floor(
      std::clamp(right_w * 0.38f, std::min(300.0f * scale, right_w * 0.5f), 520.0f * scale));
  l.nav_pos = origin;
  l.nav_size = ImVec2(nav_w, body_h);
  l.timeline_pos = ImVec2(origin.x + nav_w, origin.y);
  l.timeline_size = ImVec2(right_w, timeline_h);
  l.section_pos = ImVec2(origin.x + nav_w, origin.y + timeline_h);
  l.section_size = ImVec2(right_w - inspector_w, body_h - timeline_h);
  l.inspector_pos = ImVec2(origin.x + nav_w + right_w - inspector_w, origin.y + timeline_h);
  l.inspector_size = ImVec2(inspector_w, body_h - timeline_h);
  l.status_pos = ImVec2(origin.x, origin.y + body_h);
  l.status_size = ImVec2(size.x, status_height);
  return l;
}

}  // namespace rapport::app
