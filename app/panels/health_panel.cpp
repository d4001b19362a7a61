// The Health panel and the Overview's charts.
#include "panels/health_panel.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "theme.hpp"

namespace rapport::app {

void draw_health(PanelContext& ctx, const std::vector<Finding>& findings) {
  if (findings.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().ok);
    ImGui::TextUnformatted(
        "No findings: meetings are consistent, recaps are written, nothing is overdue.");
    ImGui::PopStyleColor();
    return;
  }
  ImGui::BeginChild("findings");
  for (Severity severity : {Severity::Problem, Severity::Warning, Severity::Info}) {
    size_t count = std::count_if(findings.begin(), findings.end(),
                                 [&](const Finding& f) { return f.severity == severity; });
    if (count == 0) continue;
    ImU32 colour = severity == Severity::Problem   ? palette().danger
                   : severity == Severity::Warning ? palette().warning
                                                   : palette().muted_text;
    std::string header = fmt::format("{} {}{}###sev{}", count, to_string(severity),
                                     count == 1 ? "" : "s", int(severity));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    bool open = ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopStyleColor();
    if (!open) continue;
    int index = 0;
    for (const Finding& f : findings) {
      if (f.severity != severity) continue;
      ImGui::PushID(index++);
      ImGui::PushID(int(severity));
      Selection target{f.item, f.occurrence};
      bool selected = f.item != kNoId && ctx.view.selection == target;
      std::string label = fmt::format("{}  {}", f.date.iso(), f.message);
      if (ImGui::Selectable(label.c_str(), selected) && f.item != kNoId) {
        ctx.view.selection = target;
        ctx.view.reveal_on_timeline = target;
      }
      if (!f.next_step.empty()) {
        ImGui::Indent();
        ImGui::TextDisabled("Next: %s", f.next_step.c_str());
        ImGui::Unindent();
      }
      ImGui::PopID();
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

namespace {

// A small line chart over dates with a fixed value range, drawn with ImDrawList.
void line_chart(const char* title, const std::vector<HealthPoint>& points, double lo, double hi,
                ImVec2 size, const char* (*label)(double)) {
  ImGui::BeginGroup();
  ImGui::TextUnformatted(title);
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 p1(p0.x + size.x, p0.y + size.y);
  draw->AddRectFilled(p0, p1, palette().canvas, 4.0f);
  draw->AddRect(p0, p1, palette().grid, 4.0f);
  float pad = 6.0f;
  auto y_of = [&](double v) {
    return float(p1.y - pad - (v - lo) / (hi - lo) * (size.y - 2 * pad));
  };
  // Reference lines at the bounds and the middle.
  for (double v : {lo, (lo + hi) / 2, hi})
    draw->AddLine(ImVec2(p0.x, y_of(v)), ImVec2(p1.x, y_of(v)), palette().grid);
  if (points.empty()) {
    draw->AddText(ImVec2(p0.x + pad, p0.y + pad), palette().muted_text, "No data yet");
  } else {
    int first = points.front().date.days, last = std::max(points.back().date.days, first + 1);
    auto x_of = [&](Date d) {
      return p0.x + pad + float(d.days - first) / float(last - first) * (size.x - 2 * pad);
    };
    std::vector<ImVec2> line;
    for (const HealthPoint& pt : points)
      line.push_back(ImVec2(x_of(pt.date), y_of(std::clamp(pt.value, lo, hi))));
    if (line.size() > 1)
      draw->AddPolyline(line.data(), int(line.size()), palette().accent, 0, 2.0f);
    for (const ImVec2& v : line) draw->AddCircleFilled(v, 3.0f, palette().accent);
    if (ImGui::IsItemHovered()) {
      // The nearest point's value.
      float mx = ImGui::GetIO().MousePos.x;
      size_t best = 0;
      for (size_t i = 1; i < line.size(); ++i)
        if (std::abs(line[i].x - mx) < std::abs(line[best].x - mx)) best = i;
      ImGui::SetTooltip("%s: %s", points[best].date.iso().c_str(), label(points[best].value));
    }
  }
  ImGui::EndGroup();
}

const char* percent_label(double v) {
  static char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%% held", v * 100);
  return buf;
}
const char* sentiment_label(double v) {
  static char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", v);
  return buf;
}

}  // namespace

void draw_health_charts(PanelContext& ctx) {
  float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImVec2 size(std::max(120.0f, w), ImGui::GetFontSize() * 5);
  line_chart("Meetings held, per month", consistency_by_month(ctx.engagement, ctx.today, 12), 0.0,
             1.0, size, percent_label);
  ImGui::SameLine();
  line_chart("Client sentiment", sentiment_over_time(ctx.engagement, ctx.today), -2.0, 2.0, size,
             sentiment_label);
}

}  // namespace rapport::app
