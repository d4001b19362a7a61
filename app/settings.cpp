// Settings file: one "key = value" per line, '#' starts a comment.
#include "settings.hpp"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "rapport/folders.hpp"
#include "rapport/io.hpp"

namespace rapport::app {
namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

Settings Settings::load(const std::filesystem::path& path) {
  Settings settings;
  std::ifstream in(path);
  std::string line;
  // Bounded: a settings file is small; ignore anything absurd.
  for (int n = 0; n < 10000 && std::getline(in, line); ++n) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = trim(line.substr(0, eq));
    if (!key.empty()) settings.values_[key] = trim(line.substr(eq + 1));
  }
  return settings;
}

bool Settings::save(const std::filesystem::path& path) const {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::string text = "# Rapport settings (view preferences; safe to delete)\n";
  for (const auto& [key, value] : values_) text += key + " = " + value + "\n";
  return !write_file_atomically(path, text);
}

int Settings::get_int(const std::string& key, int fallback) const {
  auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  int value = 0;
  const std::string& s = it->second;
  auto [ptr, err] = std::from_chars(s.data(), s.data() + s.size(), value);
  return (err == std::errc() && ptr == s.data() + s.size()) ? value : fallback;
}

float Settings::get_float(const std::string& key, float fallback) const {
  auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  float value = 0;
  const std::string& s = it->second;
  auto [ptr, err] = std::from_chars(s.data(), s.data() + s.size(), value);
  return (err == std::errc() && ptr == s.data() + s.size()) ? value : fallback;
}

bool Settings::get_bool(const std::string& key, bool fallback) const {
  auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  if (it->second == "true" || it->second == "1") return true;
  if (it->second == "false" || it->second == "0") return false;
  return fallback;
}

std::string Settings::get_string(const std::string& key, const std::string& fallback) const {
  auto it = values_.find(key);
  return it == values_.end() ? fallback : it->second;
}

void Settings::set_int(const std::string& key, int value) { values_[key] = std::to_string(value); }

void Settings::set_float(const std::string& key, float value) {
  char buf[32];
  auto [ptr, err] = std::to_chars(buf, buf + sizeof buf, value);
  values_[key] = err == std::errc() ? std::string(buf, ptr) : std::string("0");
}

void Settings::set_bool(const std::string& key, bool value) {
  values_[key] = value ? "true" : "false";
}

void Settings::set_string(const std::string& key, const std::string& value) {
  // One line per key: newlines would corrupt the file.
  std::string clean = value;
  for (char& c : clean) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  values_[key] = trim(clean);
}

namespace {
std::string recent_key(int i) { return "recent." + std::to_string(i + 1); }
}  // namespace

std::vector<std::string> Settings::recent_files() const {
  std::vector<std::string> paths;
  for (int i = 0; i < kMaxRecentFiles; ++i) {
    std::string path = get_string(recent_key(i), "");
    if (!path.empty()) paths.push_back(path);
  }
  return paths;
}

void Settings::set_recent_files(const std::vector<std::string>& paths) {
  for (int i = 0; i < kMaxRecentFiles; ++i) {
    if (i < int(paths.size()))
      set_string(recent_key(i), paths[size_t(i)]);
    else
      values_.erase(recent_key(i));
  }
}

std::filesystem::path settings_file() { return folder(Folder::Config) / "settings.ini"; }

}  // namespace rapport::app
