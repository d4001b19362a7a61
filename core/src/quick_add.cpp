// The quick-add line parser: words in, one command with a preview out, or an
// error pointing at the word that is wrong.
#include "rapport/quick_add.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "rapport/fields.hpp"
#include "rapport/quota.hpp"
#include "rapport/text.hpp"

namespace rapport {
namespace {

struct Word {
  std::string text;  // without quotes
  size_t begin = 0;
  size_t end = 0;
  bool quoted = false;
};

std::variant<std::vector<Word>, QuickAddError> split(std::string_view line) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size()) {
    if (std::isspace(static_cast<unsigned char>(line[i]))) {
      ++i;
      continue;
    }
    Word w;
    w.begin = i;
    // Straight quotes, and the curly ones a keyboard or an OS may substitute.
    auto opens_quote = [&](size_t at, size_t& len) {
      if (line[at] == '"') return len = 1, true;
      if (line.substr(at, 3) == "“" || line.substr(at, 3) == "”") return len = 3, true;
      return false;
    };
    size_t qlen = 0;
    if (opens_quote(i, qlen)) {
      size_t j = i + qlen;
      size_t close = std::string_view::npos, close_len = 0;
      for (size_t k = j; k < line.size(); ++k) {
        size_t l = 0;
        if (opens_quote(k, l)) {
          close = k;
          close_len = l;
          break;
        }
      }
      if (close == std::string_view::npos)
        return QuickAddError{i, line.size(), "This quote is never closed."};
      w.text = std::string(line.substr(j, close - j));
      w.quoted = true;
      i = close + close_len;
    } else {
      size_t j = i;
      while (j < line.size() && !std::isspace(static_cast<unsigned char>(line[j]))) ++j;
      w.text = std::string(line.substr(i, j - i));
      i = j;
    }
    w.end = i;
    words.push_back(std::move(w));
  }
  return words;
}

// Lower-cases ASCII and the common Latin-1 capitals (Ä, Ö, Å, É ...).
std::string fold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0x80 && n <= 0x9E && n != 0x97) n = static_cast<unsigned char>(n + 0x20);
      out += char(c);
      out += char(n);
      ++i;
    } else {
      out += char(std::tolower(c));
    }
  }
  return out;
}

std::optional<unsigned> weekday_of(const std::string& word) {
  static const char* names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                "thursday", "friday", "saturday"};
  std::string w = ascii_lower(word);
  if (w.size() < 2) return std::nullopt;
  for (unsigned i = 0; i < 7; ++i) {
    std::string n = names[i];
    if (w.size() >= 3 && n.compare(0, w.size(), w) == 0) return i;
    if (w.size() >= 3 && w.back() == 's' && n + "s" == w) return i;  // "fridays"
  }
  return std::nullopt;
}

// today, tomorrow, a weekday (the next one on or after today), or YYYY-MM-DD.
std::optional<Date> date_of(const std::string& word, Date today) {
  std::string w = ascii_lower(word);
  if (w == "today") return today;
  if (w == "tomorrow") return today.plus_days(1);
  if (auto wd = weekday_of(w)) return today.plus_days(int32_t((*wd + 7 - today.weekday()) % 7));
  return parse_date(word);
}

// 30m, 1h, 1h30m, 90min
std::optional<int32_t> duration_of(const std::string& word) {
  std::string w = ascii_lower(word);
  int32_t total = 0, number = 0;
  bool digits = false, any = false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      number = number * 10 + (c - '0');
      if (number > 100000) return std::nullopt;
      digits = true;
    } else if (digits && c == 'h') {
      total += number * 60;
      number = 0;
      digits = false;
      any = true;
    } else if (digits && c == 'm') {
      total += number;
      number = 0;
      digits = false;
      any = true;
      if (w.compare(i, 3, "min") == 0) i += 2;
    } else {
      return std::nullopt;
    }
  }
  if (digits || !any) return std::nullopt;
  return total;
}

