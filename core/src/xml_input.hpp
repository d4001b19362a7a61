// Reading XML from other tools (GNOME Planner, MS Project) safely with
// libxml2, one set of guards for every XML import:
// - files over kMaxImportBytes are refused before parsing;
// - UTF-16/32 (a byte order mark or NUL bytes) is refused with a message;
// - a DOCTYPE with an internal subset (entity declarations) is refused
//   before parsing, so nothing can expand into gigabytes;
// - the parser runs without network access, without loading a DTD and
//   without entity substitution; libxml2's depth limit (256) stays on;
// - attribute and element texts are read as parsed, never expanded.
// Other encodings the file declares (windows-1252, ISO-8859-1) are converted
// to UTF-8 by libxml2; bytes that do not fit the declared encoding are an error.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "rapport/import.hpp"

namespace rapport::xml {

using DocPtr = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

// "line 12: message", or the message alone for line 0.
ImportError error_at(int line, std::string message);

// Parses `xml` with the guards above. `tool` names the program whose files
// these are, for messages ("GNOME Planner", "MS Project").
std::variant<DocPtr, ImportError> parse(std::string_view xml, const char* tool);

// The same guards for reading a large file one element at a time: only the
// element being read is in memory, not the whole tree (a file of 100,000
// tasks would need about ten times its size as a tree).
using ReaderPtr = std::unique_ptr<xmlTextReader, void (*)(xmlTextReaderPtr)>;
std::variant<ReaderPtr, ImportError> open_reader(std::string_view xml, const char* tool);
// Moves to the next node: true on one, false at the end of the file, or the
// error that stopped the parser ("line 12: the XML is broken: ...").
std::variant<bool, ImportError> next(xmlTextReaderPtr reader);

bool is(const xmlNode* n, const char* name);
// An attribute's value as parsed: its text nodes joined, never expanded.
std::string attr(const xmlNode* n, const char* name);
// The text of an element: its text and CDATA children joined, never expanded.
std::string text(const xmlNode* n);
// The first child element with that name, or nullptr.
const xmlNode* child(const xmlNode* n, const char* name);
// The text of the first child element with that name ("" when missing).
std::string child_text(const xmlNode* n, const char* name);
int line_of(const xmlNode* n);

}  // namespace rapport::xml
