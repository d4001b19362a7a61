// Three-way merge of engagements and the changes between two of them as
// sentences. The rules, and why, are in merge.hpp.
//
// [SECTION] index
//   Fields    - one field of an item through its descriptor: equal, copy, text
//   Items     - one item merged from base, ours and theirs
//   Details   - the engagement's details, field by field
//   Merge     - tables in step, deletions still referred to, conflict records
//   Diff      - describe_changes
#include "rapport/merge.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>
#include <variant>

#include "rapport/cereal_archives.hpp"  // first of the cereal headers: see there
#include "rapport/fields.hpp"
#include "rapport/serialize.hpp"
#include "rapport/validate.hpp"

namespace rapport {
namespace {

// [SECTION] Fields -------------------------------------------------------------

template <class T>
bool same(const T& a, const T& b, const Field<T>& f) {
  if (f.type == FieldType::Enum) return f.get_enum(a) == f.get_enum(b);
  return std::visit(
      [&](auto m) {
        if constexpr (std::is_same_v<decltype(m), std::monostate>)
          return true;
        else
          return a.*m == b.*m;
      },
      f.member);
}

template <class T>
void copy_field(T& to, const T& from, const Field<T>& f) {
  if (f.type == FieldType::Enum) {
    f.set_enum(to, f.get_enum(from));
    return;
  }
  std::visit(
      [&](auto m) {
        if constexpr (!std::is_same_v<decltype(m), std::monostate>) to.*m = from.*m;
      },
      f.member);
}

bool is_set_like(FieldType t) { return t == FieldType::Stakeholders; }

// Whatever either side added is in, whatever either side removed is out; ours'
// order first, then theirs' additions.
std::vector<Id> merge_set(const std::vector<Id>& b, const std::vector<Id>& o,
                          const std::vector<Id>& t) {
  const std::set<Id> bs(b.begin(), b.end()), os(o.begin(), o.end()), ts(t.begin(), t.end());
  std::vector<Id> out;
  std::set<Id> seen;
  auto consider = [&](Id x) {
    const bool removed = bs.count(x) && (!os.count(x) || !ts.count(x));
    if (!removed && seen.insert(x).second) out.push_back(x);
  };
  for (Id x : o) consider(x);
  for (Id x : t) consider(x);
  return out;
}

template <class T>
std::string json_of(const T& x) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
    ar(cereal::make_nvp("value", x));
  }
  return os.str();
}

