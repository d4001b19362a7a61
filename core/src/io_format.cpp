// The bytes of a project file: header, checksum, cereal payload, and the
// careful way back from untrusted bytes to an Engagement (see io.hpp).
// clang-format off
#include "rapport/serialize.hpp"  // first: includes cereal's JSON archive first
// clang-format on

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <sstream>
#include <streambuf>
#include <unordered_set>
#include <vector>

#include "rapport/io.hpp"
#include "rapport/validate.hpp"

namespace rapport {

// [SECTION] Small helpers -------------------------------------------------------

namespace {

// CRC-32 (reflected 0xEDB88320, as zlib and PNG), slicing by 8: ~2 GB/s, so
// checking a 20 MB file costs about 10 ms.
struct Crc32Tables {
  std::array<std::array<uint32_t, 256>, 8> t{};
  Crc32Tables() {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; ++i)
      for (int s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
  }
};
const Crc32Tables& crc_tables() {
  static const Crc32Tables tables;
  return tables;
}

uint32_t read_u32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return uint32_t(u[0]) | uint32_t(u[1]) << 8 | uint32_t(u[2]) << 16 | uint32_t(u[3]) << 24;
}
uint64_t read_u64(const char* p) { return uint64_t(read_u32(p)) | uint64_t(read_u32(p + 4)) << 32; }
void write_u32(char* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}
void write_u64(char* p, uint64_t v) {
  write_u32(p, static_cast<uint32_t>(v));
  write_u32(p + 4, static_cast<uint32_t>(v >> 32));
}

constexpr char kMagic[8] = {'R', 'A', 'P', 'P', 'O', 'R', 'T', '\0'};
constexpr uint32_t kPayloadPortableBinary = 1;

// Lets cereal's JSON archive read bytes in place, without a copy.
struct MemoryReadBuffer : std::streambuf {
  MemoryReadBuffer(const char* data, size_t size) {
    char* p = const_cast<char*>(data);
    setg(p, p, p + size);
  }
};

std::string quoted(std::string_view name) { return "“" + std::string(name) + "”"; }

std::string human_size(uint64_t bytes) {
  char buf[32];
  if (bytes >= (uint64_t(1) << 30))
    std::snprintf(buf, sizeof buf, "%.1f GB", double(bytes) / 1e9);
  else if (bytes >= (uint64_t(1) << 20))
    std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / 1e6);
  else
    return with_thousands(bytes) + " bytes";
  return buf;
}

FileError fail(FileProblem p, std::string message) { return FileError{p, std::move(message)}; }

}  // namespace

uint32_t crc32(std::string_view bytes, uint32_t crc) {
  const auto& t = crc_tables().t;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  crc = ~crc;
  while (n >= 8) {
    const uint32_t lo =
        crc ^ (uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24);
    crc = t[7][lo & 0xff] ^ t[6][(lo >> 8) & 0xff] ^ t[5][(lo >> 16) & 0xff] ^ t[4][lo >> 24] ^
          t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
    p += 8;
    n -= 8;
  }
  while (n--) crc = t[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

std::string with_thousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::optional<FileFormat> format_for_path(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".rapport.json")) return FileFormat::Json;
  if (ends_with(".rapport")) return FileFormat::Binary;
  return std::nullopt;
}

const char* to_string(FileFormat f) { return f == FileFormat::Json ? "JSON" : "binary"; }

const char* to_string(FileProblem p) {
  switch (p) {
    case FileProblem::None:
      return "none";
    case FileProblem::NotFound:
      return "not found";
    case FileProblem::Unreadable:
      return "unreadable";
    case FileProblem::Empty:
      return "empty";
    case FileProblem::TooLarge:
      return "too large";
    case FileProblem::NotRapport:
      return "not a Rapport file";
    case FileProblem::CutOff:
      return "cut off";
    case FileProblem::TrailingData:
      return "trailing data";
    case FileProblem::Damaged:
      return "damaged";
    case FileProblem::NewerVersion:
      return "newer version";
    case FileProblem::Invalid:
      return "invalid";
    case FileProblem::SaveFailed:
      return "save failed";
  }
  return "?";
}

