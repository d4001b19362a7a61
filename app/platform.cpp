// [SECTION] index
//   Impl        - window, callbacks that wake the loop, scale and fonts
//   Frame loop  - begin_frame / render / present
//   Lifetime    - create, remembered geometry, shutdown
//
// GLFW + OpenGL 3.3 core + Dear ImGui's GLFW and OpenGL3 backends. The loop sleeps in
// glfwWaitEventsTimeout when nothing happens; any input redraws a few frames so ImGui
// settles (hover states, popups opening), then it sleeps again.
#include "platform.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "fonts.hpp"
#include "rapport/folders.hpp"
#include "settings.hpp"
#include "theme.hpp"

namespace rapport::app {

// [SECTION] Impl --------------------------------------------------------------

namespace {

// Frames drawn after an event so ImGui settles (hover, popups, layout of new text).
constexpr int kSettleFrames = 3;
// When idle, wake this often anyway so time-based views ("today") stay current.
constexpr double kIdleWakeSeconds = 30.0;
// While a text field has focus, wake for the blinking caret.
constexpr double kCaretBlinkSeconds = 0.5;
constexpr int kDefaultWidth = 1360;
constexpr int kDefaultHeight = 840;

std::string g_glfw_error;

// SIGINT/SIGTERM close the window the normal way, so settings are written. The
// handler only sets a flag and wakes the loop; a second signal kills as usual.
volatile std::sig_atomic_t g_close_signal = 0;

void on_close_signal(int) {
  g_close_signal = 1;
  glfwPostEmptyEvent();
}

void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_close_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// Window geometry is written this long after the last move or resize, so it
// survives a crash and is not written on every pixel of a drag.
constexpr double kGeometrySaveDelaySeconds = 1.0;

// RAPPORT_TIMING=1: how long each start-up step takes, on stderr.
class StartupTimer {
 public:
  StartupTimer() {
    const char* env = std::getenv("RAPPORT_TIMING");
    enabled_ = env && env[0] == '1';
  }
  void step(const char* what) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "rapport:   %-22s %6.1f ms\n", what,
                 std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

 private:
  bool enabled_ = false;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

void on_glfw_error(int code, const char* description) {
  g_glfw_error = description ? description : "unknown error";
  (void)code;
}

}  // namespace

struct Platform::Impl {
  WindowOptions options;
  FrameRequest request;  // the program's wishes for this frame
  Preferences preferences;
  UiFonts fonts;
  float style_scale = 1.0f;
  GLFWwindow* window = nullptr;
  Settings settings;
  std::filesystem::path settings_path;
  std::string ini_path;  // must outlive the ImGui context (io.IniFilename)
  bool imgui_ready = false;

  int redraw_frames = kSettleFrames;
  double geometry_changed_at = -1.0;  // glfwGetTime() of an unsaved move/resize

  // Dear ImGui 1.86 samples key state once per frame, so a key pressed and released
  // within one batch of events (a quick tap, xdotool) would never be seen down. Such
  // keys are held down for one frame and released on the next (1.87's input queue
  // does the same).
  std::vector<int> pressed_in_batch;
  std::vector<int> tapped_in_batch;
  std::vector<int> release_next_frame;
  // Modifiers released in the same batch as a tapped key were down when it was
  // pressed (xdotool's ctrl+s can arrive as "ctrl" then "s, s up, ctrl up"):
  // they are held for that frame too, or Ctrl+S would read as a plain S.
  std::vector<int> modifiers_released_in_batch;

  static bool is_modifier(int key) {
    return key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL ||
           key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_ALT ||
           key == GLFW_KEY_RIGHT_ALT || key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
  }

  void on_key(int key, int action) {
    if (key < 0 || key >= static_cast<int>(IM_ARRAYSIZE(ImGuiIO::KeysDown))) return;
    if (action == GLFW_RELEASE && is_modifier(key)) modifiers_released_in_batch.push_back(key);
    if (action == GLFW_PRESS) pressed_in_batch.push_back(key);
    if (action == GLFW_RELEASE && std::find(pressed_in_batch.begin(), pressed_in_batch.end(),
                                            key) != pressed_in_batch.end()) {
      tapped_in_batch.push_back(key);
    }
  }

  static void update_modifiers(ImGuiIO& io) {
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
  }

