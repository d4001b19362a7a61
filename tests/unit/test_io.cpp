// Project files: round trips in both formats, broken and hostile files (each
// gives its own error and never crashes), atomic saves that keep the old file
// when they fail, fingerprints, recovery files, `check` and `convert`.
// clang-format off
#include "../common/files.hpp"
#include "rapport/serialize.hpp"  // first: cereal's JSON archive first
// clang-format on

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "rapport/demo.hpp"
#include "rapport/io.hpp"
#include "rapport/validate.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static int n = 0;
    path = fs::temp_directory_path() /
           ("rapport-test-io-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  fs::path operator/(const std::string& name) const { return path / name; }
};

using rapport::test::read_file;

void write_all(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), std::streamsize(bytes.size()));
}

// Replaces the binary payload and fixes length and checksums, so the bytes
// reach the cereal payload reader instead of being stopped by the checksum.
std::string with_payload(std::string file, std::string_view payload) {
  file.resize(kBinaryHeaderBytes);
  file += payload;
  auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) file[at + i] = char((v >> (8 * i)) & 0xff);
  };
  const uint64_t n = payload.size();
  put32(16, uint32_t(n));
  put32(20, uint32_t(n >> 32));
  put32(24, crc32(payload));
  put32(28, crc32(std::string_view(file.data(), 28)));
  return file;
}

std::string payload_of(const std::string& file) { return file.substr(kBinaryHeaderBytes); }

// Loads that fail must say so in a sentence that names the file.
void check_error(const LoadResult& r, FileProblem expected, const char* name = "test.rapport") {
  INFO(r.error.message);
  REQUIRE_FALSE(r);
  CHECK(r.error.problem == expected);
  CHECK(r.error.message.find(name) != std::string::npos);
}

void replace_once(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("io: the demo and generated engagements survive a round trip in both formats", "[io]") {
  Engagement minimal;
  minimal.info.name = "Minimal";
  for (const Engagement& e : {make_demo(), generate_engagement(2000, 7), minimal}) {
    for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
      INFO(to_string(f));
      const std::string bytes = to_bytes(e, f);
      LoadResult r = load_bytes(bytes, "test.rapport");
      INFO(r.error.message);
      REQUIRE(r);
      CHECK(r.format == f);
      CHECK(r.format_version == kFormatVersion);
      CHECK(*r.engagement == e);
      CHECK(to_bytes(*r.engagement, f) == bytes);  // two saves are byte-identical
    }
  }
}

TEST_CASE("io: JSON is readable: names, ISO dates, enum names, items in id order", "[io]") {
  const std::string json = to_bytes(make_demo(), FileFormat::Json);
  CHECK(json.rfind("{\n    \"rapport_file\": \"engagement\",\n    \"format\": " +
                       std::to_string(kFormatVersion) + ",",
                   0) == 0);
  CHECK(json.find("\"stakeholders\": [") != std::string::npos);
  CHECK(json.find("\"side\": \"client\"") != std::string::npos);
  CHECK(json.find("\"start\": \"20") != std::string::npos);
  CHECK(json.back() == '\n');
}

TEST_CASE("io: cereal's own PortableBinary reader agrees with our bounded one", "[io]") {
  const Engagement demo = make_demo();
  const std::string payload = payload_of(to_bytes(demo, FileFormat::Binary));
  std::istringstream in(payload);
  cereal::PortableBinaryInputArchive ar(in);
  Engagement e;
  ar(e);
  CHECK(e == demo);
}

