// [SECTION] index
//   Open and new   - load, then submit the engagement to replace the open one
//   Save           - atomic save, then submit "saved at this state"
//   Jobs           - large files on a worker thread
//   Export, import - through the file dialog; exports written atomically
//   Merge          - conflict copies beside the file, the file changed on disk
//   Recent files   - the one update of the list
//   Autosave       - recovery files
#include "shell/files.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <thread>

#include "rapport/defaults.hpp"
#include "rapport/export.hpp"
#include "rapport/export_pdf.hpp"
#include "rapport/import.hpp"
#include "rapport/merge.hpp"
#include "rapport/recap.hpp"
#include "rapport/time.hpp"
#include "rapport/weekly_update.hpp"
#include "settings.hpp"

namespace rapport::app {

namespace {

// Files smaller than this open in the blink of an eye: no worker, no dialog.
constexpr uintmax_t kBackgroundOpenBytes = 8u << 20;
// Saves and recovery files of engagements this large are written in the
// background, from the document worker's copy (Document::run_in_background).
constexpr size_t kBackgroundSaveItems = 5000;
constexpr size_t kBackgroundImportBytes = 1u << 20;
constexpr size_t kBackgroundCsvRows = 20000;  // a CSV's rows checked again off the UI thread

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

std::string file_name(const std::string& path) {
  if (path.empty()) return "Untitled";
  return std::filesystem::path(path).filename().string();
}

// Why a background task had no engagement to read (Document::run_in_background).
const std::string kOutOfMemory = "the computer ran out of memory";

FileError out_of_memory_for(const std::string& path) {
  return FileError{FileProblem::SaveFailed, "Could not save " + file_name(path) + ": " +
                                                kOutOfMemory +
                                                ". Your changes are still open in "
                                                "Rapport; the file on disk is unchanged."};
}

// A file name made from the engagement's name, safe on every file system.
std::string name_for_files(const Engagement& e) {
  std::string name = e.info.name.empty() ? "engagement" : e.info.name;
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ':') c = '-';
  return name;
}

std::filesystem::path folder_of_file(const App& app) {
  return app.file_path().empty() ? std::filesystem::current_path()
                                 : std::filesystem::path(app.file_path()).parent_path();
}

// A recovery file still being written in the background would come back after
// it was discarded, or overwrite a newer one: such a write finishes first.
// A recovery file written in the background, finished: forgotten, and when it
// could not be written (a full disk, no memory) the next autosave or the exit
// writes it again.
void take_recovery_write(App& app) {
  std::shared_ptr<RecoveryWrite> w = app.recovery_write;
  if (!w || !w->done) return;
  app.recovery_write.reset();
  if (w->error && app.autosaved_generation == w->generation) app.autosaved_generation = 0;
}

void finish_recovery_write(App& app) {
  if (app.recovery_write) app.recovery_write->wait();
  take_recovery_write(app);
}

void forget_recovery(App& app, const std::string& path) {
  if (app.state_dir.empty()) return;
  finish_recovery_write(app);
  discard_recovery(app.state_dir, path);
}

void show_error(App& app, std::string title, std::string message) {
  app.error_title = std::move(title);
  app.error_message = std::move(message);
}

bool adopt_loaded(App& app, const std::string& path, LoadResult r, std::string& error) {
  if (!r) {
    error = r.error.message;
    show_error(app, "Could not open the file", error);
    return false;
  }
  std::string absolute = absolute_path(path);
  const uint64_t uid = r.engagement->uid;
  app.doc.submit(intent::Replace{std::move(*r.engagement), absolute, file_fingerprint(absolute),
                                 false, "Opened " + file_name(absolute) + "."});
  look_for_conflict_copies(app, absolute, uid);
  remember_recent(app, absolute);
  app.panels.recovery.clear();
  if (!app.state_dir.empty())
    if (auto found = find_recovery(app.state_dir, absolute)) app.panels.recovery = found->string();
  return true;
}

bool adopt_saved(App& app, const std::string& path, const FileError& e, uint64_t saved_state,
                 std::string& error) {
  if (e) {
    error = e.message;
    show_error(app, "Could not save", e.message + " Your changes are still here, unsaved.");
    return false;
  }
  std::string absolute = absolute_path(path);
  forget_recovery(app, app.file_path());
  if (absolute != app.file_path()) forget_recovery(app, absolute);
  app.doc.submit(intent::MarkSaved{saved_state, absolute, file_fingerprint(absolute)});
  // Edits made while the save ran are not in the file, and the recovery file
  // that held them was just discarded: the next autosave writes them again.
  if (app.doc.history().state() != saved_state) app.autosaved_generation = 0;
  remember_recent(app, absolute);
  app.main_window.status_message = "Saved " + file_name(absolute) + ".";
  return true;
}

}  // namespace

