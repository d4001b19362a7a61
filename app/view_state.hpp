// What the app knows besides the engagement: the selection and presentation
// mode, and the sink through which panels ask for changes. Panels read the
// engagement as const& and submit commands here; the document applies them after
// the UI pass (one direction of data flow, ../shared/ARCHITECTURE.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rapport/commands.hpp"
#include "rapport/document.hpp"
#include "rapport/model.hpp"

namespace rapport::app {

// Where panels put the commands they want applied: straight into the
// document's queue of intents. A group becomes one undo step.
class CommandSink {
 public:
  explicit CommandSink(Document& doc) : doc_(doc) {}
  void push(Command c) { doc_.submit(std::move(c)); }
  void push_and_select(Command c) { doc_.submit(std::move(c), true); }
  void push_group(std::string label, std::vector<Command> commands, bool select_added = false) {
    doc_.submit(intent::Apply{std::move(label), std::move(commands), select_added});
  }
  // Changes with every change, undo and redo: a draft taken at another
  // generation is stale and is taken again from the engagement.
  uint64_t generation() const { return doc_.generation(); }

 private:
  Document& doc_;
};

struct ViewState {
  Selection selection;        // shared by the timeline, the tables and the inspector
  bool presentation = false;  // the client view (F11) is on: App::set_presentation
  // Set by a panel that wants the timeline to show an item (find, overview).
  std::optional<Selection> reveal_on_timeline;
  // The last command error, shown near where it happened.
  std::string last_error;
};

}  // namespace rapport::app
