// Sync tools' conflict copies found by name beside an engagement file, in both
// formats, and nothing else: the file itself, the other format, other files.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>

#include "rapport/conflict_copies.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_of(const std::vector<ConflictCopy>& copies) {
  std::vector<std::string> out;
  for (const ConflictCopy& c : copies) out.push_back(c.name);
  return out;
}

// The tool `name` is recognised as a copy of `file` by, or nothing.
std::optional<SyncTool> tool_for(const std::string& file, const std::string& name) {
  std::vector<std::string> names{file, name};
  auto found = conflict_copies(file, names);
  if (found.empty()) return std::nullopt;
  REQUIRE(found.size() == 1);
  CHECK(found[0].name == name);
  return found[0].tool;
}

}  // namespace

TEST_CASE("conflict copies: Dropbox, OneDrive and Syncthing names are found in both formats",
          "[conflict-copies]") {
  for (std::string suffix : {".rapport.json", ".rapport"}) {
    const std::string file = "Acme relaunch" + suffix;
    INFO(file);
    CHECK(tool_for(file, "Acme relaunch (Anna's conflicted copy 2026-11-30)" + suffix) ==
          SyncTool::Dropbox);
    CHECK(tool_for(file, "Acme relaunch (conflicted copy 2026-11-30)" + suffix) ==
          SyncTool::Dropbox);
    CHECK(tool_for(file, "Acme relaunch (Anna Müller's Conflicted Copy 2026-11-30) (1)" + suffix) ==
          SyncTool::Dropbox);
    CHECK(tool_for(file, "Acme relaunch-LAPTOP" + suffix) == SyncTool::OneDrive);
    CHECK(tool_for(file, "Acme relaunch-DESKTOP-1A2B3C4" + suffix) == SyncTool::OneDrive);
    CHECK(tool_for(file, "Acme relaunch-LAPTOP-2" + suffix) == SyncTool::OneDrive);
    CHECK(tool_for(file, "Acme relaunch.sync-conflict-20261130-101500-ABCDEFG" + suffix) ==
          SyncTool::Syncthing);
  }
}

TEST_CASE("conflict copies: a marker before the last extension only is found too",
          "[conflict-copies]") {
  const std::string file = "plan.rapport.json";
  CHECK(tool_for(file, "plan.rapport (Anna's conflicted copy 2026-11-30).json") ==
        SyncTool::Dropbox);
  CHECK(tool_for(file, "plan.rapport.sync-conflict-20261130-101500-ABCDEFG.json") ==
        SyncTool::Syncthing);
  CHECK(tool_for(file, "plan.rapport-LAPTOP.json") == SyncTool::OneDrive);
}

TEST_CASE("conflict copies: the file itself, the other format and unrelated files never match",
          "[conflict-copies]") {
  const std::vector<std::string> folder = {
      "plan.rapport.json",
      "plan.rapport",                                      // the other format
      "plan-LAPTOP.rapport",                               // a copy of the other format
      "plan (Anna's conflicted copy 2026-11-30).rapport",  // likewise
      "plan-v2.rapport.json",                              // lower case: a person's name
      "plan-old.rapport.json",
      "plan-2.rapport.json",                      // no capital: not a machine
      "plan-WAYTOOLONGMACHINENAME.rapport.json",  // over 15 characters
      "plan (old).rapport.json",                  // not a conflicted copy
      "plan copy.rapport.json",
      "plan.sync-conflict-2026113-101500-ABCDEFG.rapport.json",   // a digit short
      "plan.sync-conflict-20261130-101500-abcdefg.rapport.json",  // not a device id
      "plan.sync-conflict-20261130-101500-ABCDEFG.rapport.json.tmp",
      "plan.rapport.json.merged",
      "plan (Anna's conflicted copy 2026-11-30).rapport.json.merged",
      "other (Anna's conflicted copy 2026-11-30).rapport.json",  // another file's copy
      "otherplan-LAPTOP.rapport.json",
      "planning-LAPTOP.rapport.json",  // a longer name, not a marker
      "plan.json",
      "plan (Anna's conflicted copy 2026-11-30).txt",
  };
  CHECK(conflict_copies("plan.rapport.json", folder).empty());
  // A file that is not an engagement file has no copies.
  CHECK(conflict_copies("notes.txt", folder).empty());
  CHECK(conflict_copies("", folder).empty());
}

TEST_CASE("conflict copies: several copies of one file are all found, sorted by name",
          "[conflict-copies]") {
  const std::vector<std::string> folder = {
      "plan.sync-conflict-20261201-080000-ZZZZZZZ.rapport",
      "plan.rapport",
      "plan-LAPTOP.rapport",
      "unrelated.rapport",
      "plan (Ben's conflicted copy 2026-11-30).rapport",
  };
  CHECK(names_of(conflict_copies("plan.rapport", folder)) ==
        std::vector<std::string>{"plan (Ben's conflicted copy 2026-11-30).rapport",
                                 "plan-LAPTOP.rapport",
                                 "plan.sync-conflict-20261201-080000-ZZZZZZZ.rapport"});
  // Opening a copy does not offer the original as its copy.
  CHECK(conflict_copies("plan-LAPTOP.rapport", folder).empty());
}

TEST_CASE("conflict copies: found on disk, and moved aside without being deleted",
          "[conflict-copies]") {
  const fs::path dir = fs::temp_directory_path() / "rapport-conflict-copies-unit";
  fs::remove_all(dir);
  fs::create_directories(dir / "plan-SUBFOLDER.rapport.json");  // a folder, not a file
  for (const char* name :
       {"plan.rapport.json", "plan.sync-conflict-20261130-101500-ABCDEFG.rapport.json"})
    std::ofstream(dir / name) << "x";
  const auto found = conflict_copies_beside(dir / "plan.rapport.json");
  REQUIRE(found.size() == 1);
  CHECK(found[0].name == "plan.sync-conflict-20261130-101500-ABCDEFG.rapport.json");
  CHECK(found[0].tool == SyncTool::Syncthing);

  std::string error;
  const fs::path copy = dir / found[0].name;
  const fs::path moved = move_conflict_copy_aside(copy, error);
  CHECK(error.empty());
  CHECK(moved == dir / (found[0].name + ".merged"));
  CHECK(fs::exists(moved));
  CHECK_FALSE(fs::exists(copy));
  CHECK(conflict_copies_beside(dir / "plan.rapport.json").empty());
  // A second copy moved aside under the same name gets a number, not the first's place.
  std::ofstream(copy) << "y";
  CHECK(move_conflict_copy_aside(copy, error) == dir / (found[0].name + ".merged-2"));
  // A copy that is gone says so and moves nothing.
  CHECK(move_conflict_copy_aside(dir / "missing.rapport.json", error).empty());
  CHECK_FALSE(error.empty());
  // An unreadable folder has none.
  CHECK(conflict_copies_beside(dir / "no-such-folder" / "plan.rapport.json").empty());
  fs::remove_all(dir);
}
