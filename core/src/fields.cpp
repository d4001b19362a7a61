// The field tables of every item kind, and the generic code that reads them:
// cell text, search, internal texts and redaction.
#include "rapport/fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "rapport/text.hpp"

namespace rapport {
namespace {

template <class T, class E, E T::*M>
int get_e(const T& x) {
  return int(x.*M);
}
template <class T, class E, E T::*M>
void set_e(T& x, int v) {
  x.*M = E(v);
}
template <class E>
const char* name_e(int v) {
  return to_string(E(v));
}

// An enum field in one line: ENUM(Stakeholder, Side, side, "Side", 2)
// clang-format off
#define ENUM(T, E, member, label, count)                                                    \
  Field<T> { #member, label, FieldType::Enum, {}, false, true, &get_e<T, E, &T::member>,     \
             &set_e<T, E, &T::member>, count, &name_e<E> }
// clang-format on

using FT = FieldType;

const Field<Stakeholder> kStakeholder[] = {
    {"name", "Name", FT::Text, &Stakeholder::name},
    ENUM(Stakeholder, Side, side, "Side", 2),
    {"role", "Role", FT::Text, &Stakeholder::role},
    {"contact", "Contact", FT::Text, &Stakeholder::contact},
    ENUM(Stakeholder, ChannelKind, preferred_channel, "Prefers", 6),
    ENUM(Stakeholder, Level, influence, "Influence", 3),
    ENUM(Stakeholder, Level, interest, "Interest", 3),
    {"time_zone", "Time zone", FT::TimeZone, &Stakeholder::time_zone, false, false},
    {"internal_notes", "Personal notes", FT::LongText, &Stakeholder::internal_notes, true, false},
};
const Field<Objective> kObjective[] = {
    {"title", "Objective", FT::Text, &Objective::title},
    ENUM(Objective, ObjectiveHorizon, horizon, "Horizon", 2),
    {"success_measure", "Success measure", FT::Text, &Objective::success_measure},
    {"stakeholders", "Stakeholders", FT::Stakeholders, &Objective::stakeholders},
};
const Field<Constraint> kConstraint[] = {
    ENUM(Constraint, ConstraintKind, kind, "Kind", 6),
    {"description", "Description", FT::LongText, &Constraint::description},
};
const Field<Question> kQuestion[] = {
    {"text", "Question", FT::LongText, &Question::text},
    {"asked_of", "Asked of", FT::Stakeholder, &Question::asked_of},
    {"asked_on", "Asked on", FT::Date, &Question::asked_on},
    {"answer", "Answer", FT::LongText, &Question::answer},
    {"answered_on", "Answered on", FT::OptionalDate, &Question::answered_on},
};
const Field<Expectation> kExpectation[] = {
    {"what", "Expectation", FT::LongText, &Expectation::what},
    {"source", "Source", FT::Stakeholder, &Expectation::source},
    {"stated", "Stated (not inferred)", FT::Bool, &Expectation::stated},
    ENUM(Expectation, ExpectationStatus, status, "Status", 4),
    {"raised_on", "Raised on", FT::Date, &Expectation::raised_on},
    {"explanation", "Explanation given", FT::LongText, &Expectation::explanation},
};
const Field<Responsibility> kResponsibility[] = {
    {"what", "Responsibility", FT::Text, &Responsibility::what},
    ENUM(Responsibility, Side, side, "Side", 2),
    {"owner", "Owner", FT::Stakeholder, &Responsibility::owner},
};
const Field<Deliverable> kDeliverable[] = {
    {"title", "Deliverable", FT::Text, &Deliverable::title},
    {"milestone", "Milestone", FT::Milestone, &Deliverable::milestone},
    {"acceptance_criteria", "Acceptance criteria", FT::LongText, &Deliverable::acceptance_criteria},
};
Field<CommunicationChannel> side_field(const char* key, const char* label,
                                       Id CommunicationChannel::*m, Side side) {
  Field<CommunicationChannel> f{key, label, FT::Stakeholder, m};
  f.side = int(side);
  return f;
}
const Field<CommunicationChannel> kChannel[] = {
    ENUM(CommunicationChannel, ChannelKind, kind, "Channel", 6),
    {"purpose", "Purpose", FT::Text, &CommunicationChannel::purpose},
    {"frequency", "Frequency", FT::Text, &CommunicationChannel::frequency},
    {"response_time_hours", "Response (h)", FT::Int, &CommunicationChannel::response_time_hours,
     false, true, nullptr, nullptr, 0, nullptr, 0, 8760},
    side_field("client_primary", "Client contact", &CommunicationChannel::client_primary,
               Side::Client),
    side_field("client_backup", "Client backup", &CommunicationChannel::client_backup,
               Side::Client),
    side_field("provider_primary", "Our contact", &CommunicationChannel::provider_primary,
               Side::Provider),
    side_field("provider_backup", "Our backup", &CommunicationChannel::provider_backup,
               Side::Provider),
};
// The recurrence and the occurrences are edited by the meeting inspector.
const Field<MeetingSeries> kMeeting[] = {
    {"title", "Meeting", FT::Text, &MeetingSeries::title},
    {"purpose", "Purpose", FT::Text, &MeetingSeries::purpose},
    {"first_date", "First", FT::Date, &MeetingSeries::first_date},
    {"start", "Starts", FT::Time, &MeetingSeries::start},
    {"duration_minutes", "Minutes", FT::Int, &MeetingSeries::duration_minutes, false, true, nullptr,
     nullptr, 0, nullptr, 5, 1440},
    {"time_zone", "Time zone", FT::TimeZone, &MeetingSeries::time_zone, false, false},
    {"attendees", "Attendees", FT::Stakeholders, &MeetingSeries::attendees, false, false},
    {"channel", "Channel", FT::Channel, &MeetingSeries::channel, false, false},
};
const Field<Milestone> kMilestone[] = {
    {"title", "Milestone", FT::Text, &Milestone::title},
    {"baseline", "Agreed", FT::Date, &Milestone::baseline},
    {"current", "Now", FT::Date, &Milestone::current},
    ENUM(Milestone, MilestoneStatus, status, "Status", 4),
    {"client_visible", "Visible to client", FT::Bool, &Milestone::client_visible, false, false},
    {"description", "Description", FT::LongText, &Milestone::description, false, false},
};
const Field<Boundary> kBoundary[] = {
    ENUM(Boundary, BoundaryKind, kind, "Kind", 6),
    {"title", "Boundary", FT::Text, &Boundary::title},
    {"description", "Description", FT::LongText, &Boundary::description},
    {"working_days", "Working days", FT::Weekdays, &Boundary::working_days, false, false},
    {"day_start", "Day starts", FT::Time, &Boundary::day_start, false, false},
    {"day_end", "Day ends", FT::Time, &Boundary::day_end, false, false},
    ENUM(Boundary, Side, hours_side, "Hours in zone of", 2),
    {"from", "From", FT::Date, &Boundary::from, false, false},
    {"to", "To", FT::Date, &Boundary::to, false, false},
    {"included", "Included", FT::Int, &Boundary::included, false, false, nullptr, nullptr, 0,
     nullptr, 0, 100000},
    {"used", "Used before the log", FT::Int, &Boundary::used, false, false, nullptr, nullptr, 0,
     nullptr, 0, 100000},
    {"unit", "Unit", FT::Text, &Boundary::unit, false, false},
    ENUM(Boundary, QuotaPeriod, period, "Period", 3),
    {"extra_rate_minor", "Rate per extra", FT::Money, &Boundary::extra_rate_minor, false, false},
};
const Field<ChangeRequest> kChangeRequest[] = {
    {"title", "Change request", FT::Text, &ChangeRequest::title},
    ENUM(ChangeRequest, ChangeStatus, status, "Status", 4),
    {"requested_by", "Requested by", FT::Stakeholder, &ChangeRequest::requested_by},
    {"requested_on", "Requested on", FT::Date, &ChangeRequest::requested_on},
    {"description", "Description", FT::LongText, &ChangeRequest::description, false, false},
    {"objective", "Objective", FT::Objective, &ChangeRequest::objective, false, false},
    {"impacts", "Impact on milestones", FT::Impacts, &ChangeRequest::impacts},
    {"cost_minor", "Cost", FT::Money, &ChangeRequest::cost_minor},
    {"effort_hours", "Effort (h)", FT::Int, &ChangeRequest::effort_hours, false, false, nullptr,
     nullptr, 0, nullptr, 0, 100000},
    {"decided_on", "Decided on", FT::OptionalDate, &ChangeRequest::decided_on, false, false},
    {"decided_by", "Decided by", FT::Stakeholder, &ChangeRequest::decided_by, false, false},
    {"rationale", "Rationale", FT::LongText, &ChangeRequest::rationale, false, false},
    {"alternative", "Alternative offered", FT::LongText, &ChangeRequest::alternative, false, false},
    {"internal_notes", "Internal notes", FT::LongText, &ChangeRequest::internal_notes, true, false},
};
Field<ClientTask> owner_field() {
  Field<ClientTask> f{"owner", "Owner", FT::Stakeholder, &ClientTask::owner};
  f.side = int(Side::Client);
  return f;
}
const Field<ClientTask> kClientTask[] = {
    {"title", "Client task", FT::Text, &ClientTask::title},
    owner_field(),
    {"created_on", "Created", FT::Date, &ClientTask::created_on},
    {"due", "Due", FT::Date, &ClientTask::due},
    ENUM(ClientTask, TaskStatus, status, "Status", 3),
    {"done_on", "Done on", FT::OptionalDate, &ClientTask::done_on, false, false},
    {"milestone", "Milestone waiting", FT::Milestone, &ClientTask::milestone},
};
const Field<Decision> kDecision[] = {
    {"date", "Date", FT::Date, &Decision::date},
    {"what", "Decision", FT::LongText, &Decision::what},
    {"decided_by", "Decided by", FT::Stakeholder, &Decision::decided_by},
    {"consulted", "Consulted", FT::Stakeholders, &Decision::consulted, false, false},
    {"informed", "Informed", FT::Stakeholders, &Decision::informed, false, false},
    {"rationale", "Rationale", FT::LongText, &Decision::rationale, false, false},
};
const Field<Feedback> kFeedback[] = {
    {"date", "Date", FT::Date, &Feedback::date},
    {"stakeholder", "From", FT::Stakeholder, &Feedback::stakeholder},
    {"sentiment", "Sentiment", FT::Int, &Feedback::sentiment, false, true, nullptr, nullptr, 0,
     nullptr, -2, 2},
    {"note", "Note", FT::LongText, &Feedback::note},
    {"follow_up", "Follow-up", FT::LongText, &Feedback::follow_up},
};
#undef ENUM

std::string stakeholder_name(const Engagement& e, Id id) {
  if (id == kNoId) return "";
  const Stakeholder* s = e.stakeholders.find(id);
  return s ? s->name : "?";
}

}  // namespace

#define RAPPORT_FIELDS(T, table)          \
  template <>                             \
  std::span<const Field<T>> fields<T>() { \
    return table;                         \
  }
RAPPORT_FIELDS(Stakeholder, kStakeholder)
RAPPORT_FIELDS(Objective, kObjective)
RAPPORT_FIELDS(Constraint, kConstraint)
RAPPORT_FIELDS(Question, kQuestion)
RAPPORT_FIELDS(Expectation, kExpectation)
RAPPORT_FIELDS(Responsibility, kResponsibility)
RAPPORT_FIELDS(Deliverable, kDeliverable)
RAPPORT_FIELDS(CommunicationChannel, kChannel)
RAPPORT_FIELDS(MeetingSeries, kMeeting)
RAPPORT_FIELDS(Milestone, kMilestone)
RAPPORT_FIELDS(Boundary, kBoundary)
RAPPORT_FIELDS(ChangeRequest, kChangeRequest)
RAPPORT_FIELDS(ClientTask, kClientTask)
RAPPORT_FIELDS(Decision, kDecision)
RAPPORT_FIELDS(Feedback, kFeedback)
#undef RAPPORT_FIELDS

std::string money_text(int64_t minor, const std::string& currency) {
  const char* symbol = currency == "EUR"   ? "€"
                       : currency == "USD" ? "$"
                       : currency == "GBP" ? "£"
                                           : nullptr;
  bool negative = minor < 0;
  uint64_t v = negative ? uint64_t(-(minor + 1)) + 1 : uint64_t(minor);
  std::string whole = std::to_string(v / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  std::string amount = fmt::format("{}.{:02d}", grouped, int(v % 100));
  std::string sign = negative ? "-" : "";
  if (symbol) return sign + symbol + amount;
  return currency.empty() ? sign + amount : sign + amount + " " + currency;
}

std::string weekdays_text(uint8_t mask) {
  if ((mask & 0x7F) == kWorkweek) return "Mon–Fri";
  if ((mask & 0x7F) == 0x7F) return "every day";
  std::string out;
  for (unsigned i = 1; i <= 7; ++i) {
    unsigned wd = i % 7;
    if (mask & (1u << wd)) out += (out.empty() ? "" : ", ") + std::string(weekday_short(wd));
  }
  return out.empty() ? "no days" : out;
}

template <class T>
std::string field_text(const Engagement& e, const T& item, const Field<T>& f) {
  if (f.type == FieldType::Enum) return f.enum_name(f.get_enum(item));
  return std::visit(
      [&](auto member) -> std::string {
        using M = decltype(member);
        if constexpr (std::is_same_v<M, std::monostate>) {
          return "";
        } else {
          const auto& v = item.*member;
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::string>) {
            return v;
          } else if constexpr (std::is_same_v<V, Date>) {
            return v.iso();
          } else if constexpr (std::is_same_v<V, std::optional<Date>>) {
            return v ? v->iso() : "";
          } else if constexpr (std::is_same_v<V, LocalTime>) {
            return v.hhmm();
          } else if constexpr (std::is_same_v<V, int32_t>) {
            return f.min < 0 && v > 0 ? fmt::format("+{}", v) : std::to_string(v);
          } else if constexpr (std::is_same_v<V, int64_t>) {
            return money_text(v, e.info.currency);
          } else if constexpr (std::is_same_v<V, bool>) {
            return v ? "yes" : "no";
          } else if constexpr (std::is_same_v<V, uint8_t>) {
            return weekdays_text(v);
          } else if constexpr (std::is_same_v<V, Id>) {
            if (v == kNoId) return "";
            if (f.type == FieldType::Stakeholder) return stakeholder_name(e, v);
            return display_name(e, v);
          } else if constexpr (std::is_same_v<V, std::vector<Id>>) {
            std::string out;
            for (Id id : v) out += (out.empty() ? "" : ", ") + stakeholder_name(e, id);
            return out;
          } else if constexpr (std::is_same_v<V, std::vector<MilestoneImpact>>) {
            std::string out;
            for (const auto& m : v)
              out += (out.empty() ? "" : ", ") +
                     fmt::format("{} {:+d}d", display_name(e, m.milestone), m.days);
            return out;
          }
        }
      },
      f.member);
}

#define RAPPORT_FIELD_TEXT(T) \
  template std::string field_text<T>(const Engagement&, const T&, const Field<T>&);
RAPPORT_FIELD_TEXT(Stakeholder)
RAPPORT_FIELD_TEXT(Objective)
RAPPORT_FIELD_TEXT(Constraint)
RAPPORT_FIELD_TEXT(Question)
RAPPORT_FIELD_TEXT(Expectation)
RAPPORT_FIELD_TEXT(Responsibility)
RAPPORT_FIELD_TEXT(Deliverable)
RAPPORT_FIELD_TEXT(CommunicationChannel)
RAPPORT_FIELD_TEXT(MeetingSeries)
RAPPORT_FIELD_TEXT(Milestone)
RAPPORT_FIELD_TEXT(Boundary)
RAPPORT_FIELD_TEXT(ChangeRequest)
RAPPORT_FIELD_TEXT(ClientTask)
RAPPORT_FIELD_TEXT(Decision)
RAPPORT_FIELD_TEXT(Feedback)
#undef RAPPORT_FIELD_TEXT

// [SECTION] Parsing: the inverse of field_text ---------------------------------------

bool same_words(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = char(std::tolower(static_cast<unsigned char>(a[i])));
    char y = char(std::tolower(static_cast<unsigned char>(b[i])));
    if (x == '_' || x == '-') x = ' ';
    if (y == '_' || y == '-') y = ' ';
    if (x != y) return false;
  }
  return true;
}

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string quote(std::string_view s) {
  constexpr size_t kShown = 60;
  if (s.size() <= kShown) return "“" + std::string(s) + "”";
  size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "“" + std::string(s.substr(0, cut)) + "…”";
}