template <class T>
std::optional<T> from_json(const std::string& text) {
  try {
    std::istringstream is(text);
    cereal::JSONInputArchive ar(is);
    T x{};
    ar(cereal::make_nvp("value", x));
    return x;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
  return s;
}

template <class T>
std::string item_label(const T& x) {
  return fmt::format("{} “{}”", capitalised(to_string(KindOf<T>::kind)), name_of(x));
}

// The decision on a change request, as one value.
auto decision_of(const ChangeRequest& c) {
  return std::tie(c.status, c.decided_on, c.decided_by, c.rationale, c.alternative);
}
bool is_decision_field(const std::string& key) {
  return key == "status" || key == "decided_on" || key == "decided_by" || key == "rationale" ||
         key == "alternative";
}
std::string decision_text(const ChangeRequest& c) {
  std::string s = to_string(c.status);
  if (c.decided_on) s += " on " + c.decided_on->iso();
  if (!c.rationale.empty()) s += ": " + c.rationale;
  return s;
}
void copy_decision(ChangeRequest& to, const ChangeRequest& from) {
  to.status = from.status;
  to.decided_on = from.decided_on;
  to.decided_by = from.decided_by;
  to.rationale = from.rationale;
  to.alternative = from.alternative;
}

std::string override_text(const std::optional<OccurrenceOverride>& o) {
  if (!o) return "planned";
  std::string s = to_string(o->state);
  if (o->moved_to) s += ", moved to " + o->moved_to->date.iso() + " " + o->moved_to->time.hhmm();
  if (!o->recap_summary.empty()) s += ": " + o->recap_summary;
  if (!o->cancel_reason.empty()) s += ": " + o->cancel_reason;
  return s;
}

std::string recurrence_text(const Recurrence& r) {
  std::string s = to_string(r.frequency);
  if (r.interval > 1) s += fmt::format(", every {}", r.interval);
  if (r.frequency == Frequency::Weekly) s += ", " + weekdays_text(r.weekdays);
  if (r.until) s += ", until " + r.until->iso();
  if (r.count > 0) s += fmt::format(", {} times", r.count);
  return s;
}

// [SECTION] Items --------------------------------------------------------------

struct Sides {
  const Engagement& base;
  const Engagement& ours;
  const Engagement& theirs;
};

struct Merger {
  Sides sides;
  Engagement out;
  std::vector<Conflict> found;

  template <class T>
  Conflict conflict_for(const T& theirs_item, std::string field, std::string label) {
    Conflict c;
    c.kind = KindOf<T>::kind;
    c.item = theirs_item.id;
    c.field = std::move(field);
    c.label = std::move(label);
    c.theirs_json = json_of(theirs_item);
    return c;
  }

  // Both sides changed the item: field by field. Returns the merged item.
  template <class T>
  T merge_fields(const T& b, const T& o, const T& t) {
    T r = o;
    for (const Field<T>& f : fields<T>()) {
      if constexpr (std::is_same_v<T, ChangeRequest>) {
        if (is_decision_field(f.key)) continue;
      }
      if (same(o, t, f)) continue;
      if (same(b, o, f)) {
        copy_field(r, t, f);
      } else if (same(b, t, f)) {
        // ours' value stays
      } else if (is_set_like(f.type)) {
        auto m = std::get<std::vector<Id> T::*>(f.member);
        r.*m = merge_set(b.*m, o.*m, t.*m);
      } else {
        Conflict c = conflict_for(t, f.key, f.label);
        c.base = field_text(sides.base, b, f);
        c.mine = field_text(sides.ours, o, f);
        c.theirs = field_text(sides.theirs, t, f);
        found.push_back(std::move(c));
      }
    }
    if constexpr (std::is_same_v<T, ChangeRequest>) {
      if (decision_of(o) != decision_of(t)) {
        if (decision_of(b) == decision_of(o)) {
          copy_decision(r, t);
        } else if (decision_of(b) != decision_of(t)) {
          Conflict c = conflict_for(t, "decision", "Decision");
          c.base = decision_text(b);
          c.mine = decision_text(o);
          c.theirs = decision_text(t);
          found.push_back(std::move(c));
        }
      }
    }
    if constexpr (std::is_same_v<T, MeetingSeries>) {
      if (o.recurrence != t.recurrence) {
        if (b.recurrence == o.recurrence) {
          r.recurrence = t.recurrence;
        } else if (b.recurrence != t.recurrence) {
          Conflict c = conflict_for(t, "recurrence", "Repeats");
          c.base = recurrence_text(b.recurrence);
          c.mine = recurrence_text(o.recurrence);
          c.theirs = recurrence_text(t.recurrence);
          found.push_back(std::move(c));
        }
      }
      merge_overrides(b, o, t, r);
    } else {
      // Whatever the descriptors do not cover, as one value.
      T rest_o = o, rest_t = t;
      for (const Field<T>& f : fields<T>()) {
        copy_field(rest_o, b, f);
        copy_field(rest_t, b, f);
      }
      if (rest_o != rest_t) {
        if (rest_o == b) {
          T x = t;
          for (const Field<T>& f : fields<T>()) copy_field(x, r, f);
          r = std::move(x);
        } else if (rest_t != b) {
          Conflict c = conflict_for(t, "other", "Other details");
          c.base = "as before";
          c.mine = "changed";
          c.theirs = "changed";
          found.push_back(std::move(c));
        }
      }
    }
    return r;
  }

  void merge_overrides(const MeetingSeries& b, const MeetingSeries& o, const MeetingSeries& t,
                       MeetingSeries& r) {
    std::set<Date> dates;
    for (const auto& [d, v] : o.overrides) dates.insert(d);
    for (const auto& [d, v] : t.overrides) dates.insert(d);
    for (const auto& [d, v] : b.overrides) dates.insert(d);
    auto get = [](const MeetingSeries& s, Date d) -> std::optional<OccurrenceOverride> {
      auto it = s.overrides.find(d);
      return it == s.overrides.end() ? std::nullopt : std::optional(it->second);
    };
    for (Date d : dates) {
      auto bv = get(b, d), ov = get(o, d), tv = get(t, d);
      if (ov == tv) continue;
      if (bv == ov) {
        if (tv)
          r.overrides[d] = *tv;
        else
          r.overrides.erase(d);
      } else if (bv != tv) {
        if (ov && tv && ov->state == tv->state && ov->moved_to == tv->moved_to &&
            ov->recap_summary == tv->recap_summary && ov->agreed_actions == tv->agreed_actions &&
            ov->cancelled_by == tv->cancelled_by && ov->cancel_reason == tv->cancel_reason) {
          // Only who was present differs: a set.
          OccurrenceOverride m = *ov;
          m.present = merge_set(bv ? bv->present : std::vector<Id>{}, ov->present, tv->present);
          r.overrides[d] = m;
          continue;
        }
        Conflict c = conflict_for(t, "occurrence:" + d.iso(), "Occurrence on " + d.iso());
        c.base = override_text(bv);
        c.mine = override_text(ov);
        c.theirs = override_text(tv);
        found.push_back(std::move(c));
      }
    }
  }

  // One id whose item theirs changed, added or deleted (relative to base).
  template <class T>
  void merge_one(Id id, const T* b, const T* t) {
    Table<T>& table = KindOf<T>::table(out);
    const T* o = KindOf<T>::table(sides.ours).find(id);
    if (!b) {  // added by theirs (and by ours, only if both minted one id)
      if (!o) {
        table.items.emplace(id, *t);
      } else if (!(*o == *t)) {
        T empty{};
        empty.id = id;
        table.items[id] = merge_fields(empty, *o, *t);
      }
      return;
    }
    if (!t) {  // deleted by theirs
      if (!o) return;
      if (*o == *b) {
        table.items.erase(id);
      } else {
        Conflict c;
        c.kind = KindOf<T>::kind;
        c.item = id;
        c.field = "deleted";
        c.label = "Deleted";
        c.base = "kept";
        c.mine = "edited";
        c.theirs = "deleted";
        c.deleted_in_theirs = true;
        found.push_back(std::move(c));
      }
      return;
    }
    if (!o) {  // deleted by ours, changed by theirs: kept with their edit
      table.items.emplace(id, *t);
      Conflict c = conflict_for(*t, "deleted", "Deleted");
      c.base = "kept";
      c.mine = "deleted";
      c.theirs = "edited";
      found.push_back(std::move(c));
      return;
    }
    if (*o == *b) {
      table.items[id] = *t;
      return;
    }
    T merged = merge_fields(*b, *o, *t);
    table.items[id] = std::move(merged);
  }

  // Walks base and theirs in id order: only what theirs changed is visited.
  template <class T>
  void merge_table() {
    const auto& bt = KindOf<T>::table(sides.base).items;
    const auto& tt = KindOf<T>::table(sides.theirs).items;
    auto bi = bt.begin(), ti = tt.begin();
    while (bi != bt.end() || ti != tt.end()) {
      if (ti == tt.end() || (bi != bt.end() && bi->first < ti->first)) {
        merge_one<T>(bi->first, &bi->second, nullptr);
        ++bi;
      } else if (bi == bt.end() || ti->first < bi->first) {
        merge_one<T>(ti->first, nullptr, &ti->second);
        ++ti;
      } else {
        if (!(bi->second == ti->second)) merge_one<T>(bi->first, &bi->second, &ti->second);
        ++bi;
        ++ti;
      }
    }
  }

  // [SECTION] Details ------------------------------------------------------------
  void merge_info();

  // [SECTION] Merge --------------------------------------------------------------
  void keep_referenced_deletions();
  void check_combined_items();
  void merge_conflict_lists();
};

using InfoMember = std::variant<std::string EngagementInfo::*, Date EngagementInfo::*,
                                int64_t EngagementInfo::*, int32_t EngagementInfo::*>;
struct InfoField {
  const char* key;
  const char* label;
  InfoMember member;
};
const InfoField kInfoFields[] = {
    {"name", "Name", &EngagementInfo::name},
    {"client_org", "Client", &EngagementInfo::client_org},
    {"provider_org", "Provider", &EngagementInfo::provider_org},
    {"time_zone", "Time zone", &EngagementInfo::time_zone},
    {"client_time_zone", "Client time zone", &EngagementInfo::client_time_zone},
    {"start", "Start", &EngagementInfo::start},
    {"end", "End", &EngagementInfo::end},
    {"currency", "Currency", &EngagementInfo::currency},
    {"vision", "Vision", &EngagementInfo::vision},
    {"internal_notes", "Internal notes", &EngagementInfo::internal_notes},
    {"internal_day_rate_minor", "Day rate", &EngagementInfo::internal_day_rate_minor},
    {"internal_margin_percent", "Margin (%)", &EngagementInfo::internal_margin_percent},
};

std::string info_text(const EngagementInfo& x, const InfoField& f) {
  return std::visit(
      [&](auto m) -> std::string {
        const auto& v = x.*m;
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string>)
          return v;
        else if constexpr (std::is_same_v<V, Date>)
          return v.iso();
        else
          return std::to_string(v);
      },
      f.member);
}
bool info_same(const EngagementInfo& a, const EngagementInfo& b, const InfoField& f) {
  return std::visit([&](auto m) { return a.*m == b.*m; }, f.member);
}
void info_copy(EngagementInfo& to, const EngagementInfo& from, const InfoField& f) {
  std::visit([&](auto m) { to.*m = from.*m; }, f.member);
}