// [SECTION] Open and new ---------------------------------------------------------

bool open_file(App& app, const std::string& path, std::string& error) {
  return adopt_loaded(app, path, load_file(path), error);
}

bool open_file_now(App& app, const std::string& path, std::string& error) {
  bool ok = open_file(app, path, error);
  app.apply();
  return ok;
}

bool opens_in_background(const std::string& path) {
  std::error_code ec;
  return std::filesystem::file_size(path, ec) >= kBackgroundOpenBytes && !ec;
}

void open_file_in_background(App& app, const std::string& path) {
  std::error_code ec;
  uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec || bytes < kBackgroundOpenBytes || app.job) {
    std::string error;
    open_file(app, path, error);
    return;
  }
  auto job = std::make_shared<FileJob>();
  job->path = path;
  job->bytes = bytes;
  job->started = monotonic_seconds();
  app.job = job;
  std::thread([job] {
    job->loaded = load_file(job->path);
    job->done = true;
  }).detach();
}

void start_open_dialog(App& app) {
  app.panels.file_dialog.open(FileDialog::Mode::Open, app.file_path(), app.recent_files);
  app.panels.file_purpose = FilePurpose::Open;
}

Engagement fresh_engagement(const App& app) {
  std::string zone = local_time_zone();
  return default_engagement(app.today_override ? *app.today_override : today_in(zone), zone);
}

namespace {
void submit_new_engagement(App& app) {
  app.doc.submit(intent::Replace{
      fresh_engagement(app),
      "",
      {},
      false,
      "New engagement: fill in the details, then add stakeholders (Ctrl+K for quick add)."});
  app.main_window.section = Section::Overview;
}
}  // namespace

void new_engagement(App& app) {
  if (!app.doc.dirty()) forget_recovery(app, app.file_path());
  submit_new_engagement(app);
}

void start_with_new_engagement(App& app) {
  submit_new_engagement(app);
  app.apply();
}

// [SECTION] Save ---------------------------------------------------------------------

void start_save_as(App& app) {
  std::string start = app.file_path();
  if (start.empty())
    start = (std::filesystem::current_path() / (name_for_files(app.engagement()) + ".rapport"))
                .string();
  app.panels.file_dialog.open(FileDialog::Mode::Save, start, app.recent_files);
  app.panels.file_purpose = FilePurpose::SaveAs;
}

void save(App& app) {
  if (app.file_path().empty()) {
    start_save_as(app);
    return;
  }
  // Someone else changed the file since we opened it: ask before overwriting.
  if (app.doc.fingerprint().exists && file_fingerprint(app.file_path()) != app.doc.fingerprint()) {
    app.panels.confirm_overwrite = true;
    return;
  }
  save_in_background(app, app.file_path());
}

bool save_file(App& app, const std::string& path, std::string& error) {
  return adopt_saved(app, path, rapport::save_file(app.engagement(), path),
                     app.doc.history().state(), error);
}

void save_in_background(App& app, const std::string& path) {
  if (app.engagement().item_count() < kBackgroundSaveItems || app.job) {
    std::string error;
    save_file(app, path, error);
    return;
  }
  auto job = std::make_shared<FileJob>();
  job->kind = FileJob::Kind::Save;
  job->path = path;
  job->started = monotonic_seconds();
  job->saved_state = app.doc.history().state();
  app.job = job;
  // The worker's copy as of now: edits made while saving stay unsaved, as they should.
  app.doc.run_in_background([job](const Engagement* e) {
    job->save_error = e ? rapport::save_file(*e, job->path) : out_of_memory_for(job->path);
    job->done = true;
  });
}

bool busy(const App& app) { return app.job != nullptr; }

