// The Health panel and the Overview's charts.
#include "panels/health_panel.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <optional>

#include "panels/pill.hpp"
#include "rapport/time.hpp"
#include "theme.hpp"

namespace rapport::app {

namespace {

Tone severity_tone(Severity s) {
  return s == Severity::Problem ? Tone::Late : s == Severity::Warning ? Tone::Warn : Tone::Muted;
}

// One finding as a card: its severity as a pill, what is wrong (wrapped), what
// to do next, and a button that selects its item and shows it on the timeline.
void finding_card(PanelContext& ctx, const Finding& f) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad = style.FramePadding.x * 1.5f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - 2 * pad);
  pill(to_string(f.severity), severity_tone(f.severity));
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
  ImGui::TextUnformatted(f.date.iso().c_str());
  ImGui::PopStyleColor();
  ImGui::TextUnformatted(f.message.c_str());
  if (!f.next_step.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    ImGui::TextUnformatted(("Next: " + f.next_step).c_str());
    ImGui::PopStyleColor();
  }
  if (f.item != kNoId) {
    const Selection target{f.item, f.occurrence};
    std::string name = display_name(ctx.engagement, f.item);
    std::string label = "Show " + (name.empty() ? std::string("item") : "“" + name + "”");
    if (ImGui::SmallButton(label.c_str())) {
      ctx.view.selection = target;
      ctx.view.reveal_on_timeline = target;
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad);
  draw->ChannelsSetCurrent(0);
  const bool selected = f.item != kNoId && ctx.view.selection.id == f.item;
  draw->AddRectFilled(start, end, ImGui::GetColorU32(ImGuiCol_ChildBg), style.ChildRounding);
  draw->AddRect(start, end, selected ? palette().accent : ImGui::GetColorU32(ImGuiCol_Border),
                style.ChildRounding);
  draw->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + style.ItemSpacing.y));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