std::optional<int32_t> days_of(const std::string& word) {  // +5d, -2d, 5d
  if (word.size() < 2 || (word.back() != 'd' && word.back() != 'D')) return std::nullopt;
  std::string_view n(word.data(), word.size() - 1);
  int sign = 1;
  if (!n.empty() && (n[0] == '+' || n[0] == '-')) {
    sign = n[0] == '-' ? -1 : 1;
    n.remove_prefix(1);
  }
  if (n.empty() || n.size() > 4 ||
      !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return sign * std::stoi(std::string(n));
}

template <class T>
std::vector<Id> matching(const Table<T>& table, const std::string& prefix,
                         bool (*filter)(const T&) = nullptr) {
  std::vector<Id> exact, starts;
  std::string want = fold(prefix);
  for (const auto& [id, item] : table) {
    if (filter && !filter(item)) continue;
    std::string name = fold(name_of(item));
    if (name == want)
      exact.push_back(id);
    else if (name.compare(0, want.size(), want) == 0)
      starts.push_back(id);
    else {
      // Any word of the name: "@Aino" and "@Mäkelä" both find Aino Mäkelä.
      size_t sp = name.find(' ' + want);
      if (sp != std::string::npos) starts.push_back(id);
    }
  }
  return exact.empty() ? starts : exact;
}

QuickAddError at(const Word& w, std::string message) {
  return QuickAddError{w.begin, w.end, std::move(message)};
}

std::variant<Id, QuickAddError> person(const Engagement& e, const Word& w, bool client_only) {
  std::string name = w.text.substr(1);
  if (name.empty()) return at(w, "Write a name after @.");
  auto found = client_only ? matching<Stakeholder>(
                                 e.stakeholders, name,
                                 [](const Stakeholder& s) { return s.side == Side::Client; })
                           : matching<Stakeholder>(e.stakeholders, name);
  if (found.empty())
    return at(w, fmt::format("No {}stakeholder is called “{}”.", client_only ? "client-side " : "",
                             name));
  if (found.size() > 1)
    return at(
        w, fmt::format("“{}” could be {} or {}; write more of the name.", name,
                       e.stakeholders.find(found[0])->name, e.stakeholders.find(found[1])->name));
  return found[0];
}

// "Monday, Friday": full names read better in a sentence than fields.hpp's "Mon, Fri".
std::string weekdays_long(uint8_t mask) {
  std::string out;
  for (unsigned i = 1; i <= 7; ++i) {
    unsigned wd = i % 7;
    if (mask & (1u << wd)) out += (out.empty() ? "" : ", ") + std::string(weekday_name(wd));
  }
  return out;
}

std::string minutes_text(int32_t m) {
  if (m % 60 == 0) return fmt::format("{} h", m / 60);
  if (m < 60) return fmt::format("{} min", m);
  return fmt::format("{} h {} min", m / 60, m % 60);
}

using Result = std::variant<QuickAdd, QuickAddError>;

// The end of every parser: the item checked with core's rules (an error spans
// the whole line), then one Add command named as the Edit menu will name it.
template <class T>
Result added(const Engagement& e, const std::vector<Word>& w, T item, std::string preview) {
  if (auto error = validate(e, item))
    return QuickAddError{w[0].begin, w.back().end, error->message};
  QuickAdd q;
  q.preview = std::move(preview);
  q.commands.push_back(Add<T>{std::move(item)});
  q.label = describe(e, q.commands.back());
  return q;
}

Result parse_meeting(const Engagement& e, const std::vector<Word>& w, Date today) {
  MeetingSeries s;
  s.title = w[1].text;
  s.first_date = today;
  s.start = LocalTime{9 * 60};
  s.duration_minutes = 60;
  bool has_first = false, has_time = false, has_end = false;
  for (size_t i = 2; i < w.size(); ++i) {
    std::string word = ascii_lower(w[i].text);
    if (word == "every") {
      if (i + 1 >= w.size())
        return at(w[i], "Say how often: every friday, every day, every 2 weeks on monday.");
      std::string next = ascii_lower(w[i + 1].text);
      if (next == "day" || next == "weekday" || next == "workday") {
        if (next == "day")
          s.recurrence.frequency = Frequency::Daily;
        else {
          s.recurrence.frequency = Frequency::Weekly;
          s.recurrence.weekdays = kWorkweek;
        }
        ++i;
        continue;
      }
      int interval = 1;
      if (std::all_of(next.begin(), next.end(), ::isdigit) && !next.empty() && next.size() < 4) {
        interval = std::stoi(next);
        if (interval < 1) return at(w[i + 1], "The interval must be at least 1.");
        if (i + 2 >= w.size()) return at(w[i + 1], "Every 2 what? Write weeks, days or months.");
        i += 1;
        next = ascii_lower(w[i + 1].text);
      }
      if (next == "week" || next == "weeks") {
        s.recurrence.frequency = Frequency::Weekly;
        s.recurrence.interval = interval;
        ++i;
        continue;  // weekdays follow with "on"
      }
      if (next == "days") {
        s.recurrence.frequency = Frequency::Daily;
        s.recurrence.interval = interval;
        ++i;
        continue;
      }
      // every friday / every mon,thu
      uint8_t mask = 0;
      std::string list = next;
      size_t start = 0;
      while (start <= list.size()) {
        size_t comma = list.find(',', start);
        std::string part =
            list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        auto wd = weekday_of(part);
        if (!wd)
          return at(w[i + 1],
                    fmt::format("“{}” is not a weekday or a period (day, week).", w[i + 1].text));
        mask = uint8_t(mask | (1u << *wd));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      s.recurrence.frequency = Frequency::Weekly;
      s.recurrence.interval = interval;
      s.recurrence.weekdays = mask;
      ++i;
    } else if (word == "on") {
      if (i + 1 >= w.size()) return at(w[i], "Say on which day.");
      const Word& next = w[i + 1];
      if (auto d = parse_date(next.text)) {
        s.first_date = *d;
        has_first = true;
      } else {
        uint8_t mask = 0;
        std::string list = ascii_lower(next.text);
        size_t start = 0;
        while (start <= list.size()) {
          size_t comma = list.find(',', start);
          auto wd = weekday_of(
              list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
          if (!wd) return at(next, fmt::format("“{}” is not a date or a weekday.", next.text));
          mask = uint8_t(mask | (1u << *wd));
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
        s.recurrence.weekdays = mask;
        if (s.recurrence.frequency == Frequency::Once) s.recurrence.frequency = Frequency::Weekly;
      }
      ++i;
    } else if (word == "until" && i + 1 < w.size() && ascii_lower(w[i + 1].text) == "never") {
      has_end = true;  // said: no end date
      ++i;
    } else if (word == "from" || word == "until") {
      if (i + 1 >= w.size()) return at(w[i], fmt::format("Write a date after “{}”.", w[i].text));
      auto d = date_of(w[i + 1].text, today);
      if (!d)
        return at(w[i + 1],
                  fmt::format("“{}” is not a date; write it as 2026-12-04.", w[i + 1].text));
      if (word == "from") {
        s.first_date = *d;
        has_first = true;
      } else {
        s.recurrence.until = *d;
        has_end = true;
      }
      ++i;
    } else if (auto t = parse_time(w[i].text)) {
      s.start = *t;
      has_time = true;
    } else if (auto m = duration_of(w[i].text)) {
      if (*m < 5 || *m > 24 * 60)
        return at(w[i], "A meeting lasts between 5 minutes and 24 hours.");
      s.duration_minutes = *m;
    } else if (!w[i].text.empty() && w[i].text[0] == '@') {
      auto p = person(e, w[i], false);
      if (auto* error = std::get_if<QuickAddError>(&p)) return *error;
      s.attendees.push_back(std::get<Id>(p));
    } else if (auto d = parse_date(w[i].text)) {
      s.first_date = *d;
      has_first = true;
    } else {
      return at(w[i],
                fmt::format("“{}” is not understood here; try a time (16:00), a length (30m), "
                            "“every friday”, “on 2026-12-04” or @name.",
                            w[i].text));
    }
  }
  if (s.recurrence.frequency == Frequency::Weekly && s.recurrence.weekdays == 0) {
    if (has_first)
      s.recurrence.weekdays = uint8_t(1u << s.first_date.weekday());
    else
      return at(w.back(), "Say on which weekdays: every 2 weeks on monday.");
  }
  // A series starts on its first matching day on or after the later of today
  // and the engagement's start, and ends with the engagement unless told.
  const bool recurring = s.recurrence.frequency != Frequency::Once;
  if (recurring && !has_first) s.first_date = std::max(today, e.info.start);
  if (s.recurrence.frequency == Frequency::Weekly && !has_first) {
    while (!(s.recurrence.weekdays & (1u << s.first_date.weekday())))
      s.first_date = s.first_date.plus_days(1);
  }
  if (recurring && !has_end && s.recurrence.count == 0 && e.info.end >= s.first_date)
    s.recurrence.until = e.info.end;
  (void)has_time;
  QuickAdd q;
  std::string when;
  switch (s.recurrence.frequency) {
    case Frequency::Once:
      when = fmt::format("on {} {}", weekday_name(s.first_date.weekday()), s.first_date.iso());
      break;
    case Frequency::Daily:
      when = s.recurrence.interval == 1 ? "every day"
                                        : fmt::format("every {} days", s.recurrence.interval);
      break;
    default:
      when = s.recurrence.interval == 1 ? "every " + weekdays_long(s.recurrence.weekdays)
                                        : fmt::format("every {} weeks on {}", s.recurrence.interval,
                                                      weekdays_long(s.recurrence.weekdays));
  }
  q.preview = fmt::format("Meeting “{}” {} at {} for {}", s.title, when, s.start.hhmm(),
                          minutes_text(s.duration_minutes));
  if (s.recurrence.frequency != Frequency::Once) q.preview += ", from " + s.first_date.iso();
  if (s.recurrence.until) q.preview += " until " + s.recurrence.until->iso();
  if (!s.attendees.empty()) {
    q.preview += ", with ";
    for (size_t i = 0; i < s.attendees.size(); ++i)
      q.preview += (i ? ", " : "") + e.stakeholders.find(s.attendees[i])->name;
  }
  return added(e, w, std::move(s), std::move(q.preview));
}

Result parse_milestone(const Engagement& e, const std::vector<Word>& w, Date today) {
  Milestone m;
  m.title = w[1].text;
  bool dated = false;
  for (size_t i = 2; i < w.size(); ++i) {
    auto d = date_of(w[i].text, today);
    if (!d || dated)
      return at(w[i], fmt::format("“{}” is not a date; write it as 2026-12-15.", w[i].text));
    m.baseline = m.current = *d;
    dated = true;
  }
  if (!dated) return at(w[1], "Give the milestone a date: milestone “Beta” 2026-12-15.");
  QuickAdd q;
  q.preview = fmt::format("Milestone “{}” on {} {} (agreed baseline and current date)", m.title,
                          weekday_name(m.current.weekday()), m.current.iso());
  return added(e, w, std::move(m), std::move(q.preview));
}

Result parse_change_request(const Engagement& e, const std::vector<Word>& w, Date today) {
  ChangeRequest c;
  c.title = w[1].text;
  c.requested_on = today;
  // "+5d Beta": the days come first and wait for their milestone.
  int32_t pending_days = 0;
  bool pending = false;
  size_t pending_word = 0;
  for (size_t i = 2; i < w.size(); ++i) {
    if (auto days = days_of(w[i].text)) {
      pending_days = *days;
      pending = true;
      pending_word = i;
    } else if (ascii_lower(w[i].text) == "cost") {
      if (i + 1 >= w.size()) return at(w[i], "Write the cost after “cost”: cost 1800.");
      std::string amount = w[i + 1].text;
      amount.erase(std::remove_if(amount.begin(), amount.end(),
                                  [](char ch) { return ch == ',' || ch == '_'; }),
                   amount.end());
      char* end = nullptr;
      double value = std::strtod(amount.c_str(), &end);
      if (amount.empty() || *end != '\0' || value < 0 || value > 1e12)
        return at(w[i + 1], fmt::format("“{}” is not an amount; write it as 1800 or 1800.50.",
                                        w[i + 1].text));
      c.cost_minor = int64_t(value * 100 + 0.5);
      ++i;
    } else if (!w[i].text.empty() && w[i].text[0] == '@') {
      auto p = person(e, w[i], false);
      if (auto* error = std::get_if<QuickAddError>(&p)) return *error;
      c.requested_by = std::get<Id>(p);
    } else {
      auto found = matching<Milestone>(e.milestones, w[i].text);
      if (found.empty()) return at(w[i], fmt::format("No milestone is called “{}”.", w[i].text));
      if (found.size() > 1)
        return at(w[i], fmt::format("“{}” matches several milestones; write more of the name.",
                                    w[i].text));
      if (!pending)
        return at(w[i], fmt::format("Say how many days “{}” moves, before its name: +5d {}.",
                                    w[i].text, w[i].text));
      c.impacts.push_back(MilestoneImpact{found[0], pending_days});
      pending = false;
    }
  }
  if (pending) return at(w[pending_word], "Say which milestone moves by this many days: +5d Beta.");
  QuickAdd q;
  q.preview = fmt::format("Change request “{}”, proposed {}", c.title, c.requested_on.iso());
  for (const auto& impact : c.impacts)
    q.preview += fmt::format("; moves “{}” by {:+d} days",
                             e.milestones.find(impact.milestone)->title, impact.days);
  if (c.cost_minor) q.preview += "; costs " + money_text(c.cost_minor, e.info.currency);
  return added(e, w, std::move(c), std::move(q.preview));
}

Result parse_task(const Engagement& e, const std::vector<Word>& w, Date today) {
  ClientTask t;
  t.title = w[1].text;
  t.created_on = today;
  t.due = today.plus_days(7);
  for (size_t i = 2; i < w.size(); ++i) {
    std::string word = ascii_lower(w[i].text);
    if (word == "due" || word == "by") {
      if (i + 1 >= w.size()) return at(w[i], "Write when it is due: due friday, due 2026-12-04.");
      auto d = date_of(w[i + 1].text, today);
      if (!d)
        return at(w[i + 1], fmt::format("“{}” is not a date; write friday, tomorrow or 2026-12-04.",
                                        w[i + 1].text));
      t.due = *d;
      ++i;
    } else if (!w[i].text.empty() && w[i].text[0] == '@') {
      auto p = person(e, w[i], true);
      if (auto* error = std::get_if<QuickAddError>(&p)) return *error;
      t.owner = std::get<Id>(p);
    } else {
      return at(w[i],
                fmt::format("“{}” is not understood here; try @name or due friday.", w[i].text));
    }
  }
  QuickAdd q;
  q.preview = fmt::format(
      "Client task “{}”{}, due {} {}", t.title,
      t.owner ? " for " + e.stakeholders.find(t.owner)->name : std::string(" (no owner yet)"),
      weekday_name(t.due.weekday()), t.due.iso());
  return added(e, w, std::move(t), std::move(q.preview));
}

Result parse_stakeholder(const Engagement& e, const std::vector<Word>& w, Date) {
  Stakeholder s;
  s.name = w[1].text;
  for (size_t i = 2; i < w.size(); ++i) {
    std::string word = ascii_lower(w[i].text);
    if (word == "client")
      s.side = Side::Client;
    else if (word == "provider" || word == "us")
      s.side = Side::Provider;
    else if (w[i].quoted)
      s.role = w[i].text;
    else
      return at(w[i],
                fmt::format(
                    "“{}” is not understood here; write client or provider, and a role in quotes.",
                    w[i].text));
  }
  QuickAdd q;
  q.preview = fmt::format("Stakeholder {} ({} side{})", s.name, to_string(s.side),
                          s.role.empty() ? "" : ", " + s.role);
  return added(e, w, std::move(s), std::move(q.preview));
}

Result parse_decision(const Engagement& e, const std::vector<Word>& w, Date today) {
  Decision d;
  d.what = w[1].text;
  d.date = today;
  for (size_t i = 2; i < w.size(); ++i) {
    if (!w[i].text.empty() && w[i].text[0] == '@') {
      auto p = person(e, w[i], false);
      if (auto* error = std::get_if<QuickAddError>(&p)) return *error;
      d.decided_by = std::get<Id>(p);
    } else {
      return at(w[i], fmt::format("“{}” is not understood here; write @name for who decided.",
                                  w[i].text));
    }
  }
  QuickAdd q;
  q.preview = fmt::format("Decision “{}” on {}", d.what, d.date.iso());
  if (d.decided_by) q.preview += ", decided by " + e.stakeholders.find(d.decided_by)->name;
  return added(e, w, std::move(d), std::move(q.preview));
}

// --- log: effort against a quota ---------------------------------------------

// "dec", "December" -> 12.
std::optional<unsigned> month_of(const std::string& word) {
  std::string w = ascii_lower(word);
  if (w.size() < 3) return std::nullopt;
  for (unsigned m = 1; m <= 12; ++m) {
    std::string name = ascii_lower(month_name(m));
    if (name.compare(0, w.size(), w) == 0) return m;
  }
  return std::nullopt;
}

std::optional<unsigned> day_number(const std::string& word) {
  if (word.empty() || word.size() > 2 ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  unsigned d = unsigned(std::stoi(word));
  return d >= 1 && d <= 31 ? std::optional(d) : std::nullopt;
}

// "3 Dec" said on 24 Nov: the 3 Dec nearest to today (this year's, or the
// year before or after it).
std::optional<Date> nearest_day_month(unsigned day, unsigned month, Date today) {
  std::optional<Date> best;
  for (int y = today.year() - 1; y <= today.year() + 1; ++y) {
    Date d = Date::from_ymd(y, month, day);
    if (d.day() != day) return std::nullopt;  // 31 Nov
    if (!best || std::abs(d.days - today.days) < std::abs(best->days - today.days)) best = d;
  }
  return best;
}

// Effort is logged after it happened: a weekday is the last one on or before today.
std::optional<Date> logged_date_of(const std::string& word, Date today) {
  std::string w = ascii_lower(word);
  if (w == "today") return today;
  if (w == "yesterday") return today.plus_days(-1);
  if (auto wd = weekday_of(w)) return today.plus_days(-int32_t((today.weekday() + 7 - *wd) % 7));
  return parse_date(word);
}

bool is_quota(const Boundary& b) { return b.kind == BoundaryKind::Quota; }

// A quota whose title or unit has, for every word typed, a word starting with
// it ("revision round" finds “Design revision rounds”).
bool quota_matches(const Boundary& b, const std::vector<std::string>& want) {
  std::string words = " " + fold(b.title) + " " + fold(b.unit);
  return std::all_of(want.begin(), want.end(),
                     [&](const std::string& w) { return words.find(" " + fold(w)) != words.npos; });
}

// log "homepage v2" 1 revision round 3 dec
Result parse_log(const Engagement& e, const std::vector<Word>& w, Date today) {
  EffortEntry entry;
  entry.note = w[1].text;
  entry.date = today;
  bool has_units = false, has_date = false;
  std::vector<std::string> name;
  size_t name_begin = w.size(), name_end = 0;
  auto set_date = [&](size_t i, Date d) -> std::optional<QuickAddError> {
    if (has_date) return at(w[i], "Give one date for the effort.");
    entry.date = d;
    has_date = true;
    return std::nullopt;
  };
  for (size_t i = 2; i < w.size(); ++i) {
    const std::string& t = w[i].text;
    std::string word = ascii_lower(t);
    if (word == "on") continue;
    auto day = day_number(t);
    auto month = i + 1 < w.size() ? month_of(w[i + 1].text) : std::nullopt;
    if (day && month) {  // "3 Dec"
      auto d = nearest_day_month(*day, *month, today);
      if (!d) return at(w[i], fmt::format("{} {} is not a date.", t, w[i + 1].text));
      if (auto error = set_date(i, *d)) return *error;
      ++i;
      continue;
    }
    if (auto m = month_of(t); m && i + 1 < w.size() && day_number(w[i + 1].text)) {  // "Dec 3"
      auto d = nearest_day_month(*day_number(w[i + 1].text), *m, today);
      if (!d) return at(w[i], fmt::format("{} {} is not a date.", t, w[i + 1].text));
      if (auto error = set_date(i, *d)) return *error;
      ++i;
      continue;
    }
    if (auto d = logged_date_of(t, today)) {
      if (auto error = set_date(i, *d)) return *error;
      continue;
    }
    if (!t.empty() &&
        std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      if (has_units)
        return at(w[i], "Give the number of units once: log \"note\" 2 revision rounds.");
      if (t.size() > 5 || std::stoi(t) < 1 || std::stoi(t) > kMaxEffortUnits)
        return at(w[i], fmt::format("Log between 1 and {} units at a time.", kMaxEffortUnits));
      entry.units = std::stoi(t);
      has_units = true;
      continue;
    }
    name.push_back(t);
    name_begin = std::min(name_begin, i);
    name_end = i;
  }
  std::vector<Id> found;
  for (const auto& [id, b] : e.boundaries)
    if (is_quota(b) && quota_matches(b, name)) found.push_back(id);
  if (found.empty()) {
    if (name.empty()) return at(w[0], "There is no quota to log against; add one in Boundaries.");
    std::string typed;
    for (const std::string& word : name) typed += (typed.empty() ? "" : " ") + word;
    return QuickAddError{w[name_begin].begin, w[name_end].end,
                         fmt::format("No quota is called “{}”.", typed)};
  }
  if (found.size() > 1) {
    const Word& where = name.empty() ? w[0] : w[name_end];
    return at(where,
              fmt::format("Say which quota: “{}” or “{}”.", e.boundaries.find(found[0])->title,
                          e.boundaries.find(found[1])->title));
  }
  const Boundary& b = *e.boundaries.find(found[0]);
  Boundary logged = with_effort(b, entry);
  if (auto error = validate(e, logged))
    return QuickAddError{w[0].begin, w.back().end, error->message};
  const QuotaUse u = quota_use(logged, today);
  QuickAdd q;
  q.label = log_effort_label(b, entry);
  q.preview = fmt::format("{}, {}{}: then {}", q.label, date_text(entry.date),
                          entry.note.empty() ? "" : " (" + entry.note + ")", quota_burn_text(b, u));
  if (u.extras > 0 && b.extra_rate_minor > 0)
    q.preview += fmt::format(", billable {}", money_text(u.extras_minor, e.info.currency));
  q.commands.push_back(Update<Boundary>{std::move(logged)});
  return q;
}

}  // namespace

std::variant<QuickAdd, QuickAddError> parse_quick_add(const Engagement& e, std::string_view line,
                                                      Date today) {
  if (line.size() > 4000)
    return QuickAddError{0, line.size(),
                         "That line is too long for quick add; use the forms instead."};
  auto split_result = split(line);
  if (auto* error = std::get_if<QuickAddError>(&split_result)) return *error;
  const auto& w = std::get<std::vector<Word>>(split_result);
  if (w.empty())
    return QuickAddError{
        0, 0, "Type what to add: meeting, milestone, cr, task, stakeholder, decision or log."};
  std::string kind = ascii_lower(w[0].text);
  using Parser = Result (*)(const Engagement&, const std::vector<Word>&, Date);
  Parser parser = nullptr;
  if (kind == "meeting" || kind == "m")
    parser = parse_meeting;
  else if (kind == "milestone" || kind == "ms")
    parser = parse_milestone;
  else if (kind == "cr" || kind == "change")
    parser = parse_change_request;
  else if (kind == "task" || kind == "t")
    parser = parse_task;
  else if (kind == "stakeholder" || kind == "person")
    parser = parse_stakeholder;
  else if (kind == "decision")
    parser = parse_decision;
  else if (kind == "log")
    parser = parse_log;
  if (!parser)
    return at(w[0],
              fmt::format("“{}” is not something to add; start with meeting, milestone, cr, task, "
                          "stakeholder, decision or log (effort against a quota).",
                          w[0].text));
  if (w.size() < 2 || !w[1].quoted)
    return at(w.size() < 2 ? w[0] : w[1],
              fmt::format("Put the name in quotes: {} \"Name\" ...", w[0].text));
  return parser(e, w, today);
}

}  // namespace rapport