// [SECTION] Writing -------------------------------------------------------------

std::string to_bytes(const Engagement& e, FileFormat format) {
  std::ostringstream out(std::ios::binary);
  if (format == FileFormat::Binary) {
    out.write(std::string(kBinaryHeaderBytes, '\0').data(), kBinaryHeaderBytes);
    {
      cereal::PortableBinaryOutputArchive ar(
          out, cereal::PortableBinaryOutputArchive::Options::LittleEndian());
      ar(e);
    }  // the archive must be gone before the bytes are complete
    std::string bytes = std::move(out).str();
    const std::string_view payload = std::string_view(bytes).substr(kBinaryHeaderBytes);
    std::memcpy(bytes.data(), kMagic, 8);
    write_u32(bytes.data() + 8, kFormatVersion);
    write_u32(bytes.data() + 12, kPayloadPortableBinary);
    write_u64(bytes.data() + 16, payload.size());
    write_u32(bytes.data() + 24, crc32(payload));
    write_u32(bytes.data() + 28, crc32(std::string_view(bytes.data(), 28)));
    return bytes;
  }
  {
    cereal::JSONOutputArchive ar(out);
    const std::string kind = "engagement";
    const uint32_t version = kFormatVersion;
    ar(cereal::make_nvp("rapport_file", kind), cereal::make_nvp("format", version),
       cereal::make_nvp("engagement", e));
  }
  out << '\n';
  return std::move(out).str();
}

// [SECTION] Reading -------------------------------------------------------------

namespace {

FileError newer_version(std::string_view name, uint32_t version) {
  return fail(FileProblem::NewerVersion,
              quoted(name) + " was made by a newer version of Rapport (format " +
                  std::to_string(version) + "); this version reads up to " +
                  std::to_string(kFormatVersion) + ". Update Rapport to open it.");
}

FileError damaged(std::string_view name, const std::string& detail) {
  return fail(FileProblem::Damaged, quoted(name) + " is damaged and cannot be opened (" + detail +
                                        "). Open a backup or an earlier copy of it.");
}

FileError cut_off(std::string_view name, uint64_t have, uint64_t want) {
  return fail(FileProblem::CutOff, quoted(name) + " is cut off: it ends after " +
                                       with_thousands(have) + " of " + with_thousands(want) +
                                       " bytes. It may not have finished copying.");
}

// cereal's JSON errors are rapidjson assertions ("IsString()") or "provided NVP
// (title) not found": turn them into words.
std::string json_shape_problem(const std::string& what) {
  static const std::pair<const char*, const char*> kinds[] = {
      {"IsString()", "a value that should be text is not"},
      {"IsInt()", "a value that should be a whole number is not (or is too large)"},
      {"IsUint()", "a value that should be a positive whole number is not (or is too large)"},
      {"IsInt64()", "a value that should be a whole number is not (or is too large)"},
      {"IsUint64()", "a value that should be a positive whole number is not"},
      {"IsBool()", "a value that should be true or false is not"},
      {"kUint64Flag", "a value that should be a positive whole number is not"},
      {"kInt64Flag", "a value that should be a whole number is not (or is too large)"},
      {"kUintFlag", "a value that should be a positive whole number is not (or is too large)"},
      {"kIntFlag", "a value that should be a whole number is not (or is too large)"},
      {"kStringFlag", "a value that should be text is not"},
      {"IsArray()", "a value that should be a list is not"},
      {"IsObject()", "a value that should be an object is not"},
  };
  for (const auto& [needle, words] : kinds)
    if (what.find(needle) != std::string::npos) return words;
  const auto nvp = what.find("provided NVP (");
  if (nvp != std::string::npos) {
    const auto start = nvp + std::strlen("provided NVP (");
    const auto end = what.find(')', start);
    return "the entry “" + what.substr(start, end - start) + "” is missing";
  }
  if (what.find("No more objects") != std::string::npos) return "a list or object ends early";
  return what.substr(0, 200);
}

// [SECTION] A first pass over JSON text ----------------------------------------
// Before cereal builds a document, one streaming pass (no recursion, memory
// bounded by the deepest path) refuses what cereal would get wrong silently
// or at great cost: nesting deeper than any Rapport file (a 20 MB file nested
// 10^7 deep took 419 MB), a key given twice in one object (cereal keeps the
// first, Python and JavaScript the last), and text that after unescaping holds
// a NUL ("\u0000": cereal cut the text there) or is not valid UTF-8.

// Rapport's own files are about 7 levels deep.
constexpr int kMaxJsonDepth = 64;

// The keys seen in one open object: a short list for the usual small object
// (kept in one reused buffer, so the pass allocates almost nothing), a hash
// set once an object grows large (so a hostile object stays linear).
struct KeysSeen {
  std::string bytes;                             // the keys, back to back
  std::vector<std::pair<size_t, size_t>> spans;  // offset and length of each
  std::unordered_set<std::string> many;
  bool insert(std::string_view key) {
    if (many.empty()) {
      for (const auto& [at, n] : spans)
        if (std::string_view(bytes).substr(at, n) == key) return false;
      spans.emplace_back(bytes.size(), key.size());
      bytes += key;
      if (spans.size() > 32) {
        for (const auto& [at, n] : spans) many.emplace(bytes, at, n);
        spans.clear();
        bytes.clear();
      }
      return true;
    }
    return many.emplace(key).second;
  }
  void reset() {
    bytes.clear();
    spans.clear();
    if (!many.empty()) many = {};
  }
};

struct JsonScan : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonScan> {
  explicit JsonScan(const rapidjson::MemoryStream& s) : stream(s) {}
  const rapidjson::MemoryStream& stream;
  int depth = 0;
  std::vector<KeysSeen> objects;  // one per open object, innermost last
  size_t open_objects = 0;
  std::string last_key;
  std::string problem;  // set when the scan stopped on purpose
  size_t problem_at = 0;

