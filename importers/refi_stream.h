// Reading a REFI-QDA project XML (project.qde) as a stream, for projects of
// any size: expat checks the whole file (well-formed, UTF-8, no DOCTYPE
// with entities or external references) and cuts it into pieces: the start
// tag of <Project>, each child of <Project> but <Cases> and <Sources>, and
// each child of those two. Each piece is parsed on its own with pugixml into
// a RefiXml whose locations are those of the whole file. Memory holds one
// piece (one source with its selections) at a time, not the file.
// Private to importers/.
#ifndef VERHAAL_IMPORTERS_REFI_STREAM_H_
#define VERHAAL_IMPORTERS_REFI_STREAM_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "importers/refi_xml.h"

namespace verhaal {

// Gives the next bytes of the file into `buffer` (at most `size`); 0 at its
// end. Throws on a read error.
using ByteReader = std::function<size_t(char* buffer, size_t size)>;

// A piece of the project XML: the element (the root() of `xml`), and the
// local name of the section it is in: "Cases", "Sources", or "" for a child
// of <Project>.
struct RefiPiece {
  const RefiXml& xml;
  std::string_view section;
};

// Reads the file that `read` gives (named `file` in messages) and calls
// `on_root` with the root element's start tag (as an element without
// children), then `on_piece` for each piece in document order. Errors: kData
// located in the file when it is not well-formed, not UTF-8, or has a
// DOCTYPE with entities or an external identifier; and whatever the
// callbacks throw.
void ReadRefiStream(const std::string& file, const ByteReader& read,
                    const std::function<void(const RefiXml& root)>& on_root,
                    const std::function<void(const RefiPiece& piece)>& on_piece);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_REFI_STREAM_H_
