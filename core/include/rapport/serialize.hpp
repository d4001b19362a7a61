// How the engagement is written into cereal archives (binary and JSON).
//
// [SECTION] index
//   Versions   - class versions, the format version, how to add a version
//   Errors     - what a payload can be wrong about
//   Fields     - one helper per kind of field (text, date, enum, list, table)
//   Enums      - the stable names enums have in JSON
//   Types      - one serialize() per model type
//
// Rules every function here keeps:
// - Names are NVPs, so JSON is readable; binary archives ignore them.
// - Dates are ISO strings in JSON ("2026-12-15") and int32 days in binary;
//   times are "09:05" / int32 minutes; enums are stable lower-case names in JSON
//   and their integer (uint8) in binary. Everything is range-checked on load.
// - A Table<T> is an array of items (the id is inside each item), in id order;
//   MeetingSeries::overrides is an array of {date, override}, in date order.
//   So two saves of the same engagement are byte-identical.
// - Containers grow as elements arrive; nothing is resized to a count read from
//   the file (the bounded archive also caps counts by the bytes left).
// - Each serialize() rejects a class version newer than it knows.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "rapport/cereal_archives.hpp"  // first: see that header
#include "rapport/ids.hpp"
#include "rapport/model.hpp"
#include "rapport/text.hpp"
#include "rapport/validate.hpp"

namespace rapport {

// [SECTION] Versions ----------------------------------------------------------
//
// Version 1 is the first format. Version 2 adds where imported items came from
// (origin), meeting agendas and the weekly updates sent. Version 3 widens ids to
// 64 bits in binary (ids.hpp: ids from two machines never collide), and adds the
// engagement's stable uid, its merge conflicts and the client's time zone. A type's ids are wide
// from the class version it had in format 3 (kWideIdsFrom below): a format-2 file keeps its 32-bit
// ids. To change what a type stores:
//   1. bump its CEREAL_CLASS_VERSION at the end of this file and kFormatVersion
//      (io.hpp) to the new format number;
//   2. in its serialize(), read the new field only `if (version >= N)`, and give
//      it a sensible value for older files;
//   3. save tests/data/format-vN.rapport and .rapport.json with the new version
//      and add N to the fixture list in tests/unit/test_io_formats.cpp. Never
//      rewrite an old fixture: old files must keep opening.

// The class version from which T stores its ids as 64 bits in binary: 2, or 3
// for the types format 2 had already moved to class version 2.
template <class T>
inline constexpr std::uint32_t kWideIdsFrom = 2;
template <>
inline constexpr std::uint32_t kWideIdsFrom<Stakeholder> = 3;
template <>
inline constexpr std::uint32_t kWideIdsFrom<OccurrenceOverride> = 3;
template <>
inline constexpr std::uint32_t kWideIdsFrom<Milestone> = 3;
template <>
inline constexpr std::uint32_t kWideIdsFrom<Boundary> = 3;
template <>
inline constexpr std::uint32_t kWideIdsFrom<ClientTask> = 3;

// [SECTION] Errors ------------------------------------------------------------

// The payload is not what any Rapport writes: wrong value, unknown name,
// duplicate id. The message is in words a user can read.
struct PayloadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A type was stored with a class version newer than this build knows.
struct NewerClassVersion : std::runtime_error {
  NewerClassVersion(const char* type_name, std::uint32_t found, std::uint32_t known)
      : std::runtime_error(std::string("it stores ") + type_name + " in version " +
                           std::to_string(found) + "; this version reads up to " +
                           std::to_string(known)),
        version(found) {}
  std::uint32_t version;
};

namespace ser {

// The newest version of T this build reads (its CEREAL_CLASS_VERSION).
template <class T>
void check_version(std::uint32_t version, const char* type_name) {
  const std::uint32_t known = cereal::detail::Version<T>::version;
  if (version > known) throw NewerClassVersion(type_name, version, known);
  if (version == 0) throw PayloadError(std::string("the version of ") + type_name + " is 0");
}

template <class A>
inline constexpr bool is_text = cereal::traits::is_text_archive<A>::value;
template <class A>
inline constexpr bool is_loading = A::is_loading::value;

// Dates a file may hold: kMinDateDays..kMaxDateDays (validate.hpp), the same
// range commands keep to.

// [SECTION] Fields ------------------------------------------------------------

// Integers and bools, as they are.
template <class A, class T>
void value(A& ar, const char* name, T& v) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, uint8_t>, "use small_uint");
  ar(cereal::make_nvp(name, v));
}

