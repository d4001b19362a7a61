// Editors for one field of an item, driven by core's field descriptors
// (rapport/fields.hpp). The inspector and the add forms use them for every
// item kind, so each kind of value is edited the same way everywhere.
#pragma once

#include <map>
#include <string>

#include "rapport/fields.hpp"

namespace rapport::app {

// Text that a user is typing into a field whose value is not text (a date, a
// time, an amount), kept while it does not parse, so nothing typed is lost.
struct FieldBuffers {
  std::map<std::string, std::string> text;
  void clear() { text.clear(); }
};

// What happened to a field this frame.
struct FieldEdit {
  bool changed = false;  // the draft changed (commit when `done`)
  bool done = false;     // the user finished with the field (Enter, Tab, click away, a pick)
  std::string problem;   // input that does not parse ("Write the date as 2026-12-15")
};

// ImGui::PushID for an item id: all 64 bits (ids from several machines share
// their low bits, ids.hpp), so no two items share widget state.
void push_item_id(Id id);

// Draws a labelled editor for `f` on `draft`. `read_only` shows the value only.
template <class T>
FieldEdit edit_field(const Engagement& e, T& draft, const Field<T>& f, FieldBuffers& buffers,
                     bool read_only = false);

// A date typed as YYYY-MM-DD (fills the cell's width); input that does not
// parse is kept in `buffers` under `key` and reported in `problem`.
FieldEdit edit_date(const char* key, Date& value, FieldBuffers& buffers);

// An amount in minor units, typed as 1800 or 1800.50.
FieldEdit edit_money(const char* key, int64_t& minor, FieldBuffers& buffers);

// A stakeholder picker: (none) plus the stakeholders, optionally of one side.
bool pick_stakeholder(const char* label, const Engagement& e, Id& value, int side = -1);
// A milestone picker: (none) plus the milestones by date.
bool pick_milestone(const char* label, const Engagement& e, Id& value);

// A field's label in the first column of a two-column field table. An internal
// field (never shown to the client) gets a lock mark after its label and a
// tinted row, with a tooltip that says why; its text stays in the body colour.
void field_label(const char* label, bool internal);

// Shows `message` in the error colour, wrapped, under the field.
void field_problem(const std::string& message);

}  // namespace rapport::app