  bool stop(std::string why) {
    problem = std::move(why);
    problem_at = stream.Tell();
    return false;
  }
  bool enter() {
    if (++depth > kMaxJsonDepth)
      return stop("it is nested more than " + std::to_string(kMaxJsonDepth) +
                  " levels deep; a Rapport file is never more than about 7");
    return true;
  }
  static std::string shown(std::string_view key) {
    std::string out(key.substr(0, 40));
    for (char& c : out)
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80) c = '?';
    return out;
  }
  // `is_key`: the text is a key, else the value of the last key.
  bool check_text(std::string_view s, bool is_key) {
    if (is_valid_utf8(s)) return true;  // the common case: no message built
    const std::string what = is_key ? "a key" : "the text of “" + shown(last_key) + "”";
    if (s.find('\0') != std::string_view::npos)
      return stop(what + " holds a zero character (\\u0000), which Rapport cannot keep; remove it");
    return stop(what + " is not valid UTF-8 text");
  }
  bool StartObject() {
    if (!enter()) return false;
    if (objects.size() <= open_objects) objects.emplace_back();
    objects[open_objects++].reset();
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --open_objects;
    --depth;
    return true;
  }
  bool StartArray() { return enter(); }
  bool EndArray(rapidjson::SizeType) {
    --depth;
    return true;
  }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    const std::string_view key(str, length);
    if (!check_text(key, true)) return false;
    if (!objects[open_objects - 1].insert(key))
      return stop("the key “" + shown(key) + "” appears twice in the same object");
    last_key.assign(key.substr(0, 40));
    return true;
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    return check_text(std::string_view(str, length), false);
  }
};

