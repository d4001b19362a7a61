// File ▸ Import ▸ CSV…: what Rapport read from the file (section, delimiter,
// encoding, date format: each changeable), what each column becomes, the first
// rows as they would become items, and every bad cell with its row, column
// and reason. Nothing is added until Import, which is one undo step and is
// offered only when no cell is bad; Cancel (or Escape) changes nothing.
#include <imgui.h>

#include <filesystem>
#include <optional>
#include <string>

#include "dialogs/dialogs.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"
#include "theme.hpp"

namespace rapport::app {
namespace {

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

const char* delimiter_name(char d) {
  return d == ';' ? "semicolon ;" : d == '\t' ? "tab" : "comma ,";
}

// A combo over `count` choices named by `name(i)`; true when the user picked another.
template <class Name>
bool choice(const char* label, int& value, int count, Name name, const char* preview = nullptr) {
  bool changed = false;
  if (ImGui::BeginCombo(label, preview ? preview : name(value))) {
    for (int i = 0; i < count; ++i)
      if (ImGui::Selectable(name(i), i == value) && i != value) {
        value = i;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

// The strongest change asked for this frame: reading again covers a new
// section's mapping, which covers checking again.
void ask(std::optional<CsvChange>& pending, CsvChange change) {
  if (!pending || int(change) < int(*pending)) pending = change;
}

void draw_choices(App& app, CsvPreview& p, std::optional<CsvChange>& pending) {
  const float width = 190 * app.scale;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Into");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  int section = int(p.csv.section);
  if (choice(
          "##section", section, kKindCount, [](int k) { return plural_title(Kind(k)); },
          p.csv.section_detected ? nullptr : "choose a section")) {
    p.csv.section = Kind(section);
    ask(pending, CsvChange::Section);
  }
  ImGui::SameLine(0, 24 * app.scale);
  ImGui::TextUnformatted("Delimiter");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width * 0.7f);
  static constexpr char kDelimiters[] = {',', ';', '\t'};
  int d = p.csv.table.delimiter == ';' ? 1 : p.csv.table.delimiter == '\t' ? 2 : 0;
  if (choice("##delimiter", d, 3, [](int i) { return delimiter_name(kDelimiters[i]); })) {
    p.csv.table.delimiter = kDelimiters[d];
    ask(pending, CsvChange::Reading);
  }
  ImGui::SameLine(0, 24 * app.scale);
  ImGui::TextUnformatted("Encoding");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width * 0.8f);
  int enc = int(p.csv.table.encoding);
  if (choice("##encoding", enc, 3, [](int i) { return to_string(CsvEncoding(i)); })) {
    p.csv.table.encoding = CsvEncoding(enc);
    ask(pending, CsvChange::Reading);
  }
  ImGui::SameLine(0, 24 * app.scale);
  ImGui::TextUnformatted("Dates");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width * 0.7f);
  // While no value tells DD/MM from MM/DD, nothing is chosen: any pick counts.
  int dates = p.csv.dates_ambiguous ? -1 : int(p.csv.dates);
  if (choice(
          "##dates", dates, kCsvDateFormatCount, [](int i) { return to_string(CsvDateFormat(i)); },
          p.csv.dates_ambiguous ? "choose…" : nullptr)) {
    p.csv.dates = CsvDateFormat(dates);
    p.csv.dates_ambiguous = false;
    ask(pending, CsvChange::Checking);
  }
}

void draw_columns(CsvPreview& p, std::optional<CsvChange>& pending) {
  const std::vector<CsvTarget> targets = csv_targets(p.csv.section);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  const size_t shown = std::min<size_t>(p.csv.table.header.size(), 6);
  const float height = ImGui::GetFrameHeightWithSpacing() * float(shown + 1);
  if (!ImGui::BeginTable("##columns", 3, flags, ImVec2(0, height))) return;
  ImGui::TableSetupColumn("Column in the file", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Becomes", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("First value", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(int(p.csv.table.header.size()));
  bool changed = false;
  while (clipper.Step())
    for (int c = clipper.DisplayStart; c < clipper.DisplayEnd; ++c) {
      ImGui::PushID(c);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      const std::string& title = p.csv.table.header[size_t(c)];
      ImGui::Text("%d  %s", c + 1, title.empty() ? "(no title)" : title.c_str());
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      int& m = p.csv.mapping[size_t(c)];
      changed |= choice("##becomes", m, int(targets.size()),
                        [&](int i) { return targets[size_t(i)].label.c_str(); });
      ImGui::TableNextColumn();
      if (!p.csv.table.rows.empty() && size_t(c) < p.csv.table.rows[0].size())
        ImGui::TextUnformatted(p.csv.table.rows[0][size_t(c)].c_str());
      ImGui::PopID();
    }
  ImGui::EndTable();
  if (changed) ask(pending, CsvChange::Checking);
}

void draw_rows(const CsvPreview& p) {
  const CsvCheck& check = p.check;
  if (check.preview_labels.empty()) {
    ImGui::TextDisabled("No column is mapped to a field yet.");
    return;
  }
  const int columns = int(check.preview_labels.size()) + 2;
  if (columns > 64) return;  // ImGui's table limit; the mapping table lists them all
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  const float height =
      ImGui::GetTextLineHeightWithSpacing() * float(std::min<size_t>(check.preview.size(), 8) + 2);
  if (!ImGui::BeginTable("##rows", columns, flags, ImVec2(0, height))) return;
  ImGui::TableSetupColumn("Row");
  ImGui::TableSetupColumn("Becomes");
  for (const std::string& label : check.preview_labels) ImGui::TableSetupColumn(label.c_str());
  ImGui::TableSetupScrollFreeze(2, 1);
  ImGui::TableHeadersRow();
  for (const CsvPreviewRow& row : check.preview) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%d", row.row);
    ImGui::TableNextColumn();
    if (row.bad)
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette().danger), "bad cell");
    else
      ImGui::TextUnformatted(row.updates ? "update" : "new");
    for (const std::string& cell : row.cells) {
      ImGui::TableNextColumn();
      // One line per cell: a long text shows its start (the whole is imported).
      std::string line = cell.substr(0, cell.find('\n'));
      if (line.size() > 60) line = line.substr(0, 57) + "…";
      ImGui::TextUnformatted(line.c_str());
    }
  }
  ImGui::EndTable();
}