namespace {
void adopt_imported(App& app, const std::string& path, bool planner, ImportResult& result,
                    const std::vector<std::string>& warnings) {
  if (auto* error = std::get_if<ImportError>(&result)) {
    show_error(app, "Could not import", file_name(path) + ": " + error->message);
    return;
  }
  auto& commands = std::get<std::vector<Command>>(result);
  std::string label =
      std::string(planner ? "Import plan " : "Import calendar ") + "“" + file_name(path) + "”";
  std::string message = std::to_string(commands.size()) + " changes imported" +
                        (warnings.empty() ? "." : "; " + warnings.front()) +
                        " Undo takes them back.";
  app.doc.submit(intent::Import{label, std::move(commands), message});
}

// A CSV read and checked: the dialog opens with it, or the error says why
// (when the file could not be read at all; a choice in the dialog that cannot
// read it keeps the dialog open with the reason).
void adopt_csv_preview(App& app, CsvPreview preview) {
  if (!preview.error.empty() && preview.csv.table.header.empty()) {
    show_error(app, "Could not import", file_name(preview.path) + ": " + preview.error);
    return;
  }
  app.panels.csv_preview = std::move(preview);
}

// Reads `preview.bytes` with the choices in `preview.csv` (kept where they
// still apply), then checks every row. A file these choices cannot read
// keeps the error (the dialog says it; another choice may read it).
void read_and_check_csv(CsvPreview& preview, const Engagement& e, Date today, CsvChange change) {
  preview.error.clear();
  if (change == CsvChange::Reading) {
    CsvReadOptions options;
    options.delimiter = preview.csv.table.delimiter;
    options.encoding = preview.csv.table.encoding;
    if (preview.csv.section_detected) options.section = preview.csv.section;
    auto read = read_csv_import(preview.bytes, options);
    if (auto* error = std::get_if<ImportError>(&read)) {
      preview.check = CsvCheck{};
      preview.error = error->message;
      return;
    }
    preview.csv = std::get<CsvImport>(std::move(read));
  } else if (change == CsvChange::Section) {
    preview.csv.section_detected = true;
    map_columns(preview.csv);
  }
  preview.check = check_csv(e, preview.csv, today);
}
}  // namespace

namespace {
std::shared_ptr<FileJob> import_job(App& app, const std::string& path, size_t bytes) {
  auto job = std::make_shared<FileJob>();
  job->kind = FileJob::Kind::Import;
  job->path = path;
  job->bytes = bytes;
  job->started = monotonic_seconds();
  app.job = job;
  return job;
}

// Reads the file against the document worker's copy of the engagement (the
// dialog is modal: nothing changes the engagement meanwhile), with the
// progress dialog and Cancel, while the window keeps drawing.
void run_import_job(App& app, std::shared_ptr<FileJob> job,
                    std::function<void(FileJob&, const Engagement&)> read) {
  // Optional: an import not started when the app closes is dropped.
  app.doc.run_in_background(
      [job, read = std::move(read)](const Engagement* e) {
        if (job->cancelled) {
          // dropped with the job: nothing to read
        } else if (e) {
          read(*job, *e);
        } else if (job->csv) {
          job->csv->error = kOutOfMemory;
        } else {
          job->imported = ImportError{kOutOfMemory, 0};
        }
        job->done = true;
      },
      /*optional=*/true);
}
}  // namespace

void poll_file_job(App& app) {
  std::shared_ptr<FileJob> job = app.job;
  if (!job || !job->done) return;
  app.job.reset();
  std::string error;
  switch (job->kind) {
    case FileJob::Kind::Save:
      adopt_saved(app, job->path, job->save_error, job->saved_state, error);
      break;
    case FileJob::Kind::Open:
      adopt_loaded(app, job->path, std::move(job->loaded), error);
      break;
    case FileJob::Kind::Import:
      if (job->csv) {
        adopt_csv_preview(app, std::move(*job->csv));
        break;
      }
      adopt_imported(app, job->path, job->planner, job->imported, job->warnings);
      break;
  }
}

void cancel_file_job(App& app) {
  if (!app.job || app.job->kind != FileJob::Kind::Import) return;
  // Not started yet: never read. Reading: it finishes on its own, and its
  // result is dropped with the job.
  app.job->cancelled = true;
  app.job.reset();
  app.main_window.status_message = "Import cancelled: nothing changed.";
}

// [SECTION] Export, import ---------------------------------------------------------