void Merger::merge_info() {
  const EngagementInfo &b = sides.base.info, &o = sides.ours.info, &t = sides.theirs.info;
  if (o == t) return;
  for (const InfoField& f : kInfoFields) {
    if (info_same(o, t, f)) continue;
    if (info_same(b, o, f)) {
      info_copy(out.info, t, f);
    } else if (!info_same(b, t, f)) {
      Conflict c;
      c.on_info = true;
      c.field = f.key;
      c.label = f.label;
      c.base = info_text(b, f);
      c.mine = info_text(o, f);
      c.theirs = info_text(t, f);
      c.theirs_json = json_of(t);
      found.push_back(std::move(c));
    }
  }
  if (auto error = validate_stored(out, out.info)) {
    // Start and end each moved on one side can cross: keep ours' details whole.
    out.info = o;
    Conflict c;
    c.on_info = true;
    c.field = "other";
    c.label = "Details (" + error->message + ")";
    c.base = "as before";
    c.mine = "changed";
    c.theirs = "changed";
    c.theirs_json = json_of(t);
    found.push_back(std::move(c));
  }
}

template <class V, class F>
void add_refs(const V& v, const F& f, std::vector<Id>& refs) {
  if constexpr (std::is_same_v<V, Id>) {
    if (f.type != FieldType::Int && v != kNoId) refs.push_back(v);
  } else if constexpr (std::is_same_v<V, std::vector<Id>>) {
    refs.insert(refs.end(), v.begin(), v.end());
  } else if constexpr (std::is_same_v<V, std::vector<MilestoneImpact>>) {
    for (const auto& i : v) refs.push_back(i.milestone);
  }
}