  // Before polling: release the keys held over from the previous batch.
  void release_tapped_keys() {
    if (release_next_frame.empty()) return;
    ImGuiIO& io = ImGui::GetIO();
    for (int key : release_next_frame) io.KeysDown[key] = false;
    update_modifiers(io);
    release_next_frame.clear();
    redraw_frames = std::max(redraw_frames, 1);
  }

  // After polling: keys tapped within the batch are down for this frame.
  void hold_tapped_keys() {
    if (!tapped_in_batch.empty()) {
      ImGuiIO& io = ImGui::GetIO();
      for (int key : modifiers_released_in_batch)
        if (std::find(tapped_in_batch.begin(), tapped_in_batch.end(), key) == tapped_in_batch.end())
          tapped_in_batch.push_back(key);
      for (int key : tapped_in_batch) io.KeysDown[key] = true;
      update_modifiers(io);
      release_next_frame = tapped_in_batch;
      redraw_frames = std::max(redraw_frames, 1);
    }
    pressed_in_batch.clear();
    tapped_in_batch.clear();
    modifiers_released_in_batch.clear();
  }
  bool scale_dirty = true;
  float content_scale = 1.0f;
  float built_ui_scale = 0.0f;
  float built_content_scale = 0.0f;
  float built_fb_scale = 0.0f;
  Theme applied_theme = Theme::Light;
  float applied_style_scale = 0.0f;
  std::string title;

  explicit Impl(const WindowOptions& o) : options(o) {}

  static Impl& of(GLFWwindow* w) { return *static_cast<Impl*>(glfwGetWindowUserPointer(w)); }
  static void wake(GLFWwindow* w) { of(w).redraw_frames = kSettleFrames; }

  void install_callbacks() {
    // Installed before ImGui's backend, which chains to them.
    glfwSetWindowUserPointer(window, this);
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { wake(w); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int) {
      wake(w);
      of(w).on_key(key, action);
    });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { wake(w); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) {
      wake(w);
      of(w).geometry_changed_at = glfwGetTime();
    });
    glfwSetWindowPosCallback(
        window, [](GLFWwindow* w, int, int) { of(w).geometry_changed_at = glfwGetTime(); });
    glfwSetWindowMaximizeCallback(
        window, [](GLFWwindow* w, int) { of(w).geometry_changed_at = glfwGetTime(); });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int, int) {
      wake(w);
      of(w).scale_dirty = true;
    });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { wake(w); });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) {
      wake(w);
      of(w).scale_dirty = true;
    });
  }

  // Content scale, UI scale and framebuffer scale decide the font raster size and the
  // style scale. On X11 and Windows the framebuffer is in screen pixels (fb scale 1);
  // on macOS it is 2x the window's points, so fonts are rasterized at 2x and drawn at
  // 1/2 (crisp, not stretched).
  void sync_scale() {
    float ui_scale = request.ui_scale;
    if (scale_dirty) {
      float xs = 1.0f, ys = 1.0f;
      glfwGetWindowContentScale(window, &xs, &ys);
      content_scale = std::clamp(std::max(xs, ys), 0.5f, 4.0f);
      scale_dirty = false;
    }
    int ww = 0, wh = 0, fw = 0, fh = 0;
    glfwGetWindowSize(window, &ww, &wh);
    glfwGetFramebufferSize(window, &fw, &fh);
    float fb_scale = (ww > 0 && fw > 0) ? static_cast<float>(fw) / static_cast<float>(ww) : 1.0f;
    if (fb_scale <= 0.0f || ww == 0) fb_scale = built_fb_scale > 0 ? built_fb_scale : 1.0f;

    if (content_scale != built_content_scale || ui_scale != built_ui_scale ||
        fb_scale != built_fb_scale) {
      ImGuiIO& io = ImGui::GetIO();
      float raster_px = std::round(kBaseFontPixels * content_scale * ui_scale);
      fonts = build_fonts(*io.Fonts, raster_px);
      io.FontDefault = fonts.body;
      io.FontGlobalScale = 1.0f / fb_scale;
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
      built_content_scale = content_scale;
      built_ui_scale = ui_scale;
      built_fb_scale = fb_scale;
      style_scale = content_scale * ui_scale / fb_scale;
    }
    if (request.theme != applied_theme || style_scale != applied_style_scale) {
      apply_theme(request.theme, style_scale);
      applied_theme = request.theme;
      applied_style_scale = style_scale;
    }
  }

  void sync_title() {
    const std::string& wanted = request.title;
    if (wanted != title) {
      title = wanted;
      glfwSetWindowTitle(window, title.c_str());
    }
  }

  // A remembered position is used only if it is on a connected monitor.
  bool position_visible(int x, int y) const {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
      int mx = 0, my = 0, mw = 0, mh = 0;
      glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
      if (x >= mx - 50 && y >= my - 10 && x < mx + mw - 100 && y < my + mh - 100) return true;
    }
    return false;
  }

  void remember_geometry() {
    if (!options.remember || !window) return;
    // Read again: the app keeps other settings (recent files) in the same file.
    settings = Settings::load(settings_path);
    bool maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) != 0;
    settings.set_bool("window.maximized", maximized);
    if (!maximized && !glfwGetWindowAttrib(window, GLFW_ICONIFIED)) {
      int x = 0, y = 0, w = 0, h = 0;
      glfwGetWindowPos(window, &x, &y);
      glfwGetWindowSize(window, &w, &h);
      settings.set_int("window.x", x);
      settings.set_int("window.y", y);
      settings.set_int("window.width", w);
      settings.set_int("window.height", h);
    }
    settings.set_float("ui.scale", request.preferences.ui_scale);
    settings.set_string("ui.theme", to_string(request.preferences.theme));
    settings.set_float("layout.timeline_share", request.preferences.timeline_share);
    settings.save(settings_path);
  }
};