TEST_CASE("io: broken files each give their own error", "[io]") {
  const std::string good = to_bytes(make_demo(), FileFormat::Binary);

  SECTION("empty") { check_error(load_bytes("", "test.rapport"), FileProblem::Empty); }
  SECTION("wrong magic") {
    check_error(load_bytes("\x89PNG\r\n\x1a\n0000000000000000", "test.rapport"),
                FileProblem::NotRapport);
    check_error(load_bytes("hello", "test.rapport"), FileProblem::NotRapport);
  }
  SECTION("truncated at every point of the header and many of the payload") {
    for (size_t n = 1; n < good.size(); n += (n < 64 ? 1 : 97)) {
      INFO("cut at " << n);
      LoadResult r = load_bytes(std::string_view(good).substr(0, n), "test.rapport");
      check_error(r, FileProblem::CutOff);
      if (n >= kBinaryHeaderBytes)
        CHECK(r.error.message.find("ends after " + with_thousands(n) + " of " +
                                   with_thousands(good.size()) + " bytes") != std::string::npos);
    }
  }
  SECTION("trailing bytes") {
    check_error(load_bytes(good + "xyz", "test.rapport"), FileProblem::TrailingData);
  }
  SECTION("every flipped byte is caught by a checksum") {
    for (size_t i = 0; i < good.size(); i += 7) {
      std::string bad = good;
      bad[i] = char(bad[i] ^ 0x20);
      LoadResult r = load_bytes(bad, "test.rapport");
      INFO("byte " << i << ": " << r.error.message);
      REQUIRE_FALSE(r);
      CHECK(r.error.problem != FileProblem::None);
    }
  }
  SECTION("flipped payload bytes behind a valid checksum: an error or a valid engagement") {
    std::mt19937 rng(42);
    const std::string payload = payload_of(good);
    for (int round = 0; round < 2000; ++round) {
      std::string bad = payload;
      for (int k = 0; k < 1 + round % 4; ++k) bad[rng() % bad.size()] = char(rng() & 0xff);
      LoadResult r = load_bytes(with_payload(good, bad), "test.rapport");
      if (r)
        CHECK(validate_engagement(*r.engagement).empty());
      else
        CHECK_FALSE(r.error.message.empty());
    }
  }
  SECTION("a huge count behind a valid checksum fails without allocating it") {
    // The first list after the engagement's details is the stakeholders: find
    // its count by saving an engagement whose only difference is one stakeholder.
    Engagement e = make_demo();
    std::string payload = payload_of(to_bytes(e, FileFormat::Binary));
    const uint64_t count = e.stakeholders.size();
    std::string needle(reinterpret_cast<const char*>(&count), 8);
    const auto at = payload.find(needle);
    REQUIRE(at != std::string::npos);
    for (uint64_t huge : {uint64_t(5e7), uint64_t(1) << 40, ~uint64_t(0)}) {
      std::string bad = payload;
      std::memcpy(bad.data() + at, &huge, 8);
      LoadResult r = load_bytes(with_payload(good, bad), "test.rapport");
      check_error(r, FileProblem::Damaged);
      CHECK(r.error.message.find("claims") != std::string::npos);
    }
  }
  SECTION("a huge string length behind a valid checksum") {
    std::string payload = payload_of(good);
    // The payload starts: endianness byte, the engagement's class version,
    // the info's class version, then the name's length.
    const uint64_t huge = 3'000'000'000ull;
    std::memcpy(payload.data() + 9, &huge, 8);
    check_error(load_bytes(with_payload(good, payload), "test.rapport"), FileProblem::Damaged);
  }
  SECTION("a bool that is neither 0 nor 1") {
    Engagement e;
    e.expectations.items[1] = Expectation{.id = 1, .what = "x"};
    const std::string file = to_bytes(e, FileFormat::Binary);
    std::string payload = payload_of(file);
    // `stated` is the only byte equal to 1 right after the `source` id 0.
    const std::string stated("\0\0\0\0\x01", 5);
    const auto at = payload.rfind(stated);
    REQUIRE(at != std::string::npos);
    payload[at + 4] = 2;
    LoadResult r = load_bytes(with_payload(file, payload), "test.rapport");
    check_error(r, FileProblem::Damaged);
  }
  SECTION("a newer format") {
    std::string newer = good;
    newer[8] = 7;
    LoadResult r = load_bytes(newer, "test.rapport");
    check_error(r, FileProblem::NewerVersion);
    CHECK(r.error.message.find("made by a newer version of Rapport (format 7); this version "
                               "reads up to " +
                               std::to_string(kFormatVersion)) != std::string::npos);
  }
  SECTION("a newer class version inside a current format") {
    std::string payload = payload_of(good);
    payload[1] = 3;  // the engagement's class version
    check_error(load_bytes(with_payload(good, payload), "test.rapport"), FileProblem::NewerVersion);
  }
}

