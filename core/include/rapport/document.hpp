// The document: the one owner of the open engagement, its undo history, its file
// identity, and everything derived from them.
//
// [SECTION] index
//   Intents  - every change is one of these values, queued with submit()
//   Outcome  - what applying an intent did, for the shell to say or show
//   Document - apply() runs the queue in one place, after the UI pass
//   Derived  - the client-safe copy, timeline index and health findings, each
//              computed from (engagement, generation, audience, today) here only
//   Background - long reads of a large engagement (checks, saves, recovery
//              files) on one worker thread, over the worker's own copy
//
// One door for change: panels, menus, shortcuts, file jobs and imports submit
// intents while a frame is drawn; the shell calls apply() once the frame has read
// the engagement. Nothing replaces or edits the engagement in the middle of a frame,
// and no cache anywhere else is keyed by hand: they ask for stamp().
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "rapport/client_report.hpp"
#include "rapport/commands.hpp"
#include "rapport/health.hpp"
#include "rapport/history.hpp"
#include "rapport/io.hpp"
#include "rapport/model.hpp"
#include "rapport/timeline_index.hpp"

namespace rapport {

// Who is looking: the provider at their own screen, or the client (the
// presentation). Derived data for the client never holds internal fields.
enum class Audience { Provider, Client };

// [SECTION] Intents ------------------------------------------------------------

namespace intent {
// Commands applied as one undo step, all or nothing. An empty label takes the
// single command's own description.
struct Apply {
  std::string label;
  std::vector<Command> commands;
  bool select_added = false;  // the outcome names the item an Add created
};
struct Undo {};
struct Redo {};
// Replaces the engagement and forgets the history: a file opened, a new
// engagement, a recovery file restored. `unsaved` keeps it dirty until saved
// (a recovery); `path` empty means untitled.
struct Replace {
  Engagement engagement;
  std::string path;
  FileFingerprint fingerprint;
  bool unsaved = false;
  std::string message;  // for the status bar: "Opened plan.rapport."
};
// A save of the state `state` (History::state() when the copy was taken) to
// `path` succeeded: later edits stay unsaved.
struct MarkSaved {
  uint64_t state = 0;
  std::string path;
  FileFingerprint fingerprint;
};
// An import: `commands` were made from a file against the engagement as it
// was; they apply as one undo step named `label`.
struct Import {
  std::string label;
  std::vector<Command> commands;
  std::string message;  // "12 changes imported."
};
// A three-way merge into the open engagement (merge.hpp) as one undo step
// named `label`: `theirs` (a conflict copy, the file as changed on disk) merged
// with the engagement as it is when applied, over `base`. Real disagreements
// become conflict records. With `fingerprint` set the file on disk counts as
// seen (its changes are in): saving no longer asks before overwriting it.
struct Merge {
  std::string label;
  Engagement base;
  Engagement theirs;
  std::optional<FileFingerprint> fingerprint;
};
}  // namespace intent

using Intent = std::variant<intent::Apply, intent::Undo, intent::Redo, intent::Replace,
                            intent::MarkSaved, intent::Import, intent::Merge>;

// [SECTION] Outcome -------------------------------------------------------------

struct Outcome {
  enum class What {
    Changed,
    Refused,
    Undone,
    Redone,
    NothingToDo,
    Replaced,
    Saved,
    Imported,
    ImportRefused,
    Merged
  };
  What what = What::NothingToDo;
  std::string message;  // a sentence for the status bar or, when refused, the reason
  Id added = kNoId;     // set for Apply{select_added} when an Add ran
};

// [SECTION] Document ------------------------------------------------------------

// An engagement this large (checks of 40 ms and more on a laptop) that was
// never checked has its first checks in the background, not in the call.
inline constexpr size_t kItemsCheckedInTheBackground = 10000;

class Document {
 public:
  Document();
  explicit Document(Engagement e, std::string path = "");
  // Waits for the background work still queued (a save finishes; checks not
  // yet started are dropped).
  ~Document();
  // One owner: the worker's copy and its thread belong to this document.
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const Engagement& engagement() const { return engagement_; }
  const History& history() const { return history_; }
  const std::string& path() const { return path_; }  // empty: not saved yet
  const FileFingerprint& fingerprint() const { return fingerprint_; }
  bool dirty() const { return history_.dirty(); }
  // The engagement as last opened or saved (the base of a merge with the file
  // changed on disk); null when out of reach (History::saved_version).
  std::optional<Engagement> saved_version() const { return history_.saved_version(engagement_); }
  // Changes with every change, undo, redo and replacement: the key of all
  // derived data. (History::revision() restarts when the engagement is replaced.)
  uint64_t generation() const { return generation_; }