std::optional<int64_t> whole_number(std::string_view s) {
  s = trimmed(s);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 12) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

// Weekday index (0 = Sunday) of "Mon", "monday", "Tue"...
std::optional<unsigned> weekday_named(std::string_view s) {
  s = trimmed(s);
  if (s.size() < 3) return std::nullopt;
  for (unsigned w = 0; w < 7; ++w)
    if (same_words(s.substr(0, 3), weekday_short(w)) &&
        (s.size() == 3 || same_words(s, weekday_name(w))))
      return w;
  return std::nullopt;
}

std::optional<uint8_t> weekdays_from(std::string_view text) {
  std::string_view t = trimmed(text);
  if (t.empty() || same_words(t, "no days")) return uint8_t(0);
  if (same_words(t, "every day")) return uint8_t(0x7F);
  uint8_t mask = 0;
  while (!t.empty()) {
    size_t comma = t.find(',');
    std::string_view part = trimmed(t.substr(0, comma));
    t = comma == std::string_view::npos ? std::string_view() : t.substr(comma + 1);
    size_t dash = part.find("–");
    size_t dash_len = 3;
    if (dash == std::string_view::npos) {
      dash = part.find('-');
      dash_len = 1;
    }
    if (dash == std::string_view::npos) {
      auto w = weekday_named(part);
      if (!w) return std::nullopt;
      mask = uint8_t(mask | (1u << *w));
      continue;
    }
    auto from = weekday_named(part.substr(0, dash));
    auto to = weekday_named(part.substr(dash + dash_len));
    if (!from || !to) return std::nullopt;
    // Monday-first order: Mon=0 .. Sun=6.
    unsigned a = (*from + 6) % 7, b = (*to + 6) % 7;
    for (unsigned i = a;; i = (i + 1) % 7) {
      mask = uint8_t(mask | (1u << ((i + 1) % 7)));
      if (i == b) break;
    }
  }
  return mask;
}