TEST_CASE("io: broken JSON files each give their own error", "[io]") {
  const std::string good = to_bytes(make_demo(), FileFormat::Json);
  auto load = [](const std::string& s) { return load_bytes(s, "test.rapport.json"); };
  const char* name = "test.rapport.json";

  SECTION("truncated") {
    for (size_t n = 1; n < good.size() - 2; n += 101) {
      INFO("cut at " << n);
      check_error(load(good.substr(0, n)), FileProblem::CutOff, name);
    }
  }
  SECTION("syntax error names line and column") {
    std::string bad = good;
    const std::string format = "\"format\": " + std::to_string(kFormatVersion) + ",";
    replace_once(bad, format, format + ",");
    LoadResult r = load(bad);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("line 3") != std::string::npos);
  }
  SECTION("JSON of the wrong shape") {
    check_error(load("[1, 2, 3]"), FileProblem::NotRapport, name);
    check_error(load("{}"), FileProblem::NotRapport, name);
    check_error(load("{\"rapport_file\": \"engagement\", \"format\": 1}"), FileProblem::Damaged,
                name);
    check_error(load("{\"rapport_file\": \"engagement\", \"format\": 1, \"engagement\": []}"),
                FileProblem::Damaged, name);
    check_error(load("{\"rapport_file\": \"engagement\", \"format\": \"one\"}"),
                FileProblem::Damaged, name);
  }
  SECTION("a string where a number belongs throws instead of loading garbage") {
    std::string bad = good;
    replace_once(bad, "\"next_id\": ", "\"next_id\": \"12\", \"x\": ");
    LoadResult r = load(bad);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("whole number") != std::string::npos);
  }
  SECTION("a missing field") {
    std::string bad = good;
    replace_once(bad, "\"next_id\"", "\"next_idea\"");
    LoadResult r = load(bad);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("“next_id” is missing") != std::string::npos);
  }
  SECTION("an enum name or number out of range") {
    std::string bad = good;
    replace_once(bad, "\"side\": \"client\"", "\"side\": \"martian\"");
    check_error(load(bad), FileProblem::Damaged, name);
    bad = good;
    replace_once(bad, "\"side\": \"client\"", "\"side\": 7");
    check_error(load(bad), FileProblem::Damaged, name);
  }
  SECTION("an impossible date") {
    std::string bad = good;
    const auto at = bad.find("\"start\": \"");
    REQUIRE(at != std::string::npos);
    bad.replace(at + 10, 10, "2026-02-30");
    LoadResult r = load(bad);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("2026-02-30") != std::string::npos);
  }
  SECTION("a weekday mask wider than a byte") {
    std::string bad = good;
    const auto at = bad.find("\"weekdays\": ");
    REQUIRE(at != std::string::npos);
    bad.insert(at + 12, "300");
    bad.erase(at + 15, bad.find(',', at + 15) - (at + 15));
    check_error(load(bad), FileProblem::Damaged, name);
  }
  SECTION("two items with the same id") {
    Engagement e;
    e.next_id = 10;
    e.constraints.items[3] =
        Constraint{.id = 3, .kind = ConstraintKind::Budget, .description = "a"};
    std::string json = to_bytes(e, FileFormat::Json);
    const auto start = json.find("\"constraints\": [") + 16;
    const auto end = json.find("]", start);
    std::string item = json.substr(start, end - start);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.pop_back();
    json.insert(start + item.size(), "," + item);
    // The copy also carries "cereal_class_version", which is harmless.
    LoadResult r = load(json);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("id 3") != std::string::npos);
  }
  SECTION("deep nesting is an error, not a stack overflow") {
    std::string deep = "{\"rapport_file\": \"engagement\", \"format\": 1, \"engagement\": ";
    deep += std::string(200000, '[') + std::string(200000, ']') + "}";
    check_error(load(deep), FileProblem::Damaged, name);
  }
  SECTION("invalid UTF-8 and NUL bytes") {
    std::string bad = good;
    replace_once(bad, "\"name\": \"", "\"name\": \"\xC3\x28");
    check_error(load(bad), FileProblem::Damaged, name);
    bad = good;
    bad[bad.size() / 2] = '\0';
    check_error(load(bad), FileProblem::Damaged, name);
  }
  SECTION("a newer format") {
    std::string newer = good;
    replace_once(newer, "\"format\": " + std::to_string(kFormatVersion), "\"format\": 7");
    LoadResult r = load(newer);
    check_error(r, FileProblem::NewerVersion, name);
    CHECK(r.error.message.find("(format 7); this version reads up to " +
                               std::to_string(kFormatVersion)) != std::string::npos);
  }
  SECTION("a newer class version of one type") {
    std::string newer = good;
    const auto at = newer.find("\"stakeholders\": [");
    const auto version = newer.find("\"cereal_class_version\": ", at);
    REQUIRE(version != std::string::npos);
    newer[version + 24] = '9';
    LoadResult r = load(newer);
    check_error(r, FileProblem::NewerVersion, name);
    CHECK(r.error.message.find("stakeholders in version 9") != std::string::npos);
  }
  SECTION("well-formed but against the rules: validated after loading") {
    Engagement e = make_demo();
    e.milestones.items.begin()->second.title.clear();  // a milestone needs a title
    LoadResult r = load(to_bytes(e, FileFormat::Json));
    check_error(r, FileProblem::Invalid, name);
  }
}

