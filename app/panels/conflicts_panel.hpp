// Conflicts: what a merge (git, a synced folder's conflict copy, the file
// changed on disk) could not settle, one row each: the item and field, the
// base, mine and theirs side by side, and Keep mine, Keep theirs and Edit….
// Each choice is one ResolveConflict command (one undo step); editing the
// field in the inspector settles it too (core: conflicts_left_after). The
// client view never draws this panel.
#pragma once

#include "panels/panel_context.hpp"

namespace rapport::app {

// What the user asked for beyond commands: "Edit…" on the engagement's details
// (which the Overview edits).
struct ConflictsPanelResult {
  bool edit_details = false;
};
ConflictsPanelResult draw_conflicts(PanelContext& ctx);

}  // namespace rapport::app
