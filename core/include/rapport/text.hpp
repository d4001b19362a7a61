// Small text rules shared by validation, files, search and parsers.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

// Well-formed UTF-8 with no NUL, no overlong forms and no surrogates.
bool is_valid_utf8(std::string_view s);

// ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
std::string ascii_lower(std::string_view s);

}  // namespace rapport
