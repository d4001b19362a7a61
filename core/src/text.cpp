// Text rules shared across core: see rapport/text.hpp.
#include "rapport/text.hpp"

#include <cctype>
#include <cstdint>

namespace rapport {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {

// The length of the well-formed UTF-8 sequence at p (2 to 4), or 0 if there is none.
size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = *p;
  size_t len = 0;
  uint32_t cp = 0;
  if ((c & 0xe0) == 0xc0) {
    len = 2;
    cp = c & 0x1f;
  } else if ((c & 0xf0) == 0xe0) {
    len = 3;
    cp = c & 0x0f;
  } else if ((c & 0xf8) == 0xf0) {
    len = 4;
    cp = c & 0x07;
  } else
    return 0;
  if (size_t(end - p) < len) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((p[i] & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3f);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return len;
}

constexpr char kHex[] = "0123456789abcdef";

}  // namespace

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    if (*p < 0x80) {
      if (*p == 0) return false;  // a NUL would cut the text short on screen
      ++p;
      continue;
    }
    size_t len = utf8_sequence(p, end);
    if (len == 0) return false;
    p += len;
  }
  return true;
}

std::string terminal_safe(std::string_view s, bool keep_newlines) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  std::string out;
  out.reserve(s.size());
  while (p < end) {
    const unsigned char c = *p;
    if (c >= 0x20 && c < 0x7f) {
      out += char(c);
      ++p;
    } else if (c < 0x80) {  // C0 and DEL
      switch (c) {
        case '\n':
          out += keep_newlines ? "\n" : "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
      }
      ++p;
    } else if (size_t len = utf8_sequence(p, end); len == 0) {  // not UTF-8: the raw byte
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
      ++p;
    } else if (len == 2 && c == 0xc2 && p[1] < 0xa0) {  // C1: U+0080 to U+009F
      out += "\\u00";
      out += kHex[p[1] >> 4];
      out += kHex[p[1] & 0xf];
      p += 2;
    } else {
      out.append(reinterpret_cast<const char*>(p), len);
      p += len;
    }
  }
  return out;
}

}  // namespace rapport
