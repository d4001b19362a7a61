// One table for every item kind, driven by core's field descriptors.
#include "panels/item_table.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <string_view>
#include <type_traits>

#include "panels/field_widgets.hpp"
#include "panels/pill.hpp"
#include "rapport/defaults.hpp"
#include "rapport/fields.hpp"
#include "rapport/state_pill.hpp"
#include "rapport/text.hpp"
#include "theme.hpp"

namespace rapport::app {
namespace {

// A column of a table: a field, or (milestones) Δ, how far "Now" is from "Agreed".
template <class T>
struct Column {
  const Field<T>* field = nullptr;
  bool delta = false;
  const char* label() const { return delta ? "Δ" : field->label; }
};

template <class T>
std::vector<Column<T>> visible_columns() {
  std::vector<Column<T>> out;
  for (const Field<T>& f : fields<T>()) {
    if (!f.in_table) continue;
    out.push_back({&f});
    if constexpr (std::is_same_v<T, Milestone>)
      if (std::string_view(f.key) == "current") out.push_back({&f, true});
  }
  return out;
}

// The kinds whose state is a pill in the words of the report (state_pill.hpp).
template <class T>
constexpr bool kHasStatePill = std::is_same_v<T, Milestone> || std::is_same_v<T, ClientTask> ||
                               std::is_same_v<T, ChangeRequest>;

template <class T>
bool is_state_column(const Column<T>& c) {
  return kHasStatePill<T> && !c.delta && std::string_view(c.field->key) == "status";
}

// Text columns share the width left by the others and wrap; dates, numbers and
// states are as wide as their widest cell and never wrap.
template <class T>
bool is_wide(const Column<T>& c) {
  if (c.delta) return false;
  FieldType t = c.field->type;
  return t == FieldType::Text || t == FieldType::LongText || t == FieldType::Stakeholders ||
         t == FieldType::Impacts;
}

// Numbers sort as numbers, everything else by its text (ISO dates sort right).
template <class T>
bool numeric_key(const T& item, const Column<T>& c, int64_t& out) {
  if constexpr (std::is_same_v<T, Milestone>)
    if (c.delta) {
      out = item.current.days - item.baseline.days;
      return true;
    }
  const Field<T>& f = *c.field;
  if (f.type == FieldType::Enum) {
    out = f.get_enum(item);
    return true;
  }
  if (auto* m = std::get_if<int32_t T::*>(&f.member)) {
    out = item.**m;
    return true;
  }
  if (auto* m = std::get_if<int64_t T::*>(&f.member)) {
    out = item.**m;
    return true;
  }
  return false;
}

template <class T>
std::string column_text(const Engagement& e, const T& item, const Column<T>& c) {
  if constexpr (std::is_same_v<T, Milestone>)
    if (c.delta) return delta_text(item.current.days - item.baseline.days);
  return field_text(e, item, *c.field);
}

template <class T>
void rebuild_rows(const Engagement& e, const std::vector<Column<T>>& columns, ItemTableState& s) {
  const auto& table = KindOf<T>::table(e);
  s.rows.clear();
  s.rows.reserve(table.size());
  std::string needle = ascii_lower(s.filter);
  bool filtering = needle.find_first_not_of(' ') != std::string::npos;
  for (const auto& [id, item] : table) {
    if (filtering) {
      bool hit = false;
      for (const Column<T>& c : columns)
        if (!c.delta &&
            ascii_lower(field_text(e, item, *c.field)).find(needle) != std::string::npos) {
          hit = true;
          break;
        }
      if (!hit) continue;
    }
    s.rows.push_back(id);
  }
  if (s.sort_column >= 0 && s.sort_column < int(columns.size())) {
    const Column<T>& c = columns[size_t(s.sort_column)];
    struct Key {
      Id id;
      int64_t number;
      std::string text;
    };
    std::vector<Key> keys;
    keys.reserve(s.rows.size());
    for (Id id : s.rows) {
      const T& item = *table.find(id);
      Key k{id, 0, {}};
      if (!numeric_key(item, c, k.number)) k.text = ascii_lower(field_text(e, item, *c.field));
      keys.push_back(std::move(k));
    }
    std::stable_sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
      bool less = a.text != b.text ? a.text < b.text : a.number < b.number;
      bool more = a.text != b.text ? b.text < a.text : b.number < a.number;
      return s.sort_descending ? more : less;
    });
    for (size_t i = 0; i < keys.size(); ++i) s.rows[i] = keys[i].id;
  }
}

// Above this many rows a table draws one line per row through a list clipper;
// below it long text wraps (rows of different heights cannot be clipped).
constexpr size_t kWrapRows = 1000;

}  // namespace