void start_export(App& app, FilePurpose purpose, const char* suffix, const char* title) {
  std::string start = (folder_of_file(app) / (name_for_files(app.engagement()) + suffix)).string();
  // The dialog adds the extension to a name typed without one, never the whole
  // suffix: "report.pdf" stays "report.pdf", not "report.pdf-status.pdf".
  std::string extension = suffix;
  if (size_t dot = extension.rfind('.'); dot != std::string::npos) extension.erase(0, dot);
  app.panels.file_dialog.open(FileDialog::Mode::Save, start, {}, {extension}, title);
  app.panels.file_purpose = purpose;
}

void start_import(App& app, FilePurpose purpose, const char* extension, const char* title) {
  app.panels.file_dialog.open(FileDialog::Mode::Open, app.file_path(), {}, {extension}, title);
  app.panels.file_purpose = purpose;
}

namespace {
// Writes an export atomically: on a full disk the old export stays whole.
bool write_export(App& app, const std::string& path, const std::string& text) {
  if (FileError e = write_file_atomically(path, text)) {
    show_error(app, "Could not export", e.message);
    return false;
  }
  app.main_window.status_message = "Exported " + file_name(path) + ".";
  return true;
}

// The weekly update since the last one recorded, in the format the name asks
// for; once written it is recorded as sent (one undo step), so the next update
// starts here.
void export_update(App& app, const std::string& path) {
  const Engagement& e = app.engagement();
  const Date today = app.today();
  std::string text = path.ends_with(".md")    ? weekly_update_markdown(e, today)
                     : path.ends_with(".eml") ? weekly_update_eml(e, today, std::nullopt, now_utc())
                                              : export_update_pdf(e, today);
  if (text.empty()) {
    show_error(app, "Could not export", "Rapport could not lay out the PDF (out of memory?).");
    return;
  }
  if (!write_export(app, path, text)) return;
  app.doc.submit(intent::Apply{record_update_label(today), {record_update(e, today)}});
  app.main_window.status_message =
      "Exported " + file_name(path) + " and recorded the update as sent.";
}
}  // namespace

void use_chosen_file(App& app, const std::string& path) {
  const Engagement& e = app.engagement();
  switch (app.panels.file_purpose) {
    case FilePurpose::Open:
      open_file_in_background(app, path);
      break;
    case FilePurpose::SaveAs:
      save_in_background(app, path);
      break;
    case FilePurpose::ExportIcs:
      write_export(app, path, export_ics(e));
      break;
    case FilePurpose::ExportHtml:
      write_export(app, path, export_report_html(e, app.today()));
      break;
    case FilePurpose::ExportMarkdown:
      write_export(app, path, export_report_markdown(e, app.today()));
      break;
    case FilePurpose::ExportPdf: {
      std::string pdf = export_report_pdf(e, app.today());
      if (pdf.empty())
        show_error(app, "Could not export", "Rapport could not lay out the PDF (out of memory?).");
      else
        write_export(app, path, pdf);
      break;
    }
    case FilePurpose::ExportCsv:
      write_export(app, path, export_csv(e, app.panels.csv_kind));
      break;
    case FilePurpose::ExportUpdate:
      export_update(app, path);
      break;
    case FilePurpose::ExportRecapPdf:
    case FilePurpose::ExportRecapEmail:
    case FilePurpose::ExportRecapMarkdown: {
      const Selection& sel = app.view.selection;
      auto recap = sel.occurrence ? meeting_recap(e, sel.id, *sel.occurrence) : std::nullopt;
      if (!recap) {
        show_error(app, "Could not export", "Select a held meeting on the timeline first.");
        break;
      }
      const FilePurpose p = app.panels.file_purpose;
      write_export(app, path,
                   p == FilePurpose::ExportRecapEmail ? recap_eml(*recap, now_utc())
                   : p == FilePurpose::ExportRecapPdf ? export_recap_pdf(*recap)
                                                      : recap_markdown(*recap));
      break;
    }
    case FilePurpose::ImportIcs:
      import_file(app, path, false);
      break;
    case FilePurpose::ImportPlanner:
      import_file(app, path, true);
      break;
    case FilePurpose::ExportMspdi:
      write_export(app, path, export_mspdi(e));
      break;
    case FilePurpose::ExportPicture:
    case FilePurpose::ExportClientPicture:
      // Drawn over the next frames, then saved by the runner (main.cpp).
      app.picture =
          App::PictureExport{path, app.panels.file_purpose == FilePurpose::ExportClientPicture, 0};
      break;
    case FilePurpose::ImportMspdi:
      preview_mspdi(app, path);
      break;
    case FilePurpose::ImportCsv:
      preview_csv(app, path);
      break;
  }
}

