// The name rules of rapport/conflict_copies.hpp, and the two file-system steps
// around them (listing a folder, moving a merged copy aside).
#include "rapport/conflict_copies.hpp"

#include <algorithm>
#include <optional>
#include <system_error>

namespace rapport {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (is_capital(c)) c = char(c - 'A' + 'a');
  return out;
}

// " (Anna's conflicted copy 2026-11-30)", also with " (1)" after it.
bool is_dropbox_marker(std::string_view m) {
  return m.starts_with(" (") && m.ends_with(")") &&
         lower(m).find("conflicted copy") != std::string::npos;
}

// ".sync-conflict-20261130-101500-ABCDEFG": date, time and the first seven
// characters of the device id.
bool is_syncthing_marker(std::string_view m) {
  constexpr std::string_view kStart = ".sync-conflict-";
  if (!m.starts_with(kStart)) return false;
  m.remove_prefix(kStart.size());
  if (m.size() != 8 + 1 + 6 + 1 + 7) return false;
  if (!all_digits(m.substr(0, 8)) || m[8] != '-' || !all_digits(m.substr(9, 6)) || m[15] != '-')
    return false;
  std::string_view device = m.substr(16);
  return std::all_of(device.begin(), device.end(),
                     [](char c) { return is_capital(c) || is_digit(c); });
}

// "-LAPTOP", "-DESKTOP-1A2B3C4", "-LAPTOP-2": a Windows computer name (up to
// 15 capitals, digits and dashes, with a capital), maybe numbered.
bool is_onedrive_marker(std::string_view m) {
  if (!m.starts_with("-")) return false;
  m.remove_prefix(1);
  if (size_t dash = m.rfind('-');
      dash != std::string_view::npos && m.size() - dash <= 3 && all_digits(m.substr(dash + 1)))
    m = m.substr(0, dash);  // OneDrive numbers a second copy from one machine
  if (m.empty() || m.size() > 15 || m.front() == '-' || m.back() == '-') return false;
  bool capital = false;
  for (char c : m) {
    if (is_capital(c))
      capital = true;
    else if (!is_digit(c) && c != '-')
      return false;
  }
  return capital;
}

}  // namespace

const char* to_string(SyncTool t) {
  switch (t) {
    case SyncTool::Dropbox:
      return "Dropbox";
    case SyncTool::OneDrive:
      return "OneDrive";
    case SyncTool::Syncthing:
      return "Syncthing";
  }
  return "";
}

std::vector<ConflictCopy> conflict_copies(std::string_view file_name,
                                          std::span<const std::string> names) {
  // Where a tool may have put its marker: before the whole suffix, or before
  // the last extension only.
  struct Split {
    std::string_view stem, suffix;
  };
  std::vector<Split> splits;
  for (std::string_view suffix :
       {std::string_view(".rapport.json"), std::string_view(".rapport")}) {
    if (file_name.size() > suffix.size() && file_name.ends_with(suffix)) {
      splits.push_back({file_name.substr(0, file_name.size() - suffix.size()), suffix});
      if (suffix == ".rapport.json")
        splits.push_back({file_name.substr(0, file_name.size() - 5), ".json"});
      break;
    }
  }
  std::vector<ConflictCopy> found;
  for (const std::string& name : names) {
    if (name == file_name) continue;
    const std::string_view n = name;
    for (const Split& s : splits) {
      if (n.size() <= s.stem.size() + s.suffix.size() || !n.starts_with(s.stem) ||
          !n.ends_with(s.suffix))
        continue;
      std::string_view marker = n.substr(s.stem.size(), n.size() - s.stem.size() - s.suffix.size());
      std::optional<SyncTool> tool;
      if (is_dropbox_marker(marker))
        tool = SyncTool::Dropbox;
      else if (is_syncthing_marker(marker))
        tool = SyncTool::Syncthing;
      else if (is_onedrive_marker(marker))
        tool = SyncTool::OneDrive;
      if (tool) {
        found.push_back({name, *tool});
        break;
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const ConflictCopy& a, const ConflictCopy& b) { return a.name < b.name; });
  return found;
}

std::vector<ConflictCopy> conflict_copies_beside(const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  std::vector<std::string> names;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) names.push_back(it->path().filename().string());
  }
  return conflict_copies(file.filename().string(), names);
}

std::filesystem::path move_conflict_copy_aside(const std::filesystem::path& copy,
                                               std::string& error) {
  namespace fs = std::filesystem;
  for (int n = 1; n <= 100; ++n) {
    fs::path to = copy;
    to += n == 1 ? std::string(".merged") : ".merged-" + std::to_string(n);
    std::error_code ec;
    if (fs::exists(to, ec) || ec) continue;
    fs::rename(copy, to, ec);
    if (ec) {
      error = "Rapport could not rename “" + copy.filename().string() + "”: " + ec.message() + ".";
      return {};
    }
    return to;
  }
  error = "Rapport found no free name to move “" + copy.filename().string() + "” aside.";
  return {};
}

}  // namespace rapport