// The ids an item refers to, through its descriptors (and a meeting's
// occurrences).
template <class T>
void references_of(const T& x, std::vector<Id>& refs) {
  for (const Field<T>& f : fields<T>()) {
    std::visit(
        [&](auto m) {
          if constexpr (!std::is_same_v<decltype(m), std::monostate>) add_refs(x.*m, f, refs);
        },
        f.member);
  }
  if constexpr (std::is_same_v<T, MeetingSeries>) {
    for (const auto& [d, o] : x.overrides)
      refs.insert(refs.end(), o.present.begin(), o.present.end());
  }
}

// An item deleted on one side but still referred to by the merge (the other
// side pointed something new at it) is kept, with a "deleted" conflict: the
// merged file stays valid, and keeping the deletion clears the references.
void Merger::keep_referenced_deletions() {
  for (int round = 0; round < 8; ++round) {
    std::vector<Id> refs;
    for_each_table(out, [&](const auto& table) {
      for (const auto& [id, item] : table.items) references_of(item, refs);
    });
    std::sort(refs.begin(), refs.end());
    refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
    bool restored = false;
    for (Id id : refs) {
      if (kind_of(out, id)) continue;
      for_each_table(out, [&](auto& table) {
        using T = typename std::decay_t<decltype(table)>::value_type;
        const T* from = KindOf<T>::table(sides.ours).find(id);
        const bool deleted_in_theirs = from != nullptr;
        if (!from) from = KindOf<T>::table(sides.theirs).find(id);
        if (!from) from = KindOf<T>::table(sides.base).find(id);
        if (!from) return;
        table.items.emplace(id, *from);
        Conflict c = conflict_for(*from, "deleted", "Deleted");
        c.base = "kept";
        c.mine = deleted_in_theirs ? "still in use" : "deleted";
        c.theirs = deleted_in_theirs ? "deleted" : "still in use";
        c.deleted_in_theirs = deleted_in_theirs;
        if (deleted_in_theirs) c.theirs_json.clear();
        found.push_back(std::move(c));
        restored = true;
      });
    }
    if (!restored) return;
  }
}

