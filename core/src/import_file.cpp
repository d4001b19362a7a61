// Reading a file to import: size first, then the bytes (import.hpp).
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "rapport/import.hpp"

namespace rapport {

std::variant<std::string, ImportError> read_import_file(const std::string& path,
                                                        const std::string& name,
                                                        const std::string& kind) {
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return ImportError{"could not read " + name + ": " + ec.message()};
  if (size > kMaxImportBytes)
    return ImportError{name + " is " + std::to_string(size >> 20) + " MB; " + kind + " over " +
                       std::to_string(kMaxImportBytes >> 20) + " MB are not imported"};
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return ImportError{"could not read " + name};
  std::string text(size_t(size), '\0');
  text.resize(std::fread(text.data(), 1, text.size(), f));
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return ImportError{"could not read " + name};
  return text;
}

}  // namespace rapport
