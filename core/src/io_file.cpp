// Project files on disk: reading whole files, atomic saves, fingerprints,
// recovery files, and the `check` / `convert` commands (see io.hpp).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "rapport/io.hpp"
#include "rapport/text.hpp"

namespace rapport {

namespace fs = std::filesystem;

namespace {

std::string display_name(const fs::path& path) {
  std::string name = path.filename().string();
  return name.empty() ? path.string() : name;
}
std::string quoted(const fs::path& path) { return "“" + display_name(path) + "”"; }

// Why a read failed, for "Could not open “x”: ...".
std::string read_reason(int err) {
  switch (err) {
    case ENOENT:
      return "it does not exist (it may have been moved, renamed or deleted)";
    case EACCES:
    case EPERM:
      return "you do not have permission to read it";
    case EISDIR:
      return "it is a folder, not a file";
    case EIO:
      return "the disk reported an input/output error";
    default:
      return std::strerror(err);
  }
}

// Why a write failed, for "Could not save “x”: ...".
std::string write_reason(int err, const fs::path& folder) {
  switch (err) {
    case ENOSPC:
    case EDQUOT:
      return "the disk is full";
    case EFBIG:
      return "the file is larger than this disk or your account allows";
    case EROFS:
      return "the folder “" + folder.string() + "” is on a read-only disk";
    case EACCES:
    case EPERM:
      return "you do not have permission to write in the folder “" + folder.string() + "”";
    case ENOENT:
    case ENOTDIR:
      return "the folder “" + folder.string() + "” does not exist";
    case EIO:
      return "the disk reported an input/output error";
    default:
      return std::strerror(err);
  }
}

FileError save_failed(const fs::path& path, const std::string& reason) {
  return FileError{FileProblem::SaveFailed,
                   "Could not save " + quoted(path) + ": " + reason +
                       ". Your changes are still open in Rapport; the file on disk is unchanged."};
}

bool write_all(int fd, std::string_view bytes, int& err) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// The final file a path names: links are followed (a chain too) so that a save
// through a link writes the link's target and keeps the link. Empty if the
// path is a link that leads nowhere; `why` then says so.
fs::path final_target(const fs::path& requested, std::string& why) {
  fs::path target = requested;
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(target, ec); ++hops) {
    if (hops == 40) {
      why = "it is a link that leads to itself (a loop of links)";
      return {};
    }
    fs::path next = fs::read_symlink(target, ec);
    if (ec) {
      why = "the link could not be read (" + ec.message() + ")";
      return {};
    }
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  if (target != requested && !fs::exists(target, ec)) {
    why = "it is a link to “" + target.string() +
          "”, which does not exist; write to the link's target or remove the link";
    return {};
  }
  return target;
}

// The one atomic write. Returns an empty string on success, else why not.
std::string write_atomically(const fs::path& requested, std::string_view bytes) {
  std::string why;
  const fs::path target = final_target(requested, why);
  if (target.empty()) return why;
  fs::path folder = target.parent_path();
  if (folder.empty()) folder = ".";
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return write_reason(ENOENT, folder);
  const auto status = fs::status(target, ec);
  if (fs::is_directory(status)) return "there is a folder with that name";
  if (fs::exists(status) && !fs::is_regular_file(status))
    return "it is not a regular file (a device, a pipe or a socket)";

  static std::atomic<unsigned> counter{0};
  fs::path temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    std::string temp_name = ".";  // (built by appending: g++ 12 -O3 warns on "." + string)
    temp_name += target.filename().string();
    temp_name += ".saving-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    temp = folder / temp_name;
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) return write_reason(errno, folder);
  }
  if (fd < 0) return "no temporary file could be created beside it";

  auto abandon = [&](int err) {
    ::close(fd);
    ::unlink(temp.c_str());
    return write_reason(err, folder);
  };
  struct stat old {};
  if (::stat(target.c_str(), &old) == 0) ::fchmod(fd, old.st_mode & 07777);  // keep permissions
  int err = 0;
  if (!write_all(fd, bytes, err)) return abandon(err);
  if (::fsync(fd) != 0) return abandon(errno);
  if (::close(fd) != 0) {
    const int close_err = errno;
    ::unlink(temp.c_str());
    return write_reason(close_err, folder);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int rename_err = errno;
    ::unlink(temp.c_str());
    return write_reason(rename_err, folder);
  }
  // Make the rename itself durable. Some file systems cannot fsync a folder;
  // the file is written either way, so this is best effort.
  const int dir_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

uint64_t fnv1a64(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace

// [SECTION] Loading and saving ----------------------------------------------------

LoadResult load_file(const fs::path& path) {
  LoadResult result;
  const std::string name = display_name(path);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    result.error = {err == ENOENT ? FileProblem::NotFound : FileProblem::Unreadable,
                    "Could not open " + quoted(path) + ": " + read_reason(err) + "."};
    return result;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    result.error = {FileProblem::Unreadable,
                    "Could not open " + quoted(path) + ": " +
                        (S_ISDIR(st.st_mode) ? read_reason(EISDIR) : "it is not a regular file") +
                        "."};
    return result;
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size > kMaxFileBytes) {
    ::close(fd);
    result.error = {FileProblem::TooLarge, quoted(path) +
                                               " is too large to be a Rapport project (" +
                                               with_thousands(size) + " bytes; the limit is " +
                                               with_thousands(kMaxFileBytes) + ")."};
    return result;
  }
  std::string bytes;
  try {
    bytes.resize(static_cast<size_t>(size));
  } catch (const std::exception&) {
    ::close(fd);
    result.error = {FileProblem::TooLarge,
                    "There is not enough memory to open " + quoted(path) + "."};
    return result;
  }
  size_t have = 0;
  while (have < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      result.error = {FileProblem::Unreadable,
                      "Could not open " + quoted(path) + ": " + read_reason(err) + "."};
      return result;
    }
    if (n == 0) break;  // shrank while we read: judge what is there
    have += static_cast<size_t>(n);
  }
  ::close(fd);
  bytes.resize(have);
  return load_bytes(bytes, name);
}

