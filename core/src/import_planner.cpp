// GNOME Planner import (.planner, XML) with libxml2. The mapping from a task
// plan to Rapport's commitments is described in import.hpp. Errors name the
// line of the element.
//
// Bounded in time and memory: the parser runs without network access, without
// loading a DTD and without entity substitution, and a file that declares
// entities (a DOCTYPE with an internal subset) is refused before parsing, so an
// attribute can never expand into gigabytes. Attribute values are read as
// parsed, never expanded. Every step is a pass or a map look-up per task.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>

#include "rapport/ids.hpp"
#include "rapport/import.hpp"
#include "rapport/text.hpp"
#include "rapport/validate.hpp"
#include "xml_input.hpp"

namespace rapport {
namespace {

using xml::attr;
using xml::error_at;
using xml::is;
using xml::line_of;

struct PlannerTask {
  std::string id;
  std::string name;
  std::string note;
  Date start;
  Date end;
  bool milestone = false;
  bool summary = false;  // has child tasks
  int depth = 0;
  int percent = 0;
  int line = 0;
  std::string parent;
  int parent_index = -1;                  // in the list of tasks, -1 at the top
  std::vector<std::string> predecessors;  // task ids
};

// "20261124T000000Z" -> the date; `is_end`: an end at midnight is the day before.
std::optional<Date> planner_date(const std::string& text, bool is_end) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return std::nullopt;
  int v[6] = {};
  const int at[6] = {0, 4, 6, 9, 11, 13}, len[6] = {4, 2, 2, 2, 2, 2};
  for (int i = 0; i < 6; ++i)
    for (int k = 0; k < len[i]; ++k) {
      char c = text[size_t(at[i] + k)];
      if (c < '0' || c > '9') return std::nullopt;
      v[i] = v[i] * 10 + (c - '0');
    }
  auto date = parse_date(fmt::format("{:04d}-{:02d}-{:02d}", v[0], v[1], v[2]));
  if (!date || v[3] > 23 || v[4] > 59 || v[5] > 60) return std::nullopt;
  if (is_end && v[3] == 0 && v[4] == 0 && v[5] == 0) return date->plus_days(-1);
  return date;
}

// The task a <task> element is nested in (none at the top).
struct ParentTask {
  std::string id;
  int depth = -1;
  int index = -1;  // what its children get as parent_index
};

// One <task> element: its attributes checked and read, appended to `out`
// (the caller drops it again when it is not `kept`).
std::optional<ImportError> read_task(const xmlNode* n, const ParentTask& parent,
                                     std::vector<PlannerTask>& out,
                                     std::map<std::string, int>& line_of_id,
                                     std::vector<std::string>* warnings, bool& kept) {
  PlannerTask t;
  t.id = attr(n, "id");
  t.name = attr(n, "name");
  t.note = attr(n, "note");
  t.line = line_of(n);
  t.depth = parent.depth + 1;
  t.parent = parent.id;
  t.parent_index = parent.index;
  t.milestone = attr(n, "type") == "milestone";
  std::string what = fmt::format("<task id=\"{}\" name=\"{}\">", t.id, t.name);
  if (t.id.empty()) return error_at(t.line, fmt::format("{} has no id", what));
  if (auto [it, added] = line_of_id.emplace(t.id, t.line); !added)
    return error_at(t.line, fmt::format("{} has the id of the task on line {}; task ids are unique",
                                        what, it->second));
  for (const char* key : {"start", "end"}) {
    std::string value = attr(n, key);
    auto date = planner_date(value, std::string_view(key) == "end");
    if (!date)
      return error_at(
          t.line,
          fmt::format("{} has {}=\"{}\", which is not a Planner date such as 20261124T000000Z",
                      what, key, value));
    (std::string_view(key) == "start" ? t.start : t.end) = *date;
  }
  if (t.end < t.start) t.end = t.start;
  // A date Rapport cannot keep (outside the years 1 to 9999) would make the
  // engagement unsavable: the task is left out, its children still read.
  kept = in_date_range(t.start) && in_date_range(t.end);
  if (!kept && warnings)
    warnings->push_back(fmt::format(
        "line {}: {} was not imported: its dates {} to {} are outside the years 1 to 9999.", t.line,
        what, t.start.iso(), t.end.iso()));
  std::string percent = attr(n, "percent-complete");
  t.percent = percent.empty() ? 0 : std::clamp(std::atoi(percent.c_str()), 0, 100);
  if (t.depth >= 50) return error_at(t.line, "tasks are nested more than 50 levels deep");
  out.push_back(std::move(t));
  return std::nullopt;
}

struct Resource {
  std::string name;
  std::string email;
  bool client = false;
};

}  // namespace

