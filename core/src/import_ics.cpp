// iCalendar import with libical. libical is forgiving: it turns what it cannot
// read into X-LIC-ERROR properties and carries on, and it does not report
// line numbers. So a first pass of our own checks the content-line structure
// (NAME:value, BEGIN/END nesting) and remembers on which line each event
// starts; libical then reads values and recurrence rules, and any error it
// reports is named with its event's line.
//
// Bounded in time and memory: the first pass refuses lines longer than
// kMaxIcsLineBytes, more properties per event than kMaxIcsEventProperties and
// more lines than kMaxIcsLines before libical sees the file; every later step costs a look-up per
// event or per EXDATE, never a walk of the series: the dates of a series' EXDATEs and of its
// changed occurrences are asked about in one go (are_occurrences).
//
// [SECTION] index
//   Lines      - unfolding and the structural check, with line numbers
//   Times      - DATE / DATE-TIME values into our dates, times and zones
//   Rules      - RRULE back to Recurrence
//   Events     - one VEVENT (and its RECURRENCE-ID events) into items
//   Import     - import_ics, check_import
#include <fmt/format.h>
#include <libical/ical.h>

#include <algorithm>
#include <map>
#include <memory>

#include "rapport/export.hpp"
#include "rapport/import.hpp"
#include "rapport/recurrence.hpp"
#include "rapport/validate.hpp"

