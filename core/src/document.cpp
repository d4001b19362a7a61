// The document: intents applied in one place, derived data computed in one place.
#include "rapport/document.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <mutex>
#include <new>
#include <thread>

#include "rapport/fields.hpp"
#include "rapport/merge.hpp"
#include "rapport/validate.hpp"

namespace rapport {

Document::Document() = default;

Document::Document(Engagement e, std::string path)
    : engagement_(std::move(e)), path_(std::move(path)) {
  if (!path_.empty()) fingerprint_ = file_fingerprint(path_);
}

std::vector<Outcome> Document::apply() {
  // The worker reads the engagement while it copies it: no change meanwhile.
  if (copying()) wait_for_copy();
  std::vector<Outcome> outcomes;
  // Intents submitted while applying (none today) wait for the next call.
  std::vector<Intent> queue;
  queue.swap(pending_);
  outcomes.reserve(queue.size());
  for (Intent& intent : queue)
    outcomes.push_back(std::visit([this](auto& i) { return apply_one(i); }, intent));
  return outcomes;
}

Outcome Document::apply_one(intent::Apply& a) {
  std::string label = a.label;
  if (label.empty() && a.commands.size() == 1) label = describe(engagement_, a.commands[0]);
  if (auto error = history_.apply_group(engagement_, label, a.commands))
    return Outcome{Outcome::What::Refused, error->message};
  changed(false);
  Outcome o{Outcome::What::Changed, label};
  if (a.select_added) o.added = history_.last_added();
  return o;
}

Outcome Document::apply_one(intent::Undo&) {
  std::string label = history_.undo_label();
  if (!history_.undo(engagement_)) return Outcome{Outcome::What::NothingToDo, "Nothing to undo."};
  changed(false);
  return Outcome{Outcome::What::Undone, "Undone: " + label + "."};
}

Outcome Document::apply_one(intent::Redo&) {
  std::string label = history_.redo_label();
  if (!history_.redo(engagement_)) return Outcome{Outcome::What::NothingToDo, "Nothing to redo."};
  changed(false);
  return Outcome{Outcome::What::Redone, "Redone: " + label + "."};
}

Outcome Document::apply_one(intent::Replace& r) {
  engagement_ = std::move(r.engagement);
  // The findings of the old engagement name its items: none are shown for the new
  // one until its own are ready.
  replaced_at_ = generation_ + 1;
  all_findings_.clear();
  all_findings_stamp_ = Stamp{};
  ++all_findings_version_;
  history_.clear();
  if (r.unsaved) history_.mark_unsaved();
  path_ = std::move(r.path);
  fingerprint_ = r.fingerprint;
  changed(true);
  return Outcome{Outcome::What::Replaced, r.message};
}

Outcome Document::apply_one(intent::MarkSaved& s) {
  history_.mark_saved(s.state);
  path_ = std::move(s.path);
  fingerprint_ = s.fingerprint;
  // The data did not change, but derived data that names the file might.
  return Outcome{Outcome::What::Saved, ""};
}

Outcome Document::apply_one(intent::Import& i) {
  if (auto error = history_.apply_group(engagement_, i.label, i.commands))
    return Outcome{Outcome::What::ImportRefused, "Nothing was imported: " + error->message};
  changed(false);
  return Outcome{Outcome::What::Imported, i.message};
}

Outcome Document::apply_one(intent::Merge& m) {
  MergeResult r = merge(m.base, engagement_, m.theirs);
  r.merged.uid = engagement_.uid;  // the open engagement keeps its own id
  if (auto problems = validate_engagement(r.merged, 1); !problems.empty())
    return Outcome{Outcome::What::Refused, "Nothing was merged: " + problems.front()};
  if (m.fingerprint) fingerprint_ = *m.fingerprint;
  std::vector<Edit> edits = edits_between(engagement_, r.merged);
  if (edits.empty()) return Outcome{Outcome::What::Merged, "Nothing to merge: no new changes."};
  history_.apply_edits(engagement_, m.label, std::move(edits));
  changed(false);
  std::string message = m.label + ".";
  if (r.new_conflicts == 1)
    message += " 1 conflict to settle in Conflicts.";
  else if (r.new_conflicts > 1)
    message += " " + std::to_string(r.new_conflicts) + " conflicts to settle in Conflicts.";
  return Outcome{Outcome::What::Merged, message + " Undo takes it back."};
}

void Document::changed(bool everything) {
  ++generation_;
  if (everything) {
    drop_worker_copy();  // a new engagement: the next task starts from a full copy
  } else if (worker_copy_follows_) {
    // Edits piling up past the engagement's size (a large import, or no task
    // asked for the copy meanwhile) cost more to keep and replay than a fresh
    // copy, which the worker makes when it is next asked.
    if (worker_edits_.size() + history_.last_edits().size() > 1024 + engagement_.item_count())
      drop_worker_copy();
    else
      history_.append_last_edits_in_order(worker_edits_);
  }
  for (PerAudience& d : derived_) {
    if (everything)
      d.index_changes.note_everything();
    else
      d.index_changes.note(history_.last_edits());
  }
}

// [SECTION] Derived ---------------------------------------------------------------

const Engagement& Document::shown(Audience a) {
  if (a == Audience::Provider) return engagement_;
  PerAudience& d = derived(a);
  if (d.copy_generation != generation_) {
    d.copy = redacted(engagement_);
    d.copy_generation = generation_;
  }
  return d.copy;
}

const TimelineIndex& Document::timeline_index(Audience a, Date today) {
  PerAudience& d = derived(a);
  Stamp want = stamp(a, today);
  if (d.index_stamp != want) {
    // An index of an earlier generation (same day) follows what changed since.
    if (d.index_stamp.generation != Stamp{}.generation && d.index_stamp.today == today)
      d.index.update(shown(a), d.index_changes);
    else
      d.index = TimelineIndex::build(shown(a), today, timeline_limits_);
    d.index_changes.clear();
    d.index_stamp = want;
  }
  return d.index;
}

void Document::set_timeline_limits(TimelineIndexLimits limits) {
  timeline_limits_ = limits;
  for (PerAudience& d : derived_) d.index_stamp = Stamp{};
}

const ClientReport& Document::client_report(Date today) {
  Stamp want = stamp(Audience::Client, today);
  if (client_report_stamp_ != want) {
    client_report_ = build_client_report(engagement_, today, ReportScope::Presentation);
    client_report_stamp_ = want;
  }
  return client_report_;
}

// [SECTION] Background ---------------------------------------------------------------

// One thread for the document's background tasks, and its copy of the
// engagement. The copy is the worker thread's alone; the queue and the flags
// are shared under `mutex`.
struct Document::Worker {
  struct Task {
    // Make the copy anew from the document's engagement, which does not
    // change until `copying` is cleared; otherwise apply `edits` to it.
    const Engagement* copy_from = nullptr;
    bool release = false;  // only free the copy (the engagement was replaced)
    std::vector<Edit> edits;
    BackgroundTask run;
    bool optional = false;
  };

