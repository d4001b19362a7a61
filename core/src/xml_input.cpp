// The guards every XML import goes through (see xml_input.hpp).
#include "xml_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace rapport::xml {
namespace {

// A DOCTYPE with an internal subset can declare entities: refused, whatever
// it declares (no tool we read writes one). The line it starts on, or 0.
int entity_declarations_line(std::string_view xml) {
  size_t found = xml.find("<!ENTITY");
  for (size_t at = xml.find("<!DOCTYPE"); at != std::string_view::npos;
       at = xml.find("<!DOCTYPE", at + 1)) {
    size_t end = xml.find_first_of("[>", at);
    if (end != std::string_view::npos && xml[end] == '[') {
      found = std::min(found, at);
      break;
    }
  }
  if (found == std::string_view::npos) return 0;
  return 1 + int(std::count(xml.begin(), xml.begin() + std::ptrdiff_t(found), '\n'));
}

}  // namespace

ImportError error_at(int line, std::string message) {
  return ImportError{line > 0 ? fmt::format("line {}: {}", line, message) : message, line};
}

namespace {

// What every XML import refuses before parsing.
std::optional<ImportError> refused_before_parsing(std::string_view xml, const char* tool) {
  if (xml.size() > kMaxImportBytes)
    return error_at(0, fmt::format("the file is {} MB; {} files over {} MB are not imported",
                                   xml.size() >> 20, tool, kMaxImportBytes >> 20));
  if (xml.empty()) return error_at(0, fmt::format("the file is empty; it is not a {} file", tool));
  if (xml.size() >= 2 &&
      (uint8_t(xml[0]) == 0xFE || uint8_t(xml[0]) == 0xFF || xml[0] == '\0' || xml[1] == '\0'))
    return error_at(0, fmt::format("the file is not UTF-8 text (UTF-16?); save it from {} as "
                                   "XML in UTF-8",
                                   tool));
  if (int line = entity_declarations_line(xml))
    return error_at(line, fmt::format("the file declares entities (a DOCTYPE with [...]); {} "
                                      "never writes them, and they are not read: they can make "
                                      "a small file expand into gigabytes",
                                      tool));
  return std::nullopt;
}

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

ImportError broken(const xmlError* err) {
  std::string message = err && err->message ? err->message : "not well-formed XML";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return error_at(err ? err->line : 0, fmt::format("the XML is broken: {}", message));
}

}  // namespace

std::variant<DocPtr, ImportError> parse(std::string_view xml, const char* tool) {
  if (auto refused = refused_before_parsing(xml, tool)) return *refused;
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(),
                                                                  xmlFreeParserCtxt);
  if (!ctxt) return error_at(0, "out of memory");
  DocPtr doc(xmlCtxtReadMemory(ctxt.get(), xml.data(), int(xml.size()), "import.xml", nullptr,
                               kParseOptions),
             xmlFreeDoc);
  if (!doc) return broken(xmlCtxtGetLastError(ctxt.get()));
  if (xmlDtd* dtd = xmlGetIntSubset(doc.get()); dtd && (dtd->entities || dtd->pentities))
    return error_at(0, "the file declares entities; they are not read");
  return doc;
}

std::variant<ReaderPtr, ImportError> open_reader(std::string_view xml, const char* tool) {
  if (auto refused = refused_before_parsing(xml, tool)) return *refused;
  // Reads `xml` in place (it outlives the reader); the parser's own last
  // error is cleared so a message names this file's problem.
  xmlResetLastError();
  ReaderPtr reader(
      xmlReaderForMemory(xml.data(), int(xml.size()), "import.xml", nullptr, kParseOptions),
      xmlFreeTextReader);
  if (!reader) return error_at(0, "out of memory");
  return reader;
}

std::variant<bool, ImportError> next(xmlTextReaderPtr reader) {
  int read = xmlTextReaderRead(reader);
  if (read < 0) return broken(xmlGetLastError());
  return read == 1;
}

bool is(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE &&
         xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string attr(const xmlNode* n, const char* name) {
  const xmlAttr* a = xmlHasProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!a || a->type != XML_ATTRIBUTE_NODE) return "";
  std::string out;
  for (const xmlNode* c = a->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
  return out;
}

std::string text(const xmlNode* n) {
  std::string out;
  if (!n) return out;
  for (const xmlNode* c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      out += reinterpret_cast<const char*>(c->content);
  return out;
}

const xmlNode* child(const xmlNode* n, const char* name) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (is(c, name)) return c;
  return nullptr;
}

std::string child_text(const xmlNode* n, const char* name) { return text(child(n, name)); }

int line_of(const xmlNode* n) { return int(xmlGetLineNo(n)); }

}  // namespace rapport::xml
