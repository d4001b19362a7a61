// MS Project XML (MSPDI): the export read back, files written the way MS
// Project, ProjectLibre and GanttProject write them, the preview plan, updates
// on re-import, hostile files, and GNOME Planner's own stylesheet.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/history.hpp"
#include "rapport/import.hpp"
#include "rapport/io.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

Engagement blank_like_demo() {
  Engagement e;
  e.info = make_demo().info;
  e.info.name = "Imported";
  return e;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string fixture(const char* name) { return read(fs::path(RAPPORT_TEST_DATA) / "mspdi" / name); }

ImportError error_of(const ImportResult& r) {
  REQUIRE(std::holds_alternative<ImportError>(r));
  return std::get<ImportError>(r);
}

// Applies the import as one step, then saves and reloads in both formats.
Engagement imported(const Engagement& base, std::string_view xml,
                    std::vector<std::string>* warnings = nullptr) {
  ImportResult r = import_mspdi(base, xml, warnings);
  if (auto* err = std::get_if<ImportError>(&r)) FAIL("import failed: " << err->message);
  Engagement e = base;
  History h;
  REQUIRE_FALSE(h.apply_group(e, "Import MS Project plan", std::get<std::vector<Command>>(r)));
  for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
    LoadResult again = load_bytes(to_bytes(e, f), "imported");
    INFO(again.error.message);
    REQUIRE(again);
    CHECK(*again.engagement == e);
  }
  return e;
}

const Milestone* milestone(const Engagement& e, std::string_view title) {
  for (const auto& [id, m] : e.milestones)
    if (m.title == title) return &m;
  return nullptr;
}
const ClientTask* client_task(const Engagement& e, std::string_view title) {
  for (const auto& [id, t] : e.client_tasks)
    if (t.title == title) return &t;
  return nullptr;
}

MilestoneStatus as_exported(MilestoneStatus s) {
  return s == MilestoneStatus::Missed ? MilestoneStatus::Planned : s;  // no such state in MSPDI
}

using MilestoneRow = std::tuple<std::string, Date, Date, MilestoneStatus, std::string>;
std::multiset<MilestoneRow> milestone_rows(const Engagement& e) {
  std::multiset<MilestoneRow> out;
  for (const auto& [id, m] : e.milestones)
    out.emplace(m.title, m.baseline, m.current, as_exported(m.status), m.description);
  return out;
}
using TaskRow =
    std::tuple<std::string, Date, Date, TaskStatus, std::optional<Date>, std::string, std::string>;
std::multiset<TaskRow> task_rows(const Engagement& e) {
  std::multiset<TaskRow> out;
  for (const auto& [id, t] : e.client_tasks)
    out.emplace(t.title, t.created_on, t.due, t.status, t.done_on, display_name(e, t.owner),
                t.milestone ? display_name(e, t.milestone) : "");
  return out;
}
using BlackoutRow = std::tuple<std::string, Date, Date>;
std::multiset<BlackoutRow> blackout_rows(const Engagement& e) {
  std::multiset<BlackoutRow> out;
  for (const auto& [id, b] : e.boundaries)
    if (b.kind == BoundaryKind::Blackout) out.emplace(b.title, b.from, b.to);
  return out;
}

}  // namespace

TEST_CASE("mspdi: the demo exported and imported again gives the same plan", "[mspdi]") {
  const Engagement demo = make_demo();
  const Engagement client = redacted(demo);
  const std::string xml = export_mspdi(demo);
  std::vector<std::string> warnings;
  Engagement e = imported(blank_like_demo(), xml, &warnings);
  REQUIRE_FALSE(client.milestones.empty());
  REQUIRE_FALSE(client.client_tasks.empty());
  REQUIRE_FALSE(blackout_rows(client).empty());
  CHECK(milestone_rows(e) == milestone_rows(client));
  CHECK(task_rows(e) == task_rows(client));
  CHECK(blackout_rows(e) == blackout_rows(client));
  // Every owner came back as a client-side stakeholder.
  for (const auto& [id, t] : e.client_tasks)
    CHECK(e.stakeholders.find(t.owner)->side == Side::Client);
  // Meeting occurrences are the provider's and client's time, not commitments: skipped, counted.
  CHECK(e.meetings.empty());
}

