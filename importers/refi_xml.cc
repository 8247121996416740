#include "importers/refi_xml.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace verhaal {
namespace {

constexpr size_t kShownCodePoints = 100;

bool Contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

}  // namespace

RefiXml::RefiXml(std::string file, std::string text)
    : file_(std::move(file)), text_(std::move(text)) {
  // pugixml takes any bytes; what it yields is stored and exported again.
  ValidateUtf8(text_, Location{file_, 0, 0, ""});
  const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result result =
      document_.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
  if (!result) {
    throw DataError(std::string("not well-formed XML: ") + result.description() +
                        "; the file is damaged or not a REFI-QDA export",
                    LocationOfOffset(static_cast<size_t>(std::max<ptrdiff_t>(0, result.offset))));
  }
  for (pugi::xml_node node : document_.children()) {
    if (node.type() != pugi::node_doctype) continue;
    const std::string_view value = node.value();
    if (Contains(value, "ENTITY") || Contains(value, "SYSTEM") || Contains(value, "PUBLIC")) {
      throw DataError(
          "the XML has a DOCTYPE with entity declarations or an external reference; verhaal "
          "does not expand entities or fetch anything. REFI-QDA files need no DOCTYPE: remove "
          "it",
          LocationOf(node));
    }
  }
  if (!root()) {
    throw DataError("the XML has no root element; is this a REFI-QDA file?",
                    Location{file_, 1, 1, ""});
  }
}

RefiXml::RefiXml(std::string file, std::string text, Piece piece)
    : file_(std::move(file)),
      text_(std::move(text)),
      begin_(piece.begin),
      line_(piece.line),
      column_(piece.column) {
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result result = document_.load_buffer(
      text_.data() + piece.begin, piece.end - piece.begin, options, pugi::encoding_utf8);
  if (!result || !root()) {
    throw DataError(
        std::string("not well-formed XML: ") + result.description() +
            "; the file is damaged or not a REFI-QDA export",
        LocationOfOffset(piece.begin + static_cast<size_t>(std::max<ptrdiff_t>(0, result.offset))));
  }
}

// The line and column of text_[offset] in the file, and the line's text
// (shortened around the column when the line is long). In a piece, the
// first line's code points before text_ count for the column but are not
// shown.
Location RefiXml::LocationOfOffset(size_t offset) const {
  offset = std::min(offset, text_.size());
  // Step back to a character boundary (offsets from pugixml are bytes).
  while (offset > 0 && offset < text_.size() &&
         (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80) {
    --offset;
  }
  const LineColumn lc = LineColumnOf(text_, offset);
  std::string_view line = LineAt(text_, offset);
  const size_t hidden = lc.line == 1 ? static_cast<size_t>(column_ - 1) : 0;
  const size_t column = hidden + static_cast<size_t>(lc.column - 1);
  Location location{file_, line_ + lc.line - 1, static_cast<int>(column + 1), ""};
  const std::u32string code_points = DecodeUtf8Lenient(line);
  const size_t length = hidden + code_points.size();
  size_t first = 0;
  if (length > kShownCodePoints) {
    first = column > kShownCodePoints / 4 ? column - kShownCodePoints / 4 : 0;
    location.column = static_cast<int>(column - first + 1);
  }
  const size_t last = std::min(length, first + kShownCodePoints);
  for (size_t i = std::max(first, hidden); i < last; ++i) {
    AppendUtf8(location.text, code_points[i - hidden]);
  }
  return location;
}

Location RefiXml::LocationOf(pugi::xml_node node) const {
  const ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return Location{file_, 0, 0, ""};
  // offset_debug points after '<' for elements; show the caret on '<'.
  size_t at = begin_ + static_cast<size_t>(offset);
  if (at > 0 && text_[at - 1] == '<') --at;
  return LocationOfOffset(at);
}

Error RefiXml::ErrorAt(pugi::xml_node node, const std::string& message) const {
  return DataError(message, LocationOf(node));
}

std::string_view LocalName(pugi::xml_node node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::vector<pugi::xml_node> ChildrenNamed(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> found;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) found.push_back(child);
  }
  return found;
}

pugi::xml_node ChildNamed(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) return child;
  }
  return {};
}

std::string CanonicalGuid(std::string_view text) {
  if (text.size() == 38 && text.front() == '{' && text.back() == '}') {
    text = text.substr(1, 36);
  }
  if (text.size() != 36) return "";
  std::string guid;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) return "";
    guid += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return guid;
}

std::string GuidAttribute(const RefiXml& xml, pugi::xml_node node, const char* attribute,
                          bool required) {
  const pugi::xml_attribute value = node.attribute(attribute);
  if (!value) {
    if (!required) return "";
    throw xml.ErrorAt(node, std::string("<") + node.name() + "> has no " + attribute +
                                " attribute; every REFI-QDA " + std::string(LocalName(node)) +
                                " needs one");
  }
  std::string guid = CanonicalGuid(value.value());
  if (guid.empty()) {
    throw xml.ErrorAt(node, std::string(attribute) + " '" + value.value() +
                                "' is not a GUID (8-4-4-4-12 hex digits, optionally in braces)");
  }
  return guid;
}

}  // namespace verhaal