// Changes from both sides on one item can break a rule together (a blackout's
// start from one side, its end from the other): such an item keeps ours'
// version whole, with a conflict that holds theirs.
void Merger::check_combined_items() {
  for_each_table(out, [&](auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    for (auto& [id, item] : table.items) {
      const T* o = KindOf<T>::table(sides.ours).find(id);
      const T* t = KindOf<T>::table(sides.theirs).find(id);
      if (!o || !t || item == *o || item == *t) continue;
      if (auto error = validate_stored(out, item)) {
        item = *o;
        Conflict c = conflict_for(*t, "other", "Changes (" + error->message + ")");
        c.base = "as before";
        c.mine = "changed";
        c.theirs = "changed";
        found.push_back(std::move(c));
      }
    }
  });
}

auto conflict_key(const Conflict& c) { return std::tie(c.on_info, c.kind, c.item, c.field); }

// Conflicts already in the files merge as a set; new ones replace old ones
// for the same field.
void Merger::merge_conflict_lists() {
  auto has = [](const std::vector<Conflict>& v, const Conflict& c) {
    return std::any_of(v.begin(), v.end(),
                       [&](const Conflict& x) { return conflict_key(x) == conflict_key(c); });
  };
  std::vector<Conflict> result;
  for (const Conflict& c : sides.ours.conflicts)
    if (has(sides.theirs.conflicts, c) || !has(sides.base.conflicts, c)) result.push_back(c);
  for (const Conflict& c : sides.theirs.conflicts)
    if (!has(sides.base.conflicts, c) && !has(result, c)) result.push_back(c);
  for (Conflict& c : found) {
    auto same_key = [&](const Conflict& x) { return conflict_key(x) == conflict_key(c); };
    result.erase(std::remove_if(result.begin(), result.end(), same_key), result.end());
    result.push_back(std::move(c));
  }
  // Conflicts about an item no longer in the engagement have nothing to settle.
  result.erase(
      std::remove_if(result.begin(), result.end(),
                     [&](const Conflict& c) { return !c.on_info && !kind_of(out, c.item); }),
      result.end());
  std::sort(result.begin(), result.end(),
            [](const Conflict& a, const Conflict& b) { return conflict_key(a) < conflict_key(b); });
  out.conflicts = std::move(result);
}

}  // namespace

