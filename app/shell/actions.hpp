// The one table of actions: what the user can do from the menu bar and the
// keyboard, each with its label, menu, shortcut and what it does. The menu bar,
// the global shortcuts and Help ▸ Keyboard shortcuts are all made from it, so a
// shortcut shown is a shortcut that works.
#pragma once

#include <span>
#include <string>

namespace rapport::app {

struct App;

// A key as ImGui 1.86 sees it (GLFW key codes: ASCII for letters and digits).
struct Chord {
  int key = 0;  // 0: none
  bool ctrl = false;
  enum class Shift { No, Yes, Either } shift = Shift::No;
};

struct Action {
  const char* menu;     // "File", "Edit", "View", "Help"; nullptr: keyboard help only
  const char* submenu;  // "Export", "Import", "Focus the timeline on"; nullptr: none
  const char* label;    // the menu entry (and the keyboard help's text)
  const char* keys;     // as shown: "Ctrl+S"; nullptr when none
  Chord chord;
  Chord chord2;                                    // a second way (Ctrl+Y and Ctrl+Shift+Z)
  void (*run)(App&);                               // nullptr: a row of the keyboard help only
  bool (*enabled)(const App&) = nullptr;           // nullptr: always
  bool (*checked)(const App&) = nullptr;           // a check mark in the menu
  std::string (*label_now)(const App&) = nullptr;  // "Undo Move milestone “Beta”"
  bool separator_before = false;
  bool while_typing = true;  // false: a text field being edited keeps the key (undo, redo)
};

std::span<const Action> actions();

// Runs the actions whose shortcut was pressed this frame.
void handle_shortcuts(App& app);
// The main menu bar, from the table (plus the lists that change: recent files, sections).
void draw_menu_bar(App& app);
// The rows of the keyboard help: keys and what they do.
void draw_keyboard_help_rows();

}  // namespace rapport::app
