// Recaps that travel, inside the engagement: each agreed action of a held
// occurrence (OccurrenceOverride::agreed_actions, one per line) can become a
// client task, a decision or a provider to-do, one key each in the occurrence
// editor and one undo step each (the ConvertAgreedAction command). The line is
// then marked converted (OccurrenceOverride::converted), so it is not
// converted twice.
//
// A provider to-do is a provider-side Responsibility. That is the smallest
// sound home: a responsibility already says what one side owes and who owns
// it, it is listed in Ways of working, and files, merges, search and
// validation know it (an owner must be on its side). A client task with a provider owner would
// break what a client task means (the client's open points, "what we need from you", overdue
// warnings to the client); a new kind of item would add a table, a section and every visitor
// (files, merge, search, redaction) for what is, today, one line of text with an owner. When to-dos
// need due dates and a done state, they earn their own kind.
//
//   auto lines = agreed_action_lines(o.agreed_actions);
//   history.apply(e, ConvertAgreedAction{series, date, lines[0], ActionTarget::Decision});
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rapport/model.hpp"
#include "rapport/validate.hpp"

namespace rapport {

// One agreed action per line, without a leading list mark ("- ", "* ", "• ")
// or the blanks around it; empty lines are skipped.
std::vector<std::string> agreed_action_lines(const std::string& text);

// What `line` of the occurrence was converted into, or nullptr.
const ConvertedAction* converted_line(const OccurrenceOverride& o, std::string_view line);

// The item an agreed action becomes, before it gets an id, as of the day the
// meeting was held (`held_on`):
// - a client task: the line as title, created that day, due a week later, owned
//   by the client-side person the line names (first name, whole word), else the
//   first client present, else the first client attendee;
// - a decision: the line, that day, decided by a person the line names, those
//   present consulted, "Agreed at <meeting> on <date>." as rationale;
// - a provider to-do: a provider-side responsibility, owned as a task is but on
//   the provider side.
using ActionItem = std::variant<ClientTask, Decision, Responsibility>;
ActionItem action_item(const Engagement& e, const MeetingSeries& s, const OccurrenceOverride& o,
                       Date held_on, const std::string& line, ActionTarget to);

// The Edit-menu name of a conversion: "Make “Send the brand assets” a client task".
std::string convert_action_label(const std::string& line, ActionTarget to);

}  // namespace rapport
