// The one interface between Rapport and the operating system: the window with its
// OpenGL 3.3 context and ImGui backends, the event loop that sleeps when nothing
// changes, content scale (HiDPI) and fonts, XDG folders, remembered window geometry,
// and the clipboard. Everything platform-specific stays behind this file.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cli.hpp"
#include "fonts.hpp"
#include "theme.hpp"

namespace rapport::app {

// What the user chose and the platform remembers in settings.ini.
struct Preferences {
  Theme theme = Theme::Light;
  float ui_scale = 1.0f;
  // The timeline pane's share of the main window's height, set with the splitter
  // below it; 0: fitted to its lanes.
  float timeline_share = 0.0f;
};

// What the program asks of the platform before each frame. The platform knows
// no program: it applies these values and hands fonts and scale back down.
struct FrameRequest {
  Theme theme = Theme::Light;  // in force (presenting may differ from the preference)
  float ui_scale = 1.0f;       // in force
  Preferences preferences;     // the user's own choice, remembered on exit
  std::string title = "Rapport";
  double wake_in_seconds = 86400.0;  // wake the idle loop then (autosave)
  bool quit = false;
};

// What the platform hands the program for one frame.
struct FrameInfo {
  UiFonts fonts;
  float scale = 1.0f;            // style scale: content scale x UI scale
  bool close_requested = false;  // the window's close button: ask, then quit
};

struct WindowOptions {
  std::optional<WindowSize> size;  // overrides the remembered size
  std::optional<float> ui_scale;   // overrides the remembered interface scale
  bool remember = true;            // read and write settings.ini / imgui.ini
  bool wait_for_events = true;     // false: render continuously (screenshots, --frames)
  bool visible = true;             // false: never shown (off-screen pictures)
  bool ignore_mouse = false;       // scripted pictures: where Xvfb left the pointer is no hover
};

class Platform {
 public:
  // Opens the window and initializes ImGui. Returns null with `error` set on failure
  // (no display, no OpenGL 3.3).
  static std::unique_ptr<Platform> create(const WindowOptions& options, std::string& error);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  // The theme and interface scale remembered from the last run (or the defaults,
  // with --scale applied).
  Preferences remembered() const;

  // Waits until something needs drawing (or returns at once when rendering
  // continuously), applies `request`, then starts an ImGui frame. Returns nothing
  // when the loop should end: the program asked to quit, or a signal (logout).
  std::optional<FrameInfo> begin_frame(const FrameRequest& request);
  // Renders the ImGui frame into the back buffer; present() shows it.
  void render();
  void present();

  // Pixels of the back buffer after render(), bottom row first (as glReadPixels).
  bool framebuffer_size(int& width, int& height) const;

  std::string clipboard_text() const;
  void set_clipboard_text(const std::string& text);

 private:
  struct Impl;
  explicit Platform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rapport::app