MergeResult merge(const Engagement& base, const Engagement& ours, const Engagement& theirs) {
  Merger m{{base, ours, theirs}, ours, {}};
  if (m.out.uid == 0) m.out.uid = theirs.uid;
  if (ours.next_id == base.next_id) m.out.next_id = theirs.next_id;
  m.merge_info();
  for_each_table(m.out, [&](auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    m.template merge_table<T>();
  });
  m.keep_referenced_deletions();
  m.check_combined_items();
  MergeResult r;
  r.new_conflicts = m.found.size();
  m.merge_conflict_lists();
  r.merged = std::move(m.out);
  return r;
}

const Conflict* find_conflict(const Engagement& e, const ResolveConflict& key) {
  for (const Conflict& c : e.conflicts)
    if (c.on_info == key.on_info && (c.on_info || (c.kind == key.kind && c.item == key.item)) &&
        c.field == key.field)
      return &c;
  return nullptr;
}

std::variant<Resolution, Error> conflict_resolution(const Engagement& e, const Conflict& c,
                                                    bool keep_theirs) {
  const Error damaged{"", "Their side of this conflict cannot be read; keep yours or edit it."};
  if (c.on_info) {
    if (!keep_theirs) return Resolution{};
    auto theirs = from_json<EngagementInfo>(c.theirs_json);
    if (!theirs) return damaged;
    EngagementInfo info = e.info;
    if (c.field == "other") info = *theirs;
    for (const InfoField& f : kInfoFields)
      if (c.field == f.key) info_copy(info, *theirs, f);
    return Resolution{SetInfo{info}, false};
  }
  std::variant<Resolution, Error> result = Resolution{};
  for_each_table(e, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    if (KindOf<T>::kind != c.kind) return;
    const T* current = table.find(c.item);
    if (!current) return;  // gone already: nothing to settle but the record
    if (c.field == "deleted") {
      if (keep_theirs == c.deleted_in_theirs) result = Resolution{Delete<T>{c.item}, true};
      return;
    }
    if (!keep_theirs) return;
    auto theirs = from_json<T>(c.theirs_json);
    if (!theirs) {
      result = damaged;
      return;
    }
    T updated = *current;
    if (c.field == "other") updated = *theirs;
    for (const Field<T>& f : fields<T>())
      if (c.field == f.key) copy_field(updated, *theirs, f);
    if constexpr (std::is_same_v<T, ChangeRequest>) {
      if (c.field == "decision") copy_decision(updated, *theirs);
    }
    if constexpr (std::is_same_v<T, MeetingSeries>) {
      if (c.field == "recurrence") updated.recurrence = theirs->recurrence;
      if (c.field.rfind("occurrence:", 0) == 0) {
        if (auto d = parse_date(c.field.substr(11))) {
          auto it = theirs->overrides.find(*d);
          if (it == theirs->overrides.end())
            updated.overrides.erase(*d);
          else
            updated.overrides[*d] = it->second;
        }
      }
    }
    if (!(updated == *current)) result = Resolution{Update<T>{updated}, false};
  });
  return result;
}

