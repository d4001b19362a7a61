// MS Project XML (MSPDI) export: what the client may see, as a plan MS Project,
// ProjectLibre, GanttProject and GNOME Planner open. The mapping is in
// export.hpp; the import (import_mspdi.cpp) reads it back. Elements are
// written in the order of the schema (mspdi_pj12.xsd): MS Project refuses a
// file whose elements are out of order.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/recurrence.hpp"

namespace rapport {
namespace {

// MS Project keeps names to 255 characters; cut at a character, never inside one.
std::string limited(std::string_view text, size_t max_chars = 255) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((uint8_t(text[i]) & 0xC0) != 0x80 && chars++ == max_chars)
      return std::string(text.substr(0, i));
  }
  return std::string(text);
}

// Resource names may not hold the list separator or brackets.
std::string resource_name(std::string_view text) {
  std::string out = limited(text);
  for (char& c : out)
    if (c == ',' || c == '[' || c == ']') c = ' ';
  return out;
}

std::string stamp(Date d, int minutes) {
  return fmt::format("{}T{:02d}:{:02d}:00", d.iso(), minutes / 60, minutes % 60);
}

// Working days Mon-Fri in [from, to], without a loop over years of days.
int64_t workdays(Date from, Date to) {
  if (to < from) return 0;
  int64_t days = int64_t(to.days) - from.days + 1;
  int64_t count = days / 7 * 5;
  unsigned wd = from.plus_days(int32_t(days / 7 * 7)).weekday();
  for (int64_t i = 0; i < days % 7; ++i, wd = (wd + 1) % 7)
    if (wd != 0 && wd != 6) ++count;
  return count;
}

std::string hours(int64_t minutes) { return fmt::format("PT{}H{}M0S", minutes / 60, minutes % 60); }

struct Writer {
  std::string out;
  int indent = 0;
  void open(const char* name) {
    out.append(size_t(indent) * 2, ' ');
    out += fmt::format("<{}>\n", name);
    ++indent;
  }
  void close(const char* name) {
    --indent;
    out.append(size_t(indent) * 2, ' ');
    out += fmt::format("</{}>\n", name);
  }
  void el(const char* name, std::string_view value) {
    out.append(size_t(indent) * 2, ' ');
    out += fmt::format("<{}>{}</{}>\n", name, xml_escape(value), name);
  }
  void el(const char* name, int64_t value) { el(name, std::to_string(value)); }
};

struct TaskOut {
  int64_t uid = 0;
  std::string name;
  Date start, finish;
  int start_minutes = 8 * 60, finish_minutes = 17 * 60;
  int64_t duration_minutes = 0;
  bool milestone = false;
  int percent = 0;
  bool active = true;
  std::optional<Date> actual_finish;
  std::string notes;
  std::optional<Date> baseline;  // milestones: the agreed date
  std::vector<int64_t> predecessors;
};

}  // namespace

