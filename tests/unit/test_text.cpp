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
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xA0, 0x80})));                    // U+D800
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xAF, 0xBF})));                    // U+DBFF
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xB0, 0x80})));                    // U+DC00
  CHECK_FALSE(is_valid_utf8(bytes({0xED, 0xBF, 0xBF})));                    // U+DFFF
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
  CHECK_FALSE(is_valid_utf8(bytes({0xC3})));               // two-byte lead at the end
  CHECK_FALSE(is_valid_utf8(bytes({0xE2, 0x82})));         // three-byte form cut short
  CHECK_FALSE(is_valid_utf8(bytes({0xF0, 0x9F, 0x8E})));   // four-byte form cut short
  CHECK_FALSE(is_valid_utf8("ok" + bytes({0xE6, 0x9D})));  // cut at the end of a text
  CHECK_FALSE(is_valid_utf8(bytes({0xC3, 0x28})));         // lead byte then ASCII
  CHECK_FALSE(
      is_valid_utf8(bytes({0xE2, 0x28, 0xA1})));  // a middle byte that is not a continuation
  CHECK_FALSE(is_valid_utf8(bytes({0x80})));      // a continuation byte alone
  CHECK_FALSE(is_valid_utf8("a" + bytes({0xBF}) + "b"));
  CHECK_FALSE(is_valid_utf8(bytes({0xC3, 0xA9, 0xA9})));  // one continuation too many
}

TEST_CASE("text: ascii_lower lowers ASCII letters only", "[text]") {
  CHECK(ascii_lower("Website RELAUNCH 2026") == "website relaunch 2026");
  CHECK(ascii_lower("CAF\xC3\x89") == "caf\xC3\x89");  // É stays as it is
  CHECK(ascii_lower("") == "");
}

// terminal_safe: what `rapport check` and the other subcommands print from a file.

TEST_CASE("text: terminal_safe shows ESC sequences as escapes, never as the byte", "[text]") {
  // An OSC that retitles the terminal, ended by BEL, then a CSI that clears it.
  const std::string name = "Website\x1b]0;pwned\x07 relaunch\x1b[2J\x1b[H";
  const std::string safe = terminal_safe(name);
  CHECK(safe == "Website\\x1b]0;pwned\\x07 relaunch\\x1b[2J\\x1b[H");
  CHECK(safe.find('\x1b') == std::string::npos);
  CHECK(safe.find('\x07') == std::string::npos);
}

TEST_CASE("text: terminal_safe escapes every C0 control and DEL, tab and CR by name", "[text]") {
  CHECK(terminal_safe(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(terminal_safe("\x01\x08\x0b\x0c\x1f") == "\\x01\\x08\\x0b\\x0c\\x1f");
  CHECK(terminal_safe("tab\there\rback") == "tab\\there\\rback");
  CHECK(terminal_safe("del\x7f") == "del\\x7f");
  for (int c = 0; c < 0x20; ++c) {
    const std::string safe = terminal_safe(std::string(1, char(c)));
    INFO("byte " << c);
    CHECK(safe.size() >= 2);
    CHECK(safe[0] == '\\');
  }
}

TEST_CASE("text: terminal_safe keeps line breaks only when asked", "[text]") {
  CHECK(terminal_safe("one\ntwo") == "one\\ntwo");
  CHECK(terminal_safe("one\ntwo\n", true) == "one\ntwo\n");
  CHECK(terminal_safe("one\n\x1b[1mtwo\r\n", true) == "one\n\\x1b[1mtwo\\r\n");
}

TEST_CASE("text: terminal_safe escapes C1 controls written as UTF-8", "[text]") {
  CHECK(terminal_safe(bytes({0xC2, 0x9B}) + "2J") == "\\u009b2J");  // U+009B: CSI
  CHECK(terminal_safe(bytes({0xC2, 0x80})) == "\\u0080");           // the first C1 control
  CHECK(terminal_safe(bytes({0xC2, 0x9D}) + "0;x" + bytes({0xC2, 0x9C})) ==
        "\\u009d0;x\\u009c");                                        // OSC .. ST
  CHECK(terminal_safe(bytes({0xC2, 0x9F})) == "\\u009f");            // the last one
  CHECK(terminal_safe(bytes({0xC2, 0xA0})) == bytes({0xC2, 0xA0}));  // U+00A0, no-break space: kept
}

TEST_CASE("text: terminal_safe shows bytes that are not UTF-8 as hex", "[text]") {
  CHECK(terminal_safe(bytes({0x9B}) + "2J") == "\\x9b2J");    // a lone 8-bit CSI byte
  CHECK(terminal_safe(bytes({0xC3})) == "\\xc3");             // a sequence cut short
  CHECK(terminal_safe(bytes({0xC0, 0x9B})) == "\\xc0\\x9b");  // an overlong form of ESC
  CHECK(terminal_safe("ok" + bytes({0xFF})) == "ok\\xff");
}

TEST_CASE("text: terminal_safe keeps printable text and valid UTF-8 byte for byte", "[text]") {
  CHECK(terminal_safe("") == "");
  const std::string plain = "Website relaunch: phase 2 (50% done) \\ C:\\path ~ {ok}";
  CHECK(terminal_safe(plain) == plain);
  const std::string utf8 = "Kahvila Aalto Oy – Aino Mäkelä, “Öl” € 3.200 · 東京 🎉";
  CHECK(is_valid_utf8(utf8));
  CHECK(terminal_safe(utf8) == utf8);
  CHECK(terminal_safe(utf8, true) == utf8);
  CHECK(terminal_safe(bytes({0xF4, 0x8F, 0xBF, 0xBF})) ==
        bytes({0xF4, 0x8F, 0xBF, 0xBF}));  // U+10FFFF
}
