// Undo/redo stacks of edits. A step stores only the items it touched.
#include "rapport/history.hpp"

#include <cstdint>

namespace rapport {

std::optional<Error> History::apply(Engagement& e, const Command& c) {
  return apply_group(e, describe(e, c), {c});
}

std::optional<Error> History::apply_group(Engagement& e, const std::string& label,
                                          const std::vector<Command>& commands) {
  last_ = Last::Nothing;
  Step step;
  step.label = label;
  // Most commands make one edit, besides the id counter an Add moves (below).
  step.forward.reserve(commands.size() + 1);
  step.inverse.reserve(commands.size() + 1);
  Id added = kNoId;
  // Where the step's one id-counter edit is, when there is one: a run of Adds
  // moves the counter once per Add, but only its first value (for undo) and
  // its last (for redo) matter, as nothing else in a step reads it.
  size_t next_id_edit = SIZE_MAX;
  for (const Command& c : commands) {
    auto outcome = plan(e, c);
    if (auto* error = std::get_if<Error>(&outcome)) {
      // Roll back what the earlier commands of this group did.
      for (auto it = step.inverse.rbegin(); it != step.inverse.rend(); ++it) apply_edit(e, *it);
      return *error;
    }
    auto& p = std::get<Plan>(outcome);
    if (p.new_id != kNoId) added = p.new_id;
    for (Edit& edit : p.edits) {
      Edit inverse = apply_edit(e, edit);
      if (std::holds_alternative<SetNextId>(edit)) {
        if (next_id_edit != SIZE_MAX) {
          // Undo restores the first value; redo sets the last.
          step.forward[next_id_edit] = std::move(edit);
          continue;
        }
        next_id_edit = step.forward.size();
      }
      step.inverse.push_back(std::move(inverse));
      step.forward.push_back(std::move(edit));
    }
  }
  if (added != kNoId) last_added_ = added;
  if (step.forward.empty()) return std::nullopt;  // nothing changed: no undo step
  step.state = next_state_++;
  undo_.push_back(std::move(step));
  redo_.clear();
  ++revision_;
  last_ = Last::Applied;
  return std::nullopt;
}

void History::apply_edits(Engagement& e, const std::string& label, std::vector<Edit> edits) {
  last_ = Last::Nothing;
  if (edits.empty()) return;
  Step step;
  step.label = label;
  for (Edit& edit : edits) {
    step.inverse.push_back(apply_edit(e, edit));
    step.forward.push_back(std::move(edit));
  }
  step.state = next_state_++;
  undo_.push_back(std::move(step));
  redo_.clear();
  ++revision_;
  last_ = Last::Applied;
}

std::optional<Engagement> History::saved_version(const Engagement& now) const {
  if (saved_state_ == current_state()) return now;
  Engagement e = now;
  // Back through the undo stack: the state before undo_[i] is undo_[i-1]'s (0 first).
  for (size_t i = undo_.size(); i-- > 0;) {
    const Step& step = undo_[i];
    for (auto it = step.inverse.rbegin(); it != step.inverse.rend(); ++it) apply_edit(e, *it);
    if ((i == 0 ? 0 : undo_[i - 1].state) == saved_state_) return e;
  }
  // Forward through the redo stack (its next step is at the back).
  e = now;
  for (size_t i = redo_.size(); i-- > 0;) {
    for (const Edit& edit : redo_[i].forward) apply_edit(e, edit);
    if (redo_[i].state == saved_state_) return e;
  }
  return std::nullopt;
}

std::string History::undo_label() const {
  return undo_.empty() ? std::string() : undo_.back().label;
}
std::string History::redo_label() const {
  return redo_.empty() ? std::string() : redo_.back().label;
}

bool History::undo(Engagement& e) {
  if (undo_.empty()) return false;
  Step step = std::move(undo_.back());
  undo_.pop_back();
  for (auto it = step.inverse.rbegin(); it != step.inverse.rend(); ++it) apply_edit(e, *it);
  redo_.push_back(std::move(step));
  ++revision_;
  last_ = Last::Undone;
  return true;
}

bool History::redo(Engagement& e) {
  if (redo_.empty()) return false;
  Step step = std::move(redo_.back());
  redo_.pop_back();
  for (const Edit& edit : step.forward) apply_edit(e, edit);
  undo_.push_back(std::move(step));
  ++revision_;
  last_ = Last::Redone;
  return true;
}

void History::clear() {
  undo_.clear();
  redo_.clear();
  ++revision_;
  saved_state_ = 0;
  last_added_ = kNoId;
  last_ = Last::Nothing;
}

std::span<const Edit> History::last_edits() const {
  switch (last_) {
    case Last::Applied:
    case Last::Redone:
      return undo_.back().forward;
    case Last::Undone:
      return redo_.back().inverse;
    case Last::Nothing:
      break;
  }
  return {};
}

void History::append_last_edits_in_order(std::vector<Edit>& out) const {
  std::span<const Edit> edits = last_edits();
  if (last_ == Last::Undone)
    out.insert(out.end(), edits.rbegin(), edits.rend());
  else
    out.insert(out.end(), edits.begin(), edits.end());
}

}  // namespace rapport