TEST_CASE("mspdi: the export never carries internal fields or hidden milestones", "[mspdi]") {
  Engagement demo = make_demo();
  Milestone hidden = demo.milestones.begin()->second;
  hidden.client_visible = false;
  hidden.title = "Secret internal checkpoint";
  demo.milestones.items[hidden.id] = hidden;
  const std::string xml = export_mspdi(demo);
  CHECK(xml.find("Secret internal checkpoint") == std::string::npos);
  for (const std::string& text : internal_texts(demo)) {
    INFO(text);
    CHECK(xml.find(xml_escape(text)) == std::string::npos);
  }
}

TEST_CASE("mspdi: the export writes the defaults MS Project needs in the schema's order",
          "[mspdi]") {
  const std::string xml = export_mspdi(make_demo());
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"", 0) == 0);
  CHECK(xml.find("<Project xmlns=\"http://schemas.microsoft.com/project\">") != std::string::npos);
  // Project-level elements in the order of mspdi_pj12.xsd.
  size_t last = 0;
  for (const char* tag :
       {"<SaveVersion>", "<Name>", "<Title>", "<StartDate>", "<FinishDate>", "<CalendarUID>",
        "<DefaultStartTime>", "<DefaultFinishTime>", "<MinutesPerDay>480<", "<MinutesPerWeek>2400<",
        "<DaysPerMonth>20<", "<Calendars>", "<Tasks>", "<Resources>", "<Assignments>"}) {
    size_t at = xml.find(tag);
    INFO(tag);
    REQUIRE(at != std::string::npos);
    CHECK(at >= last);
    last = at;
  }
  // A task's elements in the schema's order, baseline after the links.
  size_t task = xml.find("<Milestone>1</Milestone>");
  REQUIRE(task != std::string::npos);
  size_t begin = xml.rfind("<Task>", task), end = xml.find("</Task>", task);
  std::string one = xml.substr(begin, end - begin);
  last = 0;
  for (const char* tag :
       {"<UID>", "<ID>", "<Name>", "<Type>", "<OutlineLevel>", "<Start>", "<Finish>", "<Duration>",
        "<Milestone>", "<PercentComplete>", "<ConstraintType>", "<Baseline>"}) {
    size_t at = one.find(tag);
    INFO(tag);
    REQUIRE(at != std::string::npos);
    CHECK(at >= last);
    last = at;
  }
}

TEST_CASE("mspdi: names are kept within MS Project's limits", "[mspdi]") {
  Engagement e = make_demo();
  Milestone m = e.milestones.begin()->second;
  m.title = std::string(300, 'x') + "ä";
  e.milestones.items[m.id] = m;
  ClientTask t = e.client_tasks.begin()->second;
  Stakeholder owner = *e.stakeholders.find(t.owner);
  owner.name = "Smith, Anna [CFO]";
  e.stakeholders.items[owner.id] = owner;
  const std::string xml = export_mspdi(e);
  CHECK(xml.find("<Name>" + std::string(255, 'x') + "</Name>") != std::string::npos);
  CHECK(xml.find(std::string(256, 'x')) == std::string::npos);
  CHECK(xml.find("<Name>Smith  Anna  CFO </Name>") != std::string::npos);
}

TEST_CASE("mspdi: importing the export again changes nothing and a later version updates",
          "[mspdi]") {
  const Engagement demo = make_demo();
  Engagement first = imported(blank_like_demo(), export_mspdi(demo));
  // The same file again: nothing to do.
  ImportResult again = import_mspdi(first, export_mspdi(demo));
  REQUIRE(std::holds_alternative<std::vector<Command>>(again));
  CHECK(std::get<std::vector<Command>>(again).empty());
  // A later version: one milestone moved, a client task done.
  Engagement later = demo;
  Milestone moved = later.milestones.begin()->second;
  moved.current = moved.current.plus_days(14);
  later.milestones.items[moved.id] = moved;
  Engagement second = imported(first, export_mspdi(later));
  CHECK(second.milestones.size() == first.milestones.size());
  CHECK(second.client_tasks.size() == first.client_tasks.size());
  CHECK(second.stakeholders.size() == first.stakeholders.size());
  CHECK(blackout_rows(second) == blackout_rows(first));
  const Milestone* m = milestone(second, moved.title);
  REQUIRE(m);
  CHECK(m->current == moved.current);
  CHECK(m->baseline == moved.baseline);
  // Imported into the engagement it came from, titles match: nothing is doubled.
  Engagement into_demo = imported(demo, export_mspdi(demo));
  CHECK(into_demo.milestones.size() == demo.milestones.size());
  CHECK(into_demo.client_tasks.size() == demo.client_tasks.size());
  CHECK(blackout_rows(into_demo) == blackout_rows(demo));
}