namespace {
// The bytes of a file to import (size checked before reading), or an error
// dialog and nothing.
std::optional<std::string> read_for_import(App& app, const std::string& path,
                                           const std::string& kind) {
  auto read = read_import_file(path, file_name(path), kind);
  if (auto* error = std::get_if<ImportError>(&read)) {
    show_error(app, "Could not import", error->message + ".");
    return std::nullopt;
  }
  return std::move(std::get<std::string>(read));
}
}  // namespace

void import_file(App& app, const std::string& path, bool planner) {
  std::optional<std::string> read =
      read_for_import(app, path, planner ? "GNOME Planner files" : "iCalendar files");
  if (!read) return;
  std::string text = std::move(*read);
  // Small files are read at once; larger ones on a worker thread, with a
  // progress dialog and Cancel, while the window keeps drawing.
  if (text.size() < kBackgroundImportBytes || app.job) {
    std::vector<std::string> warnings;
    const Engagement& e = app.engagement();
    ImportResult result =
        planner ? import_planner(e, text, &warnings) : import_ics(e, text, &warnings);
    adopt_imported(app, path, planner, result, warnings);
    return;
  }
  auto job = import_job(app, path, text.size());
  job->planner = planner;
  job->text = std::move(text);
  run_import_job(app, job, [](FileJob& j, const Engagement& e) {
    j.imported =
        j.planner ? import_planner(e, j.text, &j.warnings) : import_ics(e, j.text, &j.warnings);
  });
}

void preview_mspdi(App& app, const std::string& path) {
  std::optional<std::string> text = read_for_import(app, path, "MS Project files");
  if (!text) return;
  auto plan = read_mspdi(app.engagement(), *text);
  if (auto* error = std::get_if<ImportError>(&plan)) {
    show_error(app, "Could not import", file_name(path) + ": " + error->message);
    return;
  }
  app.panels.mspdi_preview = MspdiPreview{path, std::move(std::get<MspdiPlan>(plan))};
}

void import_mspdi_preview(App& app) {
  if (!app.panels.mspdi_preview) return;
  MspdiPreview preview = std::move(*app.panels.mspdi_preview);
  app.panels.mspdi_preview.reset();
  std::vector<std::string> warnings;
  ImportResult result = mspdi_commands(app.engagement(), preview.plan, &warnings);
  if (auto* error = std::get_if<ImportError>(&result)) {
    show_error(app, "Could not import", file_name(preview.path) + ": " + error->message);
    return;
  }
  auto& commands = std::get<std::vector<Command>>(result);
  std::string label = "Import MS Project plan “" + file_name(preview.path) + "”";
  std::string message = std::to_string(commands.size()) + " changes imported" +
                        (warnings.empty() ? "." : "; " + warnings.front()) +
                        " Undo takes them back.";
  app.doc.submit(intent::Import{label, std::move(commands), message});
}

// [SECTION] Merge ---------------------------------------------------------------------

void look_for_conflict_copies(App& app, const std::string& path, uint64_t uid) {
  app.panels.conflict_copies.clear();
  const std::filesystem::path file(path);
  for (const ConflictCopy& c : conflict_copies_beside(file)) {
    std::string copy_path = (file.parent_path() / c.name).string();
    LoadResult r = load_file(copy_path);
    if (!r) {
      app.main_window.status_message =
          "A conflict copy beside the file could not be read: " + r.error.message;
      continue;
    }
    // Another engagement's file that happens to be named alike is not a copy.
    if (uid != 0 && r.engagement->uid != 0 && r.engagement->uid != uid) continue;
    app.panels.conflict_copies.push_back({copy_path, c.tool, std::move(*r.engagement), false});
  }
}