// Splits "A, B, C" into names the index knows, even when a name holds ", ".
template <class OnPart>
std::optional<std::string> split_names(std::string_view text, OnPart on_part) {
  std::string_view t = trimmed(text);
  std::string pending;
  while (!t.empty()) {
    size_t sep = t.find(", ");
    std::string_view token = t.substr(0, sep);
    t = sep == std::string_view::npos ? std::string_view() : t.substr(sep + 2);
    pending += pending.empty() ? std::string(token) : ", " + std::string(token);
    if (on_part(std::string_view(pending), t.empty())) pending.clear();
  }
  if (!pending.empty()) return pending;
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> parse_money_text(std::string_view text) {
  std::string t;
  bool negative = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '-' && t.empty()) {
      negative = true;
    } else if ((c >= '0' && c <= '9') || c == '.') {
      t += char(c);
    } else if (c == ',' || c == ' ' || c == '_' || c == '\'' || c == '+') {
      continue;
    } else if (std::isupper(c) || c >= 0x80) {
      continue;  // a currency: "€", "£", "SEK" (U+00A0 spaces too)
    } else {
      return std::nullopt;
    }
  }
  if (t.empty()) return std::nullopt;
  size_t dot = t.find('.');
  std::string whole = t.substr(0, dot);
  std::string cents = dot == std::string::npos ? "" : t.substr(dot + 1);
  if (cents.find('.') != std::string::npos || cents.size() > 2 || whole.size() > 13 ||
      (whole.empty() && cents.empty()))
    return std::nullopt;
  while (cents.size() < 2) cents += '0';
  int64_t v = 0;
  for (char c : whole) v = v * 10 + (c - '0');
  v = v * 100 + (cents[0] - '0') * 10 + (cents[1] - '0');
  return negative ? -v : v;
}

