// Files, as the user meets them: New, Open, Save, Save as, Export, Import,
// autosave and recovery, and the jobs that open or save large files off the UI
// thread. Each flow reads the document and submits intents (a replaced
// engagement, a save marked); nothing here changes the engagement itself.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "rapport/import.hpp"
#include "shell/app.hpp"

namespace rapport::app {

// A large file opened, saved or imported off the UI thread while the window keeps
// drawing. The worker only touches the job; the UI thread adopts the result.
struct FileJob {
  enum class Kind { Open, Save, Import } kind = Kind::Open;
  std::string path;
  uintmax_t bytes = 0;
  double started = 0;
  uint64_t saved_state = 0;  // History::state() when the save was handed to the worker
  LoadResult loaded;
  FileError save_error;
  // An import: the file's text read against a copy of the engagement; the
  // commands it makes are submitted as one step when it is done.
  bool planner = false;
  std::string text;
  ImportResult imported;
  std::vector<std::string> warnings;
  // A CSV file read and checked for the preview dialog (then nothing is
  // submitted: the dialog opens with it).
  std::optional<CsvPreview> csv;
  std::atomic<bool> cancelled{false};  // an import not started yet is not read
  std::atomic<bool> done{false};
};

// A recovery file written in the background (large engagements): autosave
// looks at it on its next call.
struct RecoveryWrite {
  uint64_t generation = 0;  // the document's generation it holds
  FileError error;          // set before `done`
  std::atomic<bool> done{false};
  std::mutex mutex;  // finish() and wait(): this write only, not the worker's whole queue
  std::condition_variable finished;
  void finish(FileError e);
  void wait();
};

// [SECTION] Open and new
// Loads `path` and submits it to replace the engagement (applied after the
// frame). On failure nothing changes, the error dialog says why, and `error`
// holds the message. Offers the file's recovery file when there is one.
bool open_file(App& app, const std::string& path, std::string& error);
// open_file, then apply at once: for the command line and tests, between frames.
bool open_file_now(App& app, const std::string& path, std::string& error);
// The same off the UI thread when the file is large (a progress dialog shows).
void open_file_in_background(App& app, const std::string& path);
// True for a file open_file_in_background reads on a worker (a large one).
bool opens_in_background(const std::string& path);
void start_open_dialog(App& app);
// Replaces the engagement with a fresh one (no questions: see App::request()).
void new_engagement(App& app);
// A fresh engagement as File ▸ New makes it: today, in this machine's time zone.
Engagement fresh_engagement(const App& app);
// A start without a file: the fresh engagement, applied at once (before the
// first frame), leaving any recovery file to be offered.
void start_with_new_engagement(App& app);

// [SECTION] Save
// Ctrl+S: Save as when untitled; asks first when the file changed on disk.
void save(App& app);
void start_save_as(App& app);
// Saves now; on failure keeps everything in memory, says why, returns false.
bool save_file(App& app, const std::string& path, std::string& error);
// The same, off the UI thread for large engagements.
void save_in_background(App& app, const std::string& path);
bool busy(const App& app);  // an open or save is running
// Adopts a finished job's result (submits intents); call once per frame.
void poll_file_job(App& app);
// Stops waiting for the running job (an import): its result is dropped and
// nothing changes. Opens and saves cannot be cancelled.
void cancel_file_job(App& app);

// [SECTION] Export and import
void start_export(App& app, FilePurpose purpose, const char* suffix, const char* title);
void start_import(App& app, FilePurpose purpose, const char* extension, const char* title);
// Does what the file dialog's answer was for.
void use_chosen_file(App& app, const std::string& path);
void import_file(App& app, const std::string& path, bool planner);
// MS Project XML: the plan is read into the preview dialog (or an error shown);
// import_mspdi_preview() submits the plan as the user left it, as one step.
void preview_mspdi(App& app, const std::string& path);
void import_mspdi_preview(App& app);
// CSV: the file is read, its delimiter, encoding, section, columns and dates
// detected and every row checked (off the UI thread when large), then the
// preview dialog opens. After a choice changes in the dialog, recheck_csv()
// reads and checks again; import_csv_preview() submits the rows as one step
// when no cell is bad.
void preview_csv(App& app, const std::string& path);
enum class CsvChange { Reading, Section, Checking };
void recheck_csv(App& app, CsvChange change);
void import_csv_preview(App& app);

// [SECTION] Merge
// Sync tools' conflict copies beside `path` (conflict_copies.hpp) that hold
// the same engagement (`uid`) and can be read, kept to offer after opening it.
void look_for_conflict_copies(App& app, const std::string& path, uint64_t uid);
// The first offered copy: merged into the open engagement as one undo step
// (the base: merge.hpp base_without_ancestor), or passed over (nothing
// changes), or, once merged, moved aside ("NAME.merged", never deleted).
void merge_conflict_copy(App& app);
void skip_conflict_copy(App& app);
void move_conflict_copy_aside(App& app);
// The file changed on disk: merges it (theirs) with the engagement (ours) over
// the state as last opened or saved, as one undo step; saving then overwrites
// the file without asking. Says why when it cannot.
void merge_file_on_disk(App& app);

// [SECTION] Recent files
// The one update of the recent-files list: `path` first, no duplicates, at most
// 10; written to the settings file when the app keeps one.
void remember_recent(App& app, const std::string& path);
// Keeps recent files in `settings_path` from now on, and reads those kept there.
void use_settings_file(App& app, const std::filesystem::path& settings_path);

// [SECTION] Autosave and recovery
// Writes the recovery file when changes are unsaved and the interval has passed.
void autosave(App& app, double now_seconds);
// Seconds until autosave() would write (the loop wakes then); a day when
// nothing waits to be autosaved.
double seconds_until_autosave(const App& app, double now_seconds);
// Offers the recovery file of the current file (or of an untitled engagement).
void offer_recovery(App& app);
// Restores the offered recovery file (submitted, unsaved until saved).
void restore_recovery(App& app);
void discard_offered_recovery(App& app);
// Writes the recovery file now if changes are unsaved (on exit by a signal).
void keep_unsaved_for_recovery(App& app);

}  // namespace rapport::app
