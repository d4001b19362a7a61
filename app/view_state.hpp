// What the app knows besides the engagement: the selection, presentation mode,
// and the queue of commands that panels emit. Panels read the engagement as
// const& and push commands here; the app applies them after the UI pass (one
// direction of data flow, ../shared/ARCHITECTURE.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rapport/commands.hpp"
#include "rapport/model.hpp"

namespace rapport::app {

// Commands emitted during one frame. A group becomes one undo step.
struct CommandQueue {
  struct Group {
    std::string label;  // empty: use the single command's own label
    std::vector<Command> commands;
    bool select_added = false;  // select the item an Add created
  };
  std::vector<Group> groups;

  void push(Command c) { groups.push_back(Group{"", {std::move(c)}}); }
  void push_and_select(Command c) { groups.push_back(Group{"", {std::move(c)}, true}); }
  void push_group(std::string label, std::vector<Command> commands) {
    groups.push_back(Group{std::move(label), std::move(commands)});
  }
  bool empty() const { return groups.empty(); }
};

struct ViewState {
  Selection selection;          // shared by the timeline, the tables and the inspector
  bool presentation = false;    // client-safe view: internal fields hidden
  // Set by a panel that wants the timeline to show an item (find, overview).
  std::optional<Selection> reveal_on_timeline;
  // The last command error, shown near where it happened.
  std::string last_error;
};

}  // namespace rapport::app
