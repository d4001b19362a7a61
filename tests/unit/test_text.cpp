// The one UTF-8 check of core (rapport/text.hpp): what it lets through and
// what it refuses, at every edge of the encoding.
#include <catch2/catch.hpp>

#include <string>

#include "rapport/text.hpp"

using namespace rapport;

namespace {
std::string bytes(std::initializer_list<int> list) {
  std::string s;
  for (int b : list) s += char(b);
  return s;
}
}  // namespace

TEST_CASE("text: plain ASCII, the empty text and every width of UTF-8 are valid", "[text]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Website relaunch\t\r\n"));
  CHECK(is_valid_utf8(bytes({0x7F})));                    // DEL: the last one-byte form
  CHECK(is_valid_utf8(bytes({0xC2, 0x80})));              // U+0080: the first two-byte form
  CHECK(is_valid_utf8("Caf\xC3\xA9"));                    // é
  CHECK(is_valid_utf8(bytes({0xDF, 0xBF})));              // U+07FF
  CHECK(is_valid_utf8(bytes({0xE0, 0xA0, 0x80})));        // U+0800: the first three-byte form
  CHECK(is_valid_utf8("\xE6\x9D\xB1\xE4\xBA\xAC"));       // 東京
  CHECK(is_valid_utf8(bytes({0xED, 0x9F, 0xBF})));        // U+D7FF, just below the surrogates
  CHECK(is_valid_utf8(bytes({0xEE, 0x80, 0x80})));        // U+E000, just above them
  CHECK(is_valid_utf8(bytes({0xEF, 0xBF, 0xBF})));        // U+FFFF
  CHECK(is_valid_utf8(bytes({0xF0, 0x90, 0x80, 0x80})));  // U+10000: the first four-byte form
  CHECK(is_valid_utf8("\xF0\x9F\x8E\x89"));               // 🎉
  CHECK(is_valid_utf8(bytes({0xF4, 0x8F, 0xBF, 0xBF})));  // U+10FFFF: the largest code point
}

TEST_CASE("text: NUL is refused anywhere, as a byte and as an overlong form", "[text]") {
  CHECK_FALSE(is_valid_utf8(std::string(1, '\0')));
  CHECK_FALSE(is_valid_utf8(std::string("before\0after", 12)));
  CHECK_FALSE(is_valid_utf8(std::string("end\0", 4)));
  CHECK_FALSE(is_valid_utf8(bytes({0xC0, 0x80})));  // the "modified UTF-8" NUL
}

TEST_CASE("text: overlong forms are refused at every width", "[text]") {
  CHECK_FALSE(is_valid_utf8(bytes({0xC0, 0xAF})));              // '/' in two bytes
  CHECK_FALSE(is_valid_utf8(bytes({0xC1, 0xBF})));              // U+007F in two bytes
  CHECK_FALSE(is_valid_utf8(bytes({0xE0, 0x80, 0xAF})));        // '/' in three bytes
  CHECK_FALSE(is_valid_utf8(bytes({0xE0, 0x9F, 0xBF})));        // U+07FF in three bytes
  CHECK_FALSE(is_valid_utf8(bytes({0xF0, 0x80, 0x80, 0xAF})));  // '/' in four bytes
  CHECK_FALSE(is_valid_utf8(bytes({0xF0, 0x8F, 0xBF, 0xBF})));  // U+FFFF in four bytes
}

TEST_CASE("text: surrogates are refused, alone and in pairs", "[text]") {
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xA0, 0x80})));  // U+D800
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xAF, 0xBF})));  // U+DBFF
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xB0, 0x80})));  // U+DC00
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xBF, 0xBF})));  // U+DFFF
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80})));  // CESU-8 pair
}

TEST_CASE("text: code points past U+10FFFF and the bytes no UTF-8 uses are refused", "[text]") {
  CHECK_FALSE(is_valid_utf8(bytes({0xF4, 0x90, 0x80, 0x80})));  // U+110000
  CHECK_FALSE(is_valid_utf8(bytes({0xF7, 0xBF, 0xBF, 0xBF})));
  CHECK_FALSE(is_valid_utf8(bytes({0xF8, 0x88, 0x80, 0x80, 0x80})));  // old five-byte form
  CHECK_FALSE(is_valid_utf8(bytes({0xFC, 0x84, 0x80, 0x80, 0x80, 0x80})));
  CHECK_FALSE(is_valid_utf8(bytes({0xFE})));
  CHECK_FALSE(is_valid_utf8(bytes({0xFF})));
}

TEST_CASE("text: truncated sequences and stray continuation bytes are refused", "[text]") {
  CHECK_FALSE(is_valid_utf8(bytes({0xC3})));                    // two-byte lead at the end
  CHECK_FALSE(is_valid_utf8(bytes({0xE2, 0x82})));              // three-byte form cut short
  CHECK_FALSE(is_valid_utf8(bytes({0xF0, 0x9F, 0x8E})));        // four-byte form cut short
  CHECK_FALSE(is_valid_utf8("ok" + bytes({0xE6, 0x9D})));       // cut at the end of a text
  CHECK_FALSE(is_valid_utf8(bytes({0xC3, 0x28})));              // lead byte then ASCII
  CHECK_FALSE(is_valid_utf8(bytes({0xE2, 0x28, 0xA1})));        // a middle byte that is not a continuation
  CHECK_FALSE(is_valid_utf8(bytes({0x80})));                    // a continuation byte alone
  CHECK_FALSE(is_valid_utf8("a" + bytes({0xBF}) + "b"));
  CHECK_FALSE(is_valid_utf8(bytes({0xC3, 0xA9, 0xA9})));        // one continuation too many
}

TEST_CASE("text: ascii_lower lowers ASCII letters only", "[text]") {
  CHECK(ascii_lower("Website RELAUNCH 2026") == "website relaunch 2026");
  CHECK(ascii_lower("CAF\xC3\x89") == "caf\xC3\x89");  // É stays as it is
  CHECK(ascii_lower("") == "");
}
