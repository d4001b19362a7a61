// The modal dialogs of the main window, one file each. Each draws itself when
// its state in App says so, and answers by submitting intents or by calling
// the file flows (shell/files.hpp); none changes the engagement itself.
#pragma once

namespace rapport::app {

struct App;

void draw_file_chooser(App& app);          // Open, Save as, Export, Import: the answer is used
void draw_unsaved_changes(App& app);       // "Save the changes first?" before New, Open, Quit
void draw_file_changed_on_disk(App& app);  // someone else saved the file since we opened it
void draw_recovery_offer(App& app);        // changes kept before Rapport stopped unexpectedly
void draw_conflict_copy_offer(App& app);   // a sync tool's conflict copy beside the opened file
void draw_file_progress(App& app);         // a large file opening or saving
void draw_error(App& app);                 // what went wrong, in words a person can act on
void draw_mspdi_preview(App& app);         // what each task of an MS Project plan becomes
void draw_csv_preview(App& app);           // a CSV's rows as items of a section, and bad cells
void draw_about(App& app);
void draw_keyboard_help(App& app);

// Every dialog, in the order they stack.
inline void draw_dialogs(App& app) {
  draw_file_chooser(app);
  draw_unsaved_changes(app);
  draw_file_changed_on_disk(app);
  draw_recovery_offer(app);
  draw_conflict_copy_offer(app);
  draw_mspdi_preview(app);
  draw_csv_preview(app);
  draw_error(app);
  draw_about(app);
  draw_keyboard_help(app);
  draw_file_progress(app);
}

// Centres the next modal on the main viewport when it appears.
void center_next_dialog();

}  // namespace rapport::app