  template <class I>
  requires std::is_constructible_v<Intent, I>
  void submit(I&& intent) {
    pending_.emplace_back(std::in_place_type<std::decay_t<I>>, std::forward<I>(intent));
  }
  // Shorthands for the common intents.
  void submit(Command c, bool select_added = false) {
    submit(intent::Apply{"", {std::move(c)}, select_added});
  }
  bool has_pending() const { return !pending_.empty(); }
  // Applies what was submitted, in order. Call once per frame, after the UI pass.
  // While the worker copies the engagement (copying()) this waits for the copy:
  // the frame loop asks copying() first and leaves the intents queued instead.
  std::vector<Outcome> apply();

  // [SECTION] Derived
  // The key under which a panel may keep its own view of the data (a sorted,
  // filtered table): equal stamps mean equal data.
  struct Stamp {
    uint64_t generation = ~uint64_t(0);
    Audience audience = Audience::Provider;
    Date today;
    bool operator==(const Stamp&) const = default;
  };
  Stamp stamp(Audience a, Date today) const { return Stamp{generation_, a, today}; }

  // What `a` may see: the engagement itself, or for the client a redacted copy
  // (internal fields emptied, hidden milestones removed). Edits always start
  // from engagement(), so nothing internal is lost.
  const Engagement& shown(Audience a);
  // The index follows edits, undo and redo item by item (TimelineIndex::update)
  // and is built anew for a new day, a replaced engagement or a wide change.
  const TimelineIndex& timeline_index(Audience a, Date today);
  // How much the index expands meetings (the default fits any screen; tests
  // use small limits). Rebuilds it on the next call.
  void set_timeline_limits(TimelineIndexLimits limits);
  // Health findings as `a` may see them (the client sees no internal finding),
  // and their one-line summary.
  //
  // The checks run where they are cheap: in the call, while the last run took
  // less than health_budget_ms() and the engagement is not large for one never
  // checked (kItemsCheckedInTheBackground); otherwise they run in the
  // background (below), and these return the last findings
  // until the new ones are ready (health_pending() says so; poll by calling
  // again). One worker at most: edits made while it runs start the next one
  // when it is done. A finished run for an older state is shown until then.
  const std::vector<Finding>& findings(Audience a, Date today);
  const std::string& health_summary(Audience a, Date today);
  // True while the findings shown are not those of the current state and day.
  bool health_pending() const;
  // How long the last run of the checks took, in milliseconds (-1: none yet).
  double last_health_ms() const { return last_health_ms_; }
  // The budget above which the checks move off the caller's thread (0: always
  // in the background, negative: never). Default 40 ms, below a frame at 25 fps.
  void set_health_budget_ms(double ms) { health_budget_ms_ = ms; }
  double health_budget_ms() const { return health_budget_ms_; }
  // Blocks until the running checks are done (tests, and a caller about to exit).
  void wait_for_health();

  // The client's picture as of today, in the presentation's scope
  // (client_report.hpp): what the client view draws. Redacted once, here.
  const ClientReport& client_report(Date today);

