// Escaping what users typed, one function per target format, and export
// format names. Kept together so a reader can compare the rules side by side.
#include <fmt/format.h>

#include "rapport/export.hpp"

namespace rapport {

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "ics" || name == "ical" || name == "icalendar") return ExportFormat::Ics;
  if (name == "html") return ExportFormat::Html;
  if (name == "md" || name == "markdown") return ExportFormat::Markdown;
  if (name == "csv") return ExportFormat::Csv;
  if (name == "mspdi" || name == "msproject") return ExportFormat::Mspdi;
  return std::nullopt;
}

const char* file_extension(ExportFormat f) {
  switch (f) {
    case ExportFormat::Ics:
      return ".ics";
    case ExportFormat::Html:
      return ".html";
    case ExportFormat::Markdown:
      return ".md";
    case ExportFormat::Csv:
      return ".csv";
    case ExportFormat::Mspdi:
      return ".xml";
  }
  return "";
}

std::string ics_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF = one newline
        out += "\\n";
        break;
      case '\t':
        out += c;
        break;
      default:
        // Other control characters are not allowed in TEXT (RFC 5545 3.3.11).
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) break;
        out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  // 75 octets per physical line, CRLF excluded; a continuation line starts
  // with one space, which counts. A cut never lands inside a UTF-8 sequence.
  std::string out;
  out.reserve(line.size() + line.size() / 70 * 3 + 2);
  size_t pos = 0;
  bool first = true;
  while (true) {
    size_t room = first ? 75 : 74;
    if (line.size() - pos <= room) {
      if (!first) out += ' ';
      out.append(line.substr(pos));
      out += "\r\n";
      return out;
    }
    size_t cut = pos + room;
    while (cut > pos + 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (!first) out += ' ';
    out.append(line.substr(pos, cut - pos));
    out += "\r\n";
    pos = cut;
    first = false;
  }
}

std::string csv_cell(std::string_view text, bool user_text) {
  std::string cell;
  // OWASP's advice for CSV injection: a leading ' makes the spreadsheet treat
  // the cell as text, and it is visible, so nothing is silently changed.
  if (user_text && !text.empty() &&
      (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
       text[0] == '\r'))
    cell += '\'';
  cell.append(text);
  bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
               (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
  if (!quote) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (char c : text)
    if (uint8_t(c) >= 0x20 || c == '\t' || c == '\n') kept += c;
  return html_escape(kept);
}

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') continue;
    if (c == '\n') {
      out += ' ';  // one line: safe in table cells and list items
      continue;
    }
    switch (c) {
      // Inline syntax anywhere; < and & so raw HTML and entities stay text.
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '&':
      case '!':
        out += '\\';
        break;
      // Block syntax only matters at the start of a line.
      case '#':
      case '+':
      case '-':
      case '=':
        if (line_start) out += '\\';
        break;
      default:
        break;
    }
    out += c;
    if (c != ' ') line_start = false;
  }
  return out;
}

}  // namespace rapport
