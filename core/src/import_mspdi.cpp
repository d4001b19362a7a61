// MS Project XML (MSPDI) import: read_mspdi() makes the plan the app shows as
// a preview, mspdi_commands() turns it into commands (import.hpp has the
// mapping). The XML is read through the guards of xml_input.hpp (no entities,
// no network, no DTD, size and depth limits). Every step is one pass over the
// tasks with map look-ups: O(n log n).
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "rapport/ids.hpp"
#include "rapport/import.hpp"
#include "rapport/text.hpp"
#include "rapport/validate.hpp"
#include "xml_input.hpp"

namespace rapport {
namespace {

using xml::child;
using xml::child_text;
using xml::error_at;
using xml::is;
using xml::line_of;

// "2026-12-15T08:00:00" (or a bare date) -> the date and whether it is midnight.
std::optional<Date> mspdi_date(std::string_view text, bool* midnight = nullptr) {
  if (text.size() < 10) return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  if (midnight) *midnight = text.size() < 11 || text.substr(10).starts_with("T00:00:00");
  return date;
}

bool zero_duration(std::string_view d) {
  // PT0H0M0S, PT0H0M0.0S, P0D: no digit other than 0 before the unit letters.
  if (d.empty()) return false;
  for (char c : d)
    if (c >= '1' && c <= '9') return false;
  return true;
}

int number(const std::string& text, int fallback = 0) {
  if (text.empty()) return fallback;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !(v > -1e9 && v < 1e9)) return fallback;
  return int(v);
}

std::string origin_of(const MspdiPlan& plan, const char* what, const std::string& key) {
  return fmt::format("mspdi:{}:{}:{}", plan.project, what, key);
}

template <class T>
std::map<std::string, Id> by_origin(const Table<T>& table) {
  std::map<std::string, Id> out;
  for (const auto& [id, x] : table)
    if (!x.origin.empty()) out.emplace(x.origin, id);
  return out;
}

// A text cut to what a name may hold (kMaxNameBytes), at a character boundary.
std::string name_text(std::string_view s, const char* fallback) {
  size_t cut = std::min(s.size(), kMaxNameBytes - 1);
  while (cut > 0 && cut < s.size() && (uint8_t(s[cut]) & 0xC0) == 0x80) --cut;
  std::string out(s.substr(0, cut));
  if (out.find_first_not_of(" \t\r\n") == std::string::npos) return fallback;
  return out;
}

}  // namespace

const char* to_string(MspdiRole r) {
  switch (r) {
    case MspdiRole::Skip:
      return "skip";
    case MspdiRole::Milestone:
      return "milestone";
    case MspdiRole::ClientTask:
      return "client task";
    case MspdiRole::Phase:
      return "phase milestone";
  }
  return "";
}

bool names_client_side(std::string_view group) {
  std::string g = ascii_lower(group);
  return g.find("client") != std::string::npos || g.find("customer") != std::string::npos;
}