namespace rapport {
namespace {

ImportError error_at(int line, std::string message) {
  return ImportError{line > 0 ? fmt::format("line {}: {}", line, message) : message, line};
}

// [SECTION] Lines -------------------------------------------------------------

struct Structure {
  std::vector<int> event_lines;  // line of each top-level BEGIN:VEVENT, in order
};

// Longer logical lines are refused: no text Rapport keeps is longer than
// kMaxTextBytes, even escaped and folded.
constexpr size_t kMaxIcsLineBytes = 4 * kMaxTextBytes;
// Properties in one component (EXDATEs mostly): a series keeps at most
// 100,000 occurrences, so many more changes than that cannot all be real.
constexpr size_t kMaxIcsEventProperties = 110000;
// Content lines in the whole calendar: libical keeps a few hundred bytes per
// property, so this keeps its memory within about ten times the largest file.
constexpr size_t kMaxIcsLines = 500000;

// What a series may hold (validate.cpp keeps to the same).
constexpr int kMaxIcsInterval = 1000;
constexpr int kMaxIcsCount = 100000;

std::string megabytes(size_t bytes) {
  return fmt::format("{:.1f} MB", double(bytes) / double(1 << 20));
}

bool name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
  return out;
}

std::variant<Structure, ImportError> check_structure(std::string_view text) {
  Structure out;
  std::vector<std::pair<std::string, int>> open;  // component, line
  int number = 0;
  size_t pos = 0;
  bool any = false;
  // Unfolded logical lines, each with the number of its first physical line.
  std::string logical;
  int logical_line = 0;
  std::vector<size_t> properties;  // per open component
  size_t lines = 0;
  auto check = [&](const std::string& line, int at) -> std::optional<ImportError> {
    if (line.empty()) return std::nullopt;
    if (++lines > kMaxIcsLines)
      return error_at(
          at, fmt::format("the calendar has more than {} lines; not imported", kMaxIcsLines));
    if (line.size() > kMaxIcsLineBytes)
      return error_at(at, fmt::format("this line is {} long; lines over {} are not imported",
                                      megabytes(line.size()), megabytes(kMaxIcsLineBytes)));
    size_t i = 0;
    while (i < line.size() && name_char(line[i])) ++i;
    if (i == 0 || i == line.size() || (line[i] != ':' && line[i] != ';')) {
      std::string shown = line.substr(0, 40);
      return error_at(at, fmt::format("“{}{}” is not an iCalendar line (NAME:value)", shown,
                                      line.size() > 40 ? "…" : ""));
    }
    std::string name = upper(std::string_view(line).substr(0, i));
    // Only BEGIN and END need their value; it is short or not a component name.
    std::string value;
    if (name == "BEGIN" || name == "END")
      value = upper(std::string_view(line).substr(line.find(':') + 1).substr(0, 64));
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    if (!any && name != "BEGIN")
      return error_at(at, "an iCalendar file starts with BEGIN:VCALENDAR");
    if (!any && value != "VCALENDAR")
      return error_at(at, fmt::format("the file starts with BEGIN:{}, not BEGIN:VCALENDAR", value));
    any = true;
    if (name == "BEGIN") {
      if (open.empty() && value != "VCALENDAR")
        return error_at(at, fmt::format("BEGIN:{} outside of the calendar", value));
      if (value == "VEVENT" && open.size() == 1) out.event_lines.push_back(at);
      open.emplace_back(value, at);
      properties.push_back(0);
      if (open.size() > 20) return error_at(at, "components are nested too deeply");
    } else if (name == "END") {
      if (open.empty()) return error_at(at, fmt::format("END:{} without a BEGIN", value));
      if (open.back().first != value)
        return error_at(at, fmt::format("END:{} closes BEGIN:{} of line {}", value,
                                        open.back().first, open.back().second));
      open.pop_back();
      properties.pop_back();
    } else if (open.empty()) {
      return error_at(at, fmt::format("{} after the end of the calendar", name));
    } else if (++properties.back() > kMaxIcsEventProperties) {
      return error_at(open.back().second,
                      fmt::format("BEGIN:{} has more than {} properties; not imported",
                                  open.back().first, kMaxIcsEventProperties));
    }
    return std::nullopt;
  };
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view physical = text.substr(pos, end - pos);
    if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
    ++number;
    if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t') && logical_line > 0) {
      if (logical.size() + physical.size() > kMaxIcsLineBytes + 1) {
        logical.append(
            physical.substr(1, kMaxIcsLineBytes + 1 - logical.size()));  // enough to refuse it
      } else {
        logical.append(physical.substr(1));
      }
    } else {
      if (auto err = check(logical, logical_line)) return *err;
      logical.assign(physical);
      logical_line = number;
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  if (auto err = check(logical, logical_line)) return *err;
  if (!any) return error_at(0, "the file is empty: an iCalendar file starts with BEGIN:VCALENDAR");
  if (!open.empty())
    return error_at(open.back().second, fmt::format("BEGIN:{} is never closed (END:{} is missing)",
                                                    open.back().first, open.back().first));
  return out;
}

// [SECTION] Times -------------------------------------------------------------

// An IANA name inside a TZID: "Europe/Amsterdam", or libical's
// "/freeassociation.sourceforge.net/Tzfile/Europe/Amsterdam".
std::string iana_name(std::string_view tzid) {
  while (!tzid.empty()) {
    if (is_known_time_zone(tzid)) return std::string(tzid);
    size_t slash = tzid.find('/', 1);
    if (slash == std::string_view::npos) break;
    tzid.remove_prefix(slash + (tzid[0] == '/' ? 0 : 1));
    if (!tzid.empty() && tzid[0] == '/') tzid.remove_prefix(1);
  }
  return "";
}

struct Moment {
  LocalDateTime local;  // in `zone`
  std::string zone;     // IANA; the engagement's when converted
  bool all_day = false;
};

struct Reader {
  const Engagement& e;
  icalcomponent* cal;
  std::vector<std::string>* warnings;

  void warn(std::string text) {
    if (warnings) warnings->push_back(std::move(text));
  }

  const std::string& home() const { return e.info.time_zone; }

  // A DATE or DATE-TIME property as a moment. Zones we can name stay; UTC,
  // and zones known only by their VTIMEZONE, become the engagement's zone.
  std::optional<Moment> moment(icalproperty* p, icaltimetype t, const std::string& prefer_zone) {
    if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) return std::nullopt;
    Moment m;
    if (t.is_date) {
      m.all_day = true;
      m.local =
          LocalDateTime{Date::from_ymd(t.year, unsigned(t.month), unsigned(t.day)), LocalTime{0}};
      m.zone = prefer_zone;
      return m;
    }
    auto from_fields = [&](const icaltimetype& x) {
      return LocalDateTime{Date::from_ymd(x.year, unsigned(x.month), unsigned(x.day)),
                           LocalTime{x.hour * 60 + x.minute}};
    };
    icalparameter* tzid = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : nullptr;
    if (icaltime_is_utc(t)) {
      Instant at{int64_t(icaltime_as_timet(t)) / 60};
      m.zone = prefer_zone;
      m.local = to_local(at, m.zone);
    } else if (tzid) {
      const char* raw = icalparameter_get_tzid(tzid);
      std::string name = iana_name(raw ? raw : "");
      if (!name.empty()) {
        m.zone = name;
        m.local = from_fields(t);
      } else if (icaltimezone* z = raw ? icalcomponent_get_timezone(cal, raw) : nullptr) {
        icaltimetype floating = t;
        floating.zone = nullptr;
        Instant at{int64_t(icaltime_as_timet_with_zone(floating, z)) / 60};
        m.zone = prefer_zone;
        m.local = to_local(at, m.zone);
      } else {
        m.zone = prefer_zone;
        m.local = from_fields(t);
        warn(fmt::format("The time zone “{}” is unknown; its times were read as {} times.",
                         raw ? raw : "", prefer_zone));
      }
    } else {
      m.zone = prefer_zone;  // floating: the same wall time wherever you are
      m.local = from_fields(t);
    }
    return m;
  }

