// rapport: parse the command line, then either run a subcommand, draw the
// timeline into a PNG, or open the window and run the main window's frames.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "cli.hpp"
#include "platform.hpp"
#include "rapport/folders.hpp"
#include "rapport/text.hpp"
#include "runner.hpp"
#include "screenshot.hpp"
#include "settings.hpp"
#include "shell/app.hpp"
#include "shell/files.hpp"
#include "subcommands.hpp"

using namespace rapport::app;

namespace {

// Where F12 saves: $RAPPORT_SCREENSHOT_DIR, else the current folder, named by time.
std::string screenshot_path() {
  const char* dir = std::getenv("RAPPORT_SCREENSHOT_DIR");
  std::time_t now = std::time(nullptr);
  char name[64];
  std::strftime(name, sizeof name, "rapport-%Y-%m-%d-%H%M%S.png", std::localtime(&now));
  return (std::filesystem::path(dir && *dir ? dir : ".") / name).string();
}

bool save_framebuffer(Platform& platform, const std::string& path, std::string& error) {
  int width = 0, height = 0;
  platform.framebuffer_size(width, height);
  return write_screenshot(path, width, height, error);
}

// The timeline picture as drawn this frame, cropped to what it drew (its title,
// lanes and legend): `rapport export png` and File ▸ Export ▸ Timeline picture.
bool save_timeline_picture(Platform& platform, const App& app, const std::string& path,
                           std::string& error) {
  int width = 0, height = 0;
  platform.framebuffer_size(width, height);
  const int keep =
      int(std::ceil(app.timeline_only_height * ImGui::GetIO().DisplayFramebufferScale.y));
  return write_screenshot(path, width, height, error, keep);
}

// The program the runner drives: the main window's frames.
Program main_window_program(App& app) {
  Program p;
  p.request = [&app] { return app.frame_request(); };
  p.frame = [&app](const FrameInfo& info) { app.frame(info); };
  return p;
}

// `rapport export png FILE OUT.png [--weeks N] [--size WxH] [--presentation]`:
// the timeline alone, drawn in a window that is never shown, saved as a PNG.
int run_timeline_png(const CliOptions& options) {
  App app;
  std::string error;
  if (!open_file_now(app, options.file, error)) {
    std::fprintf(stderr, "rapport: %s\n",
                 rapport::terminal_safe(error, /*keep_newlines=*/true).c_str());
    return 1;
  }
  app.timeline_only =
      options.presentation ? rapport::Audience::Client : rapport::Audience::Provider;
  if (options.focus_weeks > 0) app.focus_timeline(options.focus_weeks);
  WindowOptions window_options;
  window_options.size =
      options.size ? options.size : std::optional<WindowSize>(WindowSize{1600, 900});
  window_options.remember = false;
  window_options.wait_for_events = false;
  window_options.visible = false;
  window_options.ignore_mouse = true;
  auto platform = Platform::create(window_options, error);
  if (!platform) {
    std::fprintf(stderr, "rapport: %s\n", error.c_str());
    return 1;
  }
  Program program = main_window_program(app);
  program.after_render = [&](Platform& pf, int frame) {
    if (frame < options.frames) return true;
    if (save_timeline_picture(pf, app, options.screenshot, error)) return true;
    std::fprintf(stderr, "rapport: %s\n", error.c_str());
    return false;
  };
  if (run(*platform, program, options.frames) != 0) return 1;
  std::printf("Wrote %s\n", options.screenshot.c_str());
  return 0;
}

// Reads the arguments of `rapport export png ...` into window options.
int export_png(const CliOptions& options) {
  CliOptions png = options;
  const auto& args = options.subcommand_args;
  std::vector<std::string> positional;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--weeks" || a == "--size") && i + 1 < args.size()) {
      CliParse one = parse_cli({a, args[++i]});
      if (!one.ok()) {
        std::fprintf(stderr, "%s\n", one.error.c_str());
        return 2;
      }
      if (a == "--weeks")
        png.focus_weeks = one.options.focus_weeks;
      else
        png.size = one.options.size;
    } else if (a == "--presentation") {
      png.presentation = true;
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) {
    std::fprintf(stderr,
                 "rapport: usage: rapport export png FILE OUT.png [--weeks N] [--size WxH] "
                 "[--presentation]\n");
    return 2;
  }
  png.file = positional[0];
  png.screenshot = positional[1];
  png.frames = 3;
  png.subcommand.clear();
  return run_timeline_png(png);
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  const char* timing_env = std::getenv("RAPPORT_TIMING");
  const bool timing = timing_env && timing_env[0] == '1';