std::variant<MspdiPlan, ImportError> read_mspdi(const Engagement& e, std::string_view text) {
  auto parsed = xml::parse(text, "MS Project");
  if (auto* err = std::get_if<ImportError>(&parsed)) return *err;
  xml::DocPtr doc = std::move(std::get<xml::DocPtr>(parsed));
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!is(root, "Project"))
    return error_at(root ? line_of(root) : 1,
                    fmt::format("the root element is <{}>; an MS Project XML file has <Project>",
                                root ? reinterpret_cast<const char*>(root->name) : ""));
  MspdiPlan plan;
  plan.title = child_text(root, "Title");
  if (plan.title.empty()) plan.title = child_text(root, "Name");
  plan.project = child_text(root, "GUID");
  if (plan.project.empty()) plan.project = plan.title;
  plan.project = name_text(plan.project, "project").substr(0, 200);
  auto warn = [&](std::string w) { plan.warnings.push_back(std::move(w)); };

  // Resources.
  std::map<std::string, Id> client_people;  // lower-case name -> client stakeholder
  for (const auto& [id, s] : e.stakeholders)
    if (s.side == Side::Client) client_people.emplace(ascii_lower(s.name), id);
  const auto people_origin = by_origin(e.stakeholders);
  std::map<std::string, size_t> resource_index;
  for (const xmlNode* r = child(child(root, "Resources"), "Resource"); r; r = r->next) {
    if (!is(r, "Resource")) continue;
    MspdiResource res;
    res.uid = child_text(r, "UID");
    res.name = child_text(r, "Name");
    if (res.uid.empty() || res.uid == "0" || res.name.empty()) continue;  // the unassigned resource
    res.email = child_text(r, "EmailAddress");
    res.group = child_text(r, "Group");
    auto known = client_people.find(ascii_lower(res.name));
    res.client = names_client_side(res.group) || known != client_people.end();
    if (auto it = people_origin.find(origin_of(plan, "resource", res.uid));
        it != people_origin.end())
      res.updates = it->second;
    else if (known != client_people.end())
      res.updates = known->second;
    if (!resource_index.emplace(res.uid, plan.resources.size()).second)
      return error_at(line_of(r), fmt::format("two resources have the UID {}", res.uid));
    plan.resources.push_back(std::move(res));
  }
  std::map<std::string, std::string> client_resource_of;  // task UID -> resource UID
  for (const xmlNode* a = child(child(root, "Assignments"), "Assignment"); a; a = a->next) {
    if (!is(a, "Assignment")) continue;
    auto r = resource_index.find(child_text(a, "ResourceUID"));
    if (r != resource_index.end() && plan.resources[r->second].client)
      client_resource_of.emplace(child_text(a, "TaskUID"), r->first);
  }

  // Tasks, in the file's order; the outline levels give the phases.
  std::map<std::string, int> line_of_uid;
  std::vector<int> open_summaries;  // index in plan.tasks by outline level - 1
  size_t provider_tasks = 0;
  for (const xmlNode* n = child(child(root, "Tasks"), "Task"); n; n = n->next) {
    if (!is(n, "Task")) continue;
    MspdiTask t;
    t.uid = child_text(n, "UID");
    t.line = line_of(n);
    t.name = child_text(n, "Name");
    std::string what = fmt::format("the task “{}” (UID {})", t.name, t.uid);
    if (t.uid.empty()) return error_at(t.line, fmt::format("{} has no UID", what));
    if (auto [it, added] = line_of_uid.emplace(t.uid, t.line); !added)
      return error_at(t.line, fmt::format("{} has the UID of the task on line {}; UIDs are unique",
                                          what, it->second));
    if (child_text(n, "IsNull") == "1") continue;
    std::string level = child_text(n, "OutlineLevel");
    t.outline_level = level.empty() ? 1 : number(level, 1);
    if (t.outline_level <= 0 || (t.uid == "0" && level.empty())) continue;  // the project summary
    t.outline_level = std::min(t.outline_level, 100);
    bool start_midnight = false, finish_midnight = false;
    auto start = mspdi_date(child_text(n, "Start"), &start_midnight);
    auto finish = mspdi_date(child_text(n, "Finish"), &finish_midnight);
    if (!start && finish) start = finish;
    if (!finish && start) finish = start;
    if (!start) {
      warn(fmt::format("line {}: {} has no start or finish date and was not imported.", t.line,
                       what));
      continue;
    }
    t.start = *start;
    t.finish = *finish;
    std::string duration = child_text(n, "Duration");
    t.flagged_milestone = child_text(n, "Milestone") == "1";
    bool zero = !duration.empty() && zero_duration(duration);
    t.zero_duration = zero;
    // A finish at midnight belongs to the day before (GanttProject writes them).
    if (finish_midnight && !zero && !t.flagged_milestone && t.finish > t.start)
      t.finish = t.finish.plus_days(-1);
    if (t.finish < t.start) t.finish = t.start;
    if (!in_date_range(t.start) || !in_date_range(t.finish)) {
      warn(fmt::format("line {}: {} was not imported: its dates are outside the years 1 to 9999.",
                       t.line, what));
      continue;
    }
    t.summary = child_text(n, "Summary") == "1";
    t.percent = std::clamp(number(child_text(n, "PercentComplete")), 0, 100);
    t.active = child_text(n, "Active") != "0";
    if (auto done = mspdi_date(child_text(n, "ActualFinish")); done && in_date_range(*done))
      t.actual_finish = done;
    t.notes = child_text(n, "Notes");
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (is(c, "PredecessorLink")) t.predecessors.push_back(child_text(c, "PredecessorUID"));
      if (is(c, "Baseline") && number(child_text(c, "Number"), 0) == 0)
        if (auto b = mspdi_date(child_text(c, "Start")); b && in_date_range(*b)) t.baseline = b;
    }
    if (auto r = client_resource_of.find(t.uid); r != client_resource_of.end())
      t.client_resource = r->second;
    // Outline: the parent is the open summary one level up.
    if (size_t(t.outline_level) > open_summaries.size() + 1)
      t.outline_level = int(open_summaries.size()) + 1;  // ProjectLibre skips levels at times
    open_summaries.resize(size_t(t.outline_level - 1));
    t.parent = open_summaries.empty() ? -1 : open_summaries.back();
    if (t.parent >= 0) plan.tasks[size_t(t.parent)].summary = true;
    open_summaries.push_back(int(plan.tasks.size()));
    plan.tasks.push_back(std::move(t));
  }
  // Roles, once the outline is known (a Summary flag may be missing).
  for (MspdiTask& t : plan.tasks) {
    bool milestone = t.flagged_milestone || (!t.summary && t.zero_duration);
    if (milestone)
      t.role = MspdiRole::Milestone;
    else if (t.summary)
      t.role = t.outline_level == 1 ? MspdiRole::Phase : MspdiRole::Skip;
    else if (!t.client_resource.empty())
      t.role = MspdiRole::ClientTask;
    else
      ++provider_tasks;
  }
  if (provider_tasks)
    warn(fmt::format(
        "{} task{} of the provider's own work {} skipped: Rapport plans milestones "
        "and what the client owes, not the work breakdown.",
        provider_tasks, provider_tasks == 1 ? "" : "s", provider_tasks == 1 ? "is" : "are"));

  // Calendar exceptions of the project calendar: non-working ones become blackouts.
  std::string calendar_uid = child_text(root, "CalendarUID");
  const xmlNode* calendar = nullptr;
  for (const xmlNode* c = child(child(root, "Calendars"), "Calendar"); c; c = c->next)
    if (is(c, "Calendar") && (!calendar || child_text(c, "UID") == calendar_uid)) calendar = c;
  std::set<std::pair<int32_t, int32_t>> seen;
  auto add_blackout = [&](const xmlNode* period, std::string name, int line) {
    auto from = mspdi_date(child_text(period, "FromDate"));
    auto to = mspdi_date(child_text(period, "ToDate"));
    if (!from || !to || *to < *from || !in_date_range(*from) || !in_date_range(*to)) {
      warn(fmt::format("line {}: a calendar exception without valid dates was skipped.", line));
      return;
    }
    if (!seen.emplace(from->days, to->days).second) return;
    MspdiBlackout b;
    b.key = from->iso();
    b.name = name.empty() ? "Non-working time" : std::move(name);
    b.from = *from;
    b.to = *to;
    plan.blackouts.push_back(std::move(b));
  };
  if (calendar) {
    for (const xmlNode* x = child(child(calendar, "Exceptions"), "Exception"); x; x = x->next)
      if (is(x, "Exception") && child_text(x, "DayWorking") != "1")
        if (const xmlNode* p = child(x, "TimePeriod"))
          add_blackout(p, child_text(x, "Name"), line_of(x));
    for (const xmlNode* d = child(child(calendar, "WeekDays"), "WeekDay"); d; d = d->next)
      if (is(d, "WeekDay") && child_text(d, "DayType") == "0" && child_text(d, "DayWorking") != "1")
        if (const xmlNode* p = child(d, "TimePeriod")) add_blackout(p, "", line_of(d));
  }
  doc.reset();

  // What an earlier import made: by origin, else by title.
  const auto milestones = by_origin(e.milestones);
  const auto tasks = by_origin(e.client_tasks);
  const auto boundaries = by_origin(e.boundaries);
  std::map<std::string, Id> milestone_titles, task_titles, blackout_titles;
  for (const auto& [id, m] : e.milestones) milestone_titles.emplace(ascii_lower(m.title), id);
  for (const auto& [id, c] : e.client_tasks) task_titles.emplace(ascii_lower(c.title), id);
  for (const auto& [id, b] : e.boundaries)
    if (b.kind == BoundaryKind::Blackout) blackout_titles.emplace(ascii_lower(b.title), id);
  auto find = [](const std::map<std::string, Id>& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? kNoId : it->second;
  };
  for (MspdiTask& t : plan.tasks) {
    if (Id id = find(milestones, origin_of(plan, "task", t.uid)))
      t.updates = id;
    else if (Id id2 = find(tasks, origin_of(plan, "task", t.uid)))
      t.updates = id2;
    else if (t.role == MspdiRole::ClientTask)
      t.updates = find(task_titles, ascii_lower(t.name));
    else if (t.role != MspdiRole::Skip)
      t.updates = find(milestone_titles, ascii_lower(t.name));
  }
  for (MspdiBlackout& b : plan.blackouts) {
    b.updates = find(boundaries, origin_of(plan, "exception", b.key));
    if (!b.updates) b.updates = find(blackout_titles, ascii_lower(b.name));
  }
  // Owners of client tasks become stakeholders by default.
  std::set<std::string> owners;
  for (const MspdiTask& t : plan.tasks)
    if (t.role == MspdiRole::ClientTask) owners.insert(t.client_resource);
  for (MspdiResource& r : plan.resources) r.as_stakeholder = owners.count(r.uid) != 0;
  return plan;
}

