// Open and Save dialogs inside the app (ImGui has none): a folder listing
// filtered to Rapport files, a path field, keyboard navigation (arrows, Enter,
// Backspace for the parent folder) and the recent files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rapport::app {

class FileDialog {
 public:
  enum class Mode { Open, Save };
  // `extensions` filters the listing and completes a typed name on save that
  // has no extension (save_path_as_typed); empty = Rapport files. `title`
  // names the dialog.
  void open(Mode mode, const std::string& start_path, const std::vector<std::string>& recent,
            std::vector<std::string> extensions = {}, std::string title = "");
  // Draws the dialog when open; returns the chosen path once.
  std::optional<std::string> draw();
  bool is_open() const { return visible_ || open_requested_; }

 private:
  void list(const std::filesystem::path& folder);

  Mode mode_ = Mode::Open;
  bool open_requested_ = false;
  bool visible_ = false;
  std::filesystem::path folder_;
  std::string name_;  // the file name field
  std::vector<std::filesystem::directory_entry> entries_;
  std::vector<std::string> recent_;
  std::string problem_;
  int cursor_ = -1;
  bool all_files_ = false;
  std::vector<std::string> extensions_;
  std::string title_;
  bool matches(const std::filesystem::path& p) const;
};

// True for .rapport and .rapport.json files.
bool is_rapport_file(const std::filesystem::path& p);

// The path a name typed in a Save dialog is saved to. An export keeps the name
// as typed ("x.html" stays "x.html"); only a name without any extension gets
// the extension of the first of `extensions` ("report" -> "report.html" for
// "-status.html"). A Rapport file (no `extensions`) is completed to
// ".rapport" unless it ends in .rapport or .rapport.json.
std::filesystem::path save_path_as_typed(const std::filesystem::path& typed,
                                         const std::vector<std::string>& extensions);

}  // namespace rapport::app