// [SECTION] Frame loop --------------------------------------------------------

std::optional<FrameInfo> Platform::begin_frame(const FrameRequest& request) {
  Impl& d = *impl_;
  d.request = request;
  FrameInfo info;
  // The window's close button asks the program, which asks about unsaved changes.
  auto close_button = [&] {
    if (!glfwWindowShouldClose(d.window)) return;
    glfwSetWindowShouldClose(d.window, GLFW_FALSE);
    info.close_requested = true;
    d.redraw_frames = std::max(d.redraw_frames, 2);
  };
  close_button();
  if (request.quit || g_close_signal) return std::nullopt;

  d.release_tapped_keys();
  if (!d.options.wait_for_events || d.redraw_frames > 0 || info.close_requested) {
    glfwPollEvents();
  } else {
    double timeout = ImGui::GetIO().WantTextInput ? kCaretBlinkSeconds : kIdleWakeSeconds;
    if (d.geometry_changed_at >= 0) timeout = std::min(timeout, kGeometrySaveDelaySeconds);
    // Wake for the autosave, so unsaved work reaches the recovery file on time.
    timeout = std::clamp(request.wake_in_seconds + 0.01, 0.01, timeout);
    glfwWaitEventsTimeout(timeout);
    d.redraw_frames = std::max(d.redraw_frames, 1);
  }
  close_button();
  if (g_close_signal) return std::nullopt;
  d.hold_tapped_keys();
  if (d.geometry_changed_at >= 0 &&
      glfwGetTime() - d.geometry_changed_at >= kGeometrySaveDelaySeconds) {
    d.remember_geometry();
    d.geometry_changed_at = -1.0;
  }
  if (d.redraw_frames > 0) --d.redraw_frames;

  d.sync_scale();
  d.sync_title();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (d.options.ignore_mouse) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
  info.fonts = d.fonts;
  info.scale = d.style_scale;
  return info;
}

Preferences Platform::remembered() const { return impl_->preferences; }

void Platform::render() {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(impl_->window, &w, &h);
  glViewport(0, 0, w, h);
  ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // A frame that changed what ImGui wants (e.g. a popup opened by a shortcut) gets
  // one more frame before sleeping.
  if (ImGui::GetIO().WantSetMousePos) impl_->redraw_frames = std::max(impl_->redraw_frames, 1);
}

void Platform::present() { glfwSwapBuffers(impl_->window); }

bool Platform::framebuffer_size(int& width, int& height) const {
  glfwGetFramebufferSize(impl_->window, &width, &height);
  return width > 0 && height > 0;
}

std::string Platform::clipboard_text() const {
  const char* text = glfwGetClipboardString(impl_->window);
  return text ? text : "";
}

void Platform::set_clipboard_text(const std::string& text) {
  glfwSetClipboardString(impl_->window, text.c_str());
}

