// libFuzzer harness for loading project files. Built twice (see CMakeLists.txt):
//   fuzz_load_binary  the input is a PortableBinary payload; it is loaded behind
//                     a valid header (so the checksum does not stop it before
//                     the bounded archive) and also as a whole file.
//   fuzz_load_json    the input is a whole file (JSON, or anything).
// Any crash, sanitizer report, leak, timeout or oversized allocation is a
// finding. A file that loads must also survive save -> load unchanged.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "rapport/io.hpp"

namespace {

std::string behind_valid_header(std::string_view payload) {
  // Take a real header from an empty engagement's file, then fix length and CRCs.
  static const std::string header = [] {
    rapport::Engagement e;
    e.info.name = "Fuzz";
    return rapport::to_bytes(e, rapport::FileFormat::Binary).substr(0, rapport::kBinaryHeaderBytes);
  }();
  std::string file = header;
  file += payload;
  auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) file[at + i] = char((v >> (8 * i)) & 0xff);
  };
  const uint64_t n = payload.size();
  put32(16, uint32_t(n));
  put32(20, uint32_t(n >> 32));
  put32(24, rapport::crc32(payload));
  put32(28, rapport::crc32(std::string_view(file.data(), 28)));
  return file;
}

void load_and_round_trip(std::string_view bytes) {
  rapport::LoadResult r = rapport::load_bytes(bytes, "fuzz.rapport");
  if (!r) {
    if (r.error.message.empty()) __builtin_trap();  // every error must say something
    return;
  }
  for (auto f : {rapport::FileFormat::Binary, rapport::FileFormat::Json}) {
    rapport::LoadResult again = rapport::load_bytes(rapport::to_bytes(*r.engagement, f), "again");
    if (!again || !(*again.engagement == *r.engagement)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
#if defined(RAPPORT_FUZZ_BINARY)
  load_and_round_trip(behind_valid_header(input));
#endif
  load_and_round_trip(input);
  return 0;
}