  std::mutex mutex;
  std::condition_variable wake;      // a task queued, or stop
  std::condition_variable progress;  // a copy made, a task run
  std::deque<Task> queue;
  bool stop = false;
  bool held = false;     // hold_background(): tasks wait before they run
  bool running = false;  // a task taken off the queue has not finished
  // A queued or running task reads the document's engagement.
  std::atomic<bool> copying{false};
  // The copy is not the engagement (out of memory while making or updating
  // it): the document's next task makes a fresh one.
  bool lost = false;
  std::thread thread;

  // Worker thread only:
  Engagement copy;
  bool copy_ok = false;

  void loop() {
    std::unique_lock lock(mutex);
    for (;;) {
      wake.wait(lock, [&] { return stop || !queue.empty(); });
      if (queue.empty()) return;  // stopped, nothing left
      Task task = std::move(queue.front());
      queue.pop_front();
      running = true;
      lock.unlock();
      bring_up_to_date(task);
      if (task.run) {
        lock.lock();
        wake.wait(lock, [&] { return !held || stop; });
        const bool skip = stop && task.optional;
        lock.unlock();
        if (!skip) task.run(copy_ok ? &copy : nullptr);
      }
      task = Task{};  // its edits and captures go on this thread, not under the lock
      lock.lock();
      running = false;
      progress.notify_all();
    }
  }

