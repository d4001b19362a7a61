// Back buffer to PNG; see screenshot.hpp. Only OpenGL 1.1 calls, from the system libGL.
#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <string>

#include "rapport/io.hpp"

namespace rapport::app {

void flip_rows(std::vector<uint8_t>& pixels, int width, int height, int channels) {
  const size_t stride = static_cast<size_t>(width) * static_cast<size_t>(channels);
  for (int top = 0, bottom = height - 1; top < bottom; ++top, --bottom) {
    std::swap_ranges(pixels.begin() + static_cast<long>(stride * static_cast<size_t>(top)),
                     pixels.begin() + static_cast<long>(stride * static_cast<size_t>(top + 1)),
                     pixels.begin() + static_cast<long>(stride * static_cast<size_t>(bottom)));
  }
}

bool write_screenshot(const std::string& path, int width, int height, std::string& error,
                      int keep_rows) {
  if (width <= 0 || height <= 0) {
    error = "the window has no pixels to save";
    return false;
  }
  constexpr int kChannels = 3;
  std::vector<uint8_t> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * kChannels);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (GLenum gl_error = glGetError(); gl_error != GL_NO_ERROR) {
    error = "reading the window's pixels failed (OpenGL error " + std::to_string(gl_error) + ")";
    return false;
  }
  flip_rows(pixels, width, height, kChannels);
  if (keep_rows > 0 && keep_rows < height) {
    height = keep_rows;
    pixels.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * kChannels);
  }
  // Encoded in memory, then written like a save: never a half-written PNG.
  std::string png;
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &png, width, height, kChannels, pixels.data(),
                              width * kChannels)) {
    error = "the image could not be encoded as PNG";
    return false;
  }
  if (FileError failed = write_file_atomically(path, png)) {
    error = failed.message;
    return false;
  }
  return true;
}

}  // namespace rapport::app