// A uint8 with a known maximum. JSON reads it as a wider integer first: cereal
// would silently cut 300 down to 44.
template <class A>
void small_uint(A& ar, const char* name, uint8_t& v, unsigned max) {
  if constexpr (is_text<A>) {
    uint32_t wide = v;
    ar(cereal::make_nvp(name, wide));
    if constexpr (is_loading<A>) {
      if (wide > max)
        throw PayloadError(std::string(name) + " is " + std::to_string(wide) + ", more than " +
                           std::to_string(max));
      v = static_cast<uint8_t>(wide);
    }
  } else {
    ar(cereal::make_nvp(name, v));
    if constexpr (is_loading<A>) {
      if (v > max)
        throw PayloadError(std::string(name) + " is " + std::to_string(v) + ", more than " +
                           std::to_string(max));
    }
  }
}

template <class T>
bool wide_ids(std::uint32_t class_version) {
  return class_version >= kWideIdsFrom<T>;
}

// An item id or a reference. Binary stores ids as uint32 before `wide`; every
// version writes them as JSON numbers: ids stay below 2^53 (ids.hpp), so a
// JavaScript reader keeps them exact.
template <class A>
void id(A& ar, const char* name, Id& v, bool wide) {
  if constexpr (!is_text<A>) {
    if (!wide) {
      uint32_t narrow = static_cast<uint32_t>(v);
      ar(cereal::make_nvp(name, narrow));
      if constexpr (is_loading<A>) v = narrow;
      return;
    }
  }
  ar(cereal::make_nvp(name, v));
  if constexpr (is_loading<A>) {
    if (v > kMaxItemId + 1)
      throw PayloadError(std::string(name) + " is " + std::to_string(v) +
                         ", more than any id Rapport gives out");
  }
}

template <class A>
void text(A& ar, const char* name, std::string& s) {
  ar(cereal::make_nvp(name, s));
  if constexpr (is_loading<A>) {
    if (s.size() > kMaxTextBytes)
      throw PayloadError(std::string("the text in ") + name + " is longer than 1 MiB");
    if (!is_valid_utf8(s))
      throw PayloadError(std::string("the text in ") + name + " is not valid UTF-8");
  }
}

inline Date checked_date(int32_t days, const char* name) {
  if (days < kMinDateDays || days > kMaxDateDays)
    throw PayloadError(std::string(name) + " is not a date between the years 1 and 9999");
  return Date{days};
}

inline Date parse_date_or_throw(const std::string& s, const char* name) {
  auto d = parse_date(s);
  if (!d || d->days < kMinDateDays || d->days > kMaxDateDays)
    throw PayloadError(std::string(name) + " is “" + s.substr(0, 40) +
                       "”, which is not a date like 2026-12-15");
  return *d;
}

template <class A>
void date(A& ar, const char* name, Date& d) {
  if constexpr (is_text<A>) {
    std::string s;
    if constexpr (!is_loading<A>) s = d.iso();
    ar(cereal::make_nvp(name, s));
    if constexpr (is_loading<A>) d = parse_date_or_throw(s, name);
  } else {
    int32_t days = d.days;
    ar(cereal::make_nvp(name, days));
    if constexpr (is_loading<A>) d = checked_date(days, name);
  }
}

// In JSON an absent date is "" (keeps every key present, so diffs stay small).
template <class A>
void optional_date(A& ar, const char* name, std::optional<Date>& d) {
  if constexpr (is_text<A>) {
    std::string s;
    if constexpr (!is_loading<A>) s = d ? d->iso() : std::string();
    ar(cereal::make_nvp(name, s));
    if constexpr (is_loading<A>) {
      if (s.empty())
        d.reset();
      else
        d = parse_date_or_throw(s, name);
    }
  } else {
    bool has = d.has_value();
    int32_t days = d ? d->days : 0;
    ar(cereal::make_nvp(name, has));
    if (has) ar(cereal::make_nvp(name, days));
    if constexpr (is_loading<A>) {
      if (has)
        d = checked_date(days, name);
      else
        d.reset();
    }
  }
}

inline LocalTime checked_time(int32_t minutes, const char* name) {
  if (minutes < 0 || minutes > 1439)
    throw PayloadError(std::string(name) + " is not a time of day");
  return LocalTime{minutes};
}

inline LocalTime parse_time_or_throw(const std::string& s, const char* name) {
  auto t = parse_time(s);
  if (!t || t->minutes < 0 || t->minutes > 1439)
    throw PayloadError(std::string(name) + " is “" + s.substr(0, 40) +
                       "”, which is not a time like 09:30");
  return *t;
}