std::string export_mspdi(const Engagement& original, const ExportOptions& options) {
  const Engagement client_copy = options.include_internal ? original : redacted(original);
  const Engagement& e = client_copy;
  const int kDayStart = 8 * 60, kDayEnd = 17 * 60;

  // Tasks: milestones, then client tasks, then meeting occurrences, each by id.
  std::vector<TaskOut> tasks;
  std::map<Id, size_t> task_of_milestone;
  int64_t uid = 1;
  for (const auto& [id, m] : e.milestones) {
    TaskOut t;
    t.uid = uid++;
    t.name = limited(m.title);
    t.start = t.finish = m.current;
    t.start_minutes = t.finish_minutes = kDayStart;
    t.milestone = true;
    t.percent = m.status == MilestoneStatus::Done         ? 100
                : m.status == MilestoneStatus::InProgress ? 50
                                                          : 0;
    t.notes = m.description;
    t.baseline = m.baseline;
    task_of_milestone[id] = tasks.size();
    tasks.push_back(std::move(t));
  }
  std::map<Id, int64_t> resource_uid;                    // stakeholder -> resource UID
  std::vector<std::pair<int64_t, int64_t>> assignments;  // task UID, resource UID
  for (const auto& [id, c] : e.client_tasks) {
    TaskOut t;
    t.uid = uid++;
    t.name = limited(c.title);
    t.start = c.created_on;
    t.finish = c.due;
    t.duration_minutes = std::max<int64_t>(1, workdays(c.created_on, c.due)) * 480;
    t.percent = c.status == TaskStatus::Done ? 100 : 0;
    t.active = c.status != TaskStatus::Dropped;
    if (c.status == TaskStatus::Done) t.actual_finish = c.done_on ? *c.done_on : c.due;
    if (c.owner != kNoId && e.stakeholders.contains(c.owner)) {
      auto [it, added] = resource_uid.emplace(c.owner, int64_t(resource_uid.size()) + 1);
      assignments.emplace_back(t.uid, it->second);
    }
    if (auto m = task_of_milestone.find(c.milestone); m != task_of_milestone.end())
      tasks[m->second].predecessors.push_back(t.uid);
    tasks.push_back(std::move(t));
  }
  for (const auto& [id, s] : e.meetings) {
    Instant from = start_of(e.info.start), to = start_of(e.info.end.plus_days(1));
    for (const Occurrence& o : occurrences(s, e.info, from, to)) {
      if (o.state == OccurrenceState::Cancelled) continue;
      LocalDateTime start = to_local(o.start, series_zone(s, e.info));
      LocalDateTime end = to_local(o.end, series_zone(s, e.info));
      TaskOut t;
      t.uid = uid++;
      t.name = limited(s.title);
      t.start = start.date;
      t.start_minutes = start.time.minutes;
      t.finish = end.date;
      t.finish_minutes = end.time.minutes;
      t.duration_minutes = s.duration_minutes;
      t.percent = o.state == OccurrenceState::Held ? 100 : 0;
      if (o.state == OccurrenceState::Held) t.actual_finish = end.date;
      t.notes = s.purpose;
      tasks.push_back(std::move(t));
    }
  }

  Writer w;
  w.out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  w.out += "<Project xmlns=\"http://schemas.microsoft.com/project\">\n";
  w.indent = 1;
  const std::string name = limited(e.info.name);
  w.el("SaveVersion", 14);
  w.el("Name", name + ".xml");
  w.el("Title", name);
  w.el("Company", limited(e.info.client_org));
  w.el("Manager", limited(e.info.provider_org));
  w.el("CreationDate", stamp(today_in(e.info.time_zone), kDayStart));
  w.el("ScheduleFromStart", 1);
  w.el("StartDate", stamp(e.info.start, kDayStart));
  w.el("FinishDate", stamp(e.info.end, kDayEnd));
  w.el("FYStartDate", 1);
  w.el("CriticalSlackLimit", 0);
  w.el("CurrencyDigits", 2);
  w.el("CurrencySymbol", e.info.currency);
  w.el("CurrencyCode", e.info.currency);
  w.el("CurrencySymbolPosition", 0);
  w.el("CalendarUID", 1);
  w.el("DefaultStartTime", "08:00:00");
  w.el("DefaultFinishTime", "17:00:00");
  w.el("MinutesPerDay", 480);
  w.el("MinutesPerWeek", 2400);
  w.el("DaysPerMonth", 20);
  w.el("DefaultTaskType", 1);
  w.el("DefaultFixedCostAccrual", 3);
  w.el("DefaultStandardRate", 0);
  w.el("DefaultOvertimeRate", 0);
  w.el("DurationFormat", 7);
  w.el("WorkFormat", 2);
  w.el("EditableActualCosts", 0);
  w.el("HonorConstraints", 0);
  w.el("InsertedProjectsLikeSummary", 1);
  w.el("MultipleCriticalPaths", 0);
  w.el("NewTasksEffortDriven", 0);
  w.el("NewTasksEstimated", 0);
  w.el("SplitsInProgressTasks", 0);
  w.el("SpreadActualCost", 0);
  w.el("SpreadPercentComplete", 0);
  w.el("TaskUpdatesResource", 1);
  w.el("FiscalYearStart", 0);
  w.el("WeekStartDay", 1);
  w.el("MoveCompletedEndsBack", 0);
  w.el("MoveRemainingStartsBack", 0);
  w.el("MoveRemainingStartsForward", 0);
  w.el("MoveCompletedEndsForward", 0);
  w.el("BaselineForEarnedValue", 0);
  w.el("AutoAddNewResourcesAndTasks", 1);
  w.el("CurrentDate", stamp(today_in(e.info.time_zone), kDayStart));
  w.el("MicrosoftProjectServerURL", 1);
  w.el("Autolink", 0);
  w.el("NewTaskStartDate", 0);
  w.el("DefaultTaskEVMethod", 0);
  w.el("ProjectExternallyEdited", 0);
  w.el("ActualsInSync", 0);
  w.el("RemoveFileProperties", 0);
  w.el("AdminProject", 0);

  // The Standard calendar: Mon-Fri 08:00-12:00 and 13:00-17:00; blackouts as
  // exceptions, both as Project 2003 writes them (WeekDay of DayType 0) and as
  // Project 2007 and later do (Exceptions), as MS Project itself writes both.
  std::vector<const Boundary*> blackouts;
  for (const auto& [id, b] : e.boundaries)
    if (b.kind == BoundaryKind::Blackout) blackouts.push_back(&b);
  w.open("Calendars");
  w.open("Calendar");
  w.el("UID", 1);
  w.el("Name", "Standard");
  w.el("IsBaseCalendar", 1);
  w.el("IsBaselineCalendar", 0);
  w.el("BaseCalendarUID", -1);
  w.open("WeekDays");
  for (int day = 1; day <= 7; ++day) {
    w.open("WeekDay");
    w.el("DayType", day);
    bool working = day != 1 && day != 7;
    w.el("DayWorking", working ? 1 : 0);
    if (working) {
      w.open("WorkingTimes");
      for (auto [from, to] : {std::pair{"08:00:00", "12:00:00"}, {"13:00:00", "17:00:00"}}) {
        w.open("WorkingTime");
        w.el("FromTime", from);
        w.el("ToTime", to);
        w.close("WorkingTime");
      }
      w.close("WorkingTimes");
    }
    w.close("WeekDay");
  }
  for (const Boundary* b : blackouts) {
    w.open("WeekDay");
    w.el("DayType", 0);
    w.el("DayWorking", 0);
    w.open("TimePeriod");
    w.el("FromDate", stamp(b->from, 0));
    w.el("ToDate", stamp(b->to, 23 * 60 + 59));
    w.close("TimePeriod");
    w.close("WeekDay");
  }
  w.close("WeekDays");
  if (!blackouts.empty()) {
    w.open("Exceptions");
    for (const Boundary* b : blackouts) {
      w.open("Exception");
      w.el("EnteredByOccurrences", 0);
      w.open("TimePeriod");
      w.el("FromDate", stamp(b->from, 0));
      w.el("ToDate", stamp(b->to, 23 * 60 + 59));
      w.close("TimePeriod");
      w.el("Occurrences", 1);
      w.el("Name", limited(b->title));
      w.el("Type", 1);
      w.el("DayWorking", 0);
      w.close("Exception");
    }
    w.close("Exceptions");
  }
  w.close("Calendar");
  w.close("Calendars");

  w.open("Tasks");
  {  // The project summary task MS Project writes first.
    w.open("Task");
    w.el("UID", 0);
    w.el("ID", 0);
    w.el("Name", name);
    w.el("Type", 1);
    w.el("IsNull", 0);
    w.el("OutlineNumber", "0");
    w.el("OutlineLevel", 0);
    w.el("Start", stamp(e.info.start, kDayStart));
    w.el("Finish", stamp(e.info.end, kDayEnd));
    w.el("DurationFormat", 7);
    w.el("Milestone", 0);
    w.el("Summary", 1);
    w.el("CalendarUID", -1);
    w.close("Task");
  }
  int64_t position = 1;
  for (const TaskOut& t : tasks) {
    std::string outline = std::to_string(position);
    w.open("Task");
    w.el("UID", t.uid);
    w.el("ID", position++);
    w.el("Name", t.name);
    w.el("Type", 1);
    w.el("IsNull", 0);
    w.el("OutlineNumber", outline);
    w.el("OutlineLevel", 1);
    w.el("Priority", 500);
    w.el("Start", stamp(t.start, t.start_minutes));
    w.el("Finish", stamp(t.finish, t.finish_minutes));
    w.el("Duration", hours(t.duration_minutes));
    w.el("DurationFormat", 7);
    w.el("Work", "PT0H0M0S");
    w.el("Milestone", t.milestone ? 1 : 0);
    w.el("Summary", 0);
    w.el("PercentComplete", t.percent);
    if (t.actual_finish) {
      w.el("ActualStart", stamp(t.start, t.start_minutes));
      w.el("ActualFinish", stamp(*t.actual_finish, t.finish_minutes));
    }
    // Start no earlier than: the dates stay where Rapport has them.
    w.el("ConstraintType", 4);
    w.el("CalendarUID", -1);
    w.el("ConstraintDate", stamp(t.start, t.start_minutes));
    if (!t.notes.empty()) w.el("Notes", t.notes);
    for (int64_t p : t.predecessors) {
      w.open("PredecessorLink");
      w.el("PredecessorUID", p);
      w.el("Type", 1);
      w.el("CrossProject", 0);
      w.el("LinkLag", 0);
      w.el("LagFormat", 7);
      w.close("PredecessorLink");
    }
    if (t.baseline) {
      w.open("Baseline");
      w.el("Number", 0);
      w.el("Start", stamp(*t.baseline, t.start_minutes));
      w.el("Finish", stamp(*t.baseline, t.finish_minutes));
      w.el("Duration", hours(t.duration_minutes));
      w.el("DurationFormat", 7);
      w.close("Baseline");
    }
    if (!t.active) w.el("Active", 0);
    w.close("Task");
  }
  w.close("Tasks");

  std::vector<std::pair<int64_t, Id>> resources;
  for (const auto& [person, r] : resource_uid) resources.emplace_back(r, person);
  std::sort(resources.begin(), resources.end());
  w.open("Resources");
  for (const auto& [r, person] : resources) {
    const Stakeholder& s = *e.stakeholders.find(person);
    w.open("Resource");
    w.el("UID", r);
    w.el("ID", r);
    w.el("Name", resource_name(s.name));
    w.el("Type", 1);
    w.el("IsNull", 0);
    w.el("Group", s.side == Side::Client ? "Client" : "Provider");
    if (s.contact.find('@') != std::string::npos) w.el("EmailAddress", limited(s.contact));
    w.el("MaxUnits", "1.00");
    w.el("CalendarUID", 1);
    if (!s.role.empty()) w.el("Notes", s.role);
    w.close("Resource");
  }
  w.close("Resources");
  w.open("Assignments");
  int64_t assignment = 1;
  for (const auto& [task, r] : assignments) {
    w.open("Assignment");
    w.el("UID", assignment++);
    w.el("TaskUID", task);
    w.el("ResourceUID", r);
    w.el("Units", "1");
    w.close("Assignment");
  }
  w.close("Assignments");
  w.out += "</Project>\n";
  return std::move(w.out);
}

}  // namespace rapport