size_t line_of(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<size_t>(
                 std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

// Why the JSON text cannot be read, with the line (and column for syntax).
FileError scan_json(std::string_view bytes, std::string_view name) {
  rapidjson::MemoryStream stream(bytes.data(), bytes.size());
  JsonScan scan(stream);
  rapidjson::Reader reader;
  const rapidjson::ParseResult result = reader.Parse<rapidjson::kParseIterativeFlag>(stream, scan);
  if (!scan.problem.empty()) {
    return damaged(
        name, "at line " + std::to_string(line_of(bytes, scan.problem_at)) + ", " + scan.problem);
  }
  if (!result) {
    const size_t offset = result.Offset();
    if (offset >= bytes.size())
      return fail(FileProblem::CutOff,
                  quoted(name) + " is cut off: its JSON text ends in the middle, after " +
                      with_thousands(bytes.size()) + " bytes. It may not have finished copying.");
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset; ++i) {
      if (bytes[i] == '\n') {
        ++line;
        column = 1;
      } else
        ++column;
    }
    return damaged(name, std::string("the JSON text is broken at line ") + std::to_string(line) +
                             ", column " + std::to_string(column) + ": " +
                             rapidjson::GetParseError_En(result.Code()));
  }
  return FileError{};
}

LoadResult finish(Engagement&& e, std::string_view name, LoadResult result) {
  const auto problems = validate_engagement(e, 5);
  if (!problems.empty()) {
    std::string message = quoted(name) + " cannot be opened: it holds what an engagement may not";
    message += problems.size() == 1 ? ":"
                                    : " (" + std::to_string(problems.size()) +
                                          (problems.size() >= 5 ? " or more" : "") + " problems):";
    for (const auto& p : problems) message += "\n  - " + p;
    result.error = fail(FileProblem::Invalid, std::move(message));
    return result;
  }
  result.engagement = std::move(e);
  return result;
}

LoadResult load_binary(std::string_view bytes, std::string_view name) {
  LoadResult result;
  result.format = FileFormat::Binary;
  if (bytes.size() < 12) {
    result.error = cut_off(name, bytes.size(), kBinaryHeaderBytes);
    return result;
  }
  const uint32_t version = read_u32(bytes.data() + 8);
  result.format_version = version;
  if (version > kFormatVersion) {
    result.error = newer_version(name, version);
    return result;
  }
  if (bytes.size() < kBinaryHeaderBytes) {
    result.error = cut_off(name, bytes.size(), kBinaryHeaderBytes);
    return result;
  }
  if (read_u32(bytes.data() + 28) != crc32(bytes.substr(0, 28))) {
    result.error = damaged(name, "its header does not match its checksum");
    return result;
  }
  if (version == 0 || read_u32(bytes.data() + 12) != kPayloadPortableBinary) {
    result.error = damaged(name, "its header names an unknown version or content");
    return result;
  }
  const uint64_t length = read_u64(bytes.data() + 16);
  const uint64_t have = bytes.size() - kBinaryHeaderBytes;
  if (length > have) {
    result.error =
        cut_off(name, bytes.size(), length > kMaxFileBytes ? length : length + kBinaryHeaderBytes);
    return result;
  }
  if (length < have) {
    result.error = fail(FileProblem::TrailingData,
                        quoted(name) + " has " + with_thousands(have - length) +
                            " unexpected bytes after its end. It may have been damaged while "
                            "copying; open a backup or an earlier copy of it.");
    return result;
  }
  const std::string_view payload = bytes.substr(kBinaryHeaderBytes);
  if (read_u32(bytes.data() + 24) != crc32(payload)) {
    result.error = damaged(name, "its contents do not match the checksum saved with them");
    return result;
  }
  Engagement e;
  try {
    BoundedBinaryInputArchive ar(payload.data(), payload.size());
    ar(e);
    if (ar.remaining() != 0)
      throw cereal::Exception(std::to_string(ar.remaining()) + " bytes are left over");
  } catch (const NewerClassVersion& ex) {
    result.error =
        fail(FileProblem::NewerVersion, quoted(name) + " was made by a newer version of Rapport (" +
                                            ex.what() + "). Update Rapport to open it.");
    return result;
  } catch (const std::exception& ex) {
    result.error = damaged(name, std::string("its contents do not make sense: ") + ex.what());
    return result;
  }
  return finish(std::move(e), name, std::move(result));
}

LoadResult load_json(std::string_view bytes, std::string_view name) {
  LoadResult result;
  result.format = FileFormat::Json;
  if (bytes.find('\0') != std::string_view::npos) {
    result.error = damaged(name, "a JSON file cannot contain zero bytes");
    return result;
  }
  if (FileError error = scan_json(bytes, name)) {
    result.error = std::move(error);
    return result;
  }
  Engagement e;
  try {
    MemoryReadBuffer buffer(bytes.data(), bytes.size());
    std::istream stream(&buffer);
    std::optional<cereal::JSONInputArchive> archive;
    try {
      archive.emplace(stream);
    } catch (const std::exception&) {
      result.error = scan_json(bytes, name);
      if (!result.error)
        result.error =
            fail(FileProblem::NotRapport, quoted(name) + " is JSON, but not a Rapport project.");
      return result;
    }
    auto& ar = *archive;
    std::string kind;
    try {
      ar(cereal::make_nvp("rapport_file", kind));
    } catch (const std::exception&) {
      kind.clear();
    }
    if (kind != "engagement") {
      result.error =
          fail(FileProblem::NotRapport, quoted(name) +
                                            " is JSON, but not a Rapport project (it has no "
                                            "“rapport_file”: “engagement” entry).");
      return result;
    }
    uint32_t version = 0;
    ar(cereal::make_nvp("format", version));
    result.format_version = version;
    if (version > kFormatVersion) {
      result.error = newer_version(name, version);
      return result;
    }
    if (version == 0) {
      result.error = damaged(name, "its format version is 0");
      return result;
    }
    ar(cereal::make_nvp("engagement", e));
  } catch (const NewerClassVersion& ex) {
    result.error =
        fail(FileProblem::NewerVersion, quoted(name) + " was made by a newer version of Rapport (" +
                                            ex.what() + "). Update Rapport to open it.");
    return result;
  } catch (const PayloadError& ex) {
    result.error = damaged(name, ex.what());
    return result;
  } catch (const std::exception& ex) {
    result.error = damaged(name, json_shape_problem(ex.what()));
    return result;
  }
  return finish(std::move(e), name, std::move(result));
}

}  // namespace