template <class A>
void time(A& ar, const char* name, LocalTime& t) {
  if constexpr (is_text<A>) {
    std::string s;
    if constexpr (!is_loading<A>) s = t.hhmm();
    ar(cereal::make_nvp(name, s));
    if constexpr (is_loading<A>) t = parse_time_or_throw(s, name);
  } else {
    int32_t minutes = t.minutes;
    ar(cereal::make_nvp(name, minutes));
    if constexpr (is_loading<A>) t = checked_time(minutes, name);
  }
}

// JSON: "2026-12-15T10:30", or "" when absent.
template <class A>
void optional_local_date_time(A& ar, const char* name, std::optional<LocalDateTime>& v) {
  if constexpr (is_text<A>) {
    std::string s;
    if constexpr (!is_loading<A>) s = v ? v->date.iso() + "T" + v->time.hhmm() : std::string();
    ar(cereal::make_nvp(name, s));
    if constexpr (is_loading<A>) {
      if (s.empty()) {
        v.reset();
      } else {
        auto t = s.find('T');
        if (t == std::string::npos)
          throw PayloadError(std::string(name) + " is not a date and time like 2026-12-15T10:30");
        v = LocalDateTime{parse_date_or_throw(s.substr(0, t), name),
                          parse_time_or_throw(s.substr(t + 1), name)};
      }
    }
  } else {
    bool has = v.has_value();
    int32_t days = v ? v->date.days : 0;
    int32_t minutes = v ? v->time.minutes : 0;
    ar(cereal::make_nvp(name, has));
    if (has) ar(cereal::make_nvp(name, days), cereal::make_nvp(name, minutes));
    if constexpr (is_loading<A>) {
      if (has)
        v = LocalDateTime{checked_date(days, name), checked_time(minutes, name)};
      else
        v.reset();
    }
  }
}

// [SECTION] Enums -------------------------------------------------------------
// The JSON names are part of the file format: never rename one, only append.

template <class E>
struct EnumNames;
#define RAPPORT_ENUM_NAMES(E, ...)                  \
  template <>                                       \
  struct EnumNames<E> {                             \
    static constexpr std::array names{__VA_ARGS__}; \
  };
RAPPORT_ENUM_NAMES(Side, "client", "provider")
RAPPORT_ENUM_NAMES(Level, "low", "medium", "high")
RAPPORT_ENUM_NAMES(ChannelKind, "email", "phone", "chat", "video_call", "in_person", "tool")
RAPPORT_ENUM_NAMES(ObjectiveHorizon, "immediate", "long_term")
RAPPORT_ENUM_NAMES(ConstraintKind, "budget", "deadline", "technology", "regulatory", "resource",
                   "other")
RAPPORT_ENUM_NAMES(ExpectationStatus, "unconfirmed", "confirmed", "at_risk", "will_not_be_met")
RAPPORT_ENUM_NAMES(Frequency, "once", "daily", "weekly", "monthly_on_day", "monthly_on_weekday")
RAPPORT_ENUM_NAMES(OccurrenceState, "planned", "held", "cancelled")
RAPPORT_ENUM_NAMES(MilestoneStatus, "planned", "in_progress", "done", "missed")
RAPPORT_ENUM_NAMES(BoundaryKind, "in_scope", "out_of_scope", "not_guaranteed", "working_hours",
                   "blackout", "quota")
RAPPORT_ENUM_NAMES(QuotaPeriod, "engagement", "month", "week")
RAPPORT_ENUM_NAMES(ChangeStatus, "proposed", "approved", "rejected", "deferred")
RAPPORT_ENUM_NAMES(TaskStatus, "open", "done", "dropped")
RAPPORT_ENUM_NAMES(Kind, "stakeholder", "objective", "constraint", "question", "expectation",
                   "responsibility", "deliverable", "channel", "meeting", "milestone", "boundary",
                   "change_request", "client_task", "decision", "feedback")
#undef RAPPORT_ENUM_NAMES

template <class A, class E>
void enumeration(A& ar, const char* name, E& e) {
  constexpr auto& names = EnumNames<E>::names;
  static_assert(std::is_same_v<std::underlying_type_t<E>, uint8_t>);
  if constexpr (is_text<A>) {
    std::string s;
    if constexpr (!is_loading<A>) s = names.at(static_cast<size_t>(e));
    ar(cereal::make_nvp(name, s));
    if constexpr (is_loading<A>) {
      for (size_t i = 0; i < names.size(); ++i) {
        if (s == names[i]) {
          e = static_cast<E>(i);
          return;
        }
      }
      throw PayloadError(std::string(name) + " is “" + s.substr(0, 40) +
                         "”, which this version of Rapport does not know");
    }
  } else {
    uint8_t raw = static_cast<uint8_t>(e);
    ar(cereal::make_nvp(name, raw));
    if constexpr (is_loading<A>) {
      if (raw >= names.size())
        throw PayloadError(std::string(name) + " has the unknown value " + std::to_string(raw));
      e = static_cast<E>(raw);
    }
  }
}