std::string conflict_title(const Engagement& e, const Conflict& c) {
  if (c.on_info) return "Engagement details: " + c.label;
  std::string name = display_name(e, c.item);
  return fmt::format("{} “{}”: {}", capitalised(to_string(c.kind)), name, c.label);
}

// [SECTION] Diff ---------------------------------------------------------------

namespace {

template <class T>
void describe_item(const Engagement& before, const Engagement& after, const T& b, const T& a,
                   std::vector<std::string>& out) {
  const std::string who = item_label(a);
  if constexpr (std::is_same_v<T, ChangeRequest>) {
    if (decision_of(b) != decision_of(a)) {
      std::string s = fmt::format("{} {}", who, to_string(a.status));
      if (a.status == ChangeStatus::Proposed) s = who + " back to proposed";
      if (a.decided_on && a.status != ChangeStatus::Proposed) s += " on " + a.decided_on->iso();
      out.push_back(std::move(s));
    }
  }
  for (const Field<T>& f : fields<T>()) {
    if constexpr (std::is_same_v<T, ChangeRequest>) {
      if (is_decision_field(f.key)) continue;
    }
    if (same(b, a, f)) continue;
    if constexpr (std::is_same_v<T, Milestone>) {
      if (std::string_view(f.key) == "current") {
        out.push_back(fmt::format("{} moved {} → {}", who, b.current.iso(), a.current.iso()));
        continue;
      }
    }
    if (std::string_view(f.key) == "title" || std::string_view(f.key) == "name") {
      out.push_back(fmt::format("{} renamed “{}”", item_label(b), field_text(after, a, f)));
      continue;
    }
    out.push_back(fmt::format("{}: {} {} → {}", who, f.label, field_text(before, b, f),
                              field_text(after, a, f)));
  }
  if constexpr (std::is_same_v<T, MeetingSeries>) {
    if (b.recurrence != a.recurrence)
      out.push_back(fmt::format("{} now repeats {}", who, recurrence_text(a.recurrence)));
    std::set<Date> dates;
    for (const auto& [d, v] : b.overrides) dates.insert(d);
    for (const auto& [d, v] : a.overrides) dates.insert(d);
    for (Date d : dates) {
      auto bi = b.overrides.find(d);
      auto ai = a.overrides.find(d);
      std::optional<OccurrenceOverride> bv, av;
      if (bi != b.overrides.end()) bv = bi->second;
      if (ai != a.overrides.end()) av = ai->second;
      if (bv != av)
        out.push_back(fmt::format("{}: occurrence on {} {}", who, d.iso(), override_text(av)));
    }
  }
}

}  // namespace

std::vector<std::string> describe_changes(const Engagement& before, const Engagement& after) {
  std::vector<std::string> out;
  for (const InfoField& f : kInfoFields) {
    if (!info_same(before.info, after.info, f))
      out.push_back(fmt::format("Engagement {}: {} → {}", f.label, info_text(before.info, f),
                                info_text(after.info, f)));
  }
  for_each_table(after, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    const auto& bt = KindOf<T>::table(before).items;
    const auto& at = table.items;
    auto bi = bt.begin(), ai = at.begin();
    while (bi != bt.end() || ai != at.end()) {
      if (ai == at.end() || (bi != bt.end() && bi->first < ai->first)) {
        out.push_back(item_label(bi->second) + " deleted");
        ++bi;
      } else if (bi == bt.end() || ai->first < bi->first) {
        out.push_back(item_label(ai->second) + " added");
        ++ai;
      } else {
        if (!(bi->second == ai->second)) describe_item(before, after, bi->second, ai->second, out);
        ++bi;
        ++ai;
      }
    }
  });
  const size_t before_conflicts = before.conflicts.size(), after_conflicts = after.conflicts.size();
  if (after_conflicts != before_conflicts)
    out.push_back(fmt::format("Conflicts to settle: {} → {}", before_conflicts, after_conflicts));
  return out;
}

}  // namespace rapport
