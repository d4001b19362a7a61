// Field descriptors: for each item kind, its fields with a label, a type and
// whether they are internal (for the provider's eyes only). One description
// serves the tables and the inspector in the app, text search, redaction for
// presentation mode and client exports, so a new field is declared once.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rapport/model.hpp"

namespace rapport {

enum class FieldType : uint8_t {
  Text,      // one line
  LongText,  // several lines
  Date,
  OptionalDate,
  Time,   // LocalTime
  Int,    // int32_t, with `min`/`max`
  Money,  // int64_t minor units in the engagement's currency
  Bool,
  Enum,          // through get_enum/set_enum
  Stakeholder,   // Id of a stakeholder (0 = none)
  Stakeholders,  // list of stakeholder ids
  Milestone,     // Id of a milestone
  Objective,     // Id of an objective
  Channel,       // Id of a communication channel
  Weekdays,      // uint8_t WeekdayBits
  TimeZone,      // IANA name (empty = the engagement's)
  Impacts,       // std::vector<MilestoneImpact>
};

template <class T>
struct Field {
  using Member =
      std::variant<std::monostate, std::string T::*, Date T::*, std::optional<Date> T::*,
                   LocalTime T::*, int32_t T::*, int64_t T::*, bool T::*, Id T::*,
                   std::vector<Id> T::*, uint8_t T::*, std::vector<MilestoneImpact> T::*>;
  const char* key;    // stable: "name", "due"; matches validate()'s Error::field
  const char* label;  // "Name", "Due"
  FieldType type;
  Member member;
  bool internal = false;  // hidden in presentation mode and client exports
  bool in_table = true;   // a column in the section's table
  // Enums:
  int (*get_enum)(const T&) = nullptr;
  void (*set_enum)(T&, int) = nullptr;
  int enum_count = 0;
  const char* (*enum_name)(int) = nullptr;
  // Int:
  int32_t min = 0;
  int32_t max = 0;
  // Side filter for Stakeholder fields: -1 any, else the Side a person must be on.
  int side = -1;
};

// Whether two words or labels are the same for a reader: case, '_' and '-' ignored
// ("In scope", "in_scope", "IN-SCOPE").
bool same_words(std::string_view a, std::string_view b);

// The fields of each kind, in display order.
template <class T>
std::span<const Field<T>> fields();

// The field's value as text for a table cell, a CSV cell or a search
// ("Aino Mäkelä", "2026-12-15", "Mon, Wed", "€ 1 800.00").
template <class T>
std::string field_text(const Engagement& e, const T& item, const Field<T>& f);

// [Parsing] The inverse of field_text: reads a cell as field_text writes it
// (and the forms people type: "Yes"/"true"/"1", "Mon-Fri", money with or
// without the symbol), so CSV import and any other text input share one
// parser. Names of stakeholders, milestones, objectives and channels are
// looked up in an index built once per engagement (O(log n) a cell).
class FieldNames {
 public:
  explicit FieldNames(const Engagement& e);
  // The id of the item of `kind` named `name`; an error message when there is
  // none or more than one.
  std::variant<Id, std::string> find(Kind kind, std::string_view name) const;

 private:
  std::map<std::pair<Kind, std::string>, std::pair<Id, int>, std::less<>> by_name_;
};

struct FieldParse {
  const Engagement& e;
  const FieldNames& names;
  // Reads a date cell; parse_date (YYYY-MM-DD) when empty.
  std::function<std::optional<Date>(std::string_view)> date;
};

// Sets `f` of `item` from `text`. Returns why the text does not fit, else
// nullopt ("“31.02.2026” is not a date", "no stakeholder is named “Ana”").
// Range and reference rules beyond parsing are validate()'s.
template <class T>
std::optional<std::string> parse_field_text(const FieldParse& p, T& item, const Field<T>& f,
                                            std::string_view text);

// Money typed or exported: "€1,800.00", "1800", "-12.5", "1 800.00 SEK".
std::optional<int64_t> parse_money_text(std::string_view text);

// Money as text: "€1,800.00" style with the currency code when not EUR/USD/GBP.
std::string money_text(int64_t minor, const std::string& currency);
// Weekday mask as text: "Mon, Tue, Fri" or "Mon–Fri".
std::string weekdays_text(uint8_t mask);  // "Mon–Fri", "every day", "Tue, Thu", "no days"

// Text search over every text-like field of every item (and occurrence
// recaps). Case-insensitive for ASCII. Internal fields are skipped when
// `include_internal` is false.
struct SearchHit {
  Kind kind;
  Id id;
  std::string name;     // the item's name
  std::string field;    // the label of the field that matched
  std::string snippet;  // the matching text, shortened
};
std::vector<SearchHit> search(const Engagement& e, std::string_view query, bool include_internal,
                              size_t limit = 200);

// Every internal text in the engagement (non-empty), for tests and exports
// that must prove none leaks.
std::vector<std::string> internal_texts(const Engagement& e);

// A copy fit for the client's eyes: internal fields emptied, milestones not
// visible to the client removed (with references to them).
Engagement redacted(const Engagement& e);

}  // namespace rapport