  // [SECTION] Background
  // `task` runs on the document's worker thread with the engagement as it is
  // now, and may read it for as long as it needs while edits go on here: a
  // save, a recovery file, the health checks. Tasks run one at a time, in the
  // order given. The worker keeps its own copy of the engagement: made whole
  // once per opened engagement (by the worker: copying() is true meanwhile),
  // then brought up to date with the edits, undo and redo applied since its
  // last task, so what this thread pays per task is the size of the edits, not
  // of the engagement. `task` gets null when the copy could not be made (out
  // of memory); it must not throw. An `optional` task (the checks) is dropped
  // when the document goes before it started.
  using BackgroundTask = std::function<void(const Engagement*)>;
  void run_in_background(BackgroundTask task, bool optional = false);
  // True from the moment a task that needs a fresh copy is queued until the
  // worker has made it (after the tasks queued before it): the engagement must
  // not change meanwhile, so intents stay queued (apply() would wait; while
  // hold_background() holds an earlier task, it would wait for ever).
  bool copying() const;
  // Blocks until every task given so far has run (tests; before a write that
  // a queued task must not overwrite later).
  void wait_for_background();
  // Tests: while held, background tasks wait before they run (the copy is
  // still made and brought up to date), so a test sees the work pending
  // however fast the machine. Release before waiting.
  void hold_background(bool hold);

 private:
  struct PerAudience {
    uint64_t copy_generation = ~uint64_t(0);
    Engagement copy;
    Stamp index_stamp;
    TimelineIndex index;
    TimelineChanges index_changes;  // what changed since index_stamp
    uint64_t findings_version = 0;  // of all_findings_ they were filtered from
    std::vector<Finding> findings;
    std::string summary;
  };
  PerAudience& derived(Audience a) { return derived_[a == Audience::Client ? 1 : 0]; }
  Outcome apply_one(intent::Apply& a);
  Outcome apply_one(intent::Undo&);
  Outcome apply_one(intent::Redo&);
  Outcome apply_one(intent::Replace& r);
  Outcome apply_one(intent::MarkSaved& s);
  Outcome apply_one(intent::Import& i);
  Outcome apply_one(intent::Merge& m);
  // After every change: what the derived data must follow.
  void changed(bool everything);

  Engagement engagement_;
  History history_;
  std::string path_;
  FileFingerprint fingerprint_;
  uint64_t generation_ = 1;
  std::vector<Intent> pending_;
  PerAudience derived_[2];
  TimelineIndexLimits timeline_limits_;
  // Provider findings are the source of the client's (filtered): one run of the checks.
  struct HealthJob;
  void adopt_finished_health();
  void start_health_worker(const Stamp& stamp);
  // The worker thread, its queue and its copy of the engagement (document.cpp).
  struct Worker;
  Worker& worker();  // started on first use
  // Forgets the worker's copy: the next task starts from a fresh one.
  void drop_worker_copy();
  void wait_for_copy();
  Stamp all_findings_stamp_;
  std::vector<Finding> all_findings_;
  uint64_t all_findings_version_ = 1;  // moves on whenever all_findings_ changes
  uint64_t replaced_at_ = 1;           // generation of the last Replace (or of the construction)
  Stamp health_wanted_;                // the state and day the findings were last asked for
  double last_health_ms_ = -1.0;
  uint64_t last_health_generation_ = 0;  // the state last_health_ms_ was measured on
  double health_budget_ms_ = 40.0;
  std::shared_ptr<HealthJob> health_job_;  // the running checks, if any
  std::unique_ptr<Worker> worker_;         // started with the first background task
  // The worker's copy will be the engagement once it has applied these (the
  // edits since the last task, in order); false: the next task makes a fresh copy.
  bool worker_copy_follows_ = false;
  std::vector<Edit> worker_edits_;
  Stamp client_report_stamp_;
  ClientReport client_report_;
};

}  // namespace rapport