// [SECTION] Lists and tables --------------------------------------------------

// A std::vector as an array; grown as elements arrive.
template <class T>
struct ListRef {
  std::vector<T>& items;
  template <class A>
  void save(A& ar) const {
    ar(cereal::make_size_tag(static_cast<cereal::size_type>(items.size())));
    for (const T& x : items) ar(x);
  }
  template <class A>
  void load(A& ar) {
    cereal::size_type n = 0;
    ar(cereal::make_size_tag(n));
    items.clear();
    for (cereal::size_type i = 0; i < n; ++i) {
      T x{};
      ar(x);
      items.push_back(std::move(x));
    }
  }
};

template <class A, class T>
void list(A& ar, const char* name, std::vector<T>& v) {
  ar(cereal::make_nvp(name, ListRef<T>{v}));
}

// A list of ids (width as in id()).
struct IdListRef {
  std::vector<Id>& items;
  bool wide;
  template <class A>
  void save(A& ar) const {
    ar(cereal::make_size_tag(static_cast<cereal::size_type>(items.size())));
    for (Id x : items) element(ar, x);
  }
  // Array elements have no names in JSON.
  template <class A>
  void element(A& ar, Id& x) const {
    if constexpr (!is_text<A>) {
      if (!wide) {
        uint32_t narrow = static_cast<uint32_t>(x);
        ar(narrow);
        x = narrow;
        return;
      }
    }
    ar(x);
    if (x > kMaxItemId)
      throw PayloadError("a list holds the id " + std::to_string(x) +
                         ", more than any id Rapport gives out");
  }
  template <class A>
  void load(A& ar) {
    cereal::size_type n = 0;
    ar(cereal::make_size_tag(n));
    items.clear();
    for (cereal::size_type i = 0; i < n; ++i) {
      Id x = kNoId;
      element(ar, x);
      items.push_back(x);
    }
  }
};

template <class A>
void id_list(A& ar, const char* name, std::vector<Id>& v, bool wide) {
  ar(cereal::make_nvp(name, IdListRef{v, wide}));
}

// A Table<T> as an array of items in id order. An id seen twice is an error
// (a map would silently keep one).
template <class T>
struct TableRef {
  Table<T>& table;
  const char* name;
  template <class A>
  void save(A& ar) const {
    ar(cereal::make_size_tag(static_cast<cereal::size_type>(table.items.size())));
    for (const auto& entry : table.items) ar(entry.second);
  }
  template <class A>
  void load(A& ar) {
    cereal::size_type n = 0;
    ar(cereal::make_size_tag(n));
    table.items.clear();
    for (cereal::size_type i = 0; i < n; ++i) {
      T item{};
      ar(item);
      const Id id = item.id;
      if (table.items.empty() || id > table.items.rbegin()->first) {
        table.items.emplace_hint(table.items.end(), id, std::move(item));
      } else if (!table.items.try_emplace(id, std::move(item)).second) {
        throw PayloadError(std::string("two entries in ") + name + " have the id " +
                           std::to_string(id));
      }
    }
  }
};

template <class A, class T>
void table(A& ar, const char* name, Table<T>& t) {
  ar(cereal::make_nvp(name, TableRef<T>{t, name}));
}

// One {date, override} element of MeetingSeries::overrides.
struct OverrideEntry {
  Date date;
  OccurrenceOverride value;
  template <class A>
  void serialize(A& ar) {
    ser::date(ar, "date", date);
    ar(cereal::make_nvp("override", value));
  }
};

struct OverridesRef {
  std::map<Date, OccurrenceOverride>& map;
  template <class A>
  void save(A& ar) const {
    ar(cereal::make_size_tag(static_cast<cereal::size_type>(map.size())));
    for (const auto& [d, o] : map) ar(OverrideEntry{d, o});
  }
  template <class A>
  void load(A& ar) {
    cereal::size_type n = 0;
    ar(cereal::make_size_tag(n));
    map.clear();
    for (cereal::size_type i = 0; i < n; ++i) {
      OverrideEntry entry;
      ar(entry);
      if (!map.try_emplace(entry.date, std::move(entry.value)).second)
        throw PayloadError("a meeting has two entries for the occurrence on " + entry.date.iso());
    }
  }
};

}  // namespace ser

