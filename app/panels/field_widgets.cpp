// Field editors. Each draws two table cells (label, editor) inside a
// two-column table begun by the caller.
#include "panels/field_widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: is this field being typed into
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>

#include "theme.hpp"

namespace rapport::app {

void push_item_id(Id id) {
  const char* bytes = reinterpret_cast<const char*>(&id);
  ImGui::PushID(bytes, bytes + sizeof id);
}
namespace {

// Finished editing: deactivated after an edit (Enter, Tab, click elsewhere).
bool finished() { return ImGui::IsItemDeactivatedAfterEdit(); }

std::string id_label(const char* key) { return std::string("##") + key; }

// A text buffer shown for a non-text value while the field is active or holds
// input that does not parse; otherwise it follows the value.
std::string& buffer_for(FieldBuffers& buffers, const char* key, const std::string& formatted,
                        bool& had_problem) {
  auto it = buffers.text.find(key);
  if (it == buffers.text.end()) it = buffers.text.emplace(key, formatted).first;
  had_problem = it->second != formatted;
  return it->second;
}

template <class Parse, class Apply>
FieldEdit parsed_text(FieldBuffers& buffers, const char* key, const std::string& formatted,
                      const char* hint, const char* problem, Parse parse, Apply apply) {
  FieldEdit edit;
  bool differs = false;
  std::string& text = buffer_for(buffers, key, formatted, differs);
  ImGuiID id = ImGui::GetID(id_label(key).c_str());
  bool active = ImGui::GetActiveID() == id;
  if (!active && !differs) text = formatted;
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint(id_label(key).c_str(), hint, &text);
  bool done = finished() || (ImGui::IsItemDeactivated() && text != formatted);
  if (done) {
    if (auto value = parse(text)) {
      apply(*value);
      edit.changed = true;
      edit.done = true;
      buffers.text.erase(key);
    }
  }
  auto now = buffers.text.find(key);
  if (now != buffers.text.end() && !ImGui::IsItemActive() && !parse(now->second) &&
      now->second != formatted)
    edit.problem = problem;
  return edit;
}

std::optional<int64_t> parse_money(const std::string& text) {
  std::string t;
  for (char c : text)
    if (c != ',' && c != ' ' && c != '_' && c != '\'') t += c;
  if (t.empty()) return 0;
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (*end != '\0' || v < 0 || v > 1e13) return std::nullopt;
  return int64_t(v * 100.0 + 0.5);
}

std::string money_plain(int64_t minor) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(minor / 100),
                static_cast<long long>(minor % 100));
  return buf;
}

bool pick_id(const char* label, Id& value, const std::vector<std::pair<Id, std::string>>& options) {
  std::string current = "(none)";
  for (const auto& [id, name] : options)
    if (id == value) current = name;
  bool changed = false;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo(label, current.c_str())) {
    if (ImGui::Selectable("(none)", value == kNoId)) {
      changed = value != kNoId;
      value = kNoId;
    }
    for (const auto& [id, name] : options) {
      push_item_id(id);
      if (ImGui::Selectable(name.c_str(), id == value)) {
        changed = value != id;
        value = id;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

std::vector<std::pair<Id, std::string>> stakeholder_options(const Engagement& e, int side) {
  std::vector<std::pair<Id, std::string>> out;
  for (const auto& [id, s] : e.stakeholders)
    if (side < 0 || int(s.side) == side)
      out.emplace_back(
          id, s.name + (side < 0 ? (s.side == Side::Client ? "  · client" : "  · provider") : ""));
  return out;
}

}  // namespace

namespace {
// A padlock drawn from shapes (the UI font has no lock glyph), one text line high.
void lock_mark(ImU32 colour) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = h * 0.62f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float body_top = p.y + h * 0.45f;
  draw->AddRectFilled(ImVec2(p.x, body_top), ImVec2(p.x + w, p.y + h * 0.92f), colour, h * 0.08f);
  const ImVec2 centre(p.x + w * 0.5f, body_top);
  draw->PathArcTo(centre, w * 0.32f, IM_PI, 2 * IM_PI, 10);
  draw->PathStroke(colour, 0, h * 0.1f);
  ImGui::Dummy(ImVec2(w, h));
}
}  // namespace

void field_label(const char* label, bool internal) {
  if (internal) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, palette().accent_soft);
  ImGui::TextUnformatted(label);
  if (!internal) return;
  bool hovered = ImGui::IsItemHovered();
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  lock_mark(palette().muted_text);
  if (hovered || ImGui::IsItemHovered())
    ImGui::SetTooltip("Internal: never in the client view or client exports");
}

