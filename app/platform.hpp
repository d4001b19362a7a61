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

namespace rapport::app {

struct App;

// $XDG_CONFIG_HOME/rapport (default ~/.config/rapport): settings.ini, imgui.ini.
std::filesystem::path config_dir();
// $XDG_STATE_HOME/rapport (default ~/.local/state/rapport): recovery files.
std::filesystem::path state_dir();

struct WindowOptions {
  std::optional<WindowSize> size;  // overrides the remembered size
  std::optional<float> ui_scale;   // overrides the remembered interface scale
  bool remember = true;            // read and write settings.ini / imgui.ini
  bool wait_for_events = true;     // false: render continuously (screenshots, --frames)
  bool visible = true;             // false: never shown (off-screen pictures)
};

class Platform {
 public:
  // Opens the window and initializes ImGui. Returns null with `error` set on failure
  // (no display, no OpenGL 3.3).
  static std::unique_ptr<Platform> create(App& app, const WindowOptions& options,
                                          std::string& error);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  // Waits until something needs drawing (or returns at once when rendering
  // continuously), then starts an ImGui frame. Returns false when the window closes.
  bool begin_frame();
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
