// Conflict copies that sync tools leave beside a file both sides edited while
// apart, so the app can offer to merge them into the open engagement:
//   Dropbox    "plan (Anna's conflicted copy 2026-11-30).rapport.json"
//   OneDrive   "plan-LAPTOP.rapport.json" (the other computer's name)
//   Syncthing  "plan.sync-conflict-20261130-101500-ABCDEFG.rapport.json"
// in both formats (.rapport and .rapport.json), with the marker before the
// whole suffix or (as tools that only know the last extension write it)
// before ".json": "plan.rapport (Anna's conflicted copy 2026-11-30).json".
//
// The file itself, files of the other format, other engagements' files and
// names that merely start alike ("plan-v2", "plan (old)", "plan-old") never
// match. A OneDrive machine name is taken to be what Windows computer names
// are by default: up to 15 capitals, digits and dashes with a capital in it
// ("LAPTOP", "DESKTOP-1A2B3C4"); "plan-FINAL" would pass that test, so the
// app only offers copies that hold the same engagement (Engagement::uid).
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport {

enum class SyncTool { Dropbox, OneDrive, Syncthing };
const char* to_string(SyncTool t);  // "Dropbox", "OneDrive", "Syncthing"

struct ConflictCopy {
  std::string name;  // the copy's file name, in the same folder
  SyncTool tool = SyncTool::Dropbox;
  bool operator==(const ConflictCopy&) const = default;
};

// The conflict copies of `file_name` among `names` (the file names of its
// folder), sorted by name. Pure: no file system.
std::vector<ConflictCopy> conflict_copies(std::string_view file_name,
                                          std::span<const std::string> names);

// The same over the folder of `file` on disk (regular files only). An
// unreadable folder has none.
std::vector<ConflictCopy> conflict_copies_beside(const std::filesystem::path& file);

// Moves a merged copy aside (never deletes it): renamed to "NAME.merged" (or
// "NAME.merged-2", ...) in its folder, which no longer looks like a conflict
// copy or an engagement file. Returns the new path, or empty with `error` set.
std::filesystem::path move_conflict_copy_aside(const std::filesystem::path& copy,
                                               std::string& error);

}  // namespace rapport