void draw_bad_cells(const CsvPreview& p) {
  const CsvCheck& check = p.check;
  ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
  ImGui::Text(
      "%zu bad cell%s: fix them in the file or change the choices above. Nothing is "
      "imported while any cell is bad.",
      check.bad_count, check.bad_count == 1 ? "" : "s");
  ImGui::PopStyleColor();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  const float height = ImGui::GetTextLineHeightWithSpacing() *
                       (float(std::min<size_t>(check.bad_cells.size(), 8)) + 1.5f);
  if (!ImGui::BeginTable("##bad", 3, flags, ImVec2(0, height))) return;
  ImGui::TableSetupColumn("Row", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Column", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch, 4.0f);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(int(check.bad_cells.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const CsvBadCell& bad = check.bad_cells[size_t(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (bad.row > 0) ImGui::Text("%d", bad.row);
      ImGui::TableNextColumn();
      if (bad.column > 0)
        ImGui::Text("%d %s", bad.column, bad.header.c_str());
      else
        ImGui::TextDisabled("whole row");
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", bad.reason.c_str());
    }
  ImGui::EndTable();
  if (check.bad_count > check.bad_cells.size())
    ImGui::TextDisabled("… and %zu more.", check.bad_count - check.bad_cells.size());
}

}  // namespace

void draw_csv_preview(App& app) {
  const char* title = "Import CSV";
  if (app.panels.csv_preview && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  center_next_dialog();
  ImGui::SetNextWindowSize(ImVec2(900 * app.scale, 640 * app.scale), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(title, nullptr)) return;
  if (!app.panels.csv_preview) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  CsvPreview& p = *app.panels.csv_preview;
  const std::string name = std::filesystem::path(p.path).filename().string();
  ImGui::Text("“%s”: %zu rows, %zu columns.", name.c_str(), p.csv.table.rows.size(),
              p.csv.table.header.size());
  ImGui::TextDisabled(
      "Check what Rapport read and what each column becomes. Nothing is added "
      "until Import.");
  ImGui::Spacing();
  std::optional<CsvChange> pending;
  draw_choices(app, p, pending);
  const float footer = ImGui::GetFrameHeightWithSpacing() * 1.5f;
  if (ImGui::BeginChild("##csv-body", ImVec2(0, -footer))) {
    if (!p.error.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
      ImGui::TextWrapped("The file cannot be read this way: %s", p.error.c_str());
      ImGui::PopStyleColor();
    } else {
      if (p.csv.dates_ambiguous)
        ImGui::TextWrapped(
            "Dates such as 03/04/2026 can be read day first or month first: "
            "choose the date format above.");
      heading("Columns");
      draw_columns(p, pending);
      heading("Rows as they become items");
      draw_rows(p);
      if (p.check.bad_count > 0) {
        heading("Bad cells");
        draw_bad_cells(p);
      } else {
        ImGui::Spacing();
        ImGui::Text("%zu to add, %zu to update, %zu unchanged.", p.check.adds, p.check.updates,
                    p.check.unchanged);
      }
    }
  }
  ImGui::EndChild();
  const bool can_import = p.error.empty() && p.check.bad_count == 0 && !p.csv.dates_ambiguous &&
                          !p.check.commands.empty();
  if (!can_import) ImGui::BeginDisabled();
  if (ImGui::Button("Import")) {
    import_csv_preview(app);
    ImGui::CloseCurrentPopup();
  }
  if (!can_import) ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    app.panels.csv_preview.reset();
    app.main_window.status_message = "Import cancelled: nothing changed.";
    ImGui::CloseCurrentPopup();
  } else if (pending && app.panels.csv_preview) {
    // After drawing: a large file is checked again off the UI thread, and
    // the preview is away until then.
    recheck_csv(app, *pending);
  }
  ImGui::EndPopup();
}

}  // namespace rapport::app