FieldNames::FieldNames(const Engagement& e) {
  auto index = [&](Kind kind, const auto& table) {
    for (const auto& [id, x] : table) {
      auto [it, added] = by_name_.try_emplace({kind, name_of(x)}, id, 0);
      ++it->second.second;
    }
  };
  index(Kind::Stakeholder, e.stakeholders);
  index(Kind::Milestone, e.milestones);
  index(Kind::Objective, e.objectives);
  index(Kind::Channel, e.channels);
}

std::variant<Id, std::string> FieldNames::find(Kind kind, std::string_view name) const {
  auto it = by_name_.find(std::pair<Kind, std::string>(kind, std::string(name)));
  if (it == by_name_.end()) return fmt::format("no {} is named {}", to_string(kind), quote(name));
  if (it->second.second > 1)
    return fmt::format("{} {}s are named {}; rename one first", it->second.second, to_string(kind),
                       quote(name));
  return it->second.first;
}

template <class T>
std::optional<std::string> parse_field_text(const FieldParse& p, T& item, const Field<T>& f,
                                            std::string_view text) {
  const std::string_view t = trimmed(text);
  if (f.type == FieldType::Enum) {
    for (int i = 0; i < f.enum_count; ++i)
      if (same_words(t, f.enum_name(i))) {
        f.set_enum(item, i);
        return std::nullopt;
      }
    std::string names;
    for (int i = 0; i < f.enum_count; ++i) names += (i ? ", " : "") + std::string(f.enum_name(i));
    return fmt::format("{} is not one of: {}", quote(t), names);
  }
  auto reference = [&](Id& out) -> std::optional<std::string> {
    if (t.empty()) {
      out = kNoId;
      return std::nullopt;
    }
    Kind kind = f.type == FieldType::Stakeholder ? Kind::Stakeholder
                : f.type == FieldType::Milestone ? Kind::Milestone
                : f.type == FieldType::Objective ? Kind::Objective
                                                 : Kind::Channel;
    auto found = p.names.find(kind, t);
    if (auto* message = std::get_if<std::string>(&found)) return *message;
    out = std::get<Id>(found);
    return std::nullopt;
  };
  auto read_date = [&](std::string_view s) { return p.date ? p.date(s) : parse_date(s); };
  return std::visit(
      [&](auto member) -> std::optional<std::string> {
        using M = decltype(member);
        if constexpr (std::is_same_v<M, std::monostate>) {
          return std::nullopt;
        } else {
          auto& v = item.*member;
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::string>) {
            v = f.type == FieldType::TimeZone ? std::string(t) : std::string(text);
            return std::nullopt;
          } else if constexpr (std::is_same_v<V, Date>) {
            if (t.empty()) return std::string("a date is needed");
            auto d = read_date(t);
            if (!d) return fmt::format("{} is not a date", quote(t));
            v = *d;
            return std::nullopt;
          } else if constexpr (std::is_same_v<V, std::optional<Date>>) {
            if (t.empty()) {
              v.reset();
              return std::nullopt;
            }
            auto d = read_date(t);
            if (!d) return fmt::format("{} is not a date", quote(t));
            v = *d;
            return std::nullopt;
          } else if constexpr (std::is_same_v<V, LocalTime>) {
            auto time = parse_time(t);
            if (!time) return fmt::format("{} is not a time (hh:mm)", quote(t));
            v = *time;
            return std::nullopt;
          } else if constexpr (std::is_same_v<V, int32_t>) {
            auto n = t.empty() ? std::optional<int64_t>(0) : whole_number(t);
            if (!n || *n < f.min || *n > f.max)
              return fmt::format("{} is not a whole number from {} to {}", quote(t), f.min, f.max);
            v = int32_t(*n);
            return std::nullopt;
          } else if constexpr (std::is_same_v<V, int64_t>) {
            auto m = t.empty() ? std::optional<int64_t>(0) : parse_money_text(t);
            if (!m) return fmt::format("{} is not an amount of money", quote(t));
            v = *m;
            return std::nullopt;
          } else if constexpr (std::is_same_v<V, bool>) {
            for (const char* yes : {"yes", "true", "1", "x", "y"})
              if (same_words(t, yes)) {
                v = true;
                return std::nullopt;
              }
            for (const char* no : {"no", "false", "0", "", "n"})
              if (same_words(t, no)) {
                v = false;
                return std::nullopt;
              }
            return fmt::format("{} is not yes or no", quote(t));
          } else if constexpr (std::is_same_v<V, uint8_t>) {
            auto mask = weekdays_from(t);
            if (!mask)
              return fmt::format("{} is not a list of weekdays (Mon–Fri, Tue, Thu)", quote(t));
            v = *mask;
            return std::nullopt;
          } else if constexpr (std::is_same_v<V, Id>) {
            return reference(v);
          } else if constexpr (std::is_same_v<V, std::vector<Id>>) {
            std::vector<Id> ids;
            std::optional<std::string> why;
            auto rest = split_names(t, [&](std::string_view name, bool last) {
              auto found = p.names.find(Kind::Stakeholder, name);
              if (const Id* id = std::get_if<Id>(&found)) {
                ids.push_back(*id);
                return true;
              }
              if (last) why = std::get<std::string>(found);
              return false;
            });
            if (rest) return why ? *why : fmt::format("no stakeholder is named {}", quote(*rest));
            v = std::move(ids);
            return std::nullopt;
          } else if constexpr (std::is_same_v<V, std::vector<MilestoneImpact>>) {
            std::vector<MilestoneImpact> impacts;
            std::optional<std::string> why;
            auto rest = split_names(t, [&](std::string_view part, bool last) {
              // "Beta +7d": the last word is the shift in days.
              size_t space = part.rfind(' ');
              if (space == std::string_view::npos || !part.ends_with('d')) return false;
              auto days = whole_number(part.substr(space + 1, part.size() - space - 2));
              if (!days || *days < -100000 || *days > 100000) return false;
              auto found = p.names.find(Kind::Milestone, part.substr(0, space));
              if (const Id* id = std::get_if<Id>(&found)) {
                impacts.push_back(MilestoneImpact{*id, int32_t(*days)});
                return true;
              }
              if (last) why = std::get<std::string>(found);
              return false;
            });
            if (rest)
              return why ? *why
                         : fmt::format(
                               "{} is not a list of milestone impacts (Beta +7d, Launch -3d)",
                               quote(*rest));
            v = std::move(impacts);
            return std::nullopt;
          }
        }
      },
      f.member);
}

