// The workspace driven through ImGui input, as a person would: add a
// stakeholder, get refused a provider-side owner for a client task, approve a
// change request and undo it, mark a meeting held with a recap, find an item.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "rapport/defaults.hpp"
#include "rapport/demo.hpp"
#include "rapport/health.hpp"
#include "rapport/time.hpp"
#include "settings.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::titled;
using rapport::test::Workspace;

namespace {
Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("add a stakeholder, name them, undo the name", "[ui][workspace]") {
  Workspace w(make_demo());
  size_t before = w.app.engagement().stakeholders.size();
  w.app.main_window.section = Section::Discovery;
  w.click("+ Add");
  w.frame();
  REQUIRE(w.app.engagement().stakeholders.size() == before + 1);
  Id added = w.app.view.selection.id;
  REQUIRE(w.app.engagement().stakeholders.contains(added));
  CHECK(w.app.doc.history().undo_label() == "Add stakeholder “New stakeholder”");

  // The name field in the inspector is the last place the name is drawn.
  w.click("New stakeholder");
  w.ctrl(400 + ImGuiKey_A);  // select all, through the driver's key map
  w.type("Pieter Jansen");
  w.key(ImGuiKey_Enter);
  w.frame();
  CHECK(w.app.engagement().stakeholders.find(added)->name == "Pieter Jansen");
  CHECK(w.app.doc.history().undo_label() == "Edit stakeholder “Pieter Jansen”");
  CHECK(w.shows("Pieter Jansen"));

  w.ctrl('Z');
  CHECK(w.app.engagement().stakeholders.find(added)->name == "New stakeholder");
  // The status bar names the step undone.
  CHECK(w.shows("Undone: Edit stakeholder “Pieter Jansen”."));
  w.ctrl('Z');
  CHECK(w.app.engagement().stakeholders.size() == before);
}

TEST_CASE("a client task cannot be given to someone on the provider side", "[ui][workspace]") {
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  // Through quick add: the error names the word and nothing changes.
  w.ctrl('K');
  w.type("task \"Write the copy\" @Eva due friday");
  CHECK(w.shows("No client-side stakeholder is called “Eva”."));
  w.key(ImGuiKey_Enter);
  w.key(ImGuiKey_Escape);
  CHECK(w.app.engagement() == before);

  // Through the inspector: the owner list offers client-side people only.
  w.app.view.selection =
      Selection{titled<ClientTask>(w.app.engagement(), "POS API test credentials"), std::nullopt};
  w.frame();
  w.click("Jukka Heikkinen");  // the owner combo shows the current owner
  CHECK(w.shows("Sanna Järvinen"));
  CHECK_FALSE(w.shows("Eva de Vries"));
  w.key(ImGuiKey_Escape);
  CHECK(w.app.engagement() == before);
}

TEST_CASE("approve a change request: its milestones move and undo moves them back",
          "[ui][workspace]") {
  Workspace w(make_demo());
  Id cr = titled<ChangeRequest>(w.app.engagement(), "Extra landing page for the spring menu");
  Id launch = titled<Milestone>(w.app.engagement(), "Launch");
  Date was = w.app.engagement().milestones.find(launch)->current;
  w.app.view.selection = Selection{cr, std::nullopt};
  // The impact is shown before deciding.
  CHECK(w.shows("Launch: 2027-03-08 → 2027-03-13 (+5 days; agreed 2027-03-01)"));
  w.click("Approve");
  w.frame();
  CHECK(w.app.engagement().change_requests.find(cr)->status == ChangeStatus::Approved);
  CHECK(w.app.engagement().milestones.find(launch)->current == was.plus_days(5));
  CHECK(w.app.doc.history().undo_label() ==
        "Approve change request “Extra landing page for the spring menu”");
  w.ctrl('Z');
  CHECK(w.app.engagement().milestones.find(launch)->current == was);
  CHECK(w.app.engagement().change_requests.find(cr)->status == ChangeStatus::Proposed);
  w.ctrl('Y');
  CHECK(w.app.engagement().milestones.find(launch)->current == was.plus_days(5));
}

TEST_CASE("saying no: a rejection without a reason is refused, with one it is recorded",
          "[ui][workspace]") {
  Workspace w(make_demo());
  Id cr = titled<ChangeRequest>(w.app.engagement(), "Extra landing page for the spring menu");
  w.app.view.selection = Selection{cr, std::nullopt};
  w.click("Reject…");
  w.click("Reject with this reason");
  CHECK(w.shows("Say why the change is rejected"));
  CHECK(w.app.engagement().change_requests.find(cr)->status == ChangeStatus::Proposed);
  w.click("Why not", ImVec2(0, 40));
  w.type("It does not serve the booking goal we agreed on.");
  w.click("What we offer instead", ImVec2(0, 40));
  w.type("A spring banner on the homepage, within scope.");
  w.click("Reject with this reason");
  w.frame();
  const ChangeRequest& after = *w.app.engagement().change_requests.find(cr);
  CHECK(after.status == ChangeStatus::Rejected);
  CHECK(after.alternative == "A spring banner on the homepage, within scope.");
}

TEST_CASE("mark last week's check-in held with a recap: the missing-recap finding goes",
          "[ui][workspace]") {
  Workspace w(make_demo());
  Id weekly = titled<MeetingSeries>(w.app.engagement(), "Weekly check-in");
  auto recap_missing = [&] {
    for (const Finding& f : check_health(w.app.engagement(), d(2026, 11, 24)))
      if (f.check == kCheckRecapMissing && f.occurrence == d(2026, 11, 20)) return true;
    return false;
  };
  REQUIRE(recap_missing());
  w.app.main_window.section = Section::Meetings;
  w.app.view.selection = Selection{weekly, d(2026, 11, 20)};
  w.click("Recap: what we agreed", ImVec2(0, 40));
  w.type("Homepage approved; menu page next.");
  w.click("Save occurrence");
  w.frame();
  const auto& o = w.app.engagement().meetings.find(weekly)->overrides.at(d(2026, 11, 20));
  CHECK(o.state == OccurrenceState::Held);
  CHECK(o.recap_summary == "Homepage approved; menu page next.");
  CHECK_FALSE(recap_missing());
  CHECK(w.app.doc.history().undo_label() == "Mark “Weekly check-in” of 2026-11-20 held");
}

TEST_CASE("the inspector cancels a meeting with the same dialog as the timeline, reason required",
          "[ui][workspace]") {
  Workspace w(make_demo());
  Id weekly = titled<MeetingSeries>(w.app.engagement(), "Weekly check-in");
  const Date day = d(2026, 12, 4);
  w.app.main_window.section = Section::Meetings;
  w.app.view.selection = Selection{weekly, day};
  w.click("Cancel this meeting…");
  REQUIRE(w.shows("Why was this meeting cancelled?"));
  w.click("Cancel meeting");  // disabled without a reason: nothing happens
  w.frame();
  CHECK_FALSE(w.app.engagement().meetings.find(weekly)->overrides.contains(day));
  w.click("Reason", ImVec2(-80, 0));
  w.type("Client on a trade fair");
  w.click("Client cancelled");
  w.click("Cancel meeting");
  w.frame();
  const auto& o = w.app.engagement().meetings.find(weekly)->overrides.at(day);
  CHECK(o.state == OccurrenceState::Cancelled);
  CHECK(o.cancel_reason == "Client on a trade fair");
  CHECK(o.cancelled_by == Side::Client);
  w.ctrl('Z');
  CHECK_FALSE(w.app.engagement().meetings.find(weekly)->overrides.contains(day));
}

TEST_CASE("find an item by text and select it", "[ui][workspace]") {
  Workspace w(make_demo());
  w.ctrl('F');
  w.type("test credentials");
  CHECK(w.shows("POS API test credentials"));
  w.key(ImGuiKey_Enter);
  w.frame();
  CHECK(w.app.view.selection.id ==
        titled<ClientTask>(w.app.engagement(), "POS API test credentials"));
}

TEST_CASE("an invalid edit shows the reason next to the field and changes nothing",
          "[ui][workspace]") {
  Workspace w(make_demo());
  Id task = titled<ClientTask>(w.app.engagement(), "POS API test credentials");
  const Engagement before = w.app.engagement();
  w.app.view.selection = Selection{task, std::nullopt};
  w.click("2026-12-04");  // the due date field
  w.ctrl(400 + ImGuiKey_A);
  w.type("2026-10-01");  // before the task was created
  w.key(ImGuiKey_Enter);
  CHECK(w.shows("A task cannot be due before it was created."));
  CHECK(w.app.engagement() == before);
  // What you see is what is saved: the field shows the saved date again.
  CHECK(w.shows("2026-12-04"));
  CHECK_FALSE(w.shows("2026-10-01"));
}

TEST_CASE("a start date after the end is refused under the field, which shows the saved date",
          "[ui][workspace]") {
  Workspace w(make_demo());
  const Engagement before = w.app.engagement();
  w.click("2026-10-05");  // Starts
  w.ctrl(400 + ImGuiKey_A);
  w.type("2027-05-01");  // after the end, 2027-03-31
  w.key(ImGuiKey_Enter);
  w.frame();
  CHECK(w.app.engagement() == before);
  CHECK(w.shows("The engagement cannot end before it starts."));
  CHECK(w.shows("2026-10-05"));
  CHECK_FALSE(w.shows("2027-05-01"));
  // The reason is under the start date, above the end date.
  auto reason = w.locate("The engagement cannot end before it starts.");
  auto starts = w.locate("2026-10-05");
  auto ends = w.locate("2027-03-31");
  REQUIRE(reason);
  REQUIRE(starts);
  REQUIRE(ends);
  CHECK(reason->y > starts->y);
  CHECK(reason->y < ends->y);
  // A valid start date then sticks, and the reason goes.
  w.click("2026-10-05");
  w.ctrl(400 + ImGuiKey_A);
  w.type("2026-10-12");
  w.key(ImGuiKey_Enter);
  w.frame();
  CHECK(w.app.engagement().info.start == d(2026, 10, 12));
  CHECK(w.shows("2026-10-12"));
  CHECK_FALSE(w.shows("The engagement cannot end before it starts."));
}

TEST_CASE("after undoing two occurrence cancellations the editor offers no undone draft",
          "[ui][workspace]") {
  Workspace w(make_demo());
  Id weekly = titled<MeetingSeries>(w.app.engagement(), "Weekly check-in");
  w.app.main_window.section = Section::Meetings;
  auto overrides = [&]() -> const auto& {
    return w.app.engagement().meetings.find(weekly)->overrides;
  };
  for (Date day : {d(2026, 12, 4), d(2026, 12, 11)}) {
    w.app.view.selection = Selection{weekly, day};
    w.frame();
    w.click("Cancelled");
    w.click("Why", ImVec2(0, 40));
    w.type("Client away");
    w.click("Save occurrence");
    w.frame();
    REQUIRE(overrides().at(day).state == OccurrenceState::Cancelled);
  }
  // Before the undo the editor does show the cancellation (so the checks below can fail).
  REQUIRE(w.shows("Client away"));
  w.ctrl('Z');
  w.ctrl('Z');
  CHECK_FALSE(overrides().contains(d(2026, 12, 4)));
  CHECK_FALSE(overrides().contains(d(2026, 12, 11)));
  // The editor shows the occurrence as saved: planned, no reason, nothing to save.
  CHECK_FALSE(w.shows("Cancelled by"));
  CHECK_FALSE(w.shows("Client away"));
  CHECK_FALSE(w.shows("Revert"));
  w.click("Save occurrence");
  w.frame();
  CHECK_FALSE(overrides().contains(d(2026, 12, 11)));
}

TEST_CASE("the engagement's dates and day rate are typed on the Overview", "[ui][workspace]") {
  Workspace w(make_demo());
  w.click("2027-03-31");  // Ends
  w.ctrl(400 + ImGuiKey_A);
  w.type("2027-04-30");
  w.key(ImGuiKey_Enter);
  w.frame();
  CHECK(w.app.engagement().info.end == d(2027, 4, 30));
  CHECK(w.app.doc.history().undo_label() == "Edit engagement details");
  w.click("950.00");  // the internal day rate
  w.ctrl(400 + ImGuiKey_A);
  w.type("1025.50");
  w.key(ImGuiKey_Enter);
  w.frame();
  CHECK(w.app.engagement().info.internal_day_rate_minor == 102550);
}

TEST_CASE("quick add stays open: three lines in a row add three items, one undo step each",
          "[ui][workspace]") {
  Workspace w(make_demo());
  const size_t milestones = w.app.engagement().milestones.size();
  const size_t steps = w.app.doc.history().undo_depth();
  w.ctrl('K');  // once
  // Typed at full speed: each line starts in the frame after Enter, in two
  // bursts (nothing typed may be dropped while the field takes the keyboard).
  for (const char* line :
       {R"(milestone "Copy freeze" 2027-01-15)", R"(milestone "Photo shoot" 2027-01-22)",
        R"(milestone "Soft launch" 2027-02-26)"}) {
    const std::string text = line;
    w.type(text.substr(0, 14));
    w.type(text.substr(14));
    w.key(ImGuiKey_Enter);
  }
  w.frame();
  CHECK(w.app.engagement().milestones.size() == milestones + 3);
  CHECK(w.app.doc.history().undo_depth() == steps + 3);
  for (const char* title : {"Copy freeze", "Photo shoot", "Soft launch"})
    CHECK(titled<Milestone>(w.app.engagement(), title) != kNoId);
  CHECK(w.shows("Enter adds, Esc closes"));  // still open for the next line
  w.key(ImGuiKey_Escape);
  CHECK_FALSE(w.shows("Enter adds, Esc closes"));
  w.ctrl('Z');
  CHECK(titled<Milestone>(w.app.engagement(), "Soft launch") == kNoId);
  CHECK(titled<Milestone>(w.app.engagement(), "Photo shoot") != kNoId);
  w.ctrl('Z');
  w.ctrl('Z');
  CHECK(w.app.engagement().milestones.size() == milestones);
}

TEST_CASE("a bare start is File New: today, in this machine's time zone, never 1970",
          "[ui][workspace]") {
  ScopedEnv tz("TZ", "Europe/Helsinki");
  CHECK(local_time_zone() == "Europe/Helsinki");
  Workspace w(Engagement{});  // what the app holds before anything is opened
  start_with_new_engagement(w.app);
  const EngagementInfo& info = w.app.engagement().info;
  CHECK(info.name == "New engagement");
  CHECK(info.time_zone == "Europe/Helsinki");
  CHECK(info.start == d(2026, 11, 24));  // the pinned today
  CHECK(info.end == d(2027, 2, 22));
  CHECK_FALSE(w.app.doc.dirty());
  CHECK(w.shows("2026-11-24"));
  CHECK_FALSE(w.shows("1970"));
  // Without an override (the app's own today), the start is core's today in the
  // user's zone (RAPPORT_TODAY pins that too, so the test holds on any day).
  app::App bare;
  CHECK(fresh_engagement(bare).info.start == today_in("Europe/Helsinki"));
}

TEST_CASE("recent files are kept in the settings file and survive a restart", "[ui][workspace]") {
  const std::filesystem::path config = rapport::test::fresh_folder("rapport-recent-config");
  ScopedEnv xdg("XDG_CONFIG_HOME", config.string());
  REQUIRE(settings_file() == config / "rapport" / "settings.ini");
  const std::filesystem::path file = config / "plan.rapport.json";
  {
    Workspace w(make_demo());
    use_settings_file(w.app, settings_file());
    CHECK(w.app.recent_files.empty());  // a fresh config folder
    std::string error;
    REQUIRE(save_file(w.app, file.string(), error));
    w.frame();
    REQUIRE_FALSE(w.app.recent_files.empty());
  }
  // Restart: a new app reads the same settings file.
  Workspace again(Engagement{});
  use_settings_file(again.app, settings_file());
  REQUIRE(again.app.recent_files.size() == 1);
  CHECK(std::filesystem::equivalent(again.app.recent_files.front(), file));
  // File ▸ Open recent lists it, and choosing it opens it.
  again.click("File");
  again.click("Open recent");
  again.click(again.app.recent_files.front());
  REQUIRE(again.until([&] { return again.app.file_path() == again.app.recent_files.front(); }, 60));
  CHECK(again.app.engagement().info.name == make_demo().info.name);
  // Other settings in the file stay.
  Settings kept = Settings::load(settings_file());
  kept.set_string("ui.theme", "dark");
  REQUIRE(kept.save(settings_file()));
  std::string error;
  REQUIRE(save_file(again.app, (config / "second.rapport.json").string(), error));
  again.frame();
  CHECK(Settings::load(settings_file()).get_string("ui.theme", "") == "dark");
  CHECK(Settings::load(settings_file()).recent_files().size() == 2);
}

TEST_CASE("while health is checked on a worker the status bar says so and the loop keeps waking",
          "[ui][health]") {
  test::Workspace w(make_demo());
  w.app.doc.set_health_budget_ms(0.0);  // every run after the first goes to the worker
  w.frame();
  const auto& before = w.app.doc.findings(Audience::Provider, w.app.today());
  Id overdue = kNoId;
  for (const Finding& f : before)
    if (f.check == kCheckTaskOverdue) overdue = f.item;
  REQUIRE(overdue != kNoId);
  CHECK_FALSE(w.shows("(checking…)"));
  CHECK(w.app.frame_request().wake_in_seconds > 1.0);

  w.app.doc.hold_background(true);  // still checking when the frame looks, however fast
  w.app.doc.submit(Delete<ClientTask>{overdue});
  w.frame();  // applies the delete
  CHECK(w.shows("(checking…)"));
  CHECK(w.app.frame_request().wake_in_seconds <= 0.1);
  w.frame();  // the window keeps drawing meanwhile
  CHECK(w.shows("(checking…)"));

  w.app.doc.hold_background(false);
  w.app.doc.wait_for_health();
  CHECK_FALSE(w.shows("(checking…)"));
  CHECK(w.app.frame_request().wake_in_seconds > 1.0);
  for (const Finding& f : w.app.doc.findings(Audience::Provider, w.app.today()))
    CHECK(f.item != overdue);
}
