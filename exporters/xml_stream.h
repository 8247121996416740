// Writing a large XML document a piece at a time, formatted exactly as
// pugixml formats a whole document (two-space indent, format_default): each
// element is built as a small pugixml tree and printed at its depth, so the
// document never exists in memory as a whole. Private to exporters/.
#ifndef VERHAAL_EXPORTERS_XML_STREAM_H_
#define VERHAAL_EXPORTERS_XML_STREAM_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace verhaal {

class XmlStream {
 public:
  // Writes to `out`, which must outlive the stream. `root` is an element
  // with the root's name and attributes (and no children): its start tag
  // follows the XML declaration when the first child is written.
  XmlStream(pugi::xml_writer& out, pugi::xml_node root);
  // Refers to `out`; a copy would interleave two documents.
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Writes `element` and its subtree at `depth` (1 for a child of the root).
  void Write(pugi::xml_node element, unsigned depth);
  // Text printed elsewhere as Write would print it.
  void Raw(std::string_view text);
  // The start and end tags of a child of the root without attributes
  // (<Sources>), whose children are then written at depth 2.
  void Open(const char* name);
  void Close(const char* name);
  // Ends the root (or writes it as an empty element when it got no child).
  void Finish();

 private:
  void StartRoot();

  pugi::xml_writer& out_;
  std::string empty_root_;  // the declaration and <Root ... />
  std::string root_name_;
  bool started_ = false;
};

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_XML_STREAM_H_
