// The one table of screens: every section of the main window, with its title,
// the sentence under it, the kinds of item it lists (its count in the
// navigation, its tabs, what "Export this table" writes) and its draw function.
// Adding a section is one row in screens.cpp and one name here.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "rapport/model.hpp"

namespace rapport::app {

struct App;

enum class Section {
  Overview,
  Health,
  Discovery,
  Expectations,
  WaysOfWorking,
  CommunicationPlan,
  Meetings,
  Milestones,
  Boundaries,
  ChangeRequests,
  ClientTasks,
  Decisions,
  Feedback,
  Conflicts,
};
inline constexpr int kSectionCount = 14;

struct Screen {
  Section section;
  const char* title;
  const char* description;
  std::span<const Kind> kinds;  // empty: a screen of its own (Overview, Health)
  void (*draw)(App& app);       // the body, below the title
};

const Screen& screen(Section s);
std::span<const Screen> screens();
const char* section_title(Section s);
// Items the screen lists (the navigation's count); 0 for Overview and Health.
size_t item_count(const Screen& s, const Engagement& e);
// Whether the navigation and the View menu list the screen now: Conflicts
// only while there are some (most engagements never have any).
bool listed(const Screen& s, const Engagement& e);
// The section titled `title`, ignoring case (--section NAME).
std::optional<Section> section_named(std::string_view title);

}  // namespace rapport::app