ImportResult import_planner(const Engagement& e, std::string_view xml,
                            std::vector<std::string>* warnings) {
  auto warn = [&](std::string text) {
    if (warnings) warnings->push_back(std::move(text));
  };
  // Read one element at a time (xml_input.hpp): a tree of the whole file
  // would take about ten times its size.
  auto opened = xml::open_reader(xml, "GNOME Planner");
  if (auto* err = std::get_if<ImportError>(&opened)) return *err;
  xml::ReaderPtr reader = std::move(std::get<xml::ReaderPtr>(opened));

  // Resources, their groups and allocations.
  struct RawResource {
    std::string name, email, group;
  };
  std::map<std::string, std::string> groups;  // id -> name
  std::map<std::string, RawResource> raw_resources;
  std::multimap<std::string, std::string> allocations;  // task id -> resource id
  std::vector<PlannerTask> tasks;
  std::map<std::string, int> line_of_task;  // task id -> line, for duplicates
  // The open elements, outermost first: what each is, and for a task (and
  // its predecessors) where it is in `tasks` (-1: not kept) and what its
  // child tasks get as their parent.
  enum class Open { Root, Other, Groups, Tasks, Task, Predecessors, Resources, Allocations };
  struct Frame {
    Open what = Open::Other;
    int index = -1;
    ParentTask as_parent;
  };
  std::vector<Frame> open;
  bool root_seen = false;
  for (;;) {
    auto step = xml::next(reader.get());
    if (auto* err = std::get_if<ImportError>(&step)) return *err;
    if (!std::get<bool>(step)) break;
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_END_ELEMENT) {
      if (!open.empty()) open.pop_back();
      continue;
    }
    if (type != XML_READER_TYPE_ELEMENT) continue;
    const xmlNode* n = xmlTextReaderCurrentNode(reader.get());
    const bool empty = xmlTextReaderIsEmptyElement(reader.get()) == 1;
    Frame frame;
    if (!root_seen) {
      root_seen = true;
      if (!is(n, "project"))
        return error_at(line_of(n),
                        fmt::format("the root element is <{}>; a GNOME Planner file has <project>",
                                    reinterpret_cast<const char*>(n->name)));
      frame.what = Open::Root;
    } else if (open.empty()) {
      frame.what = Open::Other;
    } else if (Frame& up = open.back(); up.what == Open::Root) {
      frame.what = is(n, "resource-groups") ? Open::Groups
                   : is(n, "tasks")         ? Open::Tasks
                   : is(n, "resources")     ? Open::Resources
                   : is(n, "allocations")   ? Open::Allocations
                                            : Open::Other;
    } else if (up.what == Open::Groups && is(n, "group")) {
      groups[attr(n, "id")] = attr(n, "name");
    } else if (up.what == Open::Resources && is(n, "resource")) {
      raw_resources[attr(n, "id")] = {attr(n, "name"), attr(n, "email"), attr(n, "group")};
    } else if (up.what == Open::Allocations && is(n, "allocation")) {
      allocations.emplace(attr(n, "task-id"), attr(n, "resource-id"));
    } else if ((up.what == Open::Tasks || up.what == Open::Task) && is(n, "task")) {
      const bool nested = up.what == Open::Task;
      if (nested && up.index >= 0) tasks[size_t(up.index)].summary = true;
      bool kept = false;
      if (auto err = read_task(n, up.as_parent, tasks, line_of_task, warnings, kept)) return *err;
      frame.what = Open::Task;
      frame.index = kept ? int(tasks.size()) - 1 : -1;
      frame.as_parent = {tasks.back().id, tasks.back().depth,
                         kept ? frame.index : up.as_parent.index};
      if (!kept) tasks.pop_back();
    } else if (up.what == Open::Task && is(n, "predecessors")) {
      frame.what = Open::Predecessors;
      frame.index = up.index;
    } else if (up.what == Open::Predecessors && is(n, "predecessor")) {
      if (up.index >= 0) tasks[size_t(up.index)].predecessors.push_back(attr(n, "predecessor-id"));
    }
    if (!empty) open.push_back(std::move(frame));
  }
  reader.reset();
  if (!root_seen) return error_at(0, "the file has no <project> element");

  std::map<std::string, Id> client_people;  // lower-case name -> existing client stakeholder
  for (const auto& [id, s] : e.stakeholders)
    if (s.side == Side::Client) client_people[ascii_lower(s.name)] = id;
  std::map<std::string, Resource> resources;
  for (auto& [id, raw] : raw_resources) {
    Resource res{std::move(raw.name), std::move(raw.email), false};
    res.client = names_client_side(groups[raw.group]) || client_people.count(ascii_lower(res.name));
    resources[id] = std::move(res);
  }
  raw_resources.clear();

  // Ids the commands will get: Add assigns them in order from next_item_id().
  Id next = next_item_id(e);  // ids.hpp: the same ids plan_add will give
  std::vector<Command> people, plan_items, client_items;
  std::map<std::string, Id> person_of_resource;
  auto owner_for = [&](const std::string& resource_id) -> Id {
    if (auto it = person_of_resource.find(resource_id); it != person_of_resource.end())
      return it->second;
    const Resource& r = resources[resource_id];
    Id id = kNoId;
    if (auto known = client_people.find(ascii_lower(r.name)); known != client_people.end()) {
      id = known->second;
    } else if (!r.name.empty()) {
      Stakeholder s;
      s.side = Side::Client;
      s.name = r.name;
      s.contact = r.email;
      s.role = "From the GNOME Planner project";
      people.push_back(Add<Stakeholder>{s});
      id = next++;
    }
    person_of_resource[resource_id] = id;
    return id;
  };
  auto client_owner = [&](const PlannerTask& t) -> std::optional<Id> {
    auto [from, to] = allocations.equal_range(t.id);
    for (auto it = from; it != to; ++it)
      if (resources.count(it->second) && resources[it->second].client) return owner_for(it->second);
    return std::nullopt;
  };

  // Milestones first (client tasks refer to them); existing titles update.
  std::map<std::string, Id> milestone_of_task;
  std::map<std::string, const Milestone*> milestone_by_title;
  for (const auto& [id, m] : e.milestones) milestone_by_title.emplace(ascii_lower(m.title), &m);
  // Owners of client tasks are assigned before milestone ids are counted, so
  // that stakeholders come first in the commands.
  std::map<std::string, Id> owners;
  for (const PlannerTask& t : tasks)
    if (!t.milestone && !t.summary)
      if (auto owner = client_owner(t)) owners[t.id] = *owner;
  for (const PlannerTask& t : tasks) {
    bool phase = t.summary && t.depth == 0 && !owners.count(t.id);
    if (!t.milestone && !phase) continue;
    Date date = t.milestone ? t.start : t.end;
    if (auto it = milestone_by_title.find(ascii_lower(t.name)); it != milestone_by_title.end()) {
      Milestone m = *it->second;
      milestone_of_task[t.id] = m.id;
      if (m.current == date) continue;
      m.current = date;
      plan_items.push_back(Update<Milestone>{m});
      continue;
    }
    Milestone m;
    m.title = t.name.empty() ? "Untitled milestone" : t.name;
    m.baseline = m.current = date;
    m.status = t.percent >= 100 ? MilestoneStatus::Done
               : t.percent > 0  ? MilestoneStatus::InProgress
                                : MilestoneStatus::Planned;
    m.description = t.note;
    plan_items.push_back(Add<Milestone>{m});
    milestone_of_task[t.id] = next++;
  }

  // Client tasks wait on the milestone they precede (the last such milestone
  // in the file), else their phase's: one pass over the predecessors.
  std::map<std::string, Id> milestone_after;  // task id -> milestone it precedes
  for (const PlannerTask& other : tasks) {
    if (!other.milestone) continue;
    auto m = milestone_of_task.find(other.id);
    if (m == milestone_of_task.end()) continue;
    for (const std::string& p : other.predecessors) milestone_after[p] = m->second;
  }
  std::map<std::string, const ClientTask*> task_by_title;
  for (const auto& [id, t] : e.client_tasks) task_by_title.emplace(ascii_lower(t.title), &t);
  int skipped = 0;
  for (const PlannerTask& t : tasks) {
    if (t.milestone || t.summary) continue;
    auto owner = owners.find(t.id);
    if (owner == owners.end()) {
      ++skipped;
      continue;
    }
    Id waits = kNoId;
    if (auto it = milestone_after.find(t.id); it != milestone_after.end()) waits = it->second;
    for (int p = t.parent_index; waits == kNoId && p >= 0; p = tasks[size_t(p)].parent_index)
      if (auto it = milestone_of_task.find(tasks[size_t(p)].id); it != milestone_of_task.end())
        waits = it->second;
    ClientTask c;
    const ClientTask* before = nullptr;
    if (auto it = task_by_title.find(ascii_lower(t.name)); it != task_by_title.end()) {
      before = it->second;
      c = *before;
    } else {
      c.title = t.name.empty() ? "Untitled task" : t.name;
      c.created_on = t.start;
    }
    c.owner = owner->second;
    c.due = std::max(t.end, c.created_on);
    c.milestone = waits;
    c.status = t.percent >= 100 ? TaskStatus::Done : TaskStatus::Open;
    c.done_on = t.percent >= 100 ? std::optional<Date>(c.due) : std::nullopt;
    if (before && c == *before) continue;
    if (before)
      client_items.push_back(Update<ClientTask>{c});
    else
      client_items.push_back(Add<ClientTask>{c});
  }
  if (skipped)
    warn(
        fmt::format("{} task{} of the provider's own work {} not imported: Rapport plans "
                    "milestones and what the "
                    "client owes, not the work breakdown.",
                    skipped, skipped == 1 ? "" : "s", skipped == 1 ? "was" : "were"));

  std::vector<Command> commands = std::move(people);
  commands.reserve(commands.size() + plan_items.size() + client_items.size());
  std::move(plan_items.begin(), plan_items.end(), std::back_inserter(commands));
  plan_items = {};
  std::move(client_items.begin(), client_items.end(), std::back_inserter(commands));
  client_items = {};
  if (auto err = check_import(e, commands)) return *err;
  return commands;
}

}  // namespace rapport
