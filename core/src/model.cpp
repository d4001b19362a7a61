// Names of enum values and small whole-engagement queries.
#include "rapport/model.hpp"

namespace rapport {

const char* to_string(Side s) { return s == Side::Client ? "client" : "provider"; }

const char* to_string(Level l) {
  switch (l) {
    case Level::Low:
      return "low";
    case Level::Medium:
      return "medium";
    case Level::High:
      return "high";
  }
  return "?";
}

const char* to_string(ChannelKind k) {
  switch (k) {
    case ChannelKind::Email:
      return "email";
    case ChannelKind::Phone:
      return "phone";
    case ChannelKind::Chat:
      return "chat";
    case ChannelKind::VideoCall:
      return "video call";
    case ChannelKind::InPerson:
      return "in person";
    case ChannelKind::Tool:
      return "tool";
  }
  return "?";
}

const char* to_string(ObjectiveHorizon h) {
  return h == ObjectiveHorizon::Immediate ? "immediate" : "long-term";
}

const char* to_string(ConstraintKind k) {
  switch (k) {
    case ConstraintKind::Budget:
      return "budget";
    case ConstraintKind::Deadline:
      return "deadline";
    case ConstraintKind::Technology:
      return "technology";
    case ConstraintKind::Regulatory:
      return "regulatory";
    case ConstraintKind::Resource:
      return "resource";
    case ConstraintKind::Other:
      return "other";
  }
  return "?";
}

const char* to_string(ExpectationStatus s) {
  switch (s) {
    case ExpectationStatus::Unconfirmed:
      return "unconfirmed";
    case ExpectationStatus::Confirmed:
      return "confirmed";
    case ExpectationStatus::AtRisk:
      return "at risk";
    case ExpectationStatus::WillNotBeMet:
      return "will not be met";
  }
  return "?";
}

const char* to_string(Frequency f) {
  switch (f) {
    case Frequency::Once:
      return "once";
    case Frequency::Daily:
      return "daily";
    case Frequency::Weekly:
      return "weekly";
    case Frequency::MonthlyOnDay:
      return "monthly on a day";
    case Frequency::MonthlyOnWeekday:
      return "monthly on a weekday";
  }
  return "?";
}

const char* to_string(OccurrenceState s) {
  switch (s) {
    case OccurrenceState::Planned:
      return "planned";
    case OccurrenceState::Held:
      return "held";
    case OccurrenceState::Cancelled:
      return "cancelled";
  }
  return "?";
}

const char* to_string(MilestoneStatus s) {
  switch (s) {
    case MilestoneStatus::Planned:
      return "planned";
    case MilestoneStatus::InProgress:
      return "in progress";
    case MilestoneStatus::Done:
      return "done";
    case MilestoneStatus::Missed:
      return "missed";
  }
  return "?";
}

const char* to_string(BoundaryKind k) {
  switch (k) {
    case BoundaryKind::InScope:
      return "in scope";
    case BoundaryKind::OutOfScope:
      return "out of scope";
    case BoundaryKind::NotGuaranteed:
      return "not guaranteed";
    case BoundaryKind::WorkingHours:
      return "working hours";
    case BoundaryKind::Blackout:
      return "blackout";
    case BoundaryKind::Quota:
      return "quota";
  }
  return "?";
}

const char* to_string(QuotaPeriod p) {
  switch (p) {
    case QuotaPeriod::Engagement:
      return "per engagement";
    case QuotaPeriod::Month:
      return "per month";
    case QuotaPeriod::Week:
      return "per week";
  }
  return "?";
}

const char* to_string(ActionTarget t) {
  switch (t) {
    case ActionTarget::ClientTask:
      return "client task";
    case ActionTarget::Decision:
      return "decision";
    case ActionTarget::ProviderTodo:
      return "provider to-do";
  }
  return "?";
}

const char* to_string(ChangeStatus s) {
  switch (s) {
    case ChangeStatus::Proposed:
      return "proposed";
    case ChangeStatus::Approved:
      return "approved";
    case ChangeStatus::Rejected:
      return "rejected";
    case ChangeStatus::Deferred:
      return "deferred";
  }
  return "?";
}

const char* to_string(TaskStatus s) {
  switch (s) {
    case TaskStatus::Open:
      return "open";
    case TaskStatus::Done:
      return "done";
    case TaskStatus::Dropped:
      return "dropped";
  }
  return "?";
}

const char* to_string(Kind k) {
  static const char* names[kKindCount] = {
      "stakeholder", "objective",      "constraint",  "question",
      "expectation", "responsibility", "deliverable", "communication channel",
      "meeting",     "milestone",      "boundary",    "change request",
      "client task", "decision",       "feedback"};
  return names[int(k) % kKindCount];
}

const char* plural_title(Kind k) {
  static const char* names[kKindCount] = {
      "Stakeholders", "Objectives",       "Constraints",  "Questions",
      "Expectations", "Responsibilities", "Deliverables", "Communication channels",
      "Meetings",     "Milestones",       "Boundaries",   "Change requests",
      "Client tasks", "Decisions",        "Feedback"};
  return names[int(k) % kKindCount];
}

size_t Engagement::item_count() const {
  size_t n = 0;
  for_each_table(*this, [&](const auto& t) { n += t.size(); });
  return n;
}

namespace {
// Long texts (a constraint, a question) are cut at a word-ish boundary so a
// name fits on one line; UTF-8 sequences are never split.
std::string shorten(const std::string& text, size_t max_bytes = 60) {
  size_t nl = text.find('\n');
  std::string line = text.substr(0, nl);
  if (line.size() <= max_bytes) return line;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}
}  // namespace

std::string name_of(const Stakeholder& x) { return x.name; }
std::string name_of(const Objective& x) { return shorten(x.title); }
std::string name_of(const Constraint& x) { return shorten(x.description); }
std::string name_of(const Question& x) { return shorten(x.text); }
std::string name_of(const Expectation& x) { return shorten(x.what); }
std::string name_of(const Responsibility& x) { return shorten(x.what); }
std::string name_of(const Deliverable& x) { return x.title; }
std::string name_of(const CommunicationChannel& x) {
  std::string kind = to_string(x.kind);
  if (!kind.empty()) kind[0] = char(kind[0] - 'a' + 'A');
  return x.purpose.empty() ? kind : kind + ": " + shorten(x.purpose);
}
std::string name_of(const MeetingSeries& x) { return x.title; }
std::string name_of(const Milestone& x) { return x.title; }
std::string name_of(const Boundary& x) { return x.title; }
std::string name_of(const ChangeRequest& x) { return x.title; }
std::string name_of(const ClientTask& x) { return x.title; }
std::string name_of(const Decision& x) { return shorten(x.what); }
std::string name_of(const Feedback& x) {
  return x.note.empty() ? "Feedback of " + x.date.iso() : shorten(x.note);
}

std::optional<Kind> kind_of(const Engagement& e, Id id) {
  std::optional<Kind> found;
  for_each_table(e, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    if (!found && table.contains(id)) found = KindOf<T>::kind;
  });
  return found;
}

std::string display_name(const Engagement& e, Id id) {
  std::string name;
  bool found = false;
  for_each_table(e, [&](const auto& table) {
    if (found) return;
    if (const auto* item = table.find(id)) {
      name = name_of(*item);
      found = true;
    }
  });
  return name;
}

}  // namespace rapport
