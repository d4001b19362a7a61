// Every file format version ever released keeps opening: one committed fixture
// per version and format, written by that version from make_demo().
//
// When the format changes (see serialize.hpp, [SECTION] Versions): run
//   rapport_tests "[write-io-fixtures]"
// once to add tests/data/format-vN.*, and add N to kFixtureVersions. Old
// fixtures are never rewritten. If make_demo() itself changes later, keep
// today's demo here as a frozen copy for the old fixtures instead.
#include <catch2/catch.hpp>
#include <filesystem>

#include "rapport/demo.hpp"
#include "rapport/io.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {

constexpr uint32_t kFixtureVersions[] = {1, 2, 3};

fs::path fixture(uint32_t version, FileFormat f) {
  return fs::path(RAPPORT_TEST_DATA) / ("format-v" + std::to_string(version) +
                                        (f == FileFormat::Json ? ".rapport.json" : ".rapport"));
}

}  // namespace

TEST_CASE("io formats: a fixture for every format version opens to the demo", "[io]") {
  STATIC_REQUIRE(kFixtureVersions[std::size(kFixtureVersions) - 1] == kFormatVersion);
  for (uint32_t version : kFixtureVersions) {
    for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
      const fs::path path = fixture(version, f);
      INFO(path);
      LoadResult r = load_file(path);
      INFO(r.error.message);
      REQUIRE(r);
      CHECK(r.format == f);
      CHECK(r.format_version == version);
      CHECK(*r.engagement == make_demo());
    }
  }
}

TEST_CASE("io formats: the current version's fixtures are what this version writes", "[io]") {
  // If this fails, the format changed without a new version: bump it (see
  // serialize.hpp) rather than editing the fixture.
  for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
    std::string bytes = to_bytes(make_demo(), f);
    LoadResult r = load_file(fixture(kFormatVersion, f));
    INFO(r.error.message);
    REQUIRE(r);
    CHECK(r.format_version == kFormatVersion);
    CHECK(to_bytes(*r.engagement, f) == bytes);
  }
}

TEST_CASE("io formats: assets/demo.rapport.json is the demo engagement", "[io]") {
  LoadResult r = load_file(fs::path(RAPPORT_ASSETS) / "demo.rapport.json");
  INFO(r.error.message);
  REQUIRE(r);
  CHECK(*r.engagement == make_demo());
}

// Writes the current version's fixtures (only if missing) and the demo asset.
TEST_CASE("io formats: write fixtures and the demo asset", "[.][write-io-fixtures]") {
  for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
    const fs::path path = fixture(kFormatVersion, f);
    if (!fs::exists(path)) REQUIRE_FALSE(save_file(make_demo(), path));
  }
  fs::create_directories(RAPPORT_ASSETS);
  REQUIRE_FALSE(save_file(make_demo(), fs::path(RAPPORT_ASSETS) / "demo.rapport.json"));
}