// [SECTION] Types -------------------------------------------------------------

template <class A>
void serialize(A& ar, Stakeholder& x, std::uint32_t version) {
  ser::check_version<Stakeholder>(version, "stakeholders");
  const bool wide = ser::wide_ids<Stakeholder>(version);
  ser::id(ar, "id", x.id, wide);
  ser::enumeration(ar, "side", x.side);
  ser::text(ar, "name", x.name);
  ser::text(ar, "role", x.role);
  ser::text(ar, "contact", x.contact);
  ser::enumeration(ar, "preferred_channel", x.preferred_channel);
  ser::enumeration(ar, "influence", x.influence);
  ser::enumeration(ar, "interest", x.interest);
  ser::text(ar, "time_zone", x.time_zone);
  ser::text(ar, "internal_notes", x.internal_notes);
  if (version >= 2) ser::text(ar, "origin", x.origin);
}

template <class A>
void serialize(A& ar, Objective& x, std::uint32_t version) {
  ser::check_version<Objective>(version, "objectives");
  const bool wide = ser::wide_ids<Objective>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "title", x.title);
  ser::enumeration(ar, "horizon", x.horizon);
  ser::text(ar, "success_measure", x.success_measure);
  ser::id_list(ar, "stakeholders", x.stakeholders, wide);
}

template <class A>
void serialize(A& ar, Constraint& x, std::uint32_t version) {
  ser::check_version<Constraint>(version, "constraints");
  const bool wide = ser::wide_ids<Constraint>(version);
  ser::id(ar, "id", x.id, wide);
  ser::enumeration(ar, "kind", x.kind);
  ser::text(ar, "description", x.description);
}

template <class A>
void serialize(A& ar, Question& x, std::uint32_t version) {
  ser::check_version<Question>(version, "questions");
  const bool wide = ser::wide_ids<Question>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "text", x.text);
  ser::id(ar, "asked_of", x.asked_of, wide);
  ser::date(ar, "asked_on", x.asked_on);
  ser::text(ar, "answer", x.answer);
  ser::optional_date(ar, "answered_on", x.answered_on);
}

template <class A>
void serialize(A& ar, Expectation& x, std::uint32_t version) {
  ser::check_version<Expectation>(version, "expectations");
  const bool wide = ser::wide_ids<Expectation>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "what", x.what);
  ser::id(ar, "source", x.source, wide);
  ser::value(ar, "stated", x.stated);
  ser::enumeration(ar, "status", x.status);
  ser::date(ar, "raised_on", x.raised_on);
  ser::text(ar, "explanation", x.explanation);
}

template <class A>
void serialize(A& ar, Responsibility& x, std::uint32_t version) {
  ser::check_version<Responsibility>(version, "responsibilities");
  const bool wide = ser::wide_ids<Responsibility>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "what", x.what);
  ser::enumeration(ar, "side", x.side);
  ser::id(ar, "owner", x.owner, wide);
}

template <class A>
void serialize(A& ar, Deliverable& x, std::uint32_t version) {
  ser::check_version<Deliverable>(version, "deliverables");
  const bool wide = ser::wide_ids<Deliverable>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "title", x.title);
  ser::id(ar, "milestone", x.milestone, wide);
  ser::text(ar, "acceptance_criteria", x.acceptance_criteria);
}

template <class A>
void serialize(A& ar, CommunicationChannel& x, std::uint32_t version) {
  ser::check_version<CommunicationChannel>(version, "channels");
  const bool wide = ser::wide_ids<CommunicationChannel>(version);
  ser::id(ar, "id", x.id, wide);
  ser::enumeration(ar, "kind", x.kind);
  ser::text(ar, "purpose", x.purpose);
  ser::text(ar, "frequency", x.frequency);
  ser::value(ar, "response_time_hours", x.response_time_hours);
  ser::id(ar, "client_primary", x.client_primary, wide);
  ser::id(ar, "client_backup", x.client_backup, wide);
  ser::id(ar, "provider_primary", x.provider_primary, wide);
  ser::id(ar, "provider_backup", x.provider_backup, wide);
}

template <class A>
void serialize(A& ar, Recurrence& x, std::uint32_t version) {
  ser::check_version<Recurrence>(version, "recurrences");
  ser::enumeration(ar, "frequency", x.frequency);
  ser::value(ar, "interval", x.interval);
  ser::small_uint(ar, "weekdays", x.weekdays, 0x7f);
  ser::value(ar, "month_day", x.month_day);
  ser::value(ar, "week_of_month", x.week_of_month);
  ser::small_uint(ar, "weekday", x.weekday, 6);
  ser::optional_date(ar, "until", x.until);
  ser::value(ar, "count", x.count);
}