  // A moment expressed in another zone (EXDATE, RECURRENCE-ID, moved starts
  // written in UTC by some calendars).
  LocalDateTime in_zone(const Moment& m, const std::string& zone) {
    if (m.zone == zone || m.all_day) return m.local;
    return to_local(to_instant(m.local, m.zone), zone);
  }
};

// [SECTION] Rules -------------------------------------------------------------

std::vector<short> values(const short* array, size_t size) {
  std::vector<short> out;
  for (size_t i = 0; i < size && array[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
    out.push_back(array[i]);
  return out;
}

// Our recurrence for an RRULE, or why not.
std::variant<Recurrence, std::string> to_recurrence(const icalrecurrencetype& r, Date first) {
  Recurrence out;
  out.interval = std::max<int>(1, r.interval);
  out.count = std::max(0, r.count);
  if (out.interval > kMaxIcsInterval)
    return fmt::format("it repeats only every {} periods", out.interval);
  auto days = values(r.by_day, ICAL_BY_DAY_SIZE);
  auto month_days = values(r.by_month_day, ICAL_BY_MONTHDAY_SIZE);
  auto set_pos = values(r.by_set_pos, ICAL_BY_SETPOS_SIZE);
  auto months = values(r.by_month, ICAL_BY_MONTH_SIZE);
  bool other = !values(r.by_second, ICAL_BY_SECOND_SIZE).empty() ||
               !values(r.by_minute, ICAL_BY_MINUTE_SIZE).empty() ||
               !values(r.by_hour, ICAL_BY_HOUR_SIZE).empty() ||
               !values(r.by_year_day, ICAL_BY_YEARDAY_SIZE).empty() ||
               !values(r.by_week_no, ICAL_BY_WEEKNO_SIZE).empty();
  if (other) return std::string("it uses BYHOUR, BYMINUTE, BYSECOND, BYYEARDAY or BYWEEKNO");
  auto weekday_of = [](short v) {
    return unsigned(int(icalrecurrencetype_day_day_of_week(v)) - 1);
  };
  switch (r.freq) {
    case ICAL_DAILY_RECURRENCE:
      if (!month_days.empty() || !set_pos.empty() || !months.empty()) break;
      if (days.empty()) {
        out.frequency = Frequency::Daily;
        return out;
      }
      if (out.interval != 1) break;
      // "Every weekday" is FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR in several calendars.
      out.frequency = Frequency::Weekly;
      for (short v : days) out.weekdays |= uint8_t(1u << weekday_of(v));
      return out;
    case ICAL_WEEKLY_RECURRENCE:
      if (!month_days.empty() || !set_pos.empty() || !months.empty()) break;
      if (out.interval > 1 && r.week_start != ICAL_MONDAY_WEEKDAY &&
          r.week_start != ICAL_NO_WEEKDAY && days.size() > 1)
        return std::string("its weeks start on another day than Monday");
      out.frequency = Frequency::Weekly;
      if (days.empty()) out.weekdays = uint8_t(1u << first.weekday());
      for (short v : days) {
        if (icalrecurrencetype_day_position(v) != 0)
          return std::string("a weekly rule names a numbered weekday");
        out.weekdays |= uint8_t(1u << weekday_of(v));
      }
      return out;
    case ICAL_MONTHLY_RECURRENCE:
      if (!months.empty()) break;
      if (days.size() == 1 && month_days.empty()) {
        int pos = icalrecurrencetype_day_position(days[0]);
        if (pos == 0 && set_pos.size() == 1)
          pos = set_pos[0];
        else if (!set_pos.empty())
          break;
        if (!(pos == -1 || (pos >= 1 && pos <= 5))) break;
        out.frequency = Frequency::MonthlyOnWeekday;
        out.week_of_month = pos;
        out.weekday = uint8_t(weekday_of(days[0]));
        return out;
      }
      if (!days.empty()) break;
      out.frequency = Frequency::MonthlyOnDay;
      if (month_days.empty() && set_pos.empty()) {
        out.month_day = int(first.day());
        return out;
      }
      if (month_days.size() == 1 && set_pos.empty()) {
        out.month_day = month_days[0] == -1 ? 31 : month_days[0];
        if (out.month_day < 1 || out.month_day > 31) break;
        return out;
      }
      // Our own "day d or the month's last day": BYMONTHDAY=28,..,d;BYSETPOS=-1.
      if (set_pos.size() == 1 && set_pos[0] == -1 && !month_days.empty()) {
        std::sort(month_days.begin(), month_days.end());
        bool run = month_days.front() <= 28 && month_days.back() <= 31;
        for (size_t i = 1; i < month_days.size(); ++i)
          run = run && month_days[i] == month_days[i - 1] + 1;
        if (run) {
          out.month_day = month_days.back();
          return out;
        }
      }
      break;
    case ICAL_YEARLY_RECURRENCE:
      if (!days.empty() || !set_pos.empty() || month_days.size() > 1 || months.size() > 1) break;
      if (!months.empty() && unsigned(months[0]) != first.month()) break;
      if (!month_days.empty() && unsigned(month_days[0]) != first.day()) break;
      if (out.interval > 83) break;
      out.frequency = Frequency::MonthlyOnDay;
      out.month_day = int(first.day());
      out.interval *= 12;
      return out;
    default:
      return std::string("it repeats more often than daily");
  }
  return std::string("Rapport has no such rhythm");
}

// [SECTION] Events ------------------------------------------------------------

struct OwnUid {
  Kind kind;
  Id id;
};

// "rapport-meeting-12-1a2b3c4d@rapport.local" exported from this engagement.
std::optional<OwnUid> own_uid(const Engagement& e, const std::string& uid) {
  for (Kind k : {Kind::Meeting, Kind::Milestone, Kind::Boundary}) {
    std::string prefix = fmt::format("rapport-{}-", to_string(k));
    if (uid.rfind(prefix, 0) != 0) continue;
    size_t dash = uid.find('-', prefix.size());
    if (dash == std::string::npos) return std::nullopt;
    Id id = 0;
    for (size_t i = prefix.size(); i < dash; ++i) {
      if (uid[i] < '0' || uid[i] > '9' || id > kMaxItemId / 10) return std::nullopt;
      id = id * 10 + Id(uid[i] - '0');
    }
    if (ics_uid(e, k, id) != uid || kind_of(e, id) != k) return std::nullopt;
    return OwnUid{k, id};
  }
  return std::nullopt;
}

std::string text_of(const char* s) { return s ? std::string(s) : std::string(); }

// Text cut to at most `max` bytes, not inside a UTF-8 sequence, "..." marking the cut.
std::string clipped(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "...";
}

// Our export appends "With: <attendees>" to the description; not the purpose.
std::string purpose_of(std::string description) {
  size_t at = description.rfind("With: ");
  if (at != std::string::npos && (at == 0 || description[at - 1] == '\n') &&
      description.find('\n', at) == std::string::npos)
    description.erase(at == 0 ? 0 : at - 1);
  return description;
}

// Which of `dates` (any order, repeats allowed) are original dates of `s`,
// asked at once: asking date by date walks a counted series whose months
// differ (a 5th weekday) from its start each time, n^2 for n EXDATEs.
std::vector<bool> are_occurrences(const MeetingSeries& s, const std::vector<Date>& dates) {
  std::vector<Date> asked;
  asked.reserve(dates.size());
  for (Date d : dates)
    if (in_date_range(d)) asked.push_back(d);
  std::sort(asked.begin(), asked.end());
  asked.erase(std::unique(asked.begin(), asked.end()), asked.end());
  std::vector<bool> real = has_occurrences(s, asked);
  std::vector<bool> out(dates.size(), false);
  for (size_t i = 0; i < dates.size(); ++i) {
    auto at = std::lower_bound(asked.begin(), asked.end(), dates[i]);
    out[i] = at != asked.end() && *at == dates[i] && real[size_t(at - asked.begin())];
  }
  return out;
}

struct Event {
  icalcomponent* c;
  int line;
  std::string uid;
};

// Physical lines for libical, in pieces of at most the size it asks for. Its
// own string reader looks for the end of the line again for every piece, so
// a line of n bytes costs n^2 / 1024 there; here the end is found once.
struct LineFeed {
  std::string_view text;
  size_t pos = 0;
  size_t line_end = 0;  // one past the '\n' ending the line that holds pos
};

char* feed_line(char* out, size_t size, void* data) {
  LineFeed& f = *static_cast<LineFeed*>(data);
  if (f.pos >= f.text.size() || size < 2) return nullptr;
  if (f.line_end <= f.pos) {
    size_t nl = f.text.find('\n', f.pos);
    f.line_end = nl == std::string_view::npos ? f.text.size() : nl + 1;
  }
  size_t n = std::min(f.line_end - f.pos, size - 1);
  std::copy_n(f.text.data() + f.pos, n, out);
  out[n] = '\0';
  f.pos += n;
  return out;
}

icalcomponent* parse_calendar(std::string_view text) {
  std::unique_ptr<icalparser, void (*)(icalparser*)> parser(icalparser_new(), icalparser_free);
  if (!parser) return nullptr;
  LineFeed feed{text};
  icalparser_set_gen_data(parser.get(), &feed);
  return icalparser_parse(parser.get(), feed_line);
}

}  // namespace

// [SECTION] Import ------------------------------------------------------------

std::optional<ImportError> check_import(const Engagement& e, const std::vector<Command>& commands) {
  Engagement copy = e;
  for (const Command& c : commands) {
    auto planned = plan(copy, c);
    if (auto* err = std::get_if<Error>(&planned))
      return ImportError{fmt::format("{}: {}", describe(copy, c), err->message), 0};
    for (Edit& edit : std::get<Plan>(planned).edits) apply_edit(copy, std::move(edit));
  }
  return std::nullopt;
}

ImportResult import_ics(const Engagement& e, std::string_view text,
                        std::vector<std::string>* warnings) {
  if (text.size() > kMaxImportBytes)
    return error_at(0, fmt::format("the file is {} MB; calendars over {} MB are not imported",
                                   text.size() >> 20, kMaxImportBytes >> 20));
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find('\0') != std::string_view::npos)
    return error_at(0, "the file holds binary data, not an iCalendar text");
  auto structure = check_structure(text);
  if (auto* err = std::get_if<ImportError>(&structure)) return *err;
  const std::vector<int>& event_lines = std::get<Structure>(structure).event_lines;

  std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> cal(parse_calendar(text),
                                                               icalcomponent_free);
  if (!cal || icalcomponent_isa(cal.get()) != ICAL_VCALENDAR_COMPONENT)
    return error_at(1, "libical could not read the calendar");
  Reader reader{e, cal.get(), warnings};

  // Events in file order, with their lines; libical's complaints are errors.
  std::vector<Event> events;
  std::map<std::string, std::vector<size_t>> overrides_of;  // uid -> RECURRENCE-ID events
  std::map<std::string, size_t> master_of;
  size_t index = 0;
  for (icalcomponent* c = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); c;
       c = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT), ++index) {
    int line = index < event_lines.size() ? event_lines[index] : 0;
    std::string summary = text_of(icalcomponent_get_summary(c));
    if (icalproperty* bad = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY))
      return error_at(line, fmt::format("in the event “{}”: {}", summary,
                                        text_of(icalproperty_get_xlicerror(bad))));
    if (!icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY))
      return error_at(line,
                      fmt::format("the event “{}” has no DTSTART (or it is not a date)", summary));
    std::string uid = text_of(icalcomponent_get_uid(c));
    if (uid.empty()) uid = fmt::format("(no UID, line {})", line);
    events.push_back(Event{c, line, uid});
    if (icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY))
      overrides_of[uid].push_back(events.size() - 1);
    else if (!master_of.emplace(uid, events.size() - 1).second)
      return error_at(
          line, fmt::format("the UID {} is used by two events (the other one starts on line {})",
                            uid, events[master_of[uid]].line));
  }
  if (icalproperty* bad = icalcomponent_get_first_property(cal.get(), ICAL_XLICERROR_PROPERTY))
    return error_at(0,
                    fmt::format("in the calendar: {}", text_of(icalproperty_get_xlicerror(bad))));

  std::vector<Command> commands;
  auto add_event = [&](const Event& ev, bool with_overrides) -> std::optional<ImportError> {
    icalcomponent* c = ev.c;
    std::string title = text_of(icalcomponent_get_summary(c));
    if (title.find_first_not_of(" \t\r\n") == std::string::npos) title = "Untitled event";
    title = clipped(std::move(title), kMaxNameBytes);
    std::string description = text_of(icalcomponent_get_description(c));
    if (description.size() > kMaxTextBytes) {
      reader.warn(fmt::format("line {}: the description of “{}” was cut to {} KB.", ev.line, title,
                              kMaxTextBytes >> 10));
      description = clipped(std::move(description), kMaxTextBytes);
    }
    bool cancelled = icalcomponent_get_status(c) == ICAL_STATUS_CANCELLED;
    std::optional<OwnUid> own = own_uid(e, ev.uid);

    icalproperty* start_p = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
    auto start = reader.moment(start_p, icalproperty_get_dtstart(start_p), e.info.time_zone);
    if (!start)
      return error_at(ev.line,
                      fmt::format("the event “{}” has a DTSTART that is not a valid date", title));
    // Dates Rapport cannot keep would make the engagement unsavable: the
    // event is left out, the rest of the calendar comes in.
    auto out_of_range = [&](Date d, const char* what) {
      if (in_date_range(d)) return false;
      reader.warn(
          fmt::format("line {}: “{}” was not imported: its {} {} is outside the years 1 to 9999.",
                      ev.line, title, what, d.iso()));
      return true;
    };
    if (out_of_range(start->local.date, "start")) return std::nullopt;
    // The end: DTEND, else DURATION, else an hour (a day for all-day events).
    int64_t minutes = start->all_day ? 1440 : 60;
    if (icalproperty* end_p = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY)) {
      auto end = reader.moment(end_p, icalproperty_get_dtend(end_p), start->zone);
      if (!end || end->all_day != start->all_day)
        return error_at(
            ev.line,
            fmt::format("the event “{}” has a DTEND that does not match its DTSTART", title));
      minutes =
          to_instant(end->local, end->zone).minutes - to_instant(start->local, start->zone).minutes;
      if (start->all_day) minutes = int64_t(end->local.date.days - start->local.date.days) * 1440;
    } else if (icalproperty* dur = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY)) {
      minutes = icaldurationtype_as_int(icalproperty_get_duration(dur)) / 60;
    }
    icalproperty* rrule_p = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY);
    if (icalcomponent_get_next_property(c, ICAL_RRULE_PROPERTY))
      reader.warn(fmt::format("line {}: “{}” has several RRULEs; only the first was imported.",
                              ev.line, title));
    if (icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY))
      reader.warn(fmt::format("line {}: the extra dates (RDATE) of “{}” were not imported.",
                              ev.line, title));

    // All-day events without a rule: a milestone (one day) or a blackout.
    if (start->all_day && !rrule_p) {
      if (cancelled) return std::nullopt;
      Date from = start->local.date;
      int days = int(std::clamp<int64_t>(minutes / 1440, 1, 3660 * 1000));
      if (out_of_range(from.plus_days(days - 1), "end")) return std::nullopt;
      if (days == 1) {
        Milestone m;
        if (own && own->kind == Kind::Milestone) m = *e.milestones.find(own->id);
        std::string name = title.rfind("Milestone: ", 0) == 0 ? title.substr(11) : title;
        bool existing = own && own->kind == Kind::Milestone;
        m.title = name;
        m.current = from;
        if (!existing) {
          m.baseline = from;
          m.description = description;
        }
        if (existing && m == *e.milestones.find(own->id)) return std::nullopt;
        if (existing)
          commands.push_back(Update<Milestone>{m});
        else
          commands.push_back(Add<Milestone>{m});
      } else {
        Boundary b;
        bool existing = own && own->kind == Kind::Boundary;
        if (existing)
          b = *e.boundaries.find(own->id);
        else {
          b.kind = BoundaryKind::Blackout;
          b.description = description;
        }
        b.title = title;
        b.from = from;
        b.to = from.plus_days(days - 1);
        if (existing && b == *e.boundaries.find(own->id)) return std::nullopt;
        if (existing)
          commands.push_back(Update<Boundary>{b});
        else
          commands.push_back(Add<Boundary>{b});
      }
      return std::nullopt;
    }

    MeetingSeries s;
    bool existing = own && own->kind == Kind::Meeting;
    if (existing) s = *e.meetings.find(own->id);
    std::string zone = start->zone;
    s.title = title;
    s.purpose = purpose_of(description);
    s.first_date = start->local.date;
    s.start = start->local.time;
    s.time_zone = zone == e.info.time_zone ? "" : zone;
    if (minutes < 5 || minutes > 1440) {
      reader.warn(fmt::format(
          "line {}: “{}” lasts {} minutes; Rapport keeps meetings between 5 minutes and 24 hours.",
          ev.line, title, minutes));
      minutes = std::clamp<int64_t>(minutes, 5, 1440);
    }
    s.duration_minutes = int32_t(minutes);
    s.recurrence = Recurrence{};
    if (rrule_p) {
      icalrecurrencetype rule = icalproperty_get_rrule(rrule_p);
      auto mapped = to_recurrence(rule, s.first_date);
      if (auto* why = std::get_if<std::string>(&mapped)) {
        reader.warn(fmt::format(
            "line {}: the rule {} of “{}” was not imported ({}); only its first meeting was.",
            ev.line, text_of(icalrecurrencetype_as_string(&rule)), title, *why));
      } else {
        s.recurrence = std::get<Recurrence>(mapped);
        if (s.recurrence.count > kMaxIcsCount) {
          reader.warn(fmt::format("line {}: “{}” repeats {} times; Rapport keeps the first {}.",
                                  ev.line, title, s.recurrence.count, kMaxIcsCount));
          s.recurrence.count = kMaxIcsCount;
        }
        if (!icaltime_is_null_time(rule.until)) {
          auto until = reader.moment(nullptr, rule.until, zone);
          if (until) s.recurrence.until = std::min(until->local.date, Date{kMaxDateDays});
          // RFC 5545 counts both; with UNTIL before the first date there is nothing.
          if (s.recurrence.until && *s.recurrence.until < s.first_date)
            s.recurrence.until = s.first_date;
        }
        if (s.recurrence.frequency == Frequency::MonthlyOnDay && s.recurrence.month_day > 28 &&
            !(rule.by_set_pos[0] == -1))
          reader.warn(
              fmt::format("line {}: “{}” falls on day {} of the month; in shorter months Rapport "
                          "puts it on the "
                          "last day, where the calendar skips the month.",
                          ev.line, title, s.recurrence.month_day));
      }
    }
    // What the calendar says about single occurrences replaces what we had;
    // recaps and attendance stay.
    for (auto& [date, o] : s.overrides) {
      if (o.state == OccurrenceState::Cancelled) o.state = OccurrenceState::Planned;
      o.moved_to.reset();
    }
    bool once = s.recurrence.frequency == Frequency::Once;
    if (once && cancelled) s.overrides[s.first_date].state = OccurrenceState::Cancelled;
    if (!once) {
      if (cancelled) {
        reader.warn(
            fmt::format("line {}: the cancelled series “{}” was not imported.", ev.line, title));
        return std::nullopt;
      }
      std::vector<Date> excluded;
      for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY); p;
           p = icalcomponent_get_next_property(c, ICAL_EXDATE_PROPERTY)) {
        auto ex = reader.moment(p, icalproperty_get_exdate(p), zone);
        if (!ex)
          return error_at(ev.line,
                          fmt::format("the event “{}” has an EXDATE that is not a date", title));
        excluded.push_back(reader.in_zone(*ex, zone).date);
      }
      std::vector<bool> excluded_real = are_occurrences(s, excluded);
      for (size_t i = 0; i < excluded.size(); ++i)
        if (excluded_real[i]) s.overrides[excluded[i]].state = OccurrenceState::Cancelled;
      excluded = {};
      // The changed occurrences are read first, then asked about at once like
      // the EXDATEs; the warnings met while reading wait in `pending` so that
      // they keep their place among those of the second pass.
      struct Change {
        const Event* o;
        Moment start;
        Date original;
        size_t warnings_end;  // in pending
      };
      std::vector<Change> changes;
      std::vector<std::string> pending;
      std::vector<std::string>* kept_warnings = reader.warnings;
      if (with_overrides) {
        if (kept_warnings) reader.warnings = &pending;
        for (size_t i : overrides_of[ev.uid]) {
          const Event& o = events[i];
          icalproperty* rid_p = icalcomponent_get_first_property(o.c, ICAL_RECURRENCEID_PROPERTY);
          auto rid = reader.moment(rid_p, icalproperty_get_recurrenceid(rid_p), zone);
          icalproperty* os_p = icalcomponent_get_first_property(o.c, ICAL_DTSTART_PROPERTY);
          auto os = reader.moment(os_p, icalproperty_get_dtstart(os_p), zone);
          if (!rid || !os) {
            reader.warnings = kept_warnings;
            for (std::string& w : pending) reader.warn(std::move(w));
            return error_at(o.line, "the RECURRENCE-ID or DTSTART of this event is not a date");
          }
          changes.push_back(
              Change{&o, std::move(*os), reader.in_zone(*rid, zone).date, pending.size()});
        }
        reader.warnings = kept_warnings;
      }
      std::vector<Date> change_dates;
      change_dates.reserve(changes.size());
      for (const Change& change : changes) change_dates.push_back(change.original);
      std::vector<bool> change_real = are_occurrences(s, change_dates);
      change_dates = {};
      size_t flushed = 0;
      for (size_t k = 0; k < changes.size(); ++k) {
        const Change& change = changes[k];
        for (; flushed < change.warnings_end; ++flushed) reader.warn(std::move(pending[flushed]));
        const Event& o = *change.o;
        const Date original = change.original;
        if (!change_real[k]) {
          reader.warn(fmt::format(
              "line {}: “{}” changes a meeting on {} that the series does not have; skipped.",
              o.line, title, original.iso()));
          continue;
        }
        OccurrenceOverride& v = s.overrides[original];
        if (icalcomponent_get_status(o.c) == ICAL_STATUS_CANCELLED) {
          v.state = OccurrenceState::Cancelled;
          continue;
        }
        LocalDateTime moved = reader.in_zone(change.start, zone);
        if (!in_date_range(moved.date)) {
          reader.warn(
              fmt::format("line {}: “{}” moves the meeting of {} to {}, outside the years 1 to "
                          "9999; skipped.",
                          o.line, title, original.iso(), moved.date.iso()));
          continue;
        }
        if (moved != LocalDateTime{original, s.start}) v.moved_to = moved;
      }
      for (; flushed < pending.size(); ++flushed) reader.warn(std::move(pending[flushed]));
    }
    std::erase_if(s.overrides, [](const auto& kv) { return kv.second == OccurrenceOverride{}; });
    if (existing) {
      // Our export starts at the first real occurrence; keep the first date
      // the user chose when it leads to the same one.
      MeetingSeries kept = s;
      kept.first_date = e.meetings.find(own->id)->first_date;
      auto first = occurrence_dates(kept, s.first_date, 1);
      if (kept.first_date < s.first_date && !first.empty() && first[0] == s.first_date)
        s.first_date = kept.first_date;
    }
    if (existing) {
      if (!(s == *e.meetings.find(own->id)))
        commands.push_back(Update<MeetingSeries>{std::move(s)});
    } else {
      commands.push_back(Add<MeetingSeries>{std::move(s)});
    }
    return std::nullopt;
  };

  for (const Event& ev : events) {
    bool is_override =
        icalcomponent_get_first_property(ev.c, ICAL_RECURRENCEID_PROPERTY) != nullptr;
    if (is_override && master_of.count(ev.uid)) continue;  // read with its series
    if (is_override)
      reader.warn(fmt::format(
          "line {}: a changed occurrence of an event not in the file was imported as a one-off "
          "meeting.",
          ev.line));
    if (auto err = add_event(ev, !is_override)) return *err;
  }
  events.clear();
  cal.reset();  // the commands hold what was read: libical's tree goes before the dry run
  if (auto err = check_import(e, commands)) return *err;
  return commands;
}

}  // namespace rapport
