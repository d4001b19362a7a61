// Presentation mode: with the client watching, no internal text is drawn
// anywhere: tables, inspector, overview, health, find, timeline and its
// tooltips. The same walk without presentation mode does draw them, so this
// test can fail.
#include <catch2/catch.hpp>
#include <set>

#include "../common/engagements.hpp"
#include "rapport/demo.hpp"
#include "rapport/fields.hpp"
#include "workspace_driver.hpp"

using namespace rapport;
using namespace rapport::app;
using rapport::test::demo_with_hidden_milestone;
using rapport::test::kHiddenMilestone;
using rapport::test::Workspace;

namespace {

// Everything drawn while visiting every section, selecting every item and
// occurrence, hovering over the timeline and searching for each secret.
std::set<std::string> walk_everything(Workspace& w, const std::vector<std::string>& secrets) {
  std::set<std::string> all;
  auto keep = [&] {
    for (const auto& t : rapport::test::captured_text()) all.insert(t.text);
  };
  for (int s = 0; s < kSectionCount; ++s) {
    w.app.main_window.section = static_cast<Section>(s);
    w.frame();
    keep();
  }
  std::vector<Selection> targets;
  for_each_table(w.app.engagement(), [&](const auto& table) {
    for (const auto& [id, item] : table) targets.push_back(Selection{id, std::nullopt});
  });
  for (const auto& [id, m] : w.app.engagement().meetings)
    for (const auto& [date, o] : m.overrides) targets.push_back(Selection{id, date});
  for (const Selection& t : targets) {
    w.app.view.selection = t;
    w.frame();
    w.frame();
    keep();
  }
  w.app.view.selection = {};
  // Hover across the timeline so every item's tooltip is drawn.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  for (float y = vp->WorkPos.y + 40; y < vp->WorkPos.y + vp->WorkSize.y * 0.5f; y += 10) {
    for (float x = 250; x < vp->WorkSize.x; x += 8) {
      rapport::test::capture_text_begin();
      w.ui.move_to(ImVec2(x, y));
      keep();
    }
  }
  // Search for a word of each secret (the last: the field shows what was typed,
  // so the typed word must not itself be the probe checked below).
  for (const std::string& secret : secrets) {
    w.ctrl('F');
    w.type(secret.substr(secret.rfind(' ') + 1));
    w.frame();
    keep();
    w.key(ImGuiKey_Escape);
  }
  return all;
}

// A secret counts as shown when its first words are drawn (long notes wrap).
bool shown(const std::set<std::string>& all, const std::string& secret) {
  std::string probe = secret.substr(0, std::min<size_t>(secret.size(), 18));
  for (const std::string& text : all)
    if (text.find(probe) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("presentation mode draws none of the internal texts and without it they are there",
          "[ui][presentation]") {
  Engagement e = demo_with_hidden_milestone();
  std::vector<std::string> secrets = internal_texts(e);
  REQUIRE(secrets.size() >= 6);

  {
    Workspace internal_view(e);
    std::set<std::string> everything = walk_everything(internal_view, secrets);
    size_t found = 0;
    for (const auto& s : secrets) found += shown(everything, s);
    // Without presentation mode the provider sees their notes (the test can fail).
    CHECK(found >= secrets.size() - 1);
    // The walk reached the timeline's tooltips (a held meeting's recap line).
    CHECK(shown(everything, "Agreed actions: "));
  }
  Workspace client_view(e);
  client_view.app.view.presentation = true;
  std::set<std::string> client = walk_everything(client_view, secrets);
  CHECK(shown(client, "F11 editor"));  // the walk saw the client view
  for (const auto& s : secrets) {
    INFO("internal text on screen: " << s);
    CHECK_FALSE(shown(client, s));
  }
}

TEST_CASE("the client view names the engagement, not the file on this laptop",
          "[ui][presentation]") {
  Workspace w(make_demo());
  w.app.doc.submit(
      intent::Replace{w.app.engagement(), "/home/anna/clients/kahvila.rapport", {}, false, ""});
  w.app.apply();
  CHECK(w.shows("/home/anna/clients/kahvila.rapport"));
  w.app.view.presentation = true;
  CHECK_FALSE(w.shows("/home/anna/clients"));
  CHECK_FALSE(w.shows(" theme  ·  "));
  w.app.view.presentation = false;
  CHECK(w.shows(" theme  ·  "));  // the editor's status bar does say it
  CHECK(w.shows("Website relaunch"));
}
