// Two clones of one git repository with Rapport's drivers set up (rapport
// git-setup). Each side edits the engagement offline (tests/common/
// team_edits.hpp), in both file formats; the second side pulls. The merged
// files must open, hold every change that does not conflict, and exactly the
// expected conflicts; `git log -p` reads like a changelog.
//   rapport_git_team RAPPORT_BINARY WORK_FOLDER
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "../common/team_edits.hpp"
#include "rapport/demo.hpp"
#include "rapport/io.hpp"
#include "rapport/validate.hpp"

using namespace rapport;
using namespace rapport::test;
namespace fs = std::filesystem;

namespace {

int failures = 0;
void check(bool ok, const std::string& what) {
  std::cout << (ok ? "ok: " : "FAILED: ") << what << "\n";
  if (!ok) ++failures;
}

int sh(const fs::path& dir, const std::string& command) {
  const std::string full = "cd '" + dir.string() + "' && " + command;
  const int status = std::system(full.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string output_of(const fs::path& dir, const std::string& command) {
  std::string out;
  if (FILE* p = popen(("cd '" + dir.string() + "' && " + command).c_str(), "r")) {
    char buf[4096];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  return out;
}

bool has_conflict(const Engagement& e, Kind kind, Id item, const std::string& field) {
  for (const Conflict& c : e.conflicts)
    if (!c.on_info && c.kind == kind && c.item == item && c.field == field) return true;
  return false;
}

const char* kFiles[] = {"plan.rapport.json", "plan.rapport"};

void edit(const fs::path& clone, std::string (*edits)(Engagement&)) {
  start_new_id_session();  // another machine
  for (const char* name : kFiles) {
    LoadResult r = load_file(clone / name);
    check(bool(r), std::string("opens ") + name + " " + r.error.message);
    if (!r) return;
    check(edits(*r.engagement).empty(), "the edits apply");
    check(!save_file(*r.engagement, clone / name), std::string("saves ") + name);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: rapport_git_team RAPPORT_BINARY WORK_FOLDER\n";
    return 2;
  }
  const std::string rapport = fs::absolute(argv[1]).string();
  const fs::path work = fs::absolute(argv[2]);
  fs::remove_all(work);
  fs::create_directories(work);
  const fs::path mine = work / "mine", theirs = work / "theirs";
  const std::string identity = "git config user.name Tester && git config user.email t@example.com";
  const std::string quiet = " >/dev/null 2>&1";
  const std::string setup = "'" + rapport + "' git-setup" + quiet;

  check(sh(work, "git init -q --bare -b main origin.git" + quiet) == 0, "a shared repository");
  check(sh(work, "git clone -q origin.git mine" + quiet) == 0, "the first clone");
  check(sh(mine, "git symbolic-ref HEAD refs/heads/main && " + identity + " && " + setup) == 0,
        "git-setup in the first clone");
  for (const char* name : kFiles) save_file(make_demo(), mine / name);
  check(
      sh(mine, "git add -A && git commit -q -m plan && git push -q origin HEAD:main" + quiet) == 0,
      "the plan is shared");
  check(sh(work, "git clone -q origin.git theirs" + quiet) == 0, "the second clone");
  check(sh(theirs, identity + " && " + setup) == 0, "git-setup in the second clone");

  edit(mine, edit_mine);
  check(sh(mine, "git commit -q -am mine && git push -q origin HEAD:main" + quiet) == 0,
        "the first clone pushes");
  edit(theirs, edit_theirs);
  check(sh(theirs, "git commit -q -am theirs" + quiet) == 0, "the second clone commits");
  // The merge driver records conflicts in the files and exits 1: git stops
  // the merge for the user to settle them in the app.
  check(sh(theirs, "git pull -q --no-rebase origin main" + quiet) != 0,
        "the pull stops on conflicts");

  const Engagement base = make_demo();
  for (const char* name : kFiles) {
    LoadResult r = load_file(theirs / name);
    check(bool(r), std::string("the merged ") + name + " opens " + r.error.message);
    if (!r) continue;
    const Engagement& e = *r.engagement;
    check(
        r.format == (std::string(name).ends_with(".json") ? FileFormat::Json : FileFormat::Binary),
        "it keeps its format");
    check(validate_engagement(e).empty(), "it is valid");
    const Milestone* beta = e.milestones.find(id_titled<Milestone>(e, "Beta"));
    check(beta && beta->current == ymd(2027, 1, 29) &&
              beta->description == "Theirs: beta with the booking flow",
          "different fields of one milestone both merge");
    check(id_titled<Milestone>(e, "Mine: content freeze") != kNoId &&
              id_titled<Stakeholder>(e, "Theirs: Mikko Lahti") != kNoId,
          "new items from both sides");
    const MeetingSeries* weekly = e.meetings.find(id_titled<MeetingSeries>(e, "Weekly check-in"));
    check(weekly && weekly->overrides.count(ymd(2026, 12, 4)) &&
              weekly->overrides.count(ymd(2026, 12, 11)),
          "occurrences marked on both sides");
    const Id signoff = id_titled<Milestone>(e, "Design sign-off");
    const Id landing = id_titled<ChangeRequest>(e, "Extra landing page for the spring menu");
    const Id question = base.questions.begin()->first;
    check(e.conflicts.size() == 3 && has_conflict(e, Kind::Milestone, signoff, "current") &&
              has_conflict(e, Kind::Question, question, "deleted") &&
              has_conflict(e, Kind::ChangeRequest, landing, "decision"),
          "exactly the expected conflicts (same field, delete against edit, two decisions)");
  }
  check(sh(theirs, "git add -A && git commit -q -m merged" + quiet) == 0,
        "the merge is committed with its conflicts recorded");

  const std::string log = output_of(theirs, "git log -p --ext-diff -- plan.rapport.json");
  check(log.find("Milestone “Beta” moved 2027-01-22 → 2027-01-29") != std::string::npos,
        "git log -p reads like a changelog");
  check(log.find("Stakeholder “Theirs: Mikko Lahti” added") != std::string::npos,
        "git log -p names added items");

  std::cout << (failures ? "FAILED\n" : "all passed\n");
  return failures ? 1 : 0;
}