void merge_conflict_copy(App& app) {
  if (app.panels.conflict_copies.empty()) return;
  SyncedCopy& copy = app.panels.conflict_copies.front();
  if (copy.merged) return;
  // The file as opened (or last saved): no common ancestor of the two is known.
  std::optional<Engagement> as_opened = app.doc.saved_version();
  const Engagement& file = as_opened ? *as_opened : app.engagement();
  app.doc.submit(intent::Merge{"Merge conflict copy “" + file_name(copy.path) + "”",
                               base_without_ancestor(file, copy.engagement), copy.engagement,
                               std::nullopt});
  copy.merged = true;
  copy.engagement = Engagement{};  // in the engagement now; the memory is not needed
}

void skip_conflict_copy(App& app) {
  if (app.panels.conflict_copies.empty()) return;
  app.panels.conflict_copies.erase(app.panels.conflict_copies.begin());
}

void move_conflict_copy_aside(App& app) {
  if (app.panels.conflict_copies.empty()) return;
  const std::string path = app.panels.conflict_copies.front().path;
  skip_conflict_copy(app);
  std::string error;
  std::filesystem::path moved = rapport::move_conflict_copy_aside(path, error);
  if (moved.empty()) {
    show_error(app, "Could not move the copy aside", error + " It is still where it was.");
    return;
  }
  app.main_window.status_message =
      "Moved the conflict copy aside as “" + moved.filename().string() + "”.";
}

void merge_file_on_disk(App& app) {
  const std::string& path = app.file_path();
  std::optional<Engagement> base = app.doc.saved_version();
  if (!base) {
    show_error(app, "Could not merge",
               "Rapport no longer knows the file as you opened it (the changes were restored "
               "after a crash, or undone past the last save and changed again), so it cannot "
               "tell their changes from yours. Save as… keeps both files.");
    return;
  }
  const FileFingerprint fingerprint = file_fingerprint(path);
  LoadResult theirs = load_file(path);
  if (!theirs) {
    show_error(app, "Could not merge", file_name(path) + ": " + theirs.error.message);
    return;
  }
  app.doc.submit(intent::Merge{"Merge changes on disk into “" + file_name(path) + "”",
                               std::move(*base), std::move(*theirs.engagement), fingerprint});
}

void preview_csv(App& app, const std::string& path) {
  std::optional<std::string> bytes = read_for_import(app, path, "CSV files");
  if (!bytes) return;
  CsvPreview preview;
  preview.path = path;
  preview.bytes = std::move(*bytes);
  auto first_read = [](CsvPreview& p, const Engagement& e, Date today) {
    auto read = read_csv_import(p.bytes);
    if (auto* error = std::get_if<ImportError>(&read)) {
      p.error = error->message;
      return;
    }
    p.csv = std::get<CsvImport>(std::move(read));
    p.check = check_csv(e, p.csv, today);
  };
  if (preview.bytes.size() < kBackgroundImportBytes || app.job) {
    first_read(preview, app.engagement(), app.today());
    adopt_csv_preview(app, std::move(preview));
    return;
  }
  // A large file is read and checked on a worker thread, with the progress
  // dialog and Cancel, while the window keeps drawing.
  auto job = import_job(app, path, preview.bytes.size());
  job->csv = std::move(preview);
  run_import_job(app, job, [today = app.today(), first_read](FileJob& j, const Engagement& e) {
    first_read(*j.csv, e, today);
  });
}

void recheck_csv(App& app, CsvChange change) {
  if (!app.panels.csv_preview) return;
  if (app.panels.csv_preview->csv.table.rows.size() < kBackgroundCsvRows || app.job) {
    read_and_check_csv(*app.panels.csv_preview, app.engagement(), app.today(), change);
    return;
  }
  // Many rows: checked again on a worker thread; the preview comes back when
  // it is done (Cancel drops it, and nothing changes).
  auto job = import_job(app, app.panels.csv_preview->path, app.panels.csv_preview->bytes.size());
  job->csv = std::move(*app.panels.csv_preview);
  app.panels.csv_preview.reset();
  run_import_job(app, job, [today = app.today(), change](FileJob& j, const Engagement& e) {
    read_and_check_csv(*j.csv, e, today, change);
  });
}