LoadResult load_bytes(std::string_view bytes, std::string_view name) {
  try {
    if (bytes.empty()) {
      LoadResult r;
      r.error = fail(FileProblem::Empty, quoted(name) +
                                             " is empty (0 bytes). It may not have "
                                             "finished copying or saving.");
      return r;
    }
    if (bytes.size() > kMaxFileBytes) {
      LoadResult r;
      r.error =
          fail(FileProblem::TooLarge, quoted(name) + " is too large to be a Rapport project (" +
                                          human_size(bytes.size()) + "; the limit is " +
                                          human_size(kMaxFileBytes) + ").");
      return r;
    }
    const size_t magic_len = std::min<size_t>(bytes.size(), 8);
    if (std::memcmp(bytes.data(), kMagic, magic_len) == 0) {
      if (bytes.size() < 8) {
        LoadResult r;
        r.error = cut_off(name, bytes.size(), kBinaryHeaderBytes);
        return r;
      }
      return load_binary(bytes, name);
    }
    size_t first = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") first = 3;  // a UTF-8 byte-order mark
    while (first < bytes.size() && std::strchr(" \t\r\n", bytes[first]) && bytes[first] != '\0')
      ++first;
    if (first < bytes.size() && bytes[first] == '{') return load_json(bytes.substr(first), name);
    LoadResult r;
    r.error =
        fail(FileProblem::NotRapport, quoted(name) +
                                          " is not a Rapport project (it does not start like one). "
                                          "Rapport opens .rapport and .rapport.json files.");
    return r;
  } catch (const std::exception& ex) {
    // Only an allocation failure can get here; say so rather than crash.
    LoadResult r;
    r.error = damaged(name, std::string("it could not be read: ") + ex.what());
    return r;
  }
}

}  // namespace rapport
