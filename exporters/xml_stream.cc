#include "exporters/xml_stream.h"

#include <sstream>

namespace verhaal {
namespace {

constexpr const char* kIndent = "  ";

void Put(pugi::xml_writer& out, const std::string& text) { out.write(text.data(), text.size()); }

}  // namespace

XmlStream::XmlStream(pugi::xml_writer& out, pugi::xml_node root)
    : out_(out), root_name_(root.name()) {
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  document.append_copy(root);
  std::ostringstream text;
  document.save(text, kIndent, pugi::format_default, pugi::encoding_utf8);
  empty_root_ = text.str();
}

void XmlStream::StartRoot() {
  if (started_) return;
  started_ = true;
  // "<Root a="b" />\n" becomes "<Root a="b">\n".
  std::string open = empty_root_;
  open.replace(open.size() - 4, 4, ">\n");
  Put(out_, open);
}

void XmlStream::Write(pugi::xml_node element, unsigned depth) {
  StartRoot();
  element.print(out_, kIndent, pugi::format_default, pugi::encoding_utf8, depth);
}

void XmlStream::Raw(std::string_view text) {
  StartRoot();
  out_.write(text.data(), text.size());
}

void XmlStream::Open(const char* name) {
  StartRoot();
  Put(out_, std::string(kIndent) + "<" + name + ">\n");
}

void XmlStream::Close(const char* name) { Put(out_, std::string(kIndent) + "</" + name + ">\n"); }

void XmlStream::Finish() {
  if (!started_) {
    Put(out_, empty_root_);
    return;
  }
  Put(out_, "</" + root_name_ + ">\n");
}

}  // namespace verhaal
