// Project files: reading, writing, checking and recovering engagements.
//
// [SECTION] index
//   Format      - the two file formats and their headers
//   Errors      - FileError: what went wrong, in words a user can act on
//   Loading     - load_file, load_bytes (never crash, never trust the file)
//   Saving      - to_bytes, save_file, write_file_atomically (the old file survives a failure)
//   Changes     - file_fingerprint, to notice edits made by someone else
//   Recovery    - autosave files under the XDG state folder
//   Commands    - `rapport check`, `rapport convert`
//
// Binary `.rapport` = a 32-byte header, then a cereal PortableBinary payload:
//   0  "RAPPORT\0"                 magic
//   8  uint32 format version       (little-endian, like every number here)
//   12 uint32 payload kind         1 = portable binary
//   16 uint64 payload length       bytes after the header
//   24 uint32 CRC-32 of the payload (the zlib/PNG polynomial)
//   28 uint32 CRC-32 of bytes 0..27
// Magic and version stay where they are in every future format, so an old
// Rapport can always say "made by a newer version" instead of "damaged".
//
// JSON `.rapport.json` = one pretty JSON object whose first two members are the
// header: {"rapport_file": "engagement", "format": 1, "engagement": {...}}.
// It has no length or checksum on purpose: the file is meant to be diffed,
// merged under git and edited by hand, and a checksum line would conflict on
// every merge and reject every hand edit. A cut-off JSON file never parses,
// and every loaded file, in both formats, is fully validated.
//
// Every function here is thread-safe on distinct values: the app may run a load
// or a save on a worker thread while the window keeps drawing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "rapport/model.hpp"

namespace rapport {

// [SECTION] Format ------------------------------------------------------------

enum class FileFormat : uint8_t { Binary, Json };

// The newest file format this version writes and reads.
inline constexpr uint32_t kFormatVersion = 3;
// Files larger than this are refused before reading (1M items is ~200 MB binary).
inline constexpr uint64_t kMaxFileBytes = uint64_t(1) << 30;
inline constexpr size_t kBinaryHeaderBytes = 32;

// ".rapport.json" -> Json, ".rapport" -> Binary, anything else -> nullopt.
std::optional<FileFormat> format_for_path(const std::filesystem::path& path);
const char* to_string(FileFormat f);  // "binary" / "JSON"

// [SECTION] Errors ------------------------------------------------------------

enum class FileProblem : uint8_t {
  None,
  NotFound,      // no such file
  Unreadable,    // permissions, a folder, a device, an I/O error
  Empty,         // zero bytes
  TooLarge,      // larger than kMaxFileBytes
  NotRapport,    // wrong magic: some other kind of file
  CutOff,        // shorter than its header says (or JSON that ends early)
  TrailingData,  // longer than its header says
  Damaged,       // checksum, header or payload do not make sense
  NewerVersion,  // written by a newer Rapport
  Invalid,       // well-formed but breaks the engagement's rules (validate.hpp)
  SaveFailed,    // could not write; the old file is untouched
};
const char* to_string(FileProblem p);

struct FileError {
  FileProblem problem = FileProblem::None;
  // One or two sentences naming the file: what is wrong and what to do.
  std::string message;
  explicit operator bool() const { return problem != FileProblem::None; }
};

// [SECTION] Loading -----------------------------------------------------------

struct LoadResult {
  std::optional<Engagement> engagement;  // set on success
  FileError error;                       // set on failure
  FileFormat format = FileFormat::Binary;
  uint32_t format_version = 0;  // as found in the file (0 if unknown)
  explicit operator bool() const { return engagement.has_value(); }
};

// Reads and checks a project file. The format is recognised from the content,
// not the name. Never throws; memory stays a small multiple of the file size.
LoadResult load_file(const std::filesystem::path& path);
// The same for bytes in memory; `file_name` is only used in messages.
LoadResult load_bytes(std::string_view bytes, std::string_view file_name);

// [SECTION] Saving ------------------------------------------------------------

// The whole file, header included. Deterministic: the same engagement gives the
// same bytes. Throws only std::bad_alloc.
std::string to_bytes(const Engagement& e, FileFormat format);

// Writes a temporary file beside `path`, fsyncs it, renames it over `path` and
// fsyncs the folder. On failure the old file is untouched and the temporary
// file is removed. The format comes from the extension (binary if unknown).
FileError save_file(const Engagement& e, const std::filesystem::path& path);
FileError save_file(const Engagement& e, const std::filesystem::path& path, FileFormat format);

// The same atomic write for any file Rapport writes (exports, settings, PNG):
// a temporary file beside the target, flushed and fsynced, renamed over it, the
// folder fsynced. A link is followed to its final target and stays a link; a
// link that leads nowhere is refused, never replaced by a file. On failure the
// old file is untouched and problem is SaveFailed with a message naming the file.
FileError write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// [SECTION] Changes -----------------------------------------------------------

// Enough to notice that a file changed on disk since it was opened or saved.
struct FileFingerprint {
  bool exists = false;
  int64_t mtime_ns = 0;
  uint64_t size = 0;
  bool operator==(const FileFingerprint&) const = default;
};
FileFingerprint file_fingerprint(const std::filesystem::path& path);

// [SECTION] Recovery ----------------------------------------------------------
// The app autosaves unsaved changes every 30 s with write_recovery, offers
// find_recovery on start, and calls discard_recovery after a successful save or
// when the user declines.

// $XDG_STATE_HOME/rapport, or ~/.local/state/rapport.
std::filesystem::path default_state_dir();
// <state_dir>/recovery/<file name>-<hash of the absolute path>.rapport; an empty
// original (a document never saved) maps to "untitled".
std::filesystem::path recovery_path(const std::filesystem::path& state_dir,
                                    const std::filesystem::path& original);
FileError write_recovery(const std::filesystem::path& state_dir,
                         const std::filesystem::path& original, const Engagement& e);
// The recovery file, if there is one and it is newer than the original (or the
// original is gone).
std::optional<std::filesystem::path> find_recovery(const std::filesystem::path& state_dir,
                                                   const std::filesystem::path& original);
void discard_recovery(const std::filesystem::path& state_dir,
                      const std::filesystem::path& original);

// [SECTION] Commands ----------------------------------------------------------

struct CheckReport {
  bool ok = false;
  std::string text;  // one screen: format, version, dates, counts per kind; or the error
};
// `rapport check FILE`
CheckReport check_summary(const std::filesystem::path& path);
// The validity line and the engagement at a glance (format, size, dates, counts
// per kind) of a file that loaded; text from the file is terminal-safe.
std::string loaded_summary(const std::filesystem::path& path, const LoadResult& loaded);
// `rapport convert IN OUT`: OUT's format comes from its extension.
FileError convert_file(const std::filesystem::path& in, const std::filesystem::path& out);

// Small helpers shared by the io sources and tests.
uint32_t crc32(std::string_view bytes, uint32_t crc = 0);
std::string with_thousands(uint64_t n);  // 9876 -> "9,876"

}  // namespace rapport