// [SECTION] Lifetime ----------------------------------------------------------

Platform::Platform(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

std::unique_ptr<Platform> Platform::create(const WindowOptions& options, std::string& error) {
  StartupTimer timer;
  glfwSetErrorCallback(on_glfw_error);
  bool glfw_ok = glfwInit();
  timer.step("GLFW init");
  if (!glfw_ok) {
    error = "cannot open a window: " +
            (g_glfw_error.empty() ? std::string("GLFW failed to start") : g_glfw_error) +
            " (is DISPLAY or WAYLAND_DISPLAY set?)";
    return nullptr;
  }
  auto impl = std::make_unique<Impl>(options);
  Impl& d = *impl;
  if (options.remember) {
    d.settings_path = settings_file();
    d.settings = Settings::load(d.settings_path);
    d.preferences.ui_scale = clamp_ui_scale(d.settings.get_float("ui.scale", 1.0f));
    d.preferences.theme =
        parse_theme(d.settings.get_string("ui.theme", "light")).value_or(Theme::Light);
    d.preferences.timeline_share =
        std::clamp(d.settings.get_float("layout.timeline_share", 0.0f), 0.0f, 1.0f);
  }
  if (options.ui_scale) d.preferences.ui_scale = clamp_ui_scale(*options.ui_scale);
  d.request.preferences = d.preferences;
  d.request.theme = d.preferences.theme;
  d.request.ui_scale = d.preferences.ui_scale;

  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);  // required on macOS
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);               // shown once placed
  glfwWindowHint(GLFW_SAMPLES, 0);

  // Default size follows the primary monitor's content scale; an explicit or
  // remembered size is used as is.
  float monitor_scale = 1.0f;
  if (GLFWmonitor* primary = glfwGetPrimaryMonitor()) {
    float xs = 1.0f, ys = 1.0f;
    glfwGetMonitorContentScale(primary, &xs, &ys);
    monitor_scale = std::clamp(std::max(xs, ys), 1.0f, 4.0f);
  }
  int width = static_cast<int>(kDefaultWidth * monitor_scale);
  int height = static_cast<int>(kDefaultHeight * monitor_scale);
  if (options.remember) {
    width = std::clamp(d.settings.get_int("window.width", width), 400, 16384);
    height = std::clamp(d.settings.get_int("window.height", height), 300, 16384);
  }
  if (options.size) {
    width = options.size->width;
    height = options.size->height;
  }

  d.window = glfwCreateWindow(width, height, "Rapport", nullptr, nullptr);
  if (!d.window) {
    error = "cannot create an OpenGL 3.3 window: " + g_glfw_error;
    glfwTerminate();
    return nullptr;
  }
  if (options.remember && !options.size) {
    int x = d.settings.get_int("window.x", INT_MIN);
    int y = d.settings.get_int("window.y", INT_MIN);
    if (x != INT_MIN && y != INT_MIN && d.position_visible(x, y)) {
      glfwSetWindowPos(d.window, x, y);
    }
    if (d.settings.get_bool("window.maximized", false)) glfwMaximizeWindow(d.window);
  }
  timer.step("window + GL context");
  glfwMakeContextCurrent(d.window);
  glfwSwapInterval(options.wait_for_events ? 1 : 0);
  d.install_callbacks();
  if (options.wait_for_events) install_signal_handlers();

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  if (options.remember) {
    std::error_code ec;
    std::filesystem::create_directories(folder(Folder::Config), ec);
    d.ini_path = (folder(Folder::Config) / "imgui.ini").string();
    io.IniFilename = d.ini_path.c_str();
  } else {
    io.IniFilename = nullptr;
  }
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  ImGui_ImplGlfw_InitForOpenGL(d.window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  d.imgui_ready = true;
  timer.step("ImGui backends");
  find_ui_font_files();
  timer.step("font lookup");
  d.sync_scale();
  timer.step("font atlas");
  d.sync_title();
  if (options.visible) glfwShowWindow(d.window);
  timer.step("show window");
  return std::unique_ptr<Platform>(new Platform(std::move(impl)));
}

Platform::~Platform() {
  Impl& d = *impl_;
  d.remember_geometry();
  if (d.imgui_ready) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (d.window) glfwDestroyWindow(d.window);
  glfwTerminate();
}

}  // namespace rapport::app
