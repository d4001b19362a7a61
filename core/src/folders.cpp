// The XDG folders (see folders.hpp).
#include "rapport/folders.hpp"

#include <cstdlib>

namespace rapport {

std::filesystem::path folder(Folder which) {
  const char* variable = which == Folder::Config ? "XDG_CONFIG_HOME" : "XDG_STATE_HOME";
  const char* under_home = which == Folder::Config ? ".config" : ".local/state";
  const char* value = std::getenv(variable);
  if (value && value[0] == '/') return std::filesystem::path(value) / "rapport";
  const char* home = std::getenv("HOME");
  std::filesystem::path base =
      (home && home[0]) ? std::filesystem::path(home) : std::filesystem::temp_directory_path();
  return base / under_home / "rapport";
}

}  // namespace rapport