ImportResult mspdi_commands(const Engagement& e, const MspdiPlan& plan,
                            std::vector<std::string>* warnings) {
  Id next = next_item_id(e);  // ids.hpp: the ids the Adds below will get, in order
  std::vector<Command> people, plan_items, client_items, calendar;
  std::map<std::string, Id> person_of_resource;
  for (const MspdiResource& r : plan.resources) {
    if (!r.as_stakeholder) {
      if (r.updates) person_of_resource[r.uid] = r.updates;
      continue;
    }
    Stakeholder s;
    if (const Stakeholder* known = e.stakeholders.find(r.updates))
      s = *known;
    else {
      s.side = r.client ? Side::Client : Side::Provider;
      s.role = "From the MS Project plan";
    }
    s.name = name_text(r.name, "Unnamed resource");
    if (!r.email.empty()) s.contact = r.email;
    s.origin = origin_of(plan, "resource", r.uid);
    if (const Stakeholder* known = e.stakeholders.find(r.updates)) {
      person_of_resource[r.uid] = known->id;
      if (!(s == *known)) people.push_back(Update<Stakeholder>{s});
    } else {
      people.push_back(Add<Stakeholder>{s});
      person_of_resource[r.uid] = next++;
    }
  }
  auto milestone_status = [](int percent) {
    return percent >= 100 ? MilestoneStatus::Done
           : percent > 0  ? MilestoneStatus::InProgress
                          : MilestoneStatus::Planned;
  };
  std::map<std::string, Id> milestone_of_task;
  for (const MspdiTask& t : plan.tasks) {
    if (t.role != MspdiRole::Milestone && t.role != MspdiRole::Phase) continue;
    Date date = t.role == MspdiRole::Milestone ? t.start : t.finish;
    Milestone m;
    const Milestone* before = e.milestones.find(t.updates);
    if (before) m = *before;
    m.title = name_text(t.name, "Untitled milestone");
    m.current = date;
    m.baseline = t.baseline ? *t.baseline : before ? before->baseline : date;
    m.status = milestone_status(t.percent);
    if (!t.notes.empty() || !before) m.description = t.notes;
    m.origin = origin_of(plan, "task", t.uid);
    if (before) {
      milestone_of_task[t.uid] = before->id;
      if (!(m == *before)) plan_items.push_back(Update<Milestone>{m});
    } else {
      plan_items.push_back(Add<Milestone>{m});
      milestone_of_task[t.uid] = next++;
    }
  }
  std::map<std::string, Id> milestone_after;  // task UID -> the milestone it precedes
  for (const MspdiTask& t : plan.tasks)
    if (auto m = milestone_of_task.find(t.uid); m != milestone_of_task.end())
      for (const std::string& p : t.predecessors) milestone_after[p] = m->second;
  for (const MspdiTask& t : plan.tasks) {
    if (t.role != MspdiRole::ClientTask) continue;
    ClientTask c;
    const ClientTask* before = e.client_tasks.find(t.updates);
    if (before) c = *before;
    c.title = name_text(t.name, "Untitled task");
    c.created_on = before ? std::min(before->created_on, t.start) : t.start;
    c.due = std::max(t.finish, c.created_on);
    auto owner = person_of_resource.find(t.client_resource);
    c.owner = owner != person_of_resource.end() ? owner->second : (before ? before->owner : kNoId);
    Id waits = kNoId;
    if (auto it = milestone_after.find(t.uid); it != milestone_after.end()) waits = it->second;
    for (int p = t.parent; waits == kNoId && p >= 0; p = plan.tasks[size_t(p)].parent)
      if (auto it = milestone_of_task.find(plan.tasks[size_t(p)].uid);
          it != milestone_of_task.end())
        waits = it->second;
    c.milestone = waits;
    c.status = !t.active          ? TaskStatus::Dropped
               : t.percent >= 100 ? TaskStatus::Done
                                  : TaskStatus::Open;
    c.done_on = std::nullopt;
    if (c.status == TaskStatus::Done)
      c.done_on = std::max(c.created_on, t.actual_finish             ? *t.actual_finish
                                         : before && before->done_on ? *before->done_on
                                                                     : c.due);
    c.origin = origin_of(plan, "task", t.uid);
    if (before && c == *before) continue;
    if (before)
      client_items.push_back(Update<ClientTask>{c});
    else {
      client_items.push_back(Add<ClientTask>{c});
      ++next;
    }
  }
  for (const MspdiBlackout& b : plan.blackouts) {
    if (!b.import) continue;
    Boundary x;
    const Boundary* before = e.boundaries.find(b.updates);
    if (before) x = *before;
    x.kind = BoundaryKind::Blackout;
    x.title = name_text(b.name, "Non-working time");
    x.from = b.from;
    x.to = b.to;
    x.origin = origin_of(plan, "exception", b.key);
    if (before && x == *before) continue;
    if (before)
      calendar.push_back(Update<Boundary>{x});
    else
      calendar.push_back(Add<Boundary>{x});
  }
  if (warnings) warnings->insert(warnings->end(), plan.warnings.begin(), plan.warnings.end());
  std::vector<Command> commands = std::move(people);
  for (auto* part : {&plan_items, &client_items, &calendar})
    std::move(part->begin(), part->end(), std::back_inserter(commands));
  if (auto err = check_import(e, commands)) return *err;
  return commands;
}

ImportResult import_mspdi(const Engagement& e, std::string_view xml,
                          std::vector<std::string>* warnings) {
  auto plan = read_mspdi(e, xml);
  if (auto* err = std::get_if<ImportError>(&plan)) return *err;
  return mspdi_commands(e, std::get<MspdiPlan>(plan), warnings);
}

}  // namespace rapport