#define RAPPORT_FIELD_PARSE(T)                                                                    \
  template std::optional<std::string> parse_field_text<T>(const FieldParse&, T&, const Field<T>&, \
                                                          std::string_view);
RAPPORT_FIELD_PARSE(Stakeholder)
RAPPORT_FIELD_PARSE(Objective)
RAPPORT_FIELD_PARSE(Constraint)
RAPPORT_FIELD_PARSE(Question)
RAPPORT_FIELD_PARSE(Expectation)
RAPPORT_FIELD_PARSE(Responsibility)
RAPPORT_FIELD_PARSE(Deliverable)
RAPPORT_FIELD_PARSE(CommunicationChannel)
RAPPORT_FIELD_PARSE(MeetingSeries)
RAPPORT_FIELD_PARSE(Milestone)
RAPPORT_FIELD_PARSE(Boundary)
RAPPORT_FIELD_PARSE(ChangeRequest)
RAPPORT_FIELD_PARSE(ClientTask)
RAPPORT_FIELD_PARSE(Decision)
RAPPORT_FIELD_PARSE(Feedback)
#undef RAPPORT_FIELD_PARSE

namespace {

std::string snippet_around(const std::string& text, size_t at, size_t len) {
  size_t from = at > 30 ? at - 30 : 0;
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  size_t to = std::min(text.size(), at + len + 50);
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string s =
      (from > 0 ? "…" : "") + text.substr(from, to - from) + (to < text.size() ? "…" : "");
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

}  // namespace

std::vector<SearchHit> search(const Engagement& e, std::string_view query, bool include_internal,
                              size_t limit) {
  std::vector<SearchHit> hits;
  std::string q = ascii_lower(query);
  if (q.find_first_not_of(' ') == std::string::npos) return hits;
  auto try_text = [&](Kind kind, Id id, const std::string& name, const char* label,
                      const std::string& text) {
    if (hits.size() >= limit || text.empty()) return false;
    size_t at = ascii_lower(text).find(q);
    if (at == std::string::npos) return false;
    hits.push_back(SearchHit{kind, id, name, label, snippet_around(text, at, q.size())});
    return true;
  };
  for_each_table(e, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    for (const auto& [id, item] : table) {
      if (hits.size() >= limit) return;
      std::string name = name_of(item);
      for (const Field<T>& f : fields<T>()) {
        if (f.internal && !include_internal) continue;
        auto* member = std::get_if<std::string T::*>(&f.member);
        if (member && try_text(KindOf<T>::kind, id, name, f.label, item.**member)) break;
      }
      if constexpr (std::is_same_v<T, MeetingSeries>) {
        for (const auto& [date, o] : item.overrides) {
          if (try_text(Kind::Meeting, id, name, "Recap", o.recap_summary) ||
              try_text(Kind::Meeting, id, name, "Agreed actions", o.agreed_actions))
            break;
        }
      }
    }
  });
  return hits;
}

