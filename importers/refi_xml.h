// Reading REFI-QDA XML with pugixml: parsing with located errors, refusing
// DOCTYPEs that declare entities or point outside (no external entities, no
// network), matching elements by local name so that any namespace prefix or
// codebook namespace version is accepted, and GUIDs in their canonical form.
// Private to importers/.
#ifndef VERHAAL_IMPORTERS_REFI_XML_H_
#define VERHAAL_IMPORTERS_REFI_XML_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace verhaal {

// A parsed XML file that remembers its text, so that errors can point at the
// line of an element. Not copyable: pugixml documents are not.
class RefiXml {
 public:
  // Parses `text`. kData Error with the line and column when the XML is not
  // well-formed or has a DOCTYPE with entities or an external identifier.
  RefiXml(std::string file, std::string text);

  // A piece of a larger file, as RefiQdeStream cuts it: text[begin, end) is
  // one element, already checked (UTF-8, well-formed, no DOCTYPE); the bytes
  // around it are the rest of its first and last lines, for messages;
  // text[0] lies at `line` and `column` (code points, from 1) of the file.
  struct Piece {
    size_t begin = 0;
    size_t end = 0;
    int line = 1;
    int column = 1;
  };
  RefiXml(std::string file, std::string text, Piece piece);
  RefiXml(const RefiXml&) = delete;
  RefiXml& operator=(const RefiXml&) = delete;

  pugi::xml_node root() const { return document_.document_element(); }
  const std::string& file() const { return file_; }

  // Where `node` starts (line, column, and the line's text, shortened around
  // the column when the file is one long line).
  Location LocationOf(pugi::xml_node node) const;

  // A kData Error at `node`.
  Error ErrorAt(pugi::xml_node node, const std::string& message) const;

 private:
  Location LocationOfOffset(size_t offset) const;
  std::string file_;
  std::string text_;
  size_t begin_ = 0;  // where the XML starts in text_
  int line_ = 1;      // where text_ starts in the file
  int column_ = 1;
  pugi::xml_document document_;
};

// The element name without its namespace prefix ("qda:Code" -> "Code").
std::string_view LocalName(pugi::xml_node node);

// The children of `node` whose local name is `name`, in document order.
std::vector<pugi::xml_node> ChildrenNamed(pugi::xml_node node, std::string_view name);

// The first child called `name`, or an empty node.
pugi::xml_node ChildNamed(pugi::xml_node node, std::string_view name);

// The canonical form of a REFI GUID: braces removed, upper case. Nothing
// when `text` is not 8-4-4-4-12 hex digits (optionally braced).
std::string CanonicalGuid(std::string_view text);

// The GUID in attribute `attribute` of `node`; kData Error at the node when it
// is missing (and `required`) or malformed. Empty when absent and optional.
std::string GuidAttribute(const RefiXml& xml, pugi::xml_node node, const char* attribute,
                          bool required = true);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_REFI_XML_H_
