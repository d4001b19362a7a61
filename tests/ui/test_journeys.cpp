// User journeys through the real frame function (issue: end-to-end). Each
// drives the app through ImGui input where a person would, then checks what
// the person relies on; files go to the build folder, where `journeys/` also
// receives the real binary's screenshots (tests/gui).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "rapport/demo.hpp"
#include "rapport/io.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::titled;
using rapport::test::Workspace;

namespace {
namespace fs = std::filesystem;

// $RAPPORT_JOURNEY_DIR when set (the gui test that screenshots each journey's
// end state sets it to the build folder), else a temporary folder.
fs::path journey_dir() {
  const char* env = std::getenv("RAPPORT_JOURNEY_DIR");
  fs::path dir = env && *env ? fs::path(env) : fs::temp_directory_path() / "rapport-journeys";
  fs::create_directories(dir);
  return dir;
}

// Types a quick-add line and presses Enter, as in a workshop; the bar stays
// open for the next line, so Esc closes it.
void quick_add(Workspace& w, const std::string& line) {
  w.ctrl('K');
  w.type(line);
  w.key(ImGuiKey_Enter);
  w.key(ImGuiKey_Escape);
  w.frame();
}

}  // namespace

TEST_CASE("journey 1: a kickoff workshop planned from scratch, saved, reopened", "[ui][journey]") {
  fs::path file = journey_dir() / "kickoff.rapport";
  fs::remove(file);
  {
    Workspace w(Engagement{});
    w.ctrl('N');  // a fresh engagement, no questions: nothing unsaved
    REQUIRE(w.app.engagement().info.name == "New engagement");
    for (const char* line : {
             R"(stakeholder "Aino Mäkelä" client "Marketing director")",
             R"(stakeholder "Jukka Heikkinen" client "IT lead")",
             R"(stakeholder "Eva de Vries" provider "Designer")",
             R"(meeting "Weekly check-in" every friday 16:00 30m @Aino @Eva)",
             R"(milestone "Design sign-off" 2026-12-18)",
             R"(milestone "Beta" 2027-01-29)",
             R"(milestone "Launch" 2027-03-12)",
         })
      quick_add(w, line);
    CHECK(w.app.engagement().stakeholders.size() == 3);
    CHECK(w.app.engagement().meetings.size() == 1);
    CHECK(w.app.engagement().milestones.size() == 3);
    // A working-hours boundary and a holiday blackout, through the Boundaries table.
    w.app.main_window.section = Section::Boundaries;
    w.click("+ Add");
    w.click("+ Add");
    CHECK(w.app.engagement().boundaries.size() == 2);
    Boundary hours = w.app.engagement().boundaries.begin()->second;
    hours.kind = BoundaryKind::WorkingHours;
    hours.title = "No weekends";
    Boundary holiday = std::next(w.app.engagement().boundaries.begin())->second;
    holiday.kind = BoundaryKind::Blackout;
    holiday.title = "Christmas break";
    holiday.from = Date::from_ymd(2026, 12, 21);
    holiday.to = Date::from_ymd(2027, 1, 3);
    w.app.commands.push(Update<Boundary>{hours});
    w.app.commands.push(Update<Boundary>{holiday});
    w.frame();
    CHECK(w.app.doc.history().dirty());
    std::string error;
    REQUIRE(save_file(w.app, file.string(), error));
    w.app.apply();
    CHECK_FALSE(w.app.doc.history().dirty());
    CHECK(w.app.window_title() == "New engagement (kickoff.rapport) — Rapport");
    w.ctrl('Q');
    CHECK(w.app.quit_requested);  // saved: quits without asking
  }
  Workspace again(Engagement{});
  std::string error;
  REQUIRE(open_file_now(again.app, file.string(), error));
  const Engagement& e = again.app.engagement();
  CHECK(e.stakeholders.size() == 3);
  CHECK(titled<MeetingSeries>(e, "Weekly check-in") != kNoId);
  CHECK(titled<Milestone>(e, "Launch") != kNoId);
  CHECK(titled<Boundary>(e, "Christmas break") != kNoId);
  again.app.main_window.section = Section::Discovery;
  CHECK(again.shows("Aino Mäkelä"));
  CHECK_FALSE(save_file(e, journey_dir() / "journey-1-kickoff.rapport.json"));
}

TEST_CASE("journey 2: approve a change request, undo, redo, save and reopen", "[ui][journey]") {
  fs::path file = journey_dir() / "change-request.rapport.json";
  Workspace w(make_demo());
  Id cr = titled<ChangeRequest>(w.app.engagement(), "Extra landing page for the spring menu");
  Id launch = titled<Milestone>(w.app.engagement(), "Launch");
  Date before = w.app.engagement().milestones.find(launch)->current;
  w.app.view.selection = Selection{cr, std::nullopt};
  w.click("Approve");
  CHECK(w.app.engagement().milestones.find(launch)->current == before.plus_days(5));
  w.ctrl('Z');
  CHECK(w.app.engagement().milestones.find(launch)->current == before);
  w.ctrl('Z', true);  // Ctrl+Shift+Z redoes
  CHECK(w.app.engagement().milestones.find(launch)->current == before.plus_days(5));
  std::string error;
  REQUIRE(save_file(w.app, file.string(), error));
  w.app.apply();
  Workspace again(Engagement{});
  REQUIRE(open_file_now(again.app, file.string(), error));
  CHECK(again.app.engagement().milestones.find(launch)->current == before.plus_days(5));
  CHECK(again.app.engagement().change_requests.find(cr)->status == ChangeStatus::Approved);
  CHECK_FALSE(
      save_file(again.app.engagement(), journey_dir() / "journey-2-change-request.rapport.json"));
}