TEST_CASE("mspdi: the import is one undo step", "[mspdi]") {
  const Engagement before = blank_like_demo();
  ImportResult r = import_mspdi(before, fixture("ms-project.xml"));
  REQUIRE(std::holds_alternative<std::vector<Command>>(r));
  Engagement e = before;
  History h;
  REQUIRE_FALSE(h.apply_group(e, "Import MS Project plan", std::get<std::vector<Command>>(r)));
  CHECK_FALSE(e == before);
  REQUIRE(h.undo(e));
  CHECK(e == before);
}

TEST_CASE("mspdi: a file as MS Project writes it", "[mspdi]") {
  std::vector<std::string> warnings;
  Engagement e = imported(blank_like_demo(), fixture("ms-project.xml"), &warnings);
  // Milestones: the flagged one with its baseline 0 (not baseline 1), the
  // phase as a milestone at its end.
  const Milestone* signoff = milestone(e, "Design sign-off");
  REQUIRE(signoff);
  CHECK(signoff->current == d(2026, 12, 18));
  CHECK(signoff->baseline == d(2026, 12, 11));
  CHECK(signoff->description == "Client approves the designs & copy");
  const Milestone* launch = milestone(e, "Launch");
  REQUIRE(launch);
  CHECK(launch->baseline == d(2027, 2, 19));
  const Milestone* design = milestone(e, "Design");
  REQUIRE(design);
  CHECK(design->current == d(2026, 12, 18));
  CHECK(design->baseline == d(2026, 12, 18));
  CHECK(design->status == MilestoneStatus::InProgress);
  CHECK(e.milestones.size() == 3);
  // The client's task, owned by the client-side resource, waiting on the
  // milestone it precedes; the provider's wireframes are left out.
  REQUIRE(e.client_tasks.size() == 1);
  const ClientTask* assets = client_task(e, "Brand assets from Mäkelä’s team");
  REQUIRE(assets);
  CHECK(assets->created_on == d(2026, 11, 2));
  CHECK(assets->due == d(2026, 11, 13));
  CHECK(assets->status == TaskStatus::Done);
  CHECK(assets->done_on == d(2026, 11, 12));
  CHECK(assets->milestone == signoff->id);
  const Stakeholder* aino = e.stakeholders.find(assets->owner);
  REQUIRE(aino);
  CHECK(aino->name == "Aino Mäkelä");
  CHECK(aino->side == Side::Client);
  CHECK(aino->contact == "aino@client.example");
  CHECK(e.stakeholders.size() == 1);  // the provider's resource only on request
  // One blackout for the non-working exception (written twice, read once);
  // the extra working Saturday is not a blackout.
  CHECK(blackout_rows(e) ==
        std::multiset<BlackoutRow>{{"Christmas shutdown", d(2026, 12, 24), d(2027, 1, 1)}});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("1 task of the provider's own work is skipped") == 0);
}

TEST_CASE("mspdi: a file as ProjectLibre writes it", "[mspdi]") {
  Engagement e = imported(blank_like_demo(), fixture("projectlibre.xml"));
  // No Summary flags: the outline says Build is a phase. Zero duration
  // without the flag is a milestone; no baselines: the current date.
  const Milestone* build = milestone(e, "Build");
  REQUIRE(build);
  CHECK(build->current == d(2027, 1, 15));
  const Milestone* beta = milestone(e, "Beta");
  REQUIRE(beta);
  CHECK(beta->baseline == d(2027, 1, 15));
  REQUIRE(milestone(e, "Go-live"));
  CHECK(e.milestones.size() == 3);
  // A skipped outline level: the task still belongs to its phase.
  const ClientTask* content = client_task(e, "Content delivery");
  REQUIRE(content);
  CHECK(content->milestone == build->id);
  CHECK(e.stakeholders.find(content->owner)->name == "Customer content team");
  // Only the project calendar's exceptions.
  CHECK(blackout_rows(e) ==
        std::multiset<BlackoutRow>{{"Holidays", d(2026, 12, 23), d(2027, 1, 3)}});
}