  CliParse parsed = parse_cli(std::vector<std::string>(argv + 1, argv + argc));
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s\n", parsed.error.c_str());
    return 2;
  }
  const CliOptions& options = parsed.options;
  if (options.help) {
    std::fputs(usage_text().c_str(), stdout);
    return 0;
  }
  if (options.version) {
    std::printf("%s\n", version_text().c_str());
    return 0;
  }
  if (std::string error = apply_today(options); !error.empty()) {
    std::fprintf(stderr, "rapport: %s\n", error.c_str());
    return 2;
  }
  const bool timeline_png = options.subcommand == "export" && !options.subcommand_args.empty() &&
                            options.subcommand_args[0] == "png";
  if (timeline_png) return export_png(options);
  if (!options.subcommand.empty()) return run_subcommand(options);

  App app;
  app.view.presentation = options.presentation;
  if (options.page > 0) app.panels.client.go_to(ClientPage(options.page - 1));
  if (options.focus_weeks > 0) app.focus_timeline(options.focus_weeks);
  if (!options.section.empty()) {
    auto section = section_named(options.section);
    if (!section) {
      std::fprintf(
          stderr,
          "rapport: unknown section '%s' (e.g. Overview, Milestones, \"Change requests\")\n",
          options.section.c_str());
      return 2;
    }
    app.main_window.section = *section;
  }
  // A scripted run (--frames, --screenshot) leaves no recovery files behind and
  // keeps no recent files.
  if (!options.headless_run()) {
    app.state_dir = rapport::folder(rapport::Folder::State);
    use_settings_file(app, settings_file());
  }
  if (const char* seconds = std::getenv("RAPPORT_AUTOSAVE_SECONDS")) {
    double s = std::atof(seconds);
    if (s >= 1 && s <= 3600) app.autosave_seconds = s;
  }
  if (!options.file.empty() && !options.headless_run() && opens_in_background(options.file)) {
    // A large file: the window shows at once, with the progress dialog, while
    // a worker reads it (an error is shown in the window).
    start_with_new_engagement(app);
    open_file_in_background(app, options.file);
  } else if (!options.file.empty()) {
    std::string error;
    if (!open_file_now(app, options.file, error)) {
      std::fprintf(stderr, "rapport: cannot open %s: %s\n",
                   rapport::terminal_safe(options.file).c_str(),
                   rapport::terminal_safe(error, /*keep_newlines=*/true).c_str());
      start_with_new_engagement(app);
      app.main_window.status_message = "Could not open " + options.file + ": " + error;
    }
  } else {
    // A bare start is File ▸ New: today, in this machine's time zone.
    start_with_new_engagement(app);
    offer_recovery(app);  // work on an untitled engagement survives a crash too
  }

  WindowOptions window_options;
  window_options.size = options.size;
  window_options.ui_scale = options.ui_scale;
  // A scripted run (--frames, --screenshot) is reproducible: no remembered state.
  window_options.remember = !options.headless_run();
  window_options.wait_for_events = !options.headless_run();
  window_options.ignore_mouse = options.headless_run();
  std::string error;
  auto platform = Platform::create(window_options, error);
  if (!platform) {
    std::fprintf(stderr, "rapport: %s\n", error.c_str());
    return 1;
  }
  app.main_window.theme = options.theme ? *options.theme : platform->remembered().theme;
  app.main_window.ui_scale = platform->remembered().ui_scale;
  app.main_window.timeline_share = platform->remembered().timeline_share;

  Program program = main_window_program(app);
  program.after_render = [&](Platform& pf, int frame) {
    if (frame == options.frames && !options.screenshot.empty() &&
        !save_framebuffer(pf, options.screenshot, error)) {
      std::fprintf(stderr, "rapport: screenshot failed: %s\n", error.c_str());
      return false;
    }
    if (app.screenshot_requested) {
      // F12: a picture of the window for a slide or a status e-mail.
      app.screenshot_requested = false;
      std::string path = screenshot_path();
      app.main_window.status_message = save_framebuffer(pf, path, error)
                                           ? "Screenshot saved: " + path
                                           : "Screenshot failed: " + error;
    }
    if (app.picture && app.picture->frames >= App::kPictureFrames) {
      const std::string path = app.picture->path;
      app.picture.reset();
      app.main_window.status_message =
          save_timeline_picture(pf, app, path, error)
              ? "Exported " + std::filesystem::path(path).filename().string() + "."
              : "Could not export the timeline picture: " + error;
    }
    if (frame == 1 && timing) {
      auto ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
      std::fprintf(stderr, "rapport: first frame after %.1f ms\n", ms.count());
    }
    return true;
  };
  program.after_frame = [&app] { autosave(app, monotonic_seconds()); };
  // --bench-pan N: after a few frames to settle, each frame pans the timeline by a
  // hundredth of its range (right, then back), and the time from one frame's end to
  // the next's (drawing, rendering, swap) is kept.
  std::vector<double> pan_ms;
  if (options.bench_pan > 0) {
    program.after_frame = [&app, &pan_ms, frame = 0,
                           last = std::chrono::steady_clock::now()]() mutable {
      auto now = std::chrono::steady_clock::now();
      if (++frame > 5)
        pan_ms.push_back(std::chrono::duration<double, std::milli>(now - last).count());
      last = now;
      if (frame >= 5) {
        TimelineView& t = app.panels.timeline;
        const double step = t.range().length() / 100 * ((frame / 50) % 2 == 0 ? 1 : -1);
        t.set_range(t.range().from + step, t.range().to + step);
      }
    };
  }
  int status = run(*platform, program, options.frames);
  if (!pan_ms.empty()) {
    std::sort(pan_ms.begin(), pan_ms.end());
    std::printf("timeline pan: %zu frames, best %.2f ms, median %.2f ms, worst %.2f ms\n",
                pan_ms.size(), pan_ms.front(), pan_ms[pan_ms.size() / 2], pan_ms.back());
  }
  // Stopped by a signal (logout, shutdown) with unsaved changes: keep them.
  keep_unsaved_for_recovery(app);
  return status;
}
