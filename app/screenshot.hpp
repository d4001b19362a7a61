// Screenshots of the window: the back buffer after a frame is rendered, written as
// PNG. Used by `rapport --screenshot OUT.png`, the README image and the GUI tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rapport::app {

// Reverses the row order of a tightly packed image (OpenGL reads bottom row first).
void flip_rows(std::vector<uint8_t>& pixels, int width, int height, int channels);

// Reads the current GL back buffer (width x height) and writes it to `path` as an RGB
// PNG. Returns false with `error` set on failure. `keep_rows` > 0: only that many rows
// from the top are kept (a picture cropped to its content).
bool write_screenshot(const std::string& path, int width, int height, std::string& error,
                      int keep_rows = 0);

}  // namespace rapport::app