FileError save_file(const Engagement& e, const fs::path& path) {
  return save_file(e, path, format_for_path(path).value_or(FileFormat::Binary));
}

FileError save_file(const Engagement& e, const fs::path& path, FileFormat format) {
  std::string bytes;
  try {
    bytes = to_bytes(e, format);
  } catch (const std::exception& ex) {
    return save_failed(path,
                       std::string("the engagement could not be written out (") + ex.what() + ")");
  }
  const std::string why = write_atomically(path, bytes);
  return why.empty() ? FileError{} : save_failed(path, why);
}

FileError write_file_atomically(const fs::path& path, std::string_view bytes) {
  const std::string why = write_atomically(path, bytes);
  if (why.empty()) return {};
  return FileError{FileProblem::SaveFailed, "Could not write " + quoted(path) + ": " + why +
                                                ". The file on disk is unchanged."};
}

FileFingerprint file_fingerprint(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return FileFingerprint{true, int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                         static_cast<uint64_t>(st.st_size)};
}

// [SECTION] Recovery --------------------------------------------------------------

fs::path default_state_dir() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state && *state == '/') return fs::path(state) / "rapport";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/tmp") / ".local" / "state" / "rapport";
}

fs::path recovery_path(const fs::path& state_dir, const fs::path& original) {
  if (original.empty()) return state_dir / "recovery" / "untitled.rapport";
  std::error_code ec;
  fs::path absolute = fs::absolute(original, ec);
  if (ec) absolute = original;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(fnv1a64(absolute.lexically_normal().string())));
  return state_dir / "recovery" / (original.filename().string() + "-" + hash + ".rapport");
}

FileError write_recovery(const fs::path& state_dir, const fs::path& original, const Engagement& e) {
  const fs::path path = recovery_path(state_dir, original);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return save_failed(path, write_reason(ec.value(), path.parent_path()));
  return save_file(e, path, FileFormat::Binary);
}

std::optional<fs::path> find_recovery(const fs::path& state_dir, const fs::path& original) {
  const fs::path path = recovery_path(state_dir, original);
  const FileFingerprint recovery = file_fingerprint(path);
  if (!recovery.exists) return std::nullopt;
  if (original.empty()) return path;
  const FileFingerprint file = file_fingerprint(original);
  if (!file.exists || recovery.mtime_ns > file.mtime_ns) return path;
  return std::nullopt;
}

void discard_recovery(const fs::path& state_dir, const fs::path& original) {
  std::error_code ec;
  fs::remove(recovery_path(state_dir, original), ec);
}

// [SECTION] Commands --------------------------------------------------------------

std::string loaded_summary(const fs::path& path, const LoadResult& loaded) {
  const Engagement& e = *loaded.engagement;
  char line[256];
  std::string t = terminal_safe(quoted(path)) + " is a valid Rapport project.\n";
  std::snprintf(line, sizeof line, "  %-12s %s, format %u (this Rapport reads up to %u)\n",
                "Format", to_string(loaded.format), loaded.format_version, kFormatVersion);
  t += line;
  t += "  Size         " + with_thousands(file_fingerprint(path).size) + " bytes\n";
  t += "  Engagement   " + terminal_safe(e.info.name);
  if (!e.info.client_org.empty()) t += " for " + terminal_safe(e.info.client_org);
  if (!e.info.provider_org.empty()) t += ", by " + terminal_safe(e.info.provider_org);
  t += "\n  Dates        " + e.info.start.iso() + " to " + e.info.end.iso() + " (" +
       terminal_safe(e.info.time_zone) + ")\n";
  t += "  Items        " + with_thousands(e.item_count()) + "\n";
  int kind = 0;
  for_each_table(e, [&](const auto& table) {
    std::snprintf(line, sizeof line, "    %-22s %s\n", plural_title(static_cast<Kind>(kind++)),
                  with_thousands(table.size()).c_str());
    t += line;
  });
  return t;
}

CheckReport check_summary(const fs::path& path) {
  CheckReport report;
  LoadResult loaded = load_file(path);
  if (!loaded) {
    report.text = loaded.error.message + "\n";
    return report;
  }
  report.text = loaded_summary(path, loaded);
  report.ok = true;
  return report;
}

FileError convert_file(const fs::path& in, const fs::path& out) {
  const auto format = format_for_path(out);
  if (!format)
    return save_failed(out, "its name must end in .rapport (binary) or .rapport.json (JSON)");
  LoadResult loaded = load_file(in);
  if (!loaded) return loaded.error;
  return save_file(*loaded.engagement, out, *format);
}

}  // namespace rapport