void import_csv_preview(App& app) {
  if (!app.panels.csv_preview) return;
  CsvPreview preview = std::move(*app.panels.csv_preview);
  app.panels.csv_preview.reset();
  // Checked against this engagement when the preview was made (the dialog is
  // modal: nothing changed it since); applying checks every command again.
  CsvCheck& check = preview.check;
  if (!preview.error.empty() || check.bad_count > 0) {
    show_error(app, "Could not import",
               file_name(preview.path) + ": " +
                   (check.bad_cells.empty() ? preview.error : to_string(check.bad_cells.front())));
    return;
  }
  std::string label = std::string("Import CSV “") + file_name(preview.path) + "” into " +
                      plural_title(preview.csv.section);
  std::string message = std::to_string(check.adds) + " added, " + std::to_string(check.updates) +
                        " updated from " + file_name(preview.path) + ". Undo takes them back.";
  app.doc.submit(intent::Import{label, std::move(check.commands), message});
}

// [SECTION] Recent files --------------------------------------------------------------

void remember_recent(App& app, const std::string& path) {
  auto& recent = app.recent_files;
  recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
  recent.insert(recent.begin(), path);
  if (recent.size() > size_t(Settings::kMaxRecentFiles)) recent.resize(Settings::kMaxRecentFiles);
  if (app.settings_path.empty()) return;
  // Read, change, write: other settings in the file (window, theme) are kept.
  Settings settings = Settings::load(app.settings_path);
  settings.set_recent_files(recent);
  settings.save(app.settings_path);
}

void use_settings_file(App& app, const std::filesystem::path& settings_path) {
  app.settings_path = settings_path;
  app.recent_files = Settings::load(settings_path).recent_files();
}

// [SECTION] Autosave ---------------------------------------------------------------------

void RecoveryWrite::finish(FileError e) {
  std::lock_guard lock(mutex);
  error = std::move(e);
  done = true;
  finished.notify_all();
}

void RecoveryWrite::wait() {
  std::unique_lock lock(mutex);
  finished.wait(lock, [&] { return done.load(); });
}

void autosave(App& app, double now_seconds) {
  take_recovery_write(app);
  if (app.state_dir.empty() || !app.doc.dirty()) return;
  if (app.last_autosave < 0) app.last_autosave = now_seconds;
  if (app.doc.generation() == app.autosaved_generation ||
      now_seconds - app.last_autosave < app.autosave_seconds)
    return;
  // One write at a time: an older state must not land over a newer one.
  if (app.recovery_write) return;
  app.last_autosave = now_seconds;
  if (app.engagement().item_count() < kBackgroundSaveItems) {
    FileError e = write_recovery(app.state_dir, app.file_path(), app.engagement());
    if (!e) app.autosaved_generation = app.doc.generation();
    return;
  }
  auto w = std::make_shared<RecoveryWrite>();
  w->generation = app.doc.generation();
  app.recovery_write = w;
  app.autosaved_generation = w->generation;
  app.doc.run_in_background([w, dir = app.state_dir, file = app.file_path()](const Engagement* e) {
    w->finish(e ? write_recovery(dir, file, *e) : out_of_memory_for(file));
  });
}

double seconds_until_autosave(const App& app, double now_seconds) {
  if (app.state_dir.empty() || !app.doc.dirty() || app.doc.generation() == app.autosaved_generation)
    return 86400.0;
  if (app.last_autosave < 0) return app.autosave_seconds;
  return std::max(0.0, app.last_autosave + app.autosave_seconds - now_seconds);
}

void offer_recovery(App& app) {
  if (app.state_dir.empty()) return;
  if (auto found = find_recovery(app.state_dir, app.file_path()))
    app.panels.recovery = found->string();
}

void restore_recovery(App& app) {
  LoadResult r = load_file(app.panels.recovery);
  app.panels.recovery.clear();
  if (!r) {
    show_error(app, "Could not restore", r.error.message);
    return;
  }
  app.doc.submit(intent::Replace{std::move(*r.engagement), app.file_path(), app.doc.fingerprint(),
                                 true, "Unsaved changes restored. Save to keep them."});
}

void discard_offered_recovery(App& app) {
  forget_recovery(app, app.file_path());
  app.panels.recovery.clear();
}

void keep_unsaved_for_recovery(App& app) {
  if (app.discard_unsaved_on_exit) {
    forget_recovery(app, app.file_path());
    return;
  }
  finish_recovery_write(app);
  if (!app.state_dir.empty() && app.doc.dirty() && app.doc.generation() != app.autosaved_generation)
    write_recovery(app.state_dir, app.file_path(), app.engagement());
}

}  // namespace rapport::app
