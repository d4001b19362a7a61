// Reading a whole file in a test (unit, UI and end-to-end tests alike).
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace rapport::test {

// The file's bytes; empty if it cannot be read.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace rapport::test
