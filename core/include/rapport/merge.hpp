// Three-way merge of engagements (git's merge driver, synced-folder conflict
// copies, a file changed on disk while edited) and the sentences `rapport diff`
// prints.
//
// Rules (item by item, by id, then field by field through fields.hpp):
// - A field changed on one side only takes that side's value; changed on both
//   sides to the same value, that value.
// - Set-like lists (attendees, stakeholders, consulted, informed, present)
//   merge as sets: whatever either side added is in, whatever either side
//   removed is out.
// - A meeting's occurrences merge per date; its recurrence as one value.
// - A change request's decision (status, date, by whom, rationale,
//   alternative) is one value: two different decisions are one conflict.
// - Items added on either side are kept (ids never collide: ids.hpp).
// - Deleted on one side and unchanged on the other: deleted. Deleted on one
//   side and edited on the other: the item is KEPT with the edit and a
//   conflict says who deleted it. Automerge lets a concurrent update win over
//   a delete of a map key too; we keep the edit so nobody's work vanishes
//   silently, and "keep the deletion" is one click (ResolveConflict).
// - The same field changed to two values: the merged item holds mine (ours)
//   and a Conflict record (model.hpp) holds base, mine and theirs. Automerge
//   would pick a winner by actor id and keep the loser as a hidden conflict
//   value; we show it instead, since a date or a status decided twice needs a
//   person.
// - The engagement's details merge field by field the same way.
// The merged engagement always validates: references to items deleted on the
// other side are cleared, as Delete does.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "rapport/commands.hpp"
#include "rapport/model.hpp"

namespace rapport {

struct MergeResult {
  Engagement merged;
  size_t new_conflicts = 0;  // conflicts this merge found (merged.conflicts also keeps older ones)
};
MergeResult merge(const Engagement& base, const Engagement& ours, const Engagement& theirs);

// The base for merging a copy that shares no known ancestor with the open
// file (a sync tool's conflict copy): `file` as it was loaded, holding only
// the items `copy` has too. So what the copy added comes in, what it changed
// comes in (the file's values are taken as the older ones), nothing of the
// file is deleted (an item missing from the copy counts as added on the file's
// side, not deleted on the copy's), and where unsaved changes and the copy
// both changed a field, a conflict record says so.
Engagement base_without_ancestor(const Engagement& file, const Engagement& copy);

// The primitive edits that turn `from` into `to` (items put or erased, the
// details, next_id, the conflict records): how a merge result becomes one
// undo step (History::apply_edits).
std::vector<Edit> edits_between(const Engagement& from, const Engagement& to);

// Editing a field settles its conflict: the conflict records of `e` that are
// left once `edits` apply (those whose item and field the edits change, or
// whose item they erase, are gone). Null when none is settled. Commands call
// this, so "Edit…" in the Conflicts section resolves by the edit itself.
std::optional<std::vector<Conflict>> conflicts_left_after(const Engagement& e,
                                                          std::span<const Edit> edits);

// The changes from `before` to `after` as sentences, one per change, in table
// order: "Milestone “Beta” moved 2027-01-22 → 2027-01-29",
// "Change request “Extra page” rejected", "Stakeholder “Anna” added".
std::vector<std::string> describe_changes(const Engagement& before, const Engagement& after);

// What settling a conflict does (ResolveConflict plans this): the command to
// run, if any, and whether it deletes the item.
struct Resolution {
  std::optional<Command> command;
  bool deletes_item = false;
};
std::variant<Resolution, Error> conflict_resolution(const Engagement& e, const Conflict& c,
                                                    bool keep_theirs);
// The conflict with ResolveConflict's key, or null.
const Conflict* find_conflict(const Engagement& e, const ResolveConflict& key);

// One line that names a conflict: "Milestone “Beta”: Current".
std::string conflict_title(const Engagement& e, const Conflict& c);

}  // namespace rapport
