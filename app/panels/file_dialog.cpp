// The in-app file dialog.
#include "panels/file_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <system_error>

#include "theme.hpp"

namespace fs = std::filesystem;

namespace rapport::app {

bool is_rapport_file(const fs::path& p) {
  std::string name = p.filename().string();
  auto ends = [&](const std::string& suffix) {
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".rapport") || ends(".rapport.json");
}

fs::path save_path_as_typed(const fs::path& typed, const std::vector<std::string>& extensions) {
  fs::path p = typed;
  if (extensions.empty()) {
    if (!is_rapport_file(p)) p += ".rapport";
    return p;
  }
  if (p.has_extension()) return p;
  // The extension of the default suffix: ".html" of "-status.html", ".ics" of ".ics".
  const std::string& suffix = extensions.front();
  size_t dot = suffix.rfind('.');
  p += dot == std::string::npos ? suffix : suffix.substr(dot);
  return p;
}

bool FileDialog::matches(const fs::path& p) const {
  if (extensions_.empty()) return is_rapport_file(p);
  std::string name = p.filename().string();
  for (const std::string& ext : extensions_)
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  return false;
}

void FileDialog::open(Mode mode, const std::string& start_path,
                      const std::vector<std::string>& recent, std::vector<std::string> extensions,
                      std::string title) {
  mode_ = mode;
  extensions_ = std::move(extensions);
  title_ = std::move(title);
  recent_ = recent;
  problem_.clear();
  std::error_code ec;
  fs::path p = start_path.empty() ? fs::current_path(ec) : fs::path(start_path);
  if (!start_path.empty() && !fs::is_directory(p, ec)) {
    name_ = mode == Mode::Save ? p.filename().string() : "";
    p = p.parent_path();
  } else {
    name_ = mode == Mode::Save ? "engagement.rapport" : "";
  }
  if (p.empty() || !fs::is_directory(p, ec)) p = fs::current_path(ec);
  list(p);
  open_requested_ = true;
}

void FileDialog::list(const fs::path& folder) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(folder, ec);
  if (ec) canonical = folder;
  std::vector<fs::directory_entry> found;
  fs::directory_iterator it(canonical, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    problem_ = "Cannot read “" + canonical.string() + "”: " + ec.message() + ".";
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const auto& entry = *it;
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    bool dir = entry.is_directory(type_ec);
    if (dir || all_files_ || matches(entry.path())) found.push_back(entry);
    if (found.size() > 5000) break;  // a huge folder stays usable
  }
  std::sort(found.begin(), found.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) {
              std::error_code e1, e2;
              bool da = a.is_directory(e1), db = b.is_directory(e2);
              if (da != db) return da;
              return a.path().filename().string() < b.path().filename().string();
            });
  folder_ = canonical;
  entries_ = std::move(found);
  cursor_ = -1;
}

std::optional<std::string> FileDialog::draw() {
  std::string title_text = !title_.empty()       ? title_ + "###filedialog"
                           : mode_ == Mode::Open ? "Open engagement###filedialog"
                                                 : "Save engagement as###filedialog";
  const char* title = title_text.c_str();
  if (open_requested_) {
    ImGui::OpenPopup("###filedialog");
    open_requested_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
      ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.9f, ImGui::GetFontSize() * 42),
                                  std::min(vp->WorkSize.y * 0.85f, ImGui::GetFontSize() * 30)),
                           ImGuiCond_Appearing);
  visible_ = ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings);
  if (!visible_) return std::nullopt;
  std::optional<std::string> chosen;

  // Folder path, editable.
  std::string folder_text = folder_.string();
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::InputText("##folder", &folder_text, ImGuiInputTextFlags_EnterReturnsTrue)) {
    std::error_code ec;
    if (fs::is_directory(folder_text, ec)) {
      problem_.clear();
      list(folder_text);
    } else {
      problem_ = "“" + folder_text + "” is not a folder.";
    }
  }
  if (ImGui::Button("↑ Parent") || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) &&
                                    !ImGui::GetIO().WantTextInput))
    list(folder_.parent_path());
  ImGui::SameLine();
  if (ImGui::Checkbox("Show all files", &all_files_)) list(folder_);

  float footer = ImGui::GetFrameHeightWithSpacing() * 3 +
                 (recent_.empty() ? 0 : ImGui::GetFrameHeightWithSpacing());
  ImGui::BeginChild("entries", ImVec2(0, -footer), true);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
    cursor_ = std::min(cursor_ + 1, int(entries_.size()) - 1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) cursor_ = std::max(cursor_ - 1, 0);
  bool activate = false;
  for (size_t i = 0; i < entries_.size(); ++i) {
    const auto& entry = entries_[i];
    std::error_code ec;
    bool dir = entry.is_directory(ec);
    std::string label = (dir ? "▸ " : "   ") + entry.path().filename().string();
    bool selected = int(i) == cursor_;
    if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
      cursor_ = int(i);
      if (!dir) name_ = entry.path().filename().string();
      if (ImGui::IsMouseDoubleClicked(0)) activate = true;
    }
    if (selected && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) &&
        !ImGui::GetIO().WantTextInput)
      activate = true;
    if (selected && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))))
      ImGui::SetScrollHereY();
  }
  if (entries_.empty())
    ImGui::TextDisabled(extensions_.empty() ? "No Rapport files here." : "No matching files here.");
  ImGui::EndChild();
  if (activate && cursor_ >= 0 && cursor_ < int(entries_.size())) {
    std::error_code ec;
    const auto& entry = entries_[size_t(cursor_)];
    if (entry.is_directory(ec))
      list(entry.path());
    else
      chosen = entry.path().string();
  }

  if (!recent_.empty()) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##recent", "Recent files…")) {
      for (const auto& r : recent_)
        if (ImGui::Selectable(r.c_str())) {
          if (mode_ == Mode::Open)
            chosen = r;
          else {
            fs::path p(r);
            list(p.parent_path());
            name_ = p.filename().string();
          }
        }
      ImGui::EndCombo();
    }
  }
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Cancel Save").x -
                          ImGui::GetStyle().FramePadding.x * 6);
  bool enter = ImGui::InputTextWithHint("##name", "file name (.rapport or .rapport.json)", &name_,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  bool ok = ImGui::Button(mode_ == Mode::Open ? "Open" : "Save") || enter;
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  if (ok && !name_.empty()) {
    fs::path p = fs::path(name_).is_absolute() ? fs::path(name_) : folder_ / name_;
    if (mode_ == Mode::Save) p = save_path_as_typed(p, extensions_);
    std::error_code ec;
    if (mode_ == Mode::Open && !fs::exists(p, ec))
      problem_ = "There is no file “" + p.string() + "”.";
    else if (mode_ == Mode::Save && !fs::is_directory(p.parent_path(), ec))
      problem_ = "The folder “" + p.parent_path().string() + "” does not exist.";
    else
      chosen = p.string();
  }
  if (!problem_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextWrapped("%s", problem_.c_str());
    ImGui::PopStyleColor();
  }
  if (chosen) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return chosen;
}

}  // namespace rapport::app
