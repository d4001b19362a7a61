// Typed settings read with a default and written as a small "key = value" text file
// (settings.ini in the config folder). View preferences only, never engagement data.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rapport::app {

class Settings {
 public:
  // Reads `path` if it exists; a missing or unreadable file gives empty settings.
  static Settings load(const std::filesystem::path& path);
  // Writes atomically (temporary file + rename). Returns false on failure.
  bool save(const std::filesystem::path& path) const;

  int get_int(const std::string& key, int fallback) const;
  float get_float(const std::string& key, float fallback) const;
  bool get_bool(const std::string& key, bool fallback) const;
  std::string get_string(const std::string& key, const std::string& fallback) const;

  void set_int(const std::string& key, int value);
  void set_float(const std::string& key, float value);
  void set_bool(const std::string& key, bool value);
  void set_string(const std::string& key, const std::string& value);

  bool operator==(const Settings&) const = default;

  // Recent files, most recent first, one key each: recent.1, recent.2, ... (at
  // most kMaxRecentFiles).
  static constexpr int kMaxRecentFiles = 10;
  std::vector<std::string> recent_files() const;
  void set_recent_files(const std::vector<std::string>& paths);

 private:
  std::map<std::string, std::string> values_;
};

// settings.ini in the config folder ($XDG_CONFIG_HOME/rapport): the one place
// the settings file is looked for.
std::filesystem::path settings_file();

}  // namespace rapport::app