std::vector<std::string> internal_texts(const Engagement& e) {
  std::vector<std::string> out;
  auto add = [&](const std::string& s) {
    if (!s.empty()) out.push_back(s);
  };
  add(e.info.internal_notes);
  for_each_table(e, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    for (const auto& [id, item] : table)
      for (const Field<T>& f : fields<T>())
        if (f.internal)
          if (auto* member = std::get_if<std::string T::*>(&f.member)) add(item.**member);
  });
  for (const auto& [id, m] : e.milestones)
    if (!m.client_visible) add(m.title);
  return out;
}

Engagement redacted(const Engagement& e) {
  Engagement out = e;
  out.conflicts.clear();  // the provider's to settle; their values may be internal
  out.info.internal_notes.clear();
  out.info.internal_day_rate_minor = 0;
  out.info.internal_margin_percent = 0;
  for_each_table(out, [&](auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    for (auto& [id, item] : table.items)
      for (const Field<T>& f : fields<T>())
        if (f.internal)
          if (auto* member = std::get_if<std::string T::*>(&f.member)) (item.**member).clear();
  });
  std::vector<Id> hidden;
  for (const auto& [id, m] : out.milestones)
    if (!m.client_visible) hidden.push_back(id);
  for (Id id : hidden) {
    out.milestones.items.erase(id);
    for (auto& [did, d] : out.deliverables.items)
      if (d.milestone == id) d.milestone = kNoId;
    for (auto& [tid, t] : out.client_tasks.items)
      if (t.milestone == id) t.milestone = kNoId;
    for (auto& [cid, c] : out.change_requests.items)
      std::erase_if(c.impacts, [&](const MilestoneImpact& m) { return m.milestone == id; });
  }
  return out;
}

}  // namespace rapport
