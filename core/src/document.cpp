// The document: intents applied in one place, derived data computed in one place.
#include "rapport/document.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <iterator>
#include <mutex>
#include <new>
#include <thread>

#include "rapport/fields.hpp"
#include "rapport/merge.hpp"
#include "rapport/validate.hpp"

namespace rapport {

Document::Document(Engagement e, std::string path)
    : engagement_(std::move(e)), path_(std::move(path)) {
  if (!path_.empty()) fingerprint_ = file_fingerprint(path_);
}

std::vector<Outcome> Document::apply() {
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
    drop_health_shadow();  // a new engagement: the next run starts from a full copy
  } else if (health_shadow_) {
    history_.append_last_edits_in_order(shadow_edits_);
    // Edits piled up past the engagement's size (nobody asked for findings
    // meanwhile) cost more to keep and replay than a fresh copy.
    if (shadow_edits_.size() > 1024 + engagement_.item_count()) drop_health_shadow();
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

// The worker's copy of the engagement. Only the worker thread that runs reads
// or writes it; runs follow one another (a run starts after the last one was
// adopted, under HealthJob::mutex), so each sees what the one before left.
struct Document::HealthShadow {
  Engagement engagement;
};

// One run of the checks on a worker thread, over the shadow brought to `stamp`.
struct Document::HealthJob {
  // Handed over when the worker starts, then the worker's alone:
  Stamp stamp;
  std::shared_ptr<HealthShadow> shadow;
  std::optional<Engagement> fresh;  // a full copy to start the shadow from
  std::vector<Edit> edits;          // then these, in order
  // Under `mutex`, read once `done`:
  std::vector<Finding> result;
  std::string summary;  // the provider's status-bar line, made here too
  double ms = 0.0;
  bool shadow_lost = false;  // out of memory half-way: the shadow is not the engagement
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
};

struct Document::HealthGate {
  std::mutex mutex;
  std::condition_variable opened;
  bool held = false;
};

void Document::hold_health_worker(bool hold) {
  if (!health_gate_) health_gate_ = std::make_shared<HealthGate>();
  std::lock_guard lock(health_gate_->mutex);
  health_gate_->held = hold;
  health_gate_->opened.notify_all();
}

namespace {
double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}
}  // namespace

void Document::drop_health_shadow() {
  health_shadow_.reset();
  shadow_edits_.clear();
}

void Document::adopt_finished_health() {
  if (!health_job_) return;
  {
    std::lock_guard lock(health_job_->mutex);
    if (!health_job_->done) return;
  }
  std::shared_ptr<HealthJob> job = std::move(health_job_);
  last_health_ms_ = job->ms;
  if (job->shadow_lost && job->shadow == health_shadow_) drop_health_shadow();
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
  provider.summary =
      job->shadow_lost ? rapport::health_summary(all_findings_) : std::move(job->summary);
  provider.findings_version = all_findings_version_;
}

void Document::start_health_worker(const Stamp& stamp) {
  auto job = std::make_shared<HealthJob>();
  job->stamp = stamp;
  if (!health_shadow_) {
    // Once per opened engagement: the copy the later runs follow edit by edit.
    job->fresh = engagement_;
    health_shadow_ = std::make_shared<HealthShadow>();
    shadow_edits_.clear();
  }
  job->shadow = health_shadow_;
  job->edits = std::move(shadow_edits_);
  shadow_edits_.clear();
  health_job_ = job;
  std::thread([job, gate = health_gate_] {
    if (gate) {
      std::unique_lock lock(gate->mutex);
      gate->opened.wait(lock, [&] { return !gate->held; });
    }
    auto start = std::chrono::steady_clock::now();
    std::vector<Finding> result;
    std::string summary;
    bool lost = false;
    try {
      Engagement& shadow = job->shadow->engagement;
      if (job->fresh) {
        shadow = std::move(*job->fresh);
        job->fresh.reset();
      }
      for (const Edit& edit : job->edits) apply_edit(shadow, edit);
      job->edits = {};
      result = check_health(shadow, job->stamp.today);
      summary = rapport::health_summary(result);
    } catch (const std::bad_alloc&) {
      // Out of memory: no findings rather than a crash; the shadow may be
      // half-updated, so the next run starts from a fresh copy.
      lost = true;
    }
    std::lock_guard lock(job->mutex);
    job->result = std::move(result);
    job->summary = std::move(summary);
    job->ms = milliseconds_since(start);
    job->shadow_lost = lost;
    job->done = true;
    job->finished.notify_all();
  }).detach();
}

const std::vector<Finding>& Document::findings(Audience a, Date today) {
  const Stamp all = stamp(Audience::Provider, today);
  health_wanted_ = all;
  adopt_finished_health();
  if (all_findings_stamp_ != all) {
    const bool background = health_budget_ms_ >= 0.0 && last_health_ms_ >= health_budget_ms_;
    if (!background) {
      auto start = std::chrono::steady_clock::now();
      all_findings_ = check_health(engagement_, today);
      last_health_ms_ = milliseconds_since(start);
      // Quick again (items deleted): a shadow would only follow edits unused.
      if (!health_job_) drop_health_shadow();
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