template <class A>
void serialize(A& ar, AgendaPoint& x, std::uint32_t version) {
  ser::check_version<AgendaPoint>(version, "agenda points");
  ser::text(ar, "text", x.text);
  ser::value(ar, "covered", x.covered);
  ser::optional_date(ar, "carried_from", x.carried_from);
}

template <class A>
void serialize(A& ar, OccurrenceOverride& x, std::uint32_t version) {
  ser::check_version<OccurrenceOverride>(version, "meeting occurrences");
  const bool wide = ser::wide_ids<OccurrenceOverride>(version);
  ser::enumeration(ar, "state", x.state);
  ser::optional_local_date_time(ar, "moved_to", x.moved_to);
  ser::id_list(ar, "present", x.present, wide);
  ser::text(ar, "recap_summary", x.recap_summary);
  ser::text(ar, "agreed_actions", x.agreed_actions);
  ser::enumeration(ar, "cancelled_by", x.cancelled_by);
  ser::text(ar, "cancel_reason", x.cancel_reason);
  // Version 2: the agenda (none in older files: the proposed one is shown).
  if (version >= 2) ser::list(ar, "agenda", x.agenda);
}

template <class A>
void serialize(A& ar, MeetingSeries& x, std::uint32_t version) {
  ser::check_version<MeetingSeries>(version, "meetings");
  const bool wide = ser::wide_ids<MeetingSeries>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "title", x.title);
  ser::text(ar, "purpose", x.purpose);
  ser::id_list(ar, "attendees", x.attendees, wide);
  ser::id(ar, "channel", x.channel, wide);
  ser::date(ar, "first_date", x.first_date);
  ser::time(ar, "start", x.start);
  ser::value(ar, "duration_minutes", x.duration_minutes);
  ser::text(ar, "time_zone", x.time_zone);
  ar(cereal::make_nvp("recurrence", x.recurrence));
  ar(cereal::make_nvp("overrides", ser::OverridesRef{x.overrides}));
}

template <class A>
void serialize(A& ar, Milestone& x, std::uint32_t version) {
  ser::check_version<Milestone>(version, "milestones");
  const bool wide = ser::wide_ids<Milestone>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "title", x.title);
  ser::date(ar, "baseline", x.baseline);
  ser::date(ar, "current", x.current);
  ser::enumeration(ar, "status", x.status);
  ser::value(ar, "client_visible", x.client_visible);
  ser::text(ar, "description", x.description);
  if (version >= 2) ser::text(ar, "origin", x.origin);
}

template <class A>
void serialize(A& ar, Boundary& x, std::uint32_t version) {
  ser::check_version<Boundary>(version, "boundaries");
  const bool wide = ser::wide_ids<Boundary>(version);
  ser::id(ar, "id", x.id, wide);
  ser::enumeration(ar, "kind", x.kind);
  ser::text(ar, "title", x.title);
  ser::text(ar, "description", x.description);
  ser::small_uint(ar, "working_days", x.working_days, 0x7f);
  ser::time(ar, "day_start", x.day_start);
  ser::time(ar, "day_end", x.day_end);
  ser::enumeration(ar, "hours_side", x.hours_side);
  ser::date(ar, "from", x.from);
  ser::date(ar, "to", x.to);
  ser::value(ar, "included", x.included);
  ser::value(ar, "used", x.used);
  ser::text(ar, "unit", x.unit);
  ser::enumeration(ar, "period", x.period);
  ser::value(ar, "extra_rate_minor", x.extra_rate_minor);
  if (version >= 2) ser::text(ar, "origin", x.origin);
}

template <class A>
void serialize(A& ar, MilestoneImpact& x, std::uint32_t version) {
  ser::check_version<MilestoneImpact>(version, "milestone impacts");
  const bool wide = ser::wide_ids<MilestoneImpact>(version);
  ser::id(ar, "milestone", x.milestone, wide);
  ser::value(ar, "days", x.days);
}

template <class A>
void serialize(A& ar, ChangeRequest& x, std::uint32_t version) {
  ser::check_version<ChangeRequest>(version, "change requests");
  const bool wide = ser::wide_ids<ChangeRequest>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "title", x.title);
  ser::text(ar, "description", x.description);
  ser::id(ar, "requested_by", x.requested_by, wide);
  ser::date(ar, "requested_on", x.requested_on);
  ser::id(ar, "objective", x.objective, wide);
  ser::list(ar, "impacts", x.impacts);
  ser::value(ar, "cost_minor", x.cost_minor);
  ser::value(ar, "effort_hours", x.effort_hours);
  ser::enumeration(ar, "status", x.status);
  ser::optional_date(ar, "decided_on", x.decided_on);
  ser::id(ar, "decided_by", x.decided_by, wide);
  ser::text(ar, "rationale", x.rationale);
  ser::text(ar, "alternative", x.alternative);
  ser::text(ar, "internal_notes", x.internal_notes);
}

