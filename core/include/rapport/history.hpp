// Undo/redo: an explicit stack of steps, each the forward and inverse edits of
// one command (or of a group of commands applied as one step), with the label
// shown in the Edit menu.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rapport/commands.hpp"

namespace rapport {

class History {
 public:
  // Applies a command as one undo step. On error nothing changes.
  std::optional<Error> apply(Engagement& e, const Command& c);
  // Applies several commands as one undo step named `label`, all or nothing:
  // if one is refused, the ones before it are rolled back.
  std::optional<Error> apply_group(Engagement& e, const std::string& label,
                                   const std::vector<Command>& commands);

  // Applies primitive edits (a merge's result: merge.hpp edits_between) as one
  // undo step named `label`. The caller has checked what they lead to.
  void apply_edits(Engagement& e, const std::string& label, std::vector<Edit> edits);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  // "Move milestone “Beta”"; empty when there is nothing.
  std::string undo_label() const;
  std::string redo_label() const;
  bool undo(Engagement& e);
  bool redo(Engagement& e);

  // Increases with every change, undo and redo: derived data (timeline index,
  // health findings) is recomputed when it differs from what it was built at.
  uint64_t revision() const { return revision_; }
  // Unsaved changes relative to the last mark_saved() (or the start).
  bool dirty() const { return current_state() != saved_state_; }
  void mark_saved() { saved_state_ = current_state(); }
  // The state now, and marking a state saved later (a save that ran on another
  // thread from a copy taken at `state`).
  uint64_t state() const { return current_state(); }
  void mark_saved(uint64_t state) { saved_state_ = state; }
  // The engagement differs from its file although no step was taken (restored
  // from a recovery file): dirty until the next save.
  void mark_unsaved() { saved_state_ = ~uint64_t(0); }
  // The engagement as it was at the last save (or when opened), rebuilt from
  // `now` through the steps since; null when that state is out of reach (a
  // recovery restored, or the saved state undone and replaced by new edits).
  std::optional<Engagement> saved_version(const Engagement& now) const;
  // Forget everything (a new or freshly opened engagement), clean.
  void clear();

  // The edits the last apply, undo or redo carried out (an undo's are the
  // inverse ones), so derived data can follow only what changed. Empty when
  // the last call changed nothing, after clear() and at the start.
  std::span<const Edit> last_edits() const;
  // The same edits in the order they were carried out (an undo runs its
  // inverse edits back to front), appended to `out`: replayed on a copy of the
  // engagement as it was before them, they bring the copy to the engagement now.
  void append_last_edits_in_order(std::vector<Edit>& out) const;

  // The id assigned by the last Add applied (also inside a group: the last one).
  Id last_added() const { return last_added_; }
  size_t undo_depth() const { return undo_.size(); }

 private:
  struct Step {
    std::string label;
    std::vector<Edit> forward;
    std::vector<Edit> inverse;  // applied in reverse order
    uint64_t state = 0;         // a unique number for the state after this step
  };
  uint64_t current_state() const { return undo_.empty() ? 0 : undo_.back().state; }

  enum class Last : uint8_t { Nothing, Applied, Undone, Redone };

  std::vector<Step> undo_;
  std::vector<Step> redo_;
  uint64_t revision_ = 0;
  uint64_t next_state_ = 1;
  uint64_t saved_state_ = 0;
  Id last_added_ = kNoId;
  Last last_ = Last::Nothing;
};

}  // namespace rapport