  void bring_up_to_date(Task& task) {
    try {
      if (task.release) {
        copy = Engagement{};
        copy_ok = false;
      } else if (task.copy_from) {
        copy_ok = false;
        copy = Engagement{};  // the old copy's memory goes first
        copy = *task.copy_from;
        copy_ok = true;
      }
      if (copy_ok)
        for (Edit& edit : task.edits) apply_edit(copy, std::move(edit));
    } catch (const std::bad_alloc&) {
      copy_ok = false;
    }
    std::lock_guard lock(mutex);
    if (task.copy_from) {
      copying = false;
      progress.notify_all();
    }
    if (!copy_ok && !task.release) lost = true;
  }
};

Document::~Document() {
  if (!worker_) return;
  {
    std::lock_guard lock(worker_->mutex);
    worker_->stop = true;  // releases a hold too
    worker_->wake.notify_all();
  }
  worker_->thread.join();
}

Document::Worker& Document::worker() {
  if (!worker_) {
    worker_ = std::make_unique<Worker>();
    worker_->thread = std::thread([w = worker_.get()] { w->loop(); });
  }
  return *worker_;
}

void Document::hold_background(bool hold) {
  Worker& w = worker();
  std::lock_guard lock(w.mutex);
  w.held = hold;
  w.wake.notify_all();
}

void Document::run_in_background(BackgroundTask task, bool optional) {
  worker();
  Worker::Task t;
  t.run = std::move(task);
  t.optional = optional;
  std::lock_guard lock(worker_->mutex);
  if (!worker_copy_follows_ || worker_->lost) {
    // Once per opened engagement: the worker copies it, while intents wait.
    t.copy_from = &engagement_;
    worker_->copying = true;
    worker_->lost = false;
    worker_copy_follows_ = true;
    worker_edits_.clear();
  } else {
    t.edits = std::move(worker_edits_);
    worker_edits_.clear();
  }
  worker_->queue.push_back(std::move(t));
  worker_->wake.notify_one();
}

bool Document::copying() const { return worker_ && worker_->copying; }

void Document::wait_for_copy() {
  std::unique_lock lock(worker_->mutex);
  worker_->progress.wait(lock, [&] { return !worker_->copying; });
}

void Document::wait_for_background() {
  if (!worker_) return;
  std::unique_lock lock(worker_->mutex);
  worker_->progress.wait(lock, [&] { return worker_->queue.empty() && !worker_->running; });
}

void Document::drop_worker_copy() {
  worker_edits_.clear();
  if (!worker_copy_follows_) return;
  worker_copy_follows_ = false;
  // Free its memory too (a task already queued still reads it first).
  Worker::Task t;
  t.release = true;
  std::lock_guard lock(worker_->mutex);
  worker_->queue.push_back(std::move(t));
  worker_->wake.notify_one();
}

// [SECTION] Health checks in the background -------------------------------------------

// One run of the checks on the worker, over its copy as of `stamp`.
struct Document::HealthJob {
  Stamp stamp;
  // Under `mutex`, read once `done`:
  std::vector<Finding> result;
  std::string summary;  // the provider's status-bar line, made on the worker too
  double ms = 0.0;
  bool failed = false;  // out of memory: no findings, and nothing learnt about the checks
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
};

namespace {
double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}
}  // namespace