TEST_CASE("journey 7: a broken file shows an error and the open engagement stays",
          "[ui][journey]") {
  fs::path broken = journey_dir() / "broken.rapport";
  {
    std::string bytes = to_bytes(make_demo(), FileFormat::Binary);
    bytes.resize(bytes.size() / 2);  // cut off half-way, as a failed copy would
    std::ofstream(broken, std::ios::binary) << bytes;
  }
  Workspace w(make_demo());
  Id beta = titled<Milestone>(w.app.engagement(), "Beta");
  w.app.commands.push(MoveMilestone{beta, Date::from_ymd(2027, 2, 5)});
  w.frame();
  const Engagement before = w.app.engagement();
  std::string error;
  CHECK_FALSE(open_file_now(w.app, broken.string(), error));
  CHECK_THAT(error, Catch::Contains("broken.rapport"));
  CHECK(w.shows("Could not open the file"));
  CHECK(w.app.engagement() == before);
  CHECK(w.app.doc.history().dirty());  // the unsaved move is still there to save
  w.click("OK");
  CHECK_FALSE(w.shows("Could not open the file"));
  CHECK_FALSE(
      save_file(w.app.engagement(), journey_dir() / "journey-7-after-broken-file.rapport.json"));
}

TEST_CASE("unsaved changes: New asks first, and Cancel keeps everything", "[ui][journey]") {
  Workspace w(make_demo());
  Id beta = titled<Milestone>(w.app.engagement(), "Beta");
  w.app.commands.push(MoveMilestone{beta, Date::from_ymd(2027, 2, 5)});
  w.frame();
  const Engagement before = w.app.engagement();
  w.ctrl('N');
  CHECK(w.shows("Save the changes to “Untitled” first?"));
  w.click("Cancel");
  CHECK(w.app.engagement() == before);
  w.ctrl('N');
  w.click("Don't save");
  CHECK(w.app.engagement().milestones.empty());
}

TEST_CASE("export a calendar and a status report from the File menu", "[ui][journey]") {
  fs::path dir = journey_dir() / "exports";
  fs::remove_all(dir);
  fs::create_directories(dir);
  Workspace w(make_demo());
  // Exports go beside the file.
  w.app.doc.submit(
      intent::Replace{w.app.engagement(), (dir / "demo.rapport").string(), {}, false, ""});
  w.app.apply();
  test::file_export(w, "Calendar (.ics)…");
  w.click("Save");
  w.frame();
  fs::path ics = dir / "Website relaunch.ics";
  REQUIRE(fs::exists(ics));
  std::string text = test::read_file(ics);
  CHECK(text.rfind("BEGIN:VCALENDAR", 0) == 0);
  CHECK(text.find("SUMMARY:Weekly check-in") != std::string::npos);

  test::file_export(w, "Client status report (HTML)…");
  w.click("Save");
  w.frame();
  CHECK(fs::exists(dir / "Website relaunch-status.html"));
  CHECK(w.shows("Exported Website relaunch-status.html."));

  test::file_export(w, "Client status report (PDF)…");
  w.click("Save");
  w.frame();
  fs::path pdf = dir / "Website relaunch-status.pdf";
  REQUIRE(fs::exists(pdf));
  std::string bytes = test::read_file(pdf);
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  CHECK(w.shows("Exported Website relaunch-status.pdf."));
}

TEST_CASE("a large file opens off the UI thread while the window keeps drawing", "[ui][journey]") {
  fs::path big = journey_dir() / "large.rapport.json";
  const Engagement large = generate_engagement(60000, 7);
  REQUIRE_FALSE(save_file(large, big));
  REQUIRE(fs::file_size(big) > (8u << 20));
  Workspace w(make_demo());
  open_file_in_background(w.app, big.string());
  CHECK(busy(w.app));
  // The progress dialog appears (auto-sized windows show from their second frame).
  CHECK(w.until([&] { return w.shows("Opening “large.rapport.json”"); }, 5));
  CHECK(w.app.engagement().info.name ==
        "Website relaunch");  // the open one stays until the new one is ready
  int frames = 0;
  CHECK(w.until([&] { return ++frames, !busy(w.app); }, 200000));
  CHECK(frames > 1);  // frames were drawn while it loaded
  CHECK(w.app.engagement() == large);
  CHECK_FALSE(w.app.doc.history().dirty());
}

TEST_CASE("a line typed the moment Ctrl+K opens quick add loses no character", "[ui][journey]") {
  Workspace w(make_demo());
  ImGuiIO& io = ImGui::GetIO();
  const std::string line = R"(milestone "Typed at once" 2027-02-02)";
  // Ctrl+K and the first character in one frame, as a fast typist or a burst
  // of input gives them; then one character per frame while the field takes
  // the keyboard.
  io.KeyCtrl = true;
  io.KeysDown['K'] = true;
  w.type(line.substr(0, 1));
  io.KeysDown['K'] = false;
  io.KeyCtrl = false;
  for (size_t i = 1; i < line.size(); ++i) w.type(line.substr(i, 1));
  w.key(ImGuiKey_Enter);
  CHECK(titled<Milestone>(w.app.engagement(), "Typed at once") != kNoId);
}