TEST_CASE("mspdi: a file as GanttProject writes it", "[mspdi]") {
  Engagement base = blank_like_demo();
  Stakeholder aino;
  aino.name = "Aino Mäkelä";
  aino.side = Side::Client;
  History h;
  REQUIRE_FALSE(h.apply(base, Add<Stakeholder>{aino}));
  Engagement e = imported(base, fixture("ganttproject.xml"));
  // Flagged milestone with a day's duration; a finish at midnight is the day before.
  const Milestone* approved = milestone(e, "Copy approved");
  REQUIRE(approved);
  CHECK(approved->current == d(2026, 12, 7));
  // No group: the resource is the client stakeholder of the same name.
  const ClientTask* review = client_task(e, "Review copy");
  REQUIRE(review);
  CHECK(review->due == d(2026, 12, 4));
  CHECK(review->owner == e.stakeholders.begin()->first);
  CHECK(review->milestone == approved->id);
  CHECK(e.stakeholders.size() == 1);
}

TEST_CASE("mspdi: a Windows-1252 file from an older MS Project", "[mspdi]") {
  Engagement e = imported(blank_like_demo(), fixture("ms-project-2003-windows-1252.xml"));
  const Milestone* budget = milestone(e, "Budget freigegeben – 5 000 €");
  REQUIRE(budget);
  CHECK(budget->baseline == d(2026, 12, 3));
  CHECK(budget->current == d(2026, 12, 10));
  // Exceptions written only as Project 2003 WeekDay entries.
  CHECK(blackout_rows(e) ==
        std::multiset<BlackoutRow>{{"Non-working time", d(2026, 12, 24), d(2026, 12, 26)}});
}

TEST_CASE("mspdi: the plan is a preview the user changes before anything is added", "[mspdi]") {
  const Engagement base = blank_like_demo();
  auto read = read_mspdi(base, fixture("ms-project.xml"));
  REQUIRE(std::holds_alternative<MspdiPlan>(read));
  MspdiPlan plan = std::get<MspdiPlan>(read);
  CHECK(plan.title == "Website relaunch");
  REQUIRE(plan.tasks.size() == 5);
  CHECK(plan.tasks[0].role == MspdiRole::Phase);
  CHECK(plan.tasks[1].role == MspdiRole::ClientTask);
  CHECK(plan.tasks[2].role == MspdiRole::Skip);
  CHECK(plan.tasks[3].role == MspdiRole::Milestone);
  CHECK(plan.tasks[1].parent == 0);
  // The user: no phase milestone, the wireframes as a milestone, the studio
  // as a stakeholder too, no blackouts.
  plan.tasks[0].role = MspdiRole::Skip;
  plan.tasks[2].role = MspdiRole::Milestone;
  for (MspdiResource& r : plan.resources) r.as_stakeholder = true;
  for (MspdiBlackout& b : plan.blackouts) b.import = false;
  ImportResult r = mspdi_commands(base, plan);
  REQUIRE(std::holds_alternative<std::vector<Command>>(r));
  Engagement e = base;
  History h;
  REQUIRE_FALSE(h.apply_group(e, "Import", std::get<std::vector<Command>>(r)));
  CHECK(milestone(e, "Design") == nullptr);
  REQUIRE(milestone(e, "Wireframes"));
  CHECK(e.stakeholders.size() == 2);
  CHECK(blackout_rows(e).empty());
}

