// Commands: every change to an engagement is one of these small values.
// History (history.hpp) applies them, records the inverse edits and gives
// undo/redo. A command that breaks a rule is refused with an Error and leaves
// the engagement unchanged.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "rapport/model.hpp"
#include "rapport/validate.hpp"

namespace rapport {

// Adds an item; its id is assigned (item.id is ignored). History::last_added()
// tells the new id.
template <class T>
struct Add {
  T item;
};
// Replaces the item with the same id.
template <class T>
struct Update {
  T item;
};
// Deletes an item and clears every reference to it, in one step.
template <class T>
struct Delete {
  Id id = kNoId;
};

struct SetInfo {
  EngagementInfo info;
};
struct MoveMilestone {
  Id id = kNoId;
  Date to;
};
// Approve moves each affected milestone by its impact; Reject needs a
// rationale and an alternative; Defer and back to Proposed need nothing.
struct DecideChangeRequest {
  Id id = kNoId;
  ChangeStatus decision = ChangeStatus::Approved;
  Date on;
  Id by = kNoId;  // stakeholder, optional
  std::string rationale;
  std::string alternative;
};
// Sets what happened to one occurrence (held with recap, cancelled, moved).
// An override equal to the default (planned, not moved) removes the entry.
struct SetOccurrence {
  Id series = kNoId;
  Date original;  // the occurrence's original local date
  OccurrenceOverride value;
};

// Makes one agreed action of a held occurrence a client task, a decision or a
// provider to-do, and marks the line converted: one step (recap_actions.hpp).
// History::last_added() tells the new item's id.
struct ConvertAgreedAction {
  Id series = kNoId;
  Date original;     // the occurrence's original local date
  std::string line;  // one of agreed_action_lines() of its agreed actions
  ActionTarget to = ActionTarget::ClientTask;
};

// Settles one merge conflict (model.hpp: Conflict, merge.hpp), found by its
// key. Keep mine leaves what the merge kept; keep theirs puts theirs' value
// back. For an item edited on one side and deleted on the other, the side
// that deleted it wins by deleting it again (references cleared, as Delete).
struct ResolveConflict {
  bool on_info = false;
  Kind kind{};
  Id item = kNoId;
  std::string field;
  bool keep_theirs = false;
};

#define RAPPORT_ITEM_COMMANDS(T) Add<T>, Update<T>, Delete<T>
using Command =
    std::variant<SetInfo, MoveMilestone, DecideChangeRequest, SetOccurrence, ResolveConflict,
                 ConvertAgreedAction, RAPPORT_ITEM_COMMANDS(Stakeholder),
                 RAPPORT_ITEM_COMMANDS(Objective), RAPPORT_ITEM_COMMANDS(Constraint),
                 RAPPORT_ITEM_COMMANDS(Question), RAPPORT_ITEM_COMMANDS(Expectation),
                 RAPPORT_ITEM_COMMANDS(Responsibility), RAPPORT_ITEM_COMMANDS(Deliverable),
                 RAPPORT_ITEM_COMMANDS(CommunicationChannel), RAPPORT_ITEM_COMMANDS(MeetingSeries),
                 RAPPORT_ITEM_COMMANDS(Milestone), RAPPORT_ITEM_COMMANDS(Boundary),
                 RAPPORT_ITEM_COMMANDS(ChangeRequest), RAPPORT_ITEM_COMMANDS(ClientTask),
                 RAPPORT_ITEM_COMMANDS(Decision), RAPPORT_ITEM_COMMANDS(Feedback)>;
#undef RAPPORT_ITEM_COMMANDS

// The Edit-menu name of a command as it would apply to `e`:
// "Move milestone “Beta”", "Approve change request “Extra landing page”".
std::string describe(const Engagement& e, const Command& c);

// Primitive edits: what a command turns into, and what undo replays. Each
// touches one item (or the engagement info), so undo costs what changed.
template <class T>
struct Put {
  T item;
};  // insert or replace by id
template <class T>
struct Erase {
  Id id = kNoId;
};
struct PutInfo {
  EngagementInfo info;
};
struct SetNextId {
  Id next = 1;
};
struct PutConflicts {
  std::vector<Conflict> conflicts;
};

#define RAPPORT_ITEM_EDITS(T) Put<T>, Erase<T>
using Edit =
    std::variant<PutInfo, SetNextId, PutConflicts, RAPPORT_ITEM_EDITS(Stakeholder),
                 RAPPORT_ITEM_EDITS(Objective), RAPPORT_ITEM_EDITS(Constraint),
                 RAPPORT_ITEM_EDITS(Question), RAPPORT_ITEM_EDITS(Expectation),
                 RAPPORT_ITEM_EDITS(Responsibility), RAPPORT_ITEM_EDITS(Deliverable),
                 RAPPORT_ITEM_EDITS(CommunicationChannel), RAPPORT_ITEM_EDITS(MeetingSeries),
                 RAPPORT_ITEM_EDITS(Milestone), RAPPORT_ITEM_EDITS(Boundary),
                 RAPPORT_ITEM_EDITS(ChangeRequest), RAPPORT_ITEM_EDITS(ClientTask),
                 RAPPORT_ITEM_EDITS(Decision), RAPPORT_ITEM_EDITS(Feedback)>;
#undef RAPPORT_ITEM_EDITS

// Checks `c` against `e` and, when valid, returns the edits that carry it out
// (applied in order). `e` is not changed. On success `new_id` is the id an Add
// assigns (else kNoId).
struct Plan {
  std::vector<Edit> edits;
  Id new_id = kNoId;
};
std::variant<Plan, Error> plan(const Engagement& e, const Command& c);

// Applies one edit and returns its inverse. The second moves the edit's item
// into `e` (the edit is left empty): for edits applied once and dropped.
Edit apply_edit(Engagement& e, const Edit& edit);
Edit apply_edit(Engagement& e, Edit&& edit);

}  // namespace rapport