void Document::adopt_finished_health() {
  if (!health_job_) return;
  {
    std::lock_guard lock(health_job_->mutex);
    if (!health_job_->done) return;
  }
  std::shared_ptr<HealthJob> job = std::move(health_job_);
  // No findings for want of memory are not "no findings": the next call asks
  // again (from a fresh copy).
  if (job->failed) return;
  last_health_ms_ = job->ms;
  last_health_generation_ = job->stamp.generation;
  // Findings about an engagement that has since been replaced name other items,
  // and a run finished late must not hide a newer one made in the call.
  if (job->stamp.generation < replaced_at_) return;
  if (all_findings_stamp_.generation != Stamp{}.generation &&
      job->stamp.generation < all_findings_stamp_.generation)
    return;
  all_findings_ = std::move(job->result);
  all_findings_stamp_ = job->stamp;
  ++all_findings_version_;
  PerAudience& provider = derived(Audience::Provider);
  provider.summary = std::move(job->summary);
  provider.findings_version = all_findings_version_;
}

void Document::start_health_worker(const Stamp& stamp) {
  auto job = std::make_shared<HealthJob>();
  job->stamp = stamp;
  health_job_ = job;
  run_in_background(
      [job](const Engagement* e) {
        auto start = std::chrono::steady_clock::now();
        std::vector<Finding> result;
        bool failed = !e;  // no copy (out of memory)
        try {
          if (e) result = check_health(*e, job->stamp.today);
        } catch (const std::bad_alloc&) {
          result.clear();  // out of memory in the checks: a failed run, not a crash
          failed = true;
        }
        std::string summary = rapport::health_summary(result);
        std::lock_guard lock(job->mutex);
        job->result = std::move(result);
        job->summary = std::move(summary);
        job->ms = milliseconds_since(start);
        job->failed = failed;
        job->done = true;
        job->finished.notify_all();
      },
      /*optional=*/true);
}

const std::vector<Finding>& Document::findings(Audience a, Date today) {
  const Stamp all = stamp(Audience::Provider, today);
  health_wanted_ = all;
  adopt_finished_health();
  if (all_findings_stamp_ != all) {
    // A large engagement never checked (just opened) would hold this thread
    // for as long as its first run takes.
    const bool large_unmeasured = last_health_generation_ < replaced_at_ &&
                                  engagement_.item_count() >= kItemsCheckedInTheBackground;
    const bool background =
        health_budget_ms_ >= 0.0 && (last_health_ms_ >= health_budget_ms_ || large_unmeasured);
    if (!background) {
      auto start = std::chrono::steady_clock::now();
      all_findings_ = check_health(engagement_, today);
      last_health_ms_ = milliseconds_since(start);
      last_health_generation_ = generation_;
      all_findings_stamp_ = all;
      ++all_findings_version_;
    } else if (!health_job_) {
      start_health_worker(all);
    }
    // Otherwise a worker is still busy with an earlier state: when it is done,
    // the next call adopts its findings and starts one for this state.
  }
  PerAudience& d = derived(a);
  // The provider sees every finding: no copy of them (a large engagement has
  // many). The client sees a filtered copy.
  const std::vector<Finding>& shown = a == Audience::Client ? d.findings : all_findings_;
  if (d.findings_version != all_findings_version_) {
    if (a == Audience::Client) {
      d.findings.clear();
      std::copy_if(all_findings_.begin(), all_findings_.end(), std::back_inserter(d.findings),
                   [](const Finding& f) { return !f.internal; });
    }
    d.summary = rapport::health_summary(shown);
    d.findings_version = all_findings_version_;
  }
  return shown;
}

const std::string& Document::health_summary(Audience a, Date today) {
  findings(a, today);
  return derived(a).summary;
}

bool Document::health_pending() const {
  if (health_wanted_.generation == Stamp{}.generation) return false;  // never asked
  return all_findings_stamp_.generation != generation_ ||
         all_findings_stamp_.today != health_wanted_.today;
}

void Document::wait_for_health() {
  if (!health_job_) return;
  std::unique_lock lock(health_job_->mutex);
  health_job_->finished.wait(lock, [&] { return health_job_->done; });
}

}  // namespace rapport