TEST_CASE("io: JSON text is checked after unescaping, keys once each, nesting shallow",
          "[io][json]") {
  const std::string good = to_bytes(make_demo(), FileFormat::Json);
  auto load = [](const std::string& s) { return load_bytes(s, "plan.rapport.json"); };
  const char* name = "plan.rapport.json";
  auto line_of = [](const std::string& s, const std::string& needle) {
    const auto at = s.find(needle);
    return "line " + std::to_string(1 + std::count(s.begin(), s.begin() + long(at), '\n'));
  };

  SECTION("an escaped NUL in a text is refused, not cut off at the next save") {
    std::string bad = good;
    replace_once(bad, "\"name\": \"Website relaunch\"", "\"name\": \"Website\\u0000 relaunch\"");
    LoadResult r = load(bad);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("“name”") != std::string::npos);
    CHECK(r.error.message.find("zero character") != std::string::npos);
    CHECK(r.error.message.find(line_of(bad, "Website\\u0000")) != std::string::npos);
  }
  SECTION("an escaped lone surrogate is not valid UTF-8 and is refused") {
    std::string bad = good;
    replace_once(bad, "\"name\": \"Website relaunch\"", "\"name\": \"Website \\udc00\"");
    LoadResult r = load(bad);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("UTF-8") != std::string::npos);
  }
  SECTION("a key given twice is refused with its line") {
    std::string bad = good;
    replace_once(bad, "\"currency\": \"EUR\",", "\"currency\": \"EUR\",\n\"currency\": \"USD\",");
    LoadResult r = load(bad);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("“currency” appears twice") != std::string::npos);
    CHECK(r.error.message.find(line_of(bad, "\"currency\": \"USD\"")) != std::string::npos);
  }
  SECTION("the same key in two different objects is fine") { CHECK(load(good)); }
  SECTION("an object with many keys is still checked for repeats") {
    std::string many = "{\"rapport_file\": \"engagement\"";
    for (int i = 0; i < 1000; ++i) many += ",\"k" + std::to_string(i) + "\": 1";
    many += ",\"k500\": 2}";
    LoadResult r = load(many);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("“k500” appears twice") != std::string::npos);
  }
  SECTION("nesting a million levels deep is a quick error naming the depth") {
    std::string deep = "{\"rapport_file\": \"engagement\", \"format\": 1, \"engagement\": ";
    deep += std::string(1000000, '[') + std::string(1000000, ']') + "}";
    LoadResult r = load(deep);
    check_error(r, FileProblem::Damaged, name);
    CHECK(r.error.message.find("nested more than 64 levels") != std::string::npos);
  }
}

TEST_CASE("io: the committed corpus of broken files", "[io]") {
  const fs::path dir = fs::path(RAPPORT_TEST_DATA) / "broken";
  REQUIRE(fs::is_directory(dir));
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    // Named "<problem>--<what>.<ext>", the problem as to_string(FileProblem)
    // with spaces as dashes.
    const std::string file = entry.path().filename().string();
    if (file == "README.md") continue;
    const std::string problem = file.substr(0, file.find("--"));
    LoadResult r = load_file(entry.path());
    INFO(file << ": " << r.error.message);
    REQUIRE_FALSE(r);
    std::string got = to_string(r.error.problem);
    std::replace(got.begin(), got.end(), ' ', '-');
    CHECK(got == problem);
    CHECK(r.error.message.find(file) != std::string::npos);
    ++seen;
  }
  CHECK(seen >= 10);
}

