// Agreed actions made into items (recap_actions.hpp): the lines of a recap,
// which of them were converted, and what each one becomes.
#include "rapport/recap_actions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rapport/text.hpp"

namespace rapport {

std::vector<std::string> agreed_action_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line = std::string_view(text).substr(start, end - start);
    auto trim = [](std::string_view v) {
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.remove_suffix(1);
      return v;
    };
    line = trim(line);
    // A mark is taken off whole, never byte by byte.
    for (std::string_view mark : {"- ", "* ", "\u2022 "})
      if (line.starts_with(mark)) {
        line = trim(line.substr(mark.size()));
        break;
      }
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

const ConvertedAction* converted_line(const OccurrenceOverride& o, std::string_view line) {
  for (const ConvertedAction& c : o.converted)
    if (c.line == line) return &c;
  return nullptr;
}

namespace {

// Whether `text` names `word` as a whole word, ignoring ASCII case.
bool names_word(const std::string& text, const std::string& word) {
  if (word.empty()) return false;
  const std::string t = ascii_lower(text), w = ascii_lower(word);
  auto is_letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) >= 0x80);
  };
  for (size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
    bool starts = at == 0 || !is_letter(t[at - 1]);
    bool ends = at + w.size() >= t.size() || !is_letter(t[at + w.size()]);
    if (starts && ends) return true;
  }
  return false;
}

std::string first_name(const std::string& name) { return name.substr(0, name.find(' ')); }

// Who owns what the line asks for: a person on `side` the line names (among
// those at the meeting first, then anyone), else the first one present, else
// the first attendee on that side; kNoId when there is none. `any_side` drops
// the side (a decision's decider is whoever the line names, or nobody).
Id owner_for(const Engagement& e, const MeetingSeries& s, const OccurrenceOverride& o,
             const std::string& line, Side side, bool any_side) {
  auto fits = [&](Id id) {
    const Stakeholder* p = e.stakeholders.find(id);
    return p && (any_side || p->side == side);
  };
  auto named = [&](Id id) {
    return fits(id) && names_word(line, first_name(e.stakeholders.find(id)->name));
  };
  for (const std::vector<Id>* ids : {&o.present, &s.attendees})
    for (Id id : *ids)
      if (named(id)) return id;
  for (const auto& [id, p] : e.stakeholders)
    if (named(id)) return id;
  if (any_side) return kNoId;
  for (const std::vector<Id>* ids : {&o.present, &s.attendees})
    for (Id id : *ids)
      if (fits(id)) return id;
  return kNoId;
}

}  // namespace

ActionItem action_item(const Engagement& e, const MeetingSeries& s, const OccurrenceOverride& o,
                       Date held_on, const std::string& line, ActionTarget to) {
  switch (to) {
    case ActionTarget::ClientTask: {
      ClientTask t;
      t.title = line;
      t.created_on = held_on;
      t.due = held_on.plus_days(7);
      t.owner = owner_for(e, s, o, line, Side::Client, false);
      return t;
    }
    case ActionTarget::Decision: {
      Decision d;
      d.what = line;
      d.date = held_on;
      d.decided_by = owner_for(e, s, o, line, Side::Client, true);
      for (Id id : o.present)
        if (id != d.decided_by && e.stakeholders.contains(id)) d.consulted.push_back(id);
      d.rationale = fmt::format("Agreed at {} on {}.", s.title, date_text(held_on));
      return d;
    }
    case ActionTarget::ProviderTodo: {
      Responsibility r;
      r.what = line;
      r.side = Side::Provider;
      r.owner = owner_for(e, s, o, line, Side::Provider, false);
      return r;
    }
  }
  return ClientTask{};
}

std::string convert_action_label(const std::string& line, ActionTarget to) {
  std::string what = line.substr(0, line.find('\n'));
  if (what.size() > 60) {
    size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;
    what = what.substr(0, cut) + "…";
  }
  return fmt::format("Make “{}” a {}", what, to_string(to));
}

}  // namespace rapport
