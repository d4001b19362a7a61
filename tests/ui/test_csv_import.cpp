// File ▸ Import ▸ CSV…: the preview shows what was detected and the rows as
// they become items; Import is one undo step; bad cells are listed and block
// the import; a large file is read off the UI thread.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "rapport/demo.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::Workspace;
namespace fs = std::filesystem;

namespace {

fs::path write_csv(const std::string& name, const std::string& bytes) {
  fs::path file = rapport::test::fresh_folder("rapport-csv-import-" + name) / (name + ".csv");
  std::ofstream out(file, std::ios::binary);
  out << bytes;
  return file;
}

std::string client_name(const Engagement& e) {
  for (const auto& [id, s] : e.stakeholders)
    if (s.side == Side::Client) return s.name;
  return "";
}

const ClientTask* task_titled(const Engagement& e, const std::string& title) {
  for (const auto& [id, t] : e.client_tasks)
    if (t.title == title) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE(
    "a spreadsheet's client tasks are imported through the CSV preview and undone in one step",
    "[ui][import][csv]") {
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  const std::string owner = client_name(before);
  REQUIRE_FALSE(owner.empty());
  fs::path file = write_csv("tasks",
                            "Client task;Owner;Created;Due\r\n"
                            "Send the brand fonts;" +
                                owner +
                                ";01.12.2026;15.12.2026\r\n"
                                "Approve the sitemap;;02.12.2026;09.12.2026\r\n");
  preview_csv(w.app, file.string());
  REQUIRE(w.until([&] { return w.shows("Import CSV"); }, 5));
  CHECK(w.shows("“tasks.csv”: 2 rows, 4 columns."));
  CHECK(w.shows("semicolon"));
  CHECK(w.shows("DD.MM.YYYY"));
  CHECK(w.shows("Send the brand fonts"));
  CHECK(w.shows("2026-12-15"));  // the date as the item will show it
  CHECK(w.shows("2 to add, 0 to update, 0 unchanged."));
  CHECK(w.app.engagement() == before);  // nothing added while the preview is open
  w.click("Import");
  for (int i = 0; i < 3; ++i) w.frame();
  const Engagement& e = w.app.engagement();
  const ClientTask* fonts = task_titled(e, "Send the brand fonts");
  REQUIRE(fonts);
  CHECK(fonts->due == Date::from_ymd(2026, 12, 15));
  CHECK(e.stakeholders.find(fonts->owner)->name == owner);
  CHECK(task_titled(e, "Approve the sitemap"));
  CHECK(e.client_tasks.size() == before.client_tasks.size() + 2);
  CHECK(w.app.doc.history().undo_label().rfind("Import CSV “tasks.csv” into Client tasks", 0) == 0);
  w.app.doc.submit(intent::Undo{});
  w.app.apply();
  CHECK(w.app.engagement() == before);
}

TEST_CASE("bad cells are listed in the CSV preview and nothing is imported", "[ui][import][csv]") {
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  fs::path file = write_csv("bad", "Milestone,Agreed,Now\nLaunch party,2027-02-30,2027-03-01\n");
  preview_csv(w.app, file.string());
  REQUIRE(w.until([&] { return w.shows("Import CSV"); }, 5));
  CHECK(w.shows("1 bad cell"));
  CHECK(w.shows("“2027-02-30” is not a date"));
  w.click("Import");  // disabled while a cell is bad
  for (int i = 0; i < 3; ++i) w.frame();
  CHECK(w.app.engagement() == before);
  REQUIRE(w.app.panels.csv_preview);
  w.click("Cancel");
  for (int i = 0; i < 3; ++i) w.frame();
  CHECK_FALSE(w.app.panels.csv_preview);
  CHECK(w.app.engagement() == before);
  CHECK_FALSE(w.app.doc.dirty());
  CHECK(w.shows("Import cancelled: nothing changed."));
}

TEST_CASE("a column the preview maps to a field is imported into it", "[ui][import][csv]") {
  Workspace w(make_demo());
  fs::path file = write_csv("mapped",
                            "Milestone,Agreed,Now,Notiz\nGo-live,2027-01-10,2027-01-10,"
                            "Im Kalender eintragen\n");
  preview_csv(w.app, file.string());
  REQUIRE(w.until([&] { return w.shows("Import CSV"); }, 5));
  // "Notiz" is no title Rapport knows: ignored until the user maps it.
  w.click("(ignore)");
  w.frame();
  w.click("Description");
  for (int i = 0; i < 2; ++i) w.frame();
  CHECK(w.shows("Im Kalender eintragen"));
  w.click("Import");
  for (int i = 0; i < 3; ++i) w.frame();
  Id id = rapport::test::titled<Milestone>(w.app.engagement(), "Go-live");
  REQUIRE(id != kNoId);
  CHECK(w.app.engagement().milestones.find(id)->description == "Im Kalender eintragen");
}

TEST_CASE("a large CSV is read and checked off the UI thread", "[ui][import][csv]") {
  std::string bytes = "Milestone,Agreed,Now\n";
  for (int i = 0; i < 40000; ++i) bytes += "Step " + std::to_string(i) + ",2027-01-10,2027-01-12\n";
  REQUIRE(bytes.size() > (1u << 20));
  fs::path file = write_csv("large", bytes);
  Workspace w(make_demo());
  w.app.doc.hold_background(true);  // the read waits: the dialog is seen however fast
  preview_csv(w.app, file.string());
  CHECK(w.app.job);  // a worker reads it; the window keeps drawing
  w.frame();
  CHECK_FALSE(w.app.panels.csv_preview);
  CHECK(w.shows("Importing “large.csv”"));  // the progress dialog, with Cancel
  w.app.doc.hold_background(false);
  REQUIRE(w.until([&] { return !busy(w.app); }, 200000));
  REQUIRE(w.until([&] { return w.shows("“large.csv”: 40000 rows"); }, 5));
  CHECK(w.shows("40000 to add"));
}