void field_problem(const std::string& message) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(message.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

FieldEdit edit_date(const char* key, Date& value, FieldBuffers& buffers) {
  return parsed_text(
      buffers, key, value.iso(), "YYYY-MM-DD", "Write the date as 2026-12-15.",
      [](const std::string& t) { return parse_date(t); }, [&](Date d) { value = d; });
}

FieldEdit edit_money(const char* key, int64_t& minor, FieldBuffers& buffers) {
  return parsed_text(
      buffers, key, money_plain(minor), "0.00", "Write the amount as 1800 or 1800.50.",
      [](const std::string& t) { return parse_money(t); }, [&](int64_t m) { minor = m; });
}

bool pick_stakeholder(const char* label, const Engagement& e, Id& value, int side) {
  return pick_id(label, value, stakeholder_options(e, side));
}

bool pick_milestone(const char* label, const Engagement& e, Id& value) {
  std::vector<std::pair<Id, std::string>> options;
  for (const auto& [id, m] : e.milestones)
    options.emplace_back(id, m.title + "  · " + m.current.iso());
  return pick_id(label, value, options);
}

template <class T>
FieldEdit edit_field(const Engagement& e, T& draft, const Field<T>& f, FieldBuffers& buffers,
                     bool read_only) {
  FieldEdit edit;
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  field_label(f.label, f.internal);
  ImGui::TableSetColumnIndex(1);
  ImGui::PushID(f.key);
  if (read_only) {
    std::string text = field_text(e, draft, f);
    ImGui::TextWrapped("%s", text.empty() ? "—" : text.c_str());
    ImGui::PopID();
    return edit;
  }
  const std::string label = id_label(f.key);
  switch (f.type) {
    case FieldType::Enum: {
      int v = f.get_enum(draft);
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (ImGui::BeginCombo(label.c_str(), f.enum_name(v))) {
        for (int i = 0; i < f.enum_count; ++i)
          if (ImGui::Selectable(f.enum_name(i), i == v) && i != v) {
            f.set_enum(draft, i);
            edit.changed = edit.done = true;
          }
        ImGui::EndCombo();
      }
      break;
    }
    default:
      std::visit(
          [&](auto member) {
            using M = decltype(member);
            if constexpr (!std::is_same_v<M, std::monostate>) {
              auto& v = draft.*member;
              using V = std::decay_t<decltype(v)>;
              if constexpr (std::is_same_v<V, std::string>) {
                ImGui::SetNextItemWidth(-FLT_MIN);
                if (f.type == FieldType::LongText) {
                  float h = ImGui::GetTextLineHeight() * 3.6f;
                  ImGui::InputTextMultiline(label.c_str(), &v, ImVec2(-FLT_MIN, h));
                } else if (f.type == FieldType::TimeZone) {
                  ImGui::InputTextWithHint(label.c_str(), "the engagement's time zone", &v);
                } else {
                  ImGui::InputText(label.c_str(), &v);
                }
                edit.done = finished();
                edit.changed = edit.done;
              } else if constexpr (std::is_same_v<V, Date>) {
                edit = edit_date(f.key, v, buffers);
              } else if constexpr (std::is_same_v<V, std::optional<Date>>) {
                edit = parsed_text(
                    buffers, f.key, v ? v->iso() : "", "not yet",
                    "Write the date as 2026-12-15, or leave it empty.",
                    [](const std::string& t) -> std::optional<std::optional<Date>> {
                      if (t.find_first_not_of(' ') == std::string::npos)
                        return std::optional<Date>();
                      if (auto d = parse_date(t)) return std::optional<Date>(*d);
                      return std::nullopt;
                    },
                    [&](std::optional<Date> d) { v = d; });
              } else if constexpr (std::is_same_v<V, LocalTime>) {
                edit = parsed_text(
                    buffers, f.key, v.hhmm(), "HH:MM", "Write the time as 16:00.",
                    [](const std::string& t) { return parse_time(t); },
                    [&](LocalTime t) { v = t; });
              } else if constexpr (std::is_same_v<V, int64_t>) {
                edit = edit_money(f.key, v, buffers);
              } else if constexpr (std::is_same_v<V, int32_t>) {
                ImGui::SetNextItemWidth(-FLT_MIN);
                int x = v;
                if (ImGui::InputInt(label.c_str(), &x)) {
                  if (f.max > f.min) x = std::clamp(x, int(f.min), int(f.max));
                  v = x;
                }
                edit.done = finished();
                edit.changed = edit.done;
              } else if constexpr (std::is_same_v<V, bool>) {
                if (ImGui::Checkbox(label.c_str(), &v)) edit.changed = edit.done = true;
              } else if constexpr (std::is_same_v<V, uint8_t>) {
                for (unsigned i = 1; i <= 7; ++i) {
                  unsigned wd = i % 7;
                  bool on = v & (1u << wd);
                  if (i > 1) ImGui::SameLine();
                  if (ImGui::Checkbox(weekday_short(wd), &on)) {
                    v = uint8_t(on ? (v | (1u << wd)) : (v & ~(1u << wd)));
                    edit.changed = edit.done = true;
                  }
                }
              } else if constexpr (std::is_same_v<V, Id>) {
                bool changed = false;
                if (f.type == FieldType::Stakeholder) {
                  changed = pick_stakeholder(label.c_str(), e, v, f.side);
                } else if (f.type == FieldType::Milestone) {
                  changed = pick_milestone(label.c_str(), e, v);
                } else if (f.type == FieldType::Objective) {
                  std::vector<std::pair<Id, std::string>> options;
                  for (const auto& [id, o] : e.objectives) options.emplace_back(id, o.title);
                  changed = pick_id(label.c_str(), v, options);
                } else if (f.type == FieldType::Channel) {
                  std::vector<std::pair<Id, std::string>> options;
                  for (const auto& [id, c] : e.channels) options.emplace_back(id, name_of(c));
                  changed = pick_id(label.c_str(), v, options);
                }
                edit.changed = edit.done = changed;
              } else if constexpr (std::is_same_v<V, std::vector<Id>>) {
                std::string preview = field_text(e, draft, f);
                ImGui::SetNextItemWidth(-FLT_MIN);
                if (ImGui::BeginCombo(label.c_str(),
                                      preview.empty() ? "(nobody)" : preview.c_str())) {
                  for (const auto& [id, s] : e.stakeholders) {
                    bool on = std::find(v.begin(), v.end(), id) != v.end();
                    push_item_id(id);
                    if (ImGui::Checkbox(s.name.c_str(), &on)) {
                      if (on)
                        v.push_back(id);
                      else
                        v.erase(std::remove(v.begin(), v.end(), id), v.end());
                      edit.changed = edit.done = true;
                    }
                    ImGui::PopID();
                  }
                  ImGui::EndCombo();
                }
              } else if constexpr (std::is_same_v<V, std::vector<MilestoneImpact>>) {
                for (size_t i = 0; i < v.size(); ++i) {
                  ImGui::PushID(int(i));
                  float w = ImGui::GetContentRegionAvail().x;
                  ImGui::SetNextItemWidth(w * 0.55f);
                  Id m = v[i].milestone;
                  ImGui::BeginGroup();
                  ImGui::PushItemWidth(w * 0.55f);
                  std::vector<std::pair<Id, std::string>> options;
                  for (const auto& [id, ms] : e.milestones) options.emplace_back(id, ms.title);
                  std::string current = display_name(e, m);
                  if (ImGui::BeginCombo("##milestone", current.c_str())) {
                    for (const auto& [id, name] : options)
                      if (ImGui::Selectable(name.c_str(), id == m)) {
                        v[i].milestone = id;
                        edit.changed = edit.done = true;
                      }
                    ImGui::EndCombo();
                  }
                  ImGui::PopItemWidth();
                  ImGui::SameLine();
                  ImGui::SetNextItemWidth(w * 0.25f);
                  int days = v[i].days;
                  if (ImGui::InputInt("days##d", &days, 1, 7))
                    v[i].days = std::clamp(days, -3650, 3650);
                  if (finished()) edit.changed = edit.done = true;
                  ImGui::SameLine();
                  bool remove = ImGui::SmallButton("×");
                  ImGui::EndGroup();
                  ImGui::PopID();
                  if (remove) {
                    v.erase(v.begin() + long(i));
                    edit.changed = edit.done = true;
                    break;
                  }
                }
                if (!e.milestones.empty() && ImGui::SmallButton("+ Milestone")) {
                  v.push_back(MilestoneImpact{e.milestones.begin()->first, 1});
                  edit.changed = edit.done = true;
                }
              }
            }
          },
          f.member);
  }
  if (!edit.problem.empty()) field_problem(edit.problem);
  ImGui::PopID();
  return edit;
}

#define RAPPORT_EDIT_FIELD(T) \
  template FieldEdit edit_field<T>(const Engagement&, T&, const Field<T>&, FieldBuffers&, bool);
RAPPORT_EDIT_FIELD(Stakeholder)
RAPPORT_EDIT_FIELD(Objective)
RAPPORT_EDIT_FIELD(Constraint)
RAPPORT_EDIT_FIELD(Question)
RAPPORT_EDIT_FIELD(Expectation)
RAPPORT_EDIT_FIELD(Responsibility)
RAPPORT_EDIT_FIELD(Deliverable)
RAPPORT_EDIT_FIELD(CommunicationChannel)
RAPPORT_EDIT_FIELD(MeetingSeries)
RAPPORT_EDIT_FIELD(Milestone)
RAPPORT_EDIT_FIELD(Boundary)
RAPPORT_EDIT_FIELD(ChangeRequest)
RAPPORT_EDIT_FIELD(ClientTask)
RAPPORT_EDIT_FIELD(Decision)
RAPPORT_EDIT_FIELD(Feedback)
#undef RAPPORT_EDIT_FIELD

}  // namespace rapport::app