template <class A>
void serialize(A& ar, ClientTask& x, std::uint32_t version) {
  ser::check_version<ClientTask>(version, "client tasks");
  const bool wide = ser::wide_ids<ClientTask>(version);
  ser::id(ar, "id", x.id, wide);
  ser::text(ar, "title", x.title);
  ser::id(ar, "owner", x.owner, wide);
  ser::date(ar, "created_on", x.created_on);
  ser::date(ar, "due", x.due);
  ser::enumeration(ar, "status", x.status);
  ser::optional_date(ar, "done_on", x.done_on);
  ser::id(ar, "milestone", x.milestone, wide);
  if (version >= 2) ser::text(ar, "origin", x.origin);
}

template <class A>
void serialize(A& ar, Decision& x, std::uint32_t version) {
  ser::check_version<Decision>(version, "decisions");
  const bool wide = ser::wide_ids<Decision>(version);
  ser::id(ar, "id", x.id, wide);
  ser::date(ar, "date", x.date);
  ser::text(ar, "what", x.what);
  ser::id(ar, "decided_by", x.decided_by, wide);
  ser::id_list(ar, "consulted", x.consulted, wide);
  ser::id_list(ar, "informed", x.informed, wide);
  ser::text(ar, "rationale", x.rationale);
}

template <class A>
void serialize(A& ar, Feedback& x, std::uint32_t version) {
  ser::check_version<Feedback>(version, "feedback");
  const bool wide = ser::wide_ids<Feedback>(version);
  ser::id(ar, "id", x.id, wide);
  ser::date(ar, "date", x.date);
  ser::id(ar, "stakeholder", x.stakeholder, wide);
  ser::value(ar, "sentiment", x.sentiment);
  ser::text(ar, "note", x.note);
  ser::text(ar, "follow_up", x.follow_up);
}

template <class A>
void serialize(A& ar, MilestoneDate& x, std::uint32_t version) {
  ser::check_version<MilestoneDate>(version, "milestone dates");
  ser::id(ar, "milestone", x.milestone, ser::wide_ids<MilestoneDate>(version));
  ser::date(ar, "date", x.date);
}

template <class A>
void serialize(A& ar, SentUpdate& x, std::uint32_t version) {
  ser::check_version<SentUpdate>(version, "sent updates");
  ser::date(ar, "sent_on", x.sent_on);
  ser::date(ar, "since", x.since);
  ser::text(ar, "text", x.text);
  ser::list(ar, "milestones", x.milestones);
}

template <class A>
void serialize(A& ar, EngagementInfo& x, std::uint32_t version) {
  ser::check_version<EngagementInfo>(version, "the engagement's details");
  ser::text(ar, "name", x.name);
  ser::text(ar, "client_org", x.client_org);
  ser::text(ar, "provider_org", x.provider_org);
  ser::text(ar, "time_zone", x.time_zone);
  ser::date(ar, "start", x.start);
  ser::date(ar, "end", x.end);
  ser::text(ar, "currency", x.currency);
  ser::text(ar, "vision", x.vision);
  ser::text(ar, "internal_notes", x.internal_notes);
  ser::value(ar, "internal_day_rate_minor", x.internal_day_rate_minor);
  ser::value(ar, "internal_margin_percent", x.internal_margin_percent);
  // Version 2: the weekly updates sent (none in older files).
  if (version >= 2) ser::list(ar, "updates", x.updates);
  // Version 3: the client's time zone (older files: see serialize(Engagement)).
  if (version >= 3) ser::text(ar, "client_time_zone", x.client_time_zone);
}

template <class A>
void serialize(A& ar, Conflict& x, std::uint32_t version) {
  ser::check_version<Conflict>(version, "conflicts");
  ar(cereal::make_nvp("on_info", x.on_info));
  ser::enumeration(ar, "kind", x.kind);
  ser::id(ar, "item", x.item, true);
  ser::text(ar, "field", x.field);
  ser::text(ar, "label", x.label);
  ser::text(ar, "base", x.base);
  ser::text(ar, "mine", x.mine);
  ser::text(ar, "theirs", x.theirs);
  ar(cereal::make_nvp("deleted_in_theirs", x.deleted_in_theirs));
  ser::text(ar, "theirs_json", x.theirs_json);
}