void draw_health(PanelContext& ctx, const std::vector<Finding>& findings) {
  if (findings.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().ok);
    ImGui::TextUnformatted(
        "No findings: meetings are consistent, recaps are written, nothing is overdue.");
    ImGui::PopStyleColor();
    return;
  }
  const Engagement& e = ctx.engagement;
  ImGui::TextUnformatted(health_summary(findings).c_str());
  ImGui::BeginChild("findings");
  // Grouped by the kind of item they are about, the engagement as a whole
  // first; the worst first within a group.
  std::vector<std::optional<Kind>> groups = {std::nullopt};
  for (int k = 0; k < kKindCount; ++k) groups.push_back(Kind(k));
  for (const std::optional<Kind>& group : groups) {
    std::vector<const Finding*> in_group;
    for (const Finding& f : findings)
      if ((f.item == kNoId ? std::nullopt : kind_of(e, f.item)) == group) in_group.push_back(&f);
    if (in_group.empty()) continue;
    std::stable_sort(in_group.begin(), in_group.end(),
                     [](auto* a, auto* b) { return a->severity > b->severity; });
    std::string header =
        fmt::format("{} ({})###group{}", group ? plural_title(*group) : "The engagement",
                    in_group.size(), group ? int(*group) : -1);
    if (!ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
    int index = 0;
    for (const Finding* f : in_group) {
      ImGui::PushID(header.c_str());
      ImGui::PushID(index++);
      finding_card(ctx, *f);
      ImGui::PopID();
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

namespace {

// "Nov", or "Jan 27" where a year begins: a month's label on a chart's axis.
std::string month_label(Date d, bool with_year) {
  std::string name = std::string(month_name(d.month())).substr(0, 3);
  return with_year ? fmt::format("{} {:02d}", name, d.year() % 100) : name;
}

// The frame every chart shares: a title, a plot area with a value axis on the
// left (labels at the bounds and the middle, with grid lines) and room for
// month labels below. Returns the plot rectangle.
struct ChartFrame {
  ImVec2 p0, p1;  // the plot area
  ImDrawList* draw;
  double lo, hi;
  float y_of(double v) const { return float(p1.y - (v - lo) / (hi - lo) * (p1.y - p0.y)); }
};

ChartFrame chart_frame(const char* title, ImVec2 size, double lo, double hi,
                       const char* (*label)(double)) {
  ImGui::TextUnformatted(title);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(title, size);
  ChartFrame c;
  c.draw = ImGui::GetWindowDrawList();
  c.lo = lo;
  c.hi = hi;
  const float line = ImGui::GetTextLineHeight();
  float axis_w = 0;
  for (double v : {lo, (lo + hi) / 2, hi})
    axis_w = std::max(axis_w, ImGui::CalcTextSize(label(v)).x);
  const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
  c.p0 = ImVec2(origin.x + axis_w + gap, origin.y + line + gap);  // room for a value above
  c.p1 = ImVec2(origin.x + size.x, origin.y + size.y - line - gap);
  c.draw->AddRectFilled(c.p0, c.p1, palette().canvas, 4.0f);
  for (double v : {lo, (lo + hi) / 2, hi}) {
    const float y = c.y_of(v);
    c.draw->AddLine(ImVec2(c.p0.x, y), ImVec2(c.p1.x, y), palette().grid);
    const char* text = label(v);
    const ImVec2 ts = ImGui::CalcTextSize(text);
    c.draw->AddText(ImVec2(c.p0.x - gap - ts.x, y - ts.y * 0.5f), palette().muted_text, text);
  }
  return c;
}

// A month's label centred under `x`, if it fits after the last one drawn.
void month_tick(const ChartFrame& c, float x, const std::string& text, float& last_right) {
  const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
  const float left = x - ts.x * 0.5f;
  if (left < last_right + ImGui::GetStyle().ItemSpacing.x) return;
  c.draw->AddText(ImVec2(left, c.p1.y + ImGui::GetStyle().ItemInnerSpacing.x), palette().muted_text,
                  text.c_str());
  last_right = left + ts.x;
}

// Monthly values as bars, each with its value above it and its month below.
void bar_chart(const char* title, const std::vector<HealthPoint>& points, double lo, double hi,
               ImVec2 size, const char* (*axis)(double), const char* (*value)(double)) {
  ImGui::BeginGroup();
  ChartFrame c = chart_frame(title, size, lo, hi, axis);
  if (points.empty()) {
    c.draw->AddText(ImVec2(c.p0.x + 6, c.p0.y + 6), palette().muted_text, "No meetings yet");
  } else {
    const float slot = (c.p1.x - c.p0.x) / float(points.size());
    const float bar = std::max(2.0f, slot * 0.6f);
    float last_right = -FLT_MAX, last_value_right = -FLT_MAX;
    for (size_t i = 0; i < points.size(); ++i) {
      const float x = c.p0.x + slot * (float(i) + 0.5f);
      const float top = c.y_of(std::clamp(points[i].value, lo, hi));
      c.draw->AddRectFilled(ImVec2(x - bar * 0.5f, top), ImVec2(x + bar * 0.5f, c.y_of(lo)),
                            palette().accent, 2.0f);
      const char* v = value(points[i].value);
      const ImVec2 ts = ImGui::CalcTextSize(v);
      const float left = x - ts.x * 0.5f;
      if (left > last_value_right + 4) {  // above its bar, in the body colour
        c.draw->AddText(ImVec2(left, top - ts.y - 2), ImGui::GetColorU32(ImGuiCol_Text), v);
        last_value_right = left + ts.x;
      }
      const bool with_year = i == 0 || points[i].date.month() == 1;
      month_tick(c, x, month_label(points[i].date, with_year), last_right);
    }
  }
  ImGui::EndGroup();
}

// Values over dates as a line with points; months marked on the axis below.
void line_chart(const char* title, const std::vector<HealthPoint>& points, double lo, double hi,
                ImVec2 size, const char* (*label)(double)) {
  ImGui::BeginGroup();
  ChartFrame c = chart_frame(title, size, lo, hi, label);
  const float pad = 8.0f;
  if (points.empty()) {
    c.draw->AddText(ImVec2(c.p0.x + pad, c.p0.y + pad), palette().muted_text, "No data yet");
  } else {
    const int first = points.front().date.days;
    const int last = std::max(points.back().date.days, first + 1);
    auto x_of = [&](int day) {
      return c.p0.x + pad + float(day - first) / float(last - first) * (c.p1.x - c.p0.x - 2 * pad);
    };
    float last_right = -FLT_MAX;
    const Date from = points.front().date;
    Date month = Date::from_ymd(from.year(), from.month(), 1);
    for (int n = 0; n < 240 && month.days <= last; ++n) {
      if (month.days >= first) {
        const float x = x_of(month.days);
        c.draw->AddLine(ImVec2(x, c.p1.y), ImVec2(x, c.p1.y + 3), palette().muted_text);
        month_tick(c, x, month_label(month, n == 0 || month.month() == 1), last_right);
      }
      month = month.month() == 12 ? Date::from_ymd(month.year() + 1, 1, 1)
                                  : Date::from_ymd(month.year(), month.month() + 1, 1);
    }
    if (last_right == -FLT_MAX)  // all within one month: name it under the first point
      month_tick(c, x_of(first), month_label(from, true), last_right);
    std::vector<ImVec2> line;
    for (const HealthPoint& pt : points)
      line.push_back(ImVec2(x_of(pt.date.days), c.y_of(std::clamp(pt.value, lo, hi))));
    if (line.size() > 1)
      c.draw->AddPolyline(line.data(), int(line.size()), palette().accent, 0, 2.0f);
    for (const ImVec2& v : line) c.draw->AddCircleFilled(v, 3.5f, palette().accent);
    // The latest value, written beside its point.
    const char* latest = label(points.back().value);
    const ImVec2 ts = ImGui::CalcTextSize(latest);
    ImVec2 at(line.back().x - ts.x - 6, line.back().y - ts.y - 4);
    at.y = std::max(at.y, c.p0.y);
    c.draw->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), latest);
    if (ImGui::IsItemHovered()) {
      const float mx = ImGui::GetIO().MousePos.x;
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
  std::snprintf(buf, sizeof buf, "%.0f%%", v * 100);
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
  ImVec2 size(std::max(120.0f, w), ImGui::GetFontSize() * 7);
  bar_chart("Meetings held as planned, per month",
            consistency_by_month(ctx.engagement, ctx.today, 12), 0.0, 1.0, size, percent_label,
            percent_label);
  ImGui::SameLine();
  line_chart("Client sentiment", sentiment_over_time(ctx.engagement, ctx.today), -2.0, 2.0, size,
             sentiment_label);
}

}  // namespace rapport::app