template <class T>
void draw_item_table(PanelContext& ctx, ItemTableState& s) {
  const Engagement& e = ctx.engagement;
  const Kind kind = KindOf<T>::kind;
  const auto& table = KindOf<T>::table(e);
  auto columns = visible_columns<T>();

  // Toolbar: filter and add.
  ImGui::PushID(int(kind));
  if (s.focus_filter) {
    ImGui::SetKeyboardFocusHere();
    s.focus_filter = false;
  }
  float add_width = ImGui::CalcTextSize("+ Add").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(std::max(
      120.0f, ImGui::GetContentRegionAvail().x - add_width - ImGui::GetStyle().ItemSpacing.x));
  std::string hint = "Filter " + ascii_lower(plural_title(kind)) + "…";
  ImGui::InputTextWithHint("##filter", hint.c_str(), &s.filter);
  ImGui::SameLine();
  if (ImGui::Button("+ Add")) ctx.queue.push_and_select(Add<T>{default_item<T>(e, ctx.today)});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add a %s (Ctrl+Enter)", to_string(kind));

  // Dates, numbers and states take the width of their widest cell; text
  // columns share the rest and wrap. The outer cells keep their padding (as the
  // client view's tables): no text flush against the table's edge.
  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit |
                          ImGuiTableFlags_Hideable | ImGuiTableFlags_PadOuterX;
  if (columns.empty() || !ImGui::BeginTable("items", int(columns.size()), flags)) {
    ImGui::PopID();
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  // Items with dates read in date order (the last date column: "Now" rather
  // than "Agreed", "Due" rather than "Created"); others by name.
  size_t by_default = 0;
  for (size_t c = 0; c < columns.size(); ++c)
    if (!columns[c].delta && columns[c].field->type == FieldType::Date) by_default = c;
  for (size_t c = 0; c < columns.size(); ++c) {
    const Column<T>& col = columns[c];
    const bool wide = is_wide(col);
    ImGuiTableColumnFlags cf =
        wide ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
    if (c == by_default) cf |= ImGuiTableColumnFlags_DefaultSort;
    ImGui::TableSetupColumn(col.label(), cf, wide ? (c == 0 ? 2.0f : 3.0f) : 0.0f);
  }
  ImGui::TableHeadersRow();

  bool dirty = !(s.built_stamp == ctx.stamp) || s.built_filter != s.filter;
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      s.sort_column = specs->Specs[0].ColumnIndex;
      s.sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
    dirty = true;
  }
  if (dirty) {
    rebuild_rows<T>(e, columns, s);
    s.built_stamp = ctx.stamp;
    s.built_filter = s.filter;
  }

  const bool wrap = s.rows.size() <= kWrapRows;
  auto draw_row = [&](Id id) {
    const T* item = table.find(id);
    if (!item) return;
    ImGui::TableNextRow();
    push_item_id(id);
    for (size_t c = 0; c < columns.size(); ++c) {
      ImGui::TableSetColumnIndex(int(c));
      const Column<T>& col = columns[c];
      if constexpr (kHasStatePill<T>) {
        if (c != 0 && is_state_column(col)) {
          StatePill p = state_pill(*item, ctx.today);
          pill(p.text, p.tone, false);
          continue;
        }
      }
      std::string text = column_text(e, *item, col);
      std::replace(text.begin(), text.end(), '\n', ' ');
      if (c == 0) {
        bool selected = ctx.view.selection.id == id;
        if (ImGui::Selectable(
                text.empty() ? "—" : text.c_str(), selected,
                ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
          ctx.view.selection = Selection{id, std::nullopt};
          ctx.view.reveal_on_timeline = ctx.view.selection;
        }
      } else if (wrap && is_wide(col)) {  // dates, numbers and states stay on one line
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
      } else {
        ImGui::TextUnformatted(text.c_str());
      }
    }
    ImGui::PopID();
  };
  if (wrap) {
    for (Id id : s.rows) draw_row(id);
  } else {
    ImGuiListClipper clipper;
    clipper.Begin(int(s.rows.size()));
    while (clipper.Step())
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
        draw_row(s.rows[size_t(row)]);
  }
  if (s.rows.empty()) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled(table.empty() ? "Nothing yet: press + Add."
                                      : "Nothing matches the filter.");
  }
  ImGui::EndTable();

  // Delete the selected item of this kind with the Delete key while the table has focus.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
      !ImGui::GetIO().WantTextInput &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false) &&
      table.contains(ctx.view.selection.id)) {
    ctx.queue.push(Delete<T>{ctx.view.selection.id});
    ctx.view.selection = {};
  }
  ImGui::PopID();
}

#define RAPPORT_ITEM_TABLE(T) template void draw_item_table<T>(PanelContext&, ItemTableState&);
RAPPORT_ITEM_TABLE(Stakeholder)
RAPPORT_ITEM_TABLE(Objective)
RAPPORT_ITEM_TABLE(Constraint)
RAPPORT_ITEM_TABLE(Question)
RAPPORT_ITEM_TABLE(Expectation)
RAPPORT_ITEM_TABLE(Responsibility)
RAPPORT_ITEM_TABLE(Deliverable)
RAPPORT_ITEM_TABLE(CommunicationChannel)
RAPPORT_ITEM_TABLE(MeetingSeries)
RAPPORT_ITEM_TABLE(Milestone)
RAPPORT_ITEM_TABLE(Boundary)
RAPPORT_ITEM_TABLE(ChangeRequest)
RAPPORT_ITEM_TABLE(ClientTask)
RAPPORT_ITEM_TABLE(Decision)
RAPPORT_ITEM_TABLE(Feedback)
#undef RAPPORT_ITEM_TABLE

}  // namespace rapport::app