TEST_CASE("io: save_file writes atomically and keeps the old file when it fails", "[io]") {
  TempDir dir;
  const Engagement demo = make_demo();
  const fs::path path = dir / "plan.rapport";

  SECTION("save, load, save again over it") {
    REQUIRE_FALSE(save_file(demo, path));
    REQUIRE_FALSE(save_file(demo, dir / "plan.rapport.json"));
    CHECK(read_file(path) == to_bytes(demo, FileFormat::Binary));
    CHECK(read_file(dir / "plan.rapport.json") == to_bytes(demo, FileFormat::Json));
    Engagement changed = demo;
    changed.info.name = "Renamed";
    REQUIRE_FALSE(save_file(changed, path));
    LoadResult r = load_file(path);
    REQUIRE(r);
    CHECK(r.engagement->info.name == "Renamed");
    // No temporary files left behind.
    int files = 0;
    for ([[maybe_unused]] const auto& f : fs::directory_iterator(dir.path)) ++files;
    CHECK(files == 2);
  }
  SECTION("a folder that does not exist") {
    FileError err = save_file(demo, dir / "gone" / "plan.rapport");
    INFO(err.message);
    CHECK(err.problem == FileProblem::SaveFailed);
    CHECK(err.message.find("does not exist") != std::string::npos);
    CHECK(err.message.find("plan.rapport") != std::string::npos);
  }
  SECTION("a folder in place of the file") {
    fs::create_directories(dir / "plan.rapport");
    CHECK(save_file(demo, dir / "plan.rapport").problem == FileProblem::SaveFailed);
  }
  SECTION("a read-only folder (not enforced for root)") {
    REQUIRE_FALSE(save_file(demo, path));
    const std::string before = read_file(path);
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    Engagement changed = demo;
    changed.info.name = "Renamed";
    FileError err = save_file(changed, path);
    fs::permissions(dir.path, fs::perms::owner_all);
    if (::geteuid() != 0) {
      INFO(err.message);
      CHECK(err.problem == FileProblem::SaveFailed);
      CHECK(err.message.find("permission") != std::string::npos);
      CHECK(read_file(path) == before);
    }
  }
  SECTION("no space left: the write fails half way and the old file stays") {
    REQUIRE_FALSE(save_file(demo, path));
    const std::string before = read_file(path);
    const Engagement big = generate_engagement(5000, 3);
    // A file size limit makes write() fail with EFBIG, as a full disk would
    // with ENOSPC; it works for root too.
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    FileError err = save_file(big, path);
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::signal(SIGXFSZ, old_handler);
    INFO(err.message);
    CHECK(err.problem == FileProblem::SaveFailed);
    CHECK(err.message.find("larger than") != std::string::npos);
    CHECK(err.message.find("still open") != std::string::npos);
    CHECK(read_file(path) == before);
    int files = 0;
    for ([[maybe_unused]] const auto& f : fs::directory_iterator(dir.path)) ++files;
    CHECK(files == 1);  // the temporary file is gone
  }
  SECTION("saving keeps the file's permissions") {
    REQUIRE_FALSE(save_file(demo, path));
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    REQUIRE_FALSE(save_file(demo, path));
    CHECK((fs::status(path).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
  }
}

TEST_CASE(
    "io: write_file_atomically follows links, refuses dangling ones and keeps the old file on "
    "failure",
    "[io]") {
  TempDir dir;
  const fs::path real = dir / "real.ics";
  write_all(real, "old");

  SECTION("a link is followed to its target and stays a link") {
    fs::create_symlink("real.ics", dir / "link.ics");
    fs::create_symlink(dir / "link.ics", dir / "link-to-link.ics");
    REQUIRE_FALSE(write_file_atomically(dir / "link-to-link.ics", "new"));
    CHECK(fs::is_symlink(dir / "link.ics"));
    CHECK(fs::is_symlink(dir / "link-to-link.ics"));
    CHECK(read_file(real) == "new");
  }
  SECTION("a dangling link is refused and left as it was") {
    fs::create_symlink("nowhere.ics", dir / "dangling.ics");
    FileError err = write_file_atomically(dir / "dangling.ics", "new");
    INFO(err.message);
    CHECK(err.problem == FileProblem::SaveFailed);
    CHECK(err.message.find("dangling.ics") != std::string::npos);
    CHECK(err.message.find("does not exist") != std::string::npos);
    CHECK(fs::is_symlink(dir / "dangling.ics"));
    CHECK_FALSE(fs::exists(dir / "nowhere.ics"));
  }
  SECTION("saving an engagement through a dangling link is refused, not Saved over the link") {
    fs::create_symlink("nowhere.rapport", dir / "plan.rapport");
    FileError err = save_file(make_demo(), dir / "plan.rapport");
    INFO(err.message);
    CHECK(err.problem == FileProblem::SaveFailed);
    CHECK(fs::is_symlink(dir / "plan.rapport"));
  }
  SECTION("a folder that does not exist") {
    FileError err = write_file_atomically(dir / "gone" / "out.ics", "new");
    INFO(err.message);
    CHECK(err.problem == FileProblem::SaveFailed);
    CHECK(err.message.find("does not exist") != std::string::npos);
  }
  SECTION("a write that fails half way leaves the old file and no temporary file") {
    const std::string big(64 * 1024, 'x');
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    FileError err = write_file_atomically(real, big);
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::signal(SIGXFSZ, old_handler);
    INFO(err.message);
    CHECK(err.problem == FileProblem::SaveFailed);
    CHECK(err.message.find("unchanged") != std::string::npos);
    CHECK(read_file(real) == "old");
    int files = 0;
    for ([[maybe_unused]] const auto& f : fs::directory_iterator(dir.path)) ++files;
    CHECK(files == 1);
  }
  SECTION("a pipe (or a device) is not replaced by a file") {
    const fs::path pipe = dir / "pipe.ics";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    CHECK(write_file_atomically(pipe, "new").problem == FileProblem::SaveFailed);
    CHECK(fs::is_fifo(pipe));
  }
}

TEST_CASE("io: load_file says why it cannot read", "[io]") {
  TempDir dir;
  check_error(load_file(dir / "missing.rapport"), FileProblem::NotFound, "missing.rapport");
  fs::create_directories(dir / "folder.rapport");
  check_error(load_file(dir / "folder.rapport"), FileProblem::Unreadable, "folder.rapport");
  write_all(dir / "empty.rapport", "");
  check_error(load_file(dir / "empty.rapport"), FileProblem::Empty, "empty.rapport");
}

TEST_CASE("io: a fingerprint notices a change on disk", "[io]") {
  TempDir dir;
  const fs::path path = dir / "plan.rapport";
  CHECK_FALSE(file_fingerprint(path).exists);
  REQUIRE_FALSE(save_file(make_demo(), path));
  const FileFingerprint opened = file_fingerprint(path);
  CHECK(opened.exists);
  CHECK(file_fingerprint(path) == opened);
  Engagement changed = make_demo();
  changed.info.name = "Someone else's edit";
  REQUIRE_FALSE(save_file(changed, path));
  CHECK_FALSE(file_fingerprint(path) == opened);
}

TEST_CASE("io: recovery files", "[io]") {
  TempDir dir;
  const fs::path state = dir / "state";
  const fs::path path = dir / "plan.rapport";
  REQUIRE_FALSE(save_file(make_demo(), path));
  CHECK_FALSE(find_recovery(state, path));

  Engagement unsaved = make_demo();
  unsaved.info.name = "Unsaved work";
  REQUIRE_FALSE(write_recovery(state, path, unsaved));
  const auto found = find_recovery(state, path);
  REQUIRE(found);
  CHECK(found->parent_path() == state / "recovery");
  LoadResult r = load_file(*found);
  REQUIRE(r);
  CHECK(r.engagement->info.name == "Unsaved work");

  // Two files of the same name in different folders do not share a recovery.
  CHECK(recovery_path(state, dir / "a" / "plan.rapport") != recovery_path(state, path));

  // Saving the file afterwards makes the recovery stale.
  const auto later = fs::last_write_time(*found) + std::chrono::seconds(2);
  REQUIRE_FALSE(save_file(unsaved, path));
  fs::last_write_time(path, later);
  CHECK_FALSE(find_recovery(state, path));

  discard_recovery(state, path);
  CHECK_FALSE(fs::exists(recovery_path(state, path)));

  // A document never saved has one "untitled" recovery.
  REQUIRE_FALSE(write_recovery(state, {}, unsaved));
  CHECK(find_recovery(state, {}));
}

TEST_CASE("io: check and convert", "[io]") {
  TempDir dir;
  const fs::path json = dir / "plan.rapport.json";
  const fs::path binary = dir / "plan.rapport";
  REQUIRE_FALSE(save_file(make_demo(), json));

  CheckReport report = check_summary(json);
  INFO(report.text);
  CHECK(report.ok);
  CHECK(report.text.find("valid Rapport project") != std::string::npos);
  CHECK(report.text.find("JSON, format " + std::to_string(kFormatVersion)) != std::string::npos);
  CHECK(report.text.find("Stakeholders") != std::string::npos);

  REQUIRE_FALSE(convert_file(json, binary));
  LoadResult r = load_file(binary);
  REQUIRE(r);
  CHECK(r.format == FileFormat::Binary);
  CHECK(*r.engagement == make_demo());
  CHECK(convert_file(json, dir / "plan.txt").problem == FileProblem::SaveFailed);

  write_all(dir / "bad.rapport", "RAPPORT");
  CheckReport bad = check_summary(dir / "bad.rapport");
  CHECK_FALSE(bad.ok);
  CHECK(bad.text.find("cut off") != std::string::npos);
}

TEST_CASE("io: format_for_path goes by extension", "[io]") {
  CHECK(format_for_path("a/plan.rapport") == FileFormat::Binary);
  CHECK(format_for_path("plan.rapport.json") == FileFormat::Json);
  CHECK_FALSE(format_for_path("plan.json"));
  CHECK(with_thousands(9876) == "9,876");
  CHECK(with_thousands(1234567) == "1,234,567");
  CHECK(crc32("123456789") == 0xCBF43926u);
}

// Writes tests/data/broken/ (the corpus above). Hidden: run it by hand with
//   rapport_tests "[write-broken-corpus]"
// when a new kind of broken file is added; existing files stay as they are.
TEST_CASE("io: write the corpus of broken files", "[.][write-broken-corpus]") {
  const fs::path dir = fs::path(RAPPORT_TEST_DATA) / "broken";
  fs::create_directories(dir);
  const Engagement demo = make_demo();
  const std::string bin = to_bytes(demo, FileFormat::Binary);
  const std::string json = to_bytes(demo, FileFormat::Json);
  auto put = [&](const std::string& name, std::string_view bytes) {
    if (!fs::exists(dir / name)) write_all(dir / name, bytes);
  };
  put("empty--zero-bytes.rapport", "");
  put("not-a-Rapport-file--png-header.rapport",
      std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 33));
  put("not-a-Rapport-file--other-json.rapport.json", "{\"name\": \"not a plan\"}\n");
  put("not-a-Rapport-file--json-array.rapport.json", "[1, 2, 3]\n");
  put("cut-off--inside-header.rapport", bin.substr(0, 20));
  put("cut-off--half.rapport", bin.substr(0, bin.size() / 2));
  put("cut-off--half.rapport.json", json.substr(0, json.size() / 2));
  put("trailing-data--appended.rapport", bin + "appended");
  std::string flipped = bin;
  flipped[bin.size() / 3] = char(flipped[bin.size() / 3] ^ 1);
  put("damaged--flipped-byte.rapport", flipped);
  std::string header = bin;
  header[20] = 1;
  put("damaged--header-checksum.rapport", header);
  std::string huge = payload_of(bin);
  const uint64_t count = 3'000'000'000ull;
  std::memcpy(huge.data() + 9, &count, 8);
  put("damaged--huge-string-length.rapport", with_payload(bin, huge));
  std::string shape = json;
  replace_once(shape, "\"stakeholders\": [", "\"stakeholders\": {\"oops\": [");
  replace_once(shape, "\"objectives\"", "\"oops2\": 1}, \"objectives\"");
  put("damaged--wrong-shape.rapport.json", shape);
  std::string number = json;
  replace_once(number, "\"next_id\": ", "\"next_id\": \"many\", \"was\": ");
  put("damaged--text-for-number.rapport.json", number);
  std::string side = json;
  replace_once(side, "\"side\": \"client\"", "\"side\": \"martian\"");
  put("damaged--unknown-enum.rapport.json", side);
  std::string syntax = json;
  replace_once(syntax, "\"format\": 2,", "\"format\": 2,,");
  put("damaged--json-syntax.rapport.json", syntax);
  std::string newer = bin;
  newer[8] = 7;
  put("newer-version--format-7.rapport", newer);
  std::string newer_json = json;
  replace_once(newer_json, "\"format\": 2", "\"format\": 7");
  put("newer-version--format-7.rapport.json", newer_json);
  Engagement invalid = demo;
  invalid.milestones.items.begin()->second.title.clear();
  put("invalid--milestone-without-title.rapport.json", to_bytes(invalid, FileFormat::Json));
  // Small by hand: duplicate-key, zero-character-in-text and nested-too-deep.
}