// The engagement's stable id: 64 random bits, so JSON holds it as hex text
// (a JavaScript number would round it).
template <class A>
void uid(A& ar, uint64_t& v) {
  if constexpr (ser::is_text<A>) {
    std::string s;
    if constexpr (!ser::is_loading<A>) s = uid_text(v);
    ar(cereal::make_nvp("uid", s));
    if constexpr (ser::is_loading<A>) {
      if (s.empty() || s.size() > 16 ||
          s.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw PayloadError("uid is “" + s.substr(0, 40) + "”, which is not up to 16 hex digits");
      v = std::stoull(s, nullptr, 16);
    }
  } else {
    ar(cereal::make_nvp("uid", v));
  }
}

template <class A>
void serialize(A& ar, Engagement& e, std::uint32_t version) {
  ser::check_version<Engagement>(version, "the engagement");
  const bool wide = ser::wide_ids<Engagement>(version);
  ar(cereal::make_nvp("info", e.info));
  if (version >= 2) {
    uid(ar, e.uid);
  } else if constexpr (ser::is_loading<A>) {
    e.uid = 0;  // set from the name and start once the details are read (below)
  }
  ser::id(ar, "next_id", e.next_id, wide);
  ser::table(ar, "stakeholders", e.stakeholders);
  ser::table(ar, "objectives", e.objectives);
  ser::table(ar, "constraints", e.constraints);
  ser::table(ar, "questions", e.questions);
  ser::table(ar, "expectations", e.expectations);
  ser::table(ar, "responsibilities", e.responsibilities);
  ser::table(ar, "deliverables", e.deliverables);
  ser::table(ar, "channels", e.channels);
  ser::table(ar, "meetings", e.meetings);
  ser::table(ar, "milestones", e.milestones);
  ser::table(ar, "boundaries", e.boundaries);
  ser::table(ar, "change_requests", e.change_requests);
  ser::table(ar, "client_tasks", e.client_tasks);
  ser::table(ar, "decisions", e.decisions);
  ser::table(ar, "feedback", e.feedback);
  if (version >= 2) {
    ser::list(ar, "conflicts", e.conflicts);
  } else if constexpr (ser::is_loading<A>) {
    // v1 calendar UIDs were built from the name and start: keep them.
    e.uid = legacy_engagement_uid(e.info);
    // Before format 3 the client's zone was the first client stakeholder's.
    e.info.client_time_zone.clear();
    for (const auto& [id, p] : e.stakeholders) {
      if (p.side != Side::Client || p.time_zone.empty()) continue;
      if (p.time_zone != e.info.time_zone) e.info.client_time_zone = p.time_zone;
      break;
    }
    e.conflicts.clear();
  }
}

}  // namespace rapport

CEREAL_CLASS_VERSION(rapport::Engagement, 2)
CEREAL_CLASS_VERSION(rapport::EngagementInfo, 3)
CEREAL_CLASS_VERSION(rapport::SentUpdate, 1)
CEREAL_CLASS_VERSION(rapport::MilestoneDate, 2)
CEREAL_CLASS_VERSION(rapport::Stakeholder, 3)
CEREAL_CLASS_VERSION(rapport::Objective, 2)
CEREAL_CLASS_VERSION(rapport::Constraint, 2)
CEREAL_CLASS_VERSION(rapport::Question, 2)
CEREAL_CLASS_VERSION(rapport::Expectation, 2)
CEREAL_CLASS_VERSION(rapport::Responsibility, 2)
CEREAL_CLASS_VERSION(rapport::Deliverable, 2)
CEREAL_CLASS_VERSION(rapport::CommunicationChannel, 2)
CEREAL_CLASS_VERSION(rapport::Recurrence, 1)
CEREAL_CLASS_VERSION(rapport::AgendaPoint, 1)
CEREAL_CLASS_VERSION(rapport::OccurrenceOverride, 3)
CEREAL_CLASS_VERSION(rapport::MeetingSeries, 2)
CEREAL_CLASS_VERSION(rapport::Milestone, 3)
CEREAL_CLASS_VERSION(rapport::Boundary, 3)
CEREAL_CLASS_VERSION(rapport::MilestoneImpact, 2)
CEREAL_CLASS_VERSION(rapport::ChangeRequest, 2)
CEREAL_CLASS_VERSION(rapport::ClientTask, 3)
CEREAL_CLASS_VERSION(rapport::Decision, 2)
CEREAL_CLASS_VERSION(rapport::Feedback, 2)
CEREAL_CLASS_VERSION(rapport::Conflict, 1)
