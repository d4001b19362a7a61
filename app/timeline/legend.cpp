#include "timeline/legend.hpp"

#include <algorithm>
#include <string>

#include "rapport/state_pill.hpp"  // delta_text
#include "timeline/item_drawing.hpp"

namespace rapport::app {
namespace {

enum class Symbol {
  Milestone,
  Baseline,
  Slip,
  OverdueTail,
  Conflict,
  Held,
  Planned,
  Cancelled,
  Moved,
  NoRecap,
  Blackout,
};

struct Entry {
  Symbol symbol;
  const char* text;
};

constexpr Entry kEntries[] = {
    {Symbol::Milestone, "Milestone"},
    {Symbol::Baseline, "Agreed date \xE2\x86\x92 now"},
    {Symbol::Slip, "Days slipped"},
    {Symbol::OverdueTail, "Overdue, until today"},
    {Symbol::Conflict, "Conflict: blackout or off hours"},
    {Symbol::Held, "Meeting held"},
    {Symbol::Planned, "Planned"},
    {Symbol::Cancelled, "Cancelled"},
    {Symbol::Moved, "Moved"},
    {Symbol::NoRecap, "No recap yet"},
    {Symbol::Blackout, "Blackout"},
};

float scale() { return ImGui::GetFontSize() / 16.0f; }
float pad() { return 8 * scale(); }
float symbol_w() { return 36 * scale(); }
float entry_gap() { return 18 * scale(); }
float row_h() { return ImGui::GetFontSize() + 8 * scale(); }

float entry_w(const Entry& e) { return symbol_w() + 6 * scale() + ImGui::CalcTextSize(e.text).x; }

// Where each entry goes: calls `at(entry, x, y)` relative to the panel's corner and
// returns the panel's size.
template <class F>
ImVec2 flow(float max_width, F&& at) {
  const float inner = std::max(max_width - 2 * pad(), 1.0f);
  float x = 0, y = 0, widest = 0;
  for (const Entry& e : kEntries) {
    float w = entry_w(e);
    if (x > 0 && x + w > inner) {
      x = 0;
      y += row_h();
    }
    at(e, pad() + x, pad() + y);
    widest = std::max(widest, x + w);
    x += w + entry_gap();
  }
  return ImVec2(widest + 2 * pad(), y + ImGui::GetFontSize() + 2 * pad());
}

// One symbol in the box [a, b]: the same shapes and colours the lanes use.
void draw_symbol(ImDrawList* draw, Symbol sym, ImVec2 a, ImVec2 b, const TimelinePalette& p) {
  const float s = scale();
  const float cy = (a.y + b.y) * 0.5f, h = b.y - a.y;
  const ImVec2 block_a(a.x + 10 * s, a.y + h * 0.12f), block_b(a.x + 24 * s, b.y - h * 0.12f);
  switch (sym) {
    case Symbol::Milestone:
      draw_diamond(draw, ImVec2((a.x + b.x) * 0.5f, cy), h * 0.42f, p.milestone, p.canvas,
                   1.5f * s);
      break;
    case Symbol::Baseline: {
      float r = h * 0.36f, gx = a.x + r + 1 * s, cx = b.x - r - 1 * s;
      draw->AddLine(ImVec2(gx, cy), ImVec2(cx, cy), p.ghost, 1.5f * s);
      draw_diamond(draw, ImVec2(gx, cy), r * 0.75f, 0, p.ghost, 1.5f * s);
      draw_diamond(draw, ImVec2(cx, cy), r, p.milestone, p.canvas, 1.5f * s);
      break;
    }
    case Symbol::Slip: {
      std::string t = delta_text(7);
      ImVec2 ts = ImGui::CalcTextSize(t.c_str());
      draw->AddText(ImVec2((a.x + b.x - ts.x) * 0.5f, cy - ts.y * 0.5f), p.text, t.c_str());
      break;
    }
    case Symbol::OverdueTail: {
      float x1 = a.x + 14 * s;
      draw->AddRectFilled(ImVec2(a.x, a.y + h * 0.15f), ImVec2(x1, b.y - h * 0.15f), p.task_overdue,
                          2 * s);
      draw->AddRectFilled(ImVec2(x1, cy - 2 * s), ImVec2(b.x - 1 * s, cy + 2 * s), p.overdue_tail);
      draw->AddLine(ImVec2(b.x - 2 * s, a.y + h * 0.15f), ImVec2(b.x - 2 * s, b.y - h * 0.15f),
                    p.overdue_tail, 2.5f * s);
      break;
    }
    case Symbol::Conflict:
      draw->AddRectFilled(block_a, block_b, p.meeting_planned, 3 * s);
      draw->AddRect(block_a, block_b, p.meeting, 3 * s, 0, 1.5f * s);
      draw->AddRect(ImVec2(block_a.x - 2.5f * s, block_a.y - 2.5f * s),
                    ImVec2(block_b.x + 2.5f * s, block_b.y + 2.5f * s), p.conflict, 5 * s, 0,
                    2.0f * s);
      break;
    case Symbol::Held:
      draw->AddRectFilled(block_a, block_b, p.meeting, 3 * s);
      break;
    case Symbol::Planned:
      draw->AddRectFilled(block_a, block_b, p.meeting_planned, 3 * s);
      draw->AddRect(block_a, block_b, p.meeting, 3 * s, 0, 1.5f * s);
      break;
    case Symbol::Cancelled:
      draw->AddRect(block_a, block_b, p.meeting_cancelled, 3 * s, 0, 2.0f * s);
      draw->AddLine(ImVec2(block_a.x, block_b.y), ImVec2(block_b.x, block_a.y), p.meeting_cancelled,
                    2.0f * s);
      break;
    case Symbol::Moved: {
      ImVec2 ga(a.x, block_a.y + 3 * s), gb(a.x + 9 * s, block_b.y - 3 * s);
      ImVec2 na(b.x - 12 * s, block_a.y), nb(b.x, block_b.y);
      ImU32 faint = with_alpha(p.meeting, 0.55f);
      draw->AddRect(ga, gb, faint, 2 * s, 0, 1.5f * s);
      draw->AddLine(ImVec2(gb.x, cy), ImVec2(na.x, cy), faint, 1.0f * s);
      draw->AddRectFilled(na, nb, p.meeting, 3 * s);
      break;
    }
    case Symbol::NoRecap:
      draw->AddRectFilled(block_a, block_b, p.meeting, 3 * s);
      draw->AddCircleFilled(ImVec2(block_b.x, block_a.y), 4.5f * s, p.warning, 12);
      draw->AddCircle(ImVec2(block_b.x, block_a.y), 4.5f * s, p.canvas, 12, 1.5f * s);
      break;
    case Symbol::Blackout:
      draw->AddRectFilled(ImVec2(a.x, a.y + h * 0.1f), ImVec2(b.x, b.y - h * 0.1f), p.blackout,
                          3 * s);
      break;
  }
}

}  // namespace

ImVec2 legend_size(float max_width) {
  return flow(max_width, [](const Entry&, float, float) {});
}

void draw_legend(ImDrawList* draw, ImVec2 o, float max_width, const TimelinePalette& pal) {
  const float s = scale();
  const ImVec2 size = legend_size(max_width);
  const ImVec2 end(o.x + size.x, o.y + size.y);
  draw->PushClipRect(o, end, true);
  draw->AddRectFilled(o, end, pal.header_bg, 4 * s);
  draw->AddRect(o, end, pal.header_border, 4 * s);
  const float fs = ImGui::GetFontSize();
  flow(max_width, [&](const Entry& e, float x, float y) {
    ImVec2 a(o.x + x, o.y + y), b(a.x + symbol_w(), a.y + fs);
    draw_symbol(draw, e.symbol, a, b, pal);
    draw->AddText(ImVec2(b.x + 6 * s, a.y), pal.text, e.text);
  });
  draw->PopClipRect();
}

}  // namespace rapport::app
