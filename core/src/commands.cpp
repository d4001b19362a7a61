// Commands turned into primitive edits. Every rule a user can break is checked
// here (through validate.hpp) before anything changes.
#include "rapport/commands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rapport/ids.hpp"
#include "rapport/merge.hpp"
#include "rapport/recap_actions.hpp"
#include "rapport/recurrence.hpp"

namespace rapport {
namespace {

using Outcome = std::variant<Plan, Error>;

std::string quoted(const std::string& name) { return "“" + name + "”"; }

Error not_found(Kind kind, Id id) {
  return Error{"", fmt::format("That {} no longer exists (id {}).", to_string(kind), id)};
}

// --- Removing references to a deleted item -----------------------------------
// Each returns true when the item referred to `id` (and now no longer does).

bool drop(std::vector<Id>& ids, Id id) {
  auto before = ids.size();
  ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
  return ids.size() != before;
}
bool drop(Id& ref, Id id) {
  if (ref != id) return false;
  ref = kNoId;
  return true;
}

bool drop_refs(Stakeholder&, Id) { return false; }
bool drop_refs(Objective& x, Id id) { return drop(x.stakeholders, id); }
bool drop_refs(Constraint&, Id) { return false; }
bool drop_refs(Question& x, Id id) { return drop(x.asked_of, id); }
bool drop_refs(Expectation& x, Id id) { return drop(x.source, id); }
bool drop_refs(Responsibility& x, Id id) { return drop(x.owner, id); }
bool drop_refs(Deliverable& x, Id id) { return drop(x.milestone, id); }
bool drop_refs(CommunicationChannel& x, Id id) {
  bool a = drop(x.client_primary, id), b = drop(x.client_backup, id);
  bool c = drop(x.provider_primary, id), d = drop(x.provider_backup, id);
  return a || b || c || d;
}
bool drop_refs(MeetingSeries& x, Id id) {
  bool changed = drop(x.attendees, id) | drop(x.channel, id);
  for (auto& [date, o] : x.overrides) changed |= drop(o.present, id);
  return changed;
}
bool drop_refs(Milestone&, Id) { return false; }
bool drop_refs(Boundary&, Id) { return false; }
bool drop_refs(ChangeRequest& x, Id id) {
  bool changed = drop(x.requested_by, id) | drop(x.decided_by, id) | drop(x.objective, id);
  auto before = x.impacts.size();
  x.impacts.erase(std::remove_if(x.impacts.begin(), x.impacts.end(),
                                 [&](const MilestoneImpact& m) { return m.milestone == id; }),
                  x.impacts.end());
  return changed || x.impacts.size() != before;
}
bool drop_refs(ClientTask& x, Id id) { return drop(x.owner, id) | drop(x.milestone, id); }
bool drop_refs(Decision& x, Id id) {
  return drop(x.decided_by, id) | drop(x.consulted, id) | drop(x.informed, id);
}
bool drop_refs(Feedback& x, Id id) { return drop(x.stakeholder, id); }

// The same references, read-only: deleting scans every item, so the scan must
// not copy items that do not refer to the deleted one.
bool has(const std::vector<Id>& ids, Id id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}
bool refers(const Stakeholder&, Id) { return false; }
bool refers(const Objective& x, Id id) { return has(x.stakeholders, id); }
bool refers(const Constraint&, Id) { return false; }
bool refers(const Question& x, Id id) { return x.asked_of == id; }
bool refers(const Expectation& x, Id id) { return x.source == id; }
bool refers(const Responsibility& x, Id id) { return x.owner == id; }
bool refers(const Deliverable& x, Id id) { return x.milestone == id; }
bool refers(const CommunicationChannel& x, Id id) {
  return x.client_primary == id || x.client_backup == id || x.provider_primary == id ||
         x.provider_backup == id;
}
bool refers(const MeetingSeries& x, Id id) {
  if (has(x.attendees, id) || x.channel == id) return true;
  for (const auto& [date, o] : x.overrides)
    if (has(o.present, id)) return true;
  return false;
}
bool refers(const Milestone&, Id) { return false; }
bool refers(const Boundary&, Id) { return false; }
bool refers(const ChangeRequest& x, Id id) {
  if (x.requested_by == id || x.decided_by == id || x.objective == id) return true;
  return std::any_of(x.impacts.begin(), x.impacts.end(),
                     [&](const MilestoneImpact& m) { return m.milestone == id; });
}
bool refers(const ClientTask& x, Id id) { return x.owner == id || x.milestone == id; }
bool refers(const Decision& x, Id id) {
  return x.decided_by == id || has(x.consulted, id) || has(x.informed, id);
}
bool refers(const Feedback& x, Id id) { return x.stakeholder == id; }

// Only these kinds are referred to by other items.
bool can_be_referenced(Kind k) {
  return k == Kind::Stakeholder || k == Kind::Milestone || k == Kind::Objective ||
         k == Kind::Channel;
}

// --- Planning each command ------------------------------------------------------

template <class T>
Outcome plan_add(const Engagement& e, const Add<T>& c) {
  const Id id = next_item_id(e);  // collision-free across machines: ids.hpp
  if (id == kNoId || id > kMaxItemId)
    return Error{
        "", fmt::format(
                "This engagement has used every id it can give out (the id counter is at {}), so "
                "no {} can be added. Copy what you need into a new engagement.",
                e.next_id, to_string(KindOf<T>::kind))};
  T item = c.item;
  item.id = id;
  if (auto error = validate(e, item)) return *error;
  Plan p;
  p.new_id = item.id;
  p.edits.reserve(2);
  p.edits.push_back(SetNextId{id + 1});
  p.edits.push_back(Put<T>{std::move(item)});
  return p;
}

// The one rule that looks at another item's field, not only its existence:
// some references must be someone on a given side. A stakeholder who changes
// side must not leave such a reference behind (the file would not reopen).
std::optional<Error> side_still_fits(const Engagement& e, const Stakeholder& s) {
  const Stakeholder* old = e.stakeholders.find(s.id);
  if (!old || old->side == s.side) return std::nullopt;
  auto refused = [&](const char* what, const std::string& name, Side needed) {
    return Error{
        "side",
        fmt::format("{} is {} {}, who must be on the {} side. Choose someone else there first.",
                    quoted(s.name), what, quoted(name), to_string(needed))};
  };
  for (const auto& [id, r] : e.responsibilities)
    if (r.owner == s.id && r.side != s.side)
      return refused("the owner of the responsibility", r.what, r.side);
  for (const auto& [id, c] : e.channels) {
    if ((c.client_primary == s.id || c.client_backup == s.id) && s.side != Side::Client)
      return refused("a client contact of the channel", name_of(c), Side::Client);
    if ((c.provider_primary == s.id || c.provider_backup == s.id) && s.side != Side::Provider)
      return refused("a provider contact of the channel", name_of(c), Side::Provider);
  }
  for (const auto& [id, t] : e.client_tasks)
    if (t.owner == s.id && s.side != Side::Client)
      return refused("the owner of the client task", t.title, Side::Client);
  return std::nullopt;
}
template <class T>
std::optional<Error> fits_with_others(const Engagement&, const T&) {
  return std::nullopt;
}
std::optional<Error> fits_with_others(const Engagement& e, const Stakeholder& s) {
  return side_still_fits(e, s);
}

template <class T>
Outcome plan_update(const Engagement& e, const Update<T>& c) {
  const T* existing = KindOf<T>::table(e).find(c.item.id);
  if (!existing) return not_found(KindOf<T>::kind, c.item.id);
  if (auto error = validate(e, c.item)) return *error;
  if (auto error = fits_with_others(e, c.item)) return *error;
  Plan p;
  if (!(*existing == c.item)) p.edits.push_back(Put<T>{c.item});
  return p;
}

template <class T>
Outcome plan_delete(const Engagement& e, const Delete<T>& c) {
  if (!KindOf<T>::table(e).contains(c.id)) return not_found(KindOf<T>::kind, c.id);
  Plan p;
  if (can_be_referenced(KindOf<T>::kind)) {
    for_each_table(e, [&](const auto& table) {
      using U = typename std::decay_t<decltype(table)>::value_type;
      for (const auto& [id, item] : table) {
        if (!refers(item, c.id)) continue;
        U copy = item;
        drop_refs(copy, c.id);
        p.edits.push_back(Put<U>{std::move(copy)});
      }
    });
  }
  p.edits.push_back(Erase<T>{c.id});
  return p;
}

Outcome plan_one(const Engagement& e, const SetInfo& c) {
  if (auto error = validate(e, c.info)) return *error;
  Plan p;
  if (!(e.info == c.info)) p.edits.push_back(PutInfo{c.info});
  return p;
}

Outcome plan_one(const Engagement& e, const MoveMilestone& c) {
  const Milestone* m = e.milestones.find(c.id);
  if (!m) return not_found(Kind::Milestone, c.id);
  Plan p;
  if (m->current != c.to) {
    Milestone moved = *m;
    moved.current = c.to;
    p.edits.push_back(Put<Milestone>{std::move(moved)});
  }
  return p;
}

Outcome plan_one(const Engagement& e, const DecideChangeRequest& c) {
  const ChangeRequest* cr = e.change_requests.find(c.id);
  if (!cr) return not_found(Kind::ChangeRequest, c.id);
  if (cr->status == ChangeStatus::Approved)
    return Error{"status",
                 "This change request is already approved and its milestones have moved. "
                 "Undo the approval, or propose a new change request."};
  ChangeRequest decided = *cr;
  decided.status = c.decision;
  decided.decided_on =
      c.decision == ChangeStatus::Proposed ? std::nullopt : std::optional<Date>(c.on);
  decided.decided_by = c.decision == ChangeStatus::Proposed ? kNoId : c.by;
  decided.rationale = c.rationale;
  decided.alternative = c.alternative;
  if (c.decision == ChangeStatus::Approved && c.rationale.empty())
    decided.rationale = cr->rationale;
  if (auto error = validate(e, decided)) return *error;
  Plan p;
  p.edits.push_back(Put<ChangeRequest>{decided});
  if (c.decision == ChangeStatus::Approved) {
    for (const MilestoneImpact& impact : cr->impacts) {
      Milestone m = *e.milestones.find(impact.milestone);
      m.current = m.current.plus_days(impact.days);
      p.edits.push_back(Put<Milestone>{std::move(m)});
    }
  }
  return p;
}

Outcome plan_one(const Engagement& e, const SetOccurrence& c) {
  const MeetingSeries* s = e.meetings.find(c.series);
  if (!s) return not_found(Kind::Meeting, c.series);
  if (!in_date_range(c.original))  // before any date arithmetic on it
    return Error{"original", "The meeting's date must be in the years 1 to 9999."};
  if (!find_occurrence(*s, e.info, c.original))
    return Error{"", fmt::format("“{}” has no meeting on {}.", s->title, c.original.iso())};
  if (c.value.state == OccurrenceState::Cancelled &&
      c.value.cancel_reason.find_first_not_of(" \t\n") == std::string::npos)
    return Error{"cancel_reason", "Say why the meeting is cancelled: the other side will ask."};
  MeetingSeries changed = *s;
  if (c.value == OccurrenceOverride{})
    changed.overrides.erase(c.original);
  else
    changed.overrides[c.original] = c.value;
  if (auto error = validate(e, changed)) return *error;
  Plan p;
  if (!(changed == *s)) p.edits.push_back(Put<MeetingSeries>{std::move(changed)});
  return p;
}

Outcome plan_one(const Engagement& e, const ConvertAgreedAction& c) {
  const MeetingSeries* s = e.meetings.find(c.series);
  if (!s) return not_found(Kind::Meeting, c.series);
  auto o = s->overrides.find(c.original);
  if (o == s->overrides.end() || o->second.state != OccurrenceState::Held)
    return Error{"state", "Mark the meeting held (and save it) before converting what was agreed."};
  const auto lines = agreed_action_lines(o->second.agreed_actions);
  if (std::find(lines.begin(), lines.end(), c.line) == lines.end())
    return Error{"agreed_actions",
                 fmt::format("“{}” is not one of the agreed actions of this meeting.", c.line)};
  if (const ConvertedAction* done = converted_line(o->second, c.line))
    return Error{"converted",
                 fmt::format("“{}” was already made a {}.", c.line, to_string(done->to))};
  const Id id = next_item_id(e);
  if (id == kNoId || id > kMaxItemId)
    return Error{"", "This engagement has used every id it can give out, so nothing can be added."};
  const Date held_on = o->second.moved_to ? o->second.moved_to->date : c.original;
  ActionItem item = action_item(e, *s, o->second, held_on, c.line, c.to);
  Plan p;
  p.new_id = id;
  p.edits.push_back(SetNextId{id + 1});
  std::optional<Error> error;
  std::visit(
      [&](auto& x) {
        x.id = id;
        error = validate(e, x);
        p.edits.push_back(Put<std::decay_t<decltype(x)>>{x});
      },
      item);
  if (error) return *error;
  MeetingSeries marked = *s;
  marked.overrides[c.original].converted.push_back(ConvertedAction{c.line, c.to, id});
  p.edits.push_back(Put<MeetingSeries>{std::move(marked)});
  return p;
}

Outcome plan_one(const Engagement& e, const ResolveConflict& c) {
  const Conflict* conflict = find_conflict(e, c);
  if (!conflict) return Error{"", "This conflict is settled already."};
  auto resolution = conflict_resolution(e, *conflict, c.keep_theirs);
  if (auto* error = std::get_if<Error>(&resolution)) return *error;
  const Resolution& r = std::get<Resolution>(resolution);
  Plan p;
  if (r.command) {
    auto sub = plan(e, *r.command);
    if (auto* error = std::get_if<Error>(&sub)) return *error;
    p = std::move(std::get<Plan>(sub));
  }
  std::vector<Conflict> rest;
  for (const Conflict& x : e.conflicts) {
    if (&x == conflict) continue;
    if (r.deletes_item && !x.on_info && x.item == conflict->item) continue;
    rest.push_back(x);
  }
  p.edits.push_back(PutConflicts{std::move(rest)});
  return p;
}

template <class T>
Outcome plan_one(const Engagement& e, const Add<T>& c) {
  return plan_add(e, c);
}
template <class T>
Outcome plan_one(const Engagement& e, const Update<T>& c) {
  return plan_update(e, c);
}
template <class T>
Outcome plan_one(const Engagement& e, const Delete<T>& c) {
  return plan_delete(e, c);
}

// --- Labels ------------------------------------------------------------------------

template <class T>
std::string name_in(const Engagement& e, Id id) {
  const T* item = KindOf<T>::table(e).find(id);
  return item ? name_of(*item) : std::string("?");
}

template <class T>
std::string label(const Engagement&, const Add<T>& c) {
  return fmt::format("Add {} {}", to_string(KindOf<T>::kind), quoted(name_of(c.item)));
}
template <class T>
std::string label(const Engagement&, const Update<T>& c) {
  return fmt::format("Edit {} {}", to_string(KindOf<T>::kind), quoted(name_of(c.item)));
}
template <class T>
std::string label(const Engagement& e, const Delete<T>& c) {
  return fmt::format("Delete {} {}", to_string(KindOf<T>::kind), quoted(name_in<T>(e, c.id)));
}
std::string label(const Engagement&, const SetInfo&) { return "Edit engagement details"; }
std::string label(const Engagement& e, const ResolveConflict& c) {
  const Conflict* conflict = find_conflict(e, c);
  return fmt::format("{} in conflict {}", c.keep_theirs ? "Keep theirs" : "Keep mine",
                     conflict ? quoted(conflict_title(e, *conflict)) : std::string());
}
std::string label(const Engagement&, const ConvertAgreedAction& c) {
  return convert_action_label(c.line, c.to);
}
std::string label(const Engagement& e, const MoveMilestone& c) {
  return "Move milestone " + quoted(name_in<Milestone>(e, c.id));
}
std::string label(const Engagement& e, const DecideChangeRequest& c) {
  const char* verb = c.decision == ChangeStatus::Approved   ? "Approve"
                     : c.decision == ChangeStatus::Rejected ? "Reject"
                     : c.decision == ChangeStatus::Deferred ? "Defer"
                                                            : "Reopen";
  return fmt::format("{} change request {}", verb, quoted(name_in<ChangeRequest>(e, c.id)));
}
std::string label(const Engagement& e, const SetOccurrence& c) {
  std::string what = quoted(name_in<MeetingSeries>(e, c.series)) + " of " + c.original.iso();
  if (c.value.state == OccurrenceState::Held) return "Mark " + what + " held";
  if (c.value.state == OccurrenceState::Cancelled) return "Cancel " + what;
  if (c.value.moved_to) return "Move " + what;
  return "Reset " + what;
}

}  // namespace

namespace {

// --- The loader's rules for every item a plan touches ---------------------------
// The command's own item was checked strictly above; this second look, with
// the very function a loaded file goes through, catches what a command does
// to other items (a milestone moved past 9999-12-31 by an approval) and keeps
// "accepted" meaning "saves and reopens".

std::optional<Error> stored_rules(const Engagement& e, const PutInfo& edit) {
  if (auto error = validate_stored(e, edit.info)) {
    error->message = "Engagement details: " + error->message;
    return error;
  }
  return std::nullopt;
}
std::optional<Error> stored_rules(const Engagement&, const PutConflicts&) { return std::nullopt; }
std::optional<Error> stored_rules(const Engagement& e, const SetNextId& edit) {
  if (edit.next == kNoId)  // wrapped round: ids would repeat
    return Error{"", fmt::format("The id counter cannot go from {} to {}.", e.next_id, edit.next)};
  return std::nullopt;
}
template <class T>
std::optional<Error> stored_rules(const Engagement& e, const Put<T>& edit) {
  if (edit.item.id == kNoId || edit.item.id > kMaxItemId)
    return Error{
        "id", fmt::format("A {} cannot have the id {}.", to_string(KindOf<T>::kind), edit.item.id)};
  if (auto error = validate_stored(e, edit.item)) {
    std::string label = to_string(KindOf<T>::kind);
    if (!label.empty()) label[0] = char(label[0] - 'a' + 'A');
    error->message = fmt::format("{} “{}”: {}", label, name_of(edit.item), error->message);
    return error;
  }
  return std::nullopt;
}
template <class T>
std::optional<Error> stored_rules(const Engagement&, const Erase<T>&) {
  return std::nullopt;
}

// True when `edit` is the Put of the item an Add adds: plan_add has checked
// that item by the strict rules (which include the stored ones) and given it
// a valid id, so the loop in plan() need not check it again.
template <class T>
bool puts_added_item(const Add<T>&, const Edit& edit) {
  return std::holds_alternative<Put<T>>(edit);
}
template <class C>
bool puts_added_item(const C&, const Edit&) {
  return false;
}

}  // namespace

std::variant<Plan, Error> plan(const Engagement& e, const Command& c) {
  Outcome outcome = std::visit([&](const auto& command) { return plan_one(e, command); }, c);
  if (auto* p = std::get_if<Plan>(&outcome)) {
    // An edit of a field in conflict settles the conflict, in the same step.
    if (!std::holds_alternative<ResolveConflict>(c))
      if (auto left = conflicts_left_after(e, p->edits))
        p->edits.push_back(PutConflicts{std::move(*left)});
    for (const Edit& edit : p->edits) {
      if (std::visit([&](const auto& command) { return puts_added_item(command, edit); }, c))
        continue;  // checked once is enough
      auto error = std::visit([&](const auto& x) { return stored_rules(e, x); }, edit);
      if (error) return *error;
    }
  }
  return outcome;
}

std::string describe(const Engagement& e, const Command& c) {
  return std::visit([&](const auto& command) { return label(e, command); }, c);
}

namespace {
// By value: apply_edit(e, const Edit&) copies the item once, as before;
// apply_edit(e, Edit&&) moves it in (a series with 100,000 changed
// occurrences is not copied again).
template <class T>
Edit apply_one(Engagement& e, Put<T> edit) {
  auto& items = KindOf<T>::table(e).items;
  // One search of the map, whether the item is new or replaced.
  const Id id = edit.item.id;
  auto it = items.lower_bound(id);
  if (it == items.end() || it->first != id) {
    items.emplace_hint(it, id, std::move(edit.item));
    return Erase<T>{id};
  }
  Edit inverse = Put<T>{std::move(it->second)};
  it->second = std::move(edit.item);
  return inverse;
}
template <class T>
Edit apply_one(Engagement& e, const Erase<T>& edit) {
  auto& items = KindOf<T>::table(e).items;
  auto node = items.extract(edit.id);
  // Erasing what is not there is a no-op whose inverse is also a no-op.
  if (node.empty()) return Erase<T>{edit.id};
  return Put<T>{std::move(node.mapped())};
}
Edit apply_one(Engagement& e, const PutInfo& edit) {
  Edit inverse = PutInfo{std::move(e.info)};
  e.info = edit.info;
  return inverse;
}
Edit apply_one(Engagement& e, const PutConflicts& edit) {
  Edit inverse = PutConflicts{e.conflicts};
  e.conflicts = edit.conflicts;
  return inverse;
}
Edit apply_one(Engagement& e, const SetNextId& edit) {
  Edit inverse = SetNextId{e.next_id};
  e.next_id = edit.next;
  return inverse;
}
}  // namespace

Edit apply_edit(Engagement& e, const Edit& edit) {
  return std::visit([&](const auto& x) { return apply_one(e, x); }, edit);
}

Edit apply_edit(Engagement& e, Edit&& edit) {
  return std::visit([&](auto& x) { return apply_one(e, std::move(x)); }, edit);
}

}  // namespace rapport
