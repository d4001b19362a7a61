// Small text rules shared by validation, files, search and parsers.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

// Well-formed UTF-8 with no NUL, no overlong forms and no surrogates.
bool is_valid_utf8(std::string_view s);

// ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
std::string ascii_lower(std::string_view s);

// Text for a terminal: every control character shown as a visible escape, so
// that text from a file cannot move the cursor, retitle or clear the terminal.
// C0 controls and DEL become "\t", "\r", "\n" or "\x1b"-style escapes; C1
// controls (U+0080-U+009F, two bytes in UTF-8) become "\u009b"-style escapes;
// bytes that are not part of well-formed UTF-8 (a lone 0x9b is CSI to some
// terminals) become "\xNN". Everything else, all printable UTF-8 included
// ("ä", "“", "€", "東京"), is kept byte for byte; a backslash is kept as is.
// keep_newlines = true leaves '\n' alone, for multi-line text Rapport itself
// built; leave it false for one line from a file (a name, a message).
std::string terminal_safe(std::string_view s, bool keep_newlines = false);

}  // namespace rapport