TEST_CASE("mspdi: hostile and broken files get a message and no change", "[mspdi][bounds]") {
  const Engagement base = make_demo();
  auto refused = [&](const std::string& xml, const char* says) {
    ImportError err = error_of(import_mspdi(base, xml));
    INFO(err.message);
    CHECK(err.message.find(says) != std::string::npos);
  };
  // The expansion bomb.
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [\n<!ENTITY a0 \"ha\">\n";
  for (int i = 1; i < 10; ++i)
    bomb += fmt::format("<!ENTITY a{} \"&a{};&a{};&a{};&a{};&a{};&a{};&a{};&a{};&a{};&a{};\">\n", i,
                        i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  bomb += "]>\n<Project><Tasks><Task><UID>1</UID><Name>&a9;</Name></Task></Tasks></Project>\n";
  refused(bomb, "declares entities");
  // An external entity: refused before anything is read.
  refused(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<Project><Title>&x;</Title></Project>\n",
      "declares entities");
  // An external DTD without a subset is neither fetched nor read: the
  // undeclared entity stays an error, never the file's contents.
  ImportResult external = import_mspdi(
      base,
      "<?xml version=\"1.0\"?>\n<!DOCTYPE Project SYSTEM \"file:///etc/passwd\">\n"
      "<Project><Tasks><Task><UID>1</UID><Name>Beta check</Name><Start>2026-12-01T08:00:00</Start>"
      "<Finish>2026-12-01T08:00:00</Finish><Milestone>1</Milestone></Task></Tasks></Project>\n");
  REQUIRE(std::holds_alternative<std::vector<Command>>(external));
  CHECK(std::get<std::vector<Command>>(external).size() == 1);
  // Deep XML: libxml2's depth limit answers, no stack overflow.
  std::string deep = "<Project>";
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  refused(deep, "the XML is broken");
  // Broken encodings.
  refused(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Project><Title>M\xE4kel\xE4</Title></Project>",
      "the XML is broken");
  refused(std::string("\xFF\xFE<\0P\0", 6), "UTF-8");
  refused(std::string(kMaxImportBytes + 1, ' '), "MB");
  refused("", "empty");
  refused("<project/>", "<Project>");
  refused("<Project><Tasks><Task><UID>1</UID></Task>\n<Task><UID>1</UID></Task></Tasks></Project>",
          "line 2");
}

TEST_CASE("mspdi: origins are saved from format 2 and v1 files open without them", "[mspdi][io]") {
  Engagement e = imported(blank_like_demo(), fixture("ms-project.xml"));
  size_t with_origin = 0;
  for (const auto& [id, m] : e.milestones) with_origin += !m.origin.empty();
  for (const auto& [id, t] : e.client_tasks) with_origin += !t.origin.empty();
  for (const auto& [id, b] : e.boundaries) with_origin += !b.origin.empty();
  for (const auto& [id, s] : e.stakeholders) with_origin += !s.origin.empty();
  CHECK(with_origin == 6);  // 3 milestones, 1 task, 1 blackout, 1 stakeholder
  for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
    LoadResult r = load_bytes(to_bytes(e, f), "x");
    REQUIRE(r);
    CHECK(r.engagement->milestones.begin()->second.origin == e.milestones.begin()->second.origin);
  }
  for (const char* name : {"format-v1.rapport", "format-v1.rapport.json"}) {
    LoadResult v1 = load_file(fs::path(RAPPORT_TEST_DATA) / name);
    INFO(v1.error.message);
    REQUIRE(v1);
    CHECK(v1.format_version == 1);
    for (const auto& [id, m] : v1.engagement->milestones) CHECK(m.origin.empty());
  }
}

TEST_CASE("mspdi: GNOME Planner's stylesheet reads the export back to the same milestones",
          "[mspdi]") {
  const fs::path stylesheet = "/usr/share/planner/stylesheets/msp2planner.xsl";
  if (!fs::exists(stylesheet) || std::system("xsltproc --version > /dev/null 2>&1") != 0) {
    WARN("skipped: needs xsltproc and " << stylesheet.string()
                                        << " (Debian packages xsltproc and planner-data)");
    return;
  }
  const Engagement demo = make_demo();
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("rapport-msp2planner-{}", ::getpid());
  fs::create_directories(dir);
  { std::ofstream(dir / "plan.xml", std::ios::binary) << export_mspdi(demo); }
  std::string command = fmt::format("xsltproc -o '{}' '{}' '{}'", (dir / "plan.planner").string(),
                                    stylesheet.string(), (dir / "plan.xml").string());
  REQUIRE(std::system(command.c_str()) == 0);
  std::string planner = read(dir / "plan.planner");
  fs::remove_all(dir);
  ImportResult r = import_planner(blank_like_demo(), planner);
  if (auto* err = std::get_if<ImportError>(&r)) FAIL(err->message);
  Engagement e = blank_like_demo();
  History h;
  REQUIRE_FALSE(h.apply_group(e, "Import", std::get<std::vector<Command>>(r)));
  std::set<std::pair<std::string, Date>> want, got;
  for (const auto& [id, m] : redacted(demo).milestones) want.emplace(m.title, m.current);
  for (const auto& [id, m] : e.milestones) got.emplace(m.title, m.current);
  CHECK(got == want);
}
