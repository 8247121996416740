#include "importers/refi_stream.h"

#include <expat.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "base/error.h"
#include "base/text.h"

namespace verhaal {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;
// At most this much of a piece's first and last line around it is kept for
// messages (RefiXml shows 100 code points around a column).
constexpr size_t kContextBytes = 1024;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string_view LocalNameOf(const XML_Char* name) {
  std::string_view view(name);
  const size_t colon = view.find(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

// A piece found by expat, cut out and parsed once the chunk is parsed
// (nothing may throw through expat's C frames).
struct FoundPiece {
  uint64_t begin = 0;  // byte offsets in the file
  uint64_t end = 0;
  std::string section;
  bool root = false;  // the root's start tag
};

class Stream {
 public:
  Stream(const std::string& file, const ByteReader& read,
         const std::function<void(const RefiXml&)>& on_root,
         const std::function<void(const RefiPiece&)>& on_piece)
      : file_(file), read_(read), on_root_(on_root), on_piece_(on_piece) {}

  void Run() {
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate("UTF-8"),
                                                                   XML_ParserFree);
    if (!parser) throw Error(ErrorKind::kInternal, "cannot create an XML parser");
    parser_ = parser.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &Stream::Start, &Stream::End);
    XML_SetStartDoctypeDeclHandler(parser_, &Stream::Doctype);
    XML_SetEntityDeclHandler(parser_, &Stream::Entity);
    std::vector<char> chunk(kChunkBytes);
    bool last = false;
    while (!last) {
      const size_t n = read_(chunk.data(), chunk.size());
      last = n == 0;
      CheckUtf8(std::string_view(chunk.data(), n), last);
      buffer_.append(chunk.data(), n);
      if (XML_Parse(parser_, chunk.data(), static_cast<int>(n), last ? XML_TRUE : XML_FALSE) ==
          XML_STATUS_ERROR) {
        if (refusal_) throw *refusal_;
        const uint64_t at =
            static_cast<uint64_t>(std::max<XML_Index>(0, XML_GetCurrentByteIndex(parser_)));
        throw DataError(std::string("not well-formed XML: ") +
                            XML_ErrorString(XML_GetErrorCode(parser_)) +
                            "; the file is damaged or not a REFI-QDA export",
                        LocationAt(at));
      }
      for (const FoundPiece& piece : found_) Deliver(piece);
      found_.clear();
      Trim();
    }
    if (!root_seen_) {
      throw DataError("the XML has no root element; is this a REFI-QDA file?",
                      Location{file_, 1, 1, ""});
    }
  }

 private:
  // expat's callbacks: they note what they find and never throw.
  static void Start(void* self, const XML_Char* name, const XML_Char**) {
    static_cast<Stream*>(self)->OnStart(name);
  }
  static void End(void* self, const XML_Char*) { static_cast<Stream*>(self)->OnEnd(); }
  static void Doctype(void* self, const XML_Char*, const XML_Char* system, const XML_Char* pub,
                      int) {
    auto* stream = static_cast<Stream*>(self);
    stream->doctype_at_ = stream->EventBegin();
    if (system != nullptr || pub != nullptr) stream->RefuseDoctype();
  }
  static void Entity(void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                     const XML_Char*, const XML_Char*, const XML_Char*) {
    static_cast<Stream*>(self)->RefuseDoctype();
  }

  uint64_t EventBegin() const {
    return static_cast<uint64_t>(std::max<XML_Index>(0, XML_GetCurrentByteIndex(parser_)));
  }
  uint64_t EventEnd() const {
    return EventBegin() + static_cast<uint64_t>(std::max(0, XML_GetCurrentByteCount(parser_)));
  }

  void RefuseDoctype() {
    if (refusal_) return;
    refusal_ = DataError(
        "the XML has a DOCTYPE with entity declarations or an external reference; verhaal "
        "does not expand entities or fetch anything. REFI-QDA files need no DOCTYPE: remove "
        "it",
        LocationAt(doctype_at_));
    XML_StopParser(parser_, XML_FALSE);
  }

  void OnStart(const XML_Char* name) {
    ++depth_;
    if (depth_ == 1) {
      root_seen_ = true;
      found_.push_back({EventBegin(), EventEnd(), "", true});
      return;
    }
    if (capturing_) return;
    if (depth_ == 2) {
      const std::string_view local = LocalNameOf(name);
      if (local == "Cases" || local == "Sources") {
        section_ = std::string(local);
        return;
      }
      section_.clear();
    } else if (depth_ != 3 || section_.empty()) {
      return;
    }
    capturing_ = true;
    piece_depth_ = depth_;
    piece_begin_ = EventBegin();
    piece_end_ = EventEnd();
  }

  void OnEnd() {
    if (capturing_ && depth_ == piece_depth_) {
      capturing_ = false;
      found_.push_back(
          {piece_begin_, std::max(piece_end_, EventEnd()), depth_ == 2 ? "" : section_, false});
    }
    if (depth_ == 2) section_.clear();
    --depth_;
  }

  // Bytes [from, to) of the file, which are still in the buffer.
  std::string_view Bytes(uint64_t from, uint64_t to) const {
    return std::string_view(buffer_).substr(from - buffer_at_, to - from);
  }

  // Moves the line and column count forward to file offset `to`.
  void CountTo(uint64_t to) {
    if (to <= counted_) return;
    for (const char c : Bytes(counted_, to)) {
      if (c == '\n') {
        ++line_;
        column_ = 1;
        line_begin_ = counted_ + 1;
      } else if (!IsContinuation(c)) {
        ++column_;
      }
      ++counted_;
    }
  }

  // Cuts out the piece with the rest of its first and last lines (at most
  // kContextBytes each) and hands it on.
  void Deliver(const FoundPiece& found) {
    CountTo(found.begin);
    const uint64_t buffer_end = buffer_at_ + buffer_.size();
    const uint64_t from =
        std::max({line_begin_, buffer_at_,
                  found.begin > kContextBytes ? found.begin - kContextBytes : uint64_t{0}});
    // Step forward to a character boundary.
    uint64_t start = from;
    while (start < found.begin && IsContinuation(buffer_[start - buffer_at_])) ++start;
    uint64_t to = found.end;
    while (to < buffer_end && to - found.end < kContextBytes && buffer_[to - buffer_at_] != '\n') {
      ++to;
    }
    int hidden = 0;  // code points of the first line before `start`
    {
      int shown = 0;
      for (const char c : Bytes(start, found.begin)) shown += IsContinuation(c) ? 0 : 1;
      hidden = column_ - 1 - shown;
    }
    std::string text(Bytes(start, to));
    std::string piece_text;
    RefiXml::Piece piece;
    piece.begin = found.begin - start;
    piece.end = found.end - start;
    piece.line = line_;
    piece.column = hidden + 1;
    if (found.root) {
      // The start tag alone, closed: <Project ...> becomes <Project .../>.
      std::string tag(Bytes(found.begin, found.end));
      if (tag.size() < 2 || tag.compare(tag.size() - 2, 2, "/>") != 0) {
        tag.insert(tag.size() - 1, "/");
        text = std::string(Bytes(start, found.begin)) + tag;
        piece.end = text.size();
      }
      root_ = std::make_unique<RefiXml>(file_, std::move(text), piece);
      on_root_(*root_);
      return;
    }
    const RefiXml xml(file_, std::move(text), piece);
    on_piece_(RefiPiece{xml, found.section});
  }

  // Drops the bytes no piece will need: before the piece being read, or
  // before the last event while between pieces, keeping the current line's
  // last kContextBytes.
  void Trim() {
    // Outside a callback, expat's position is just past its last event;
    // bytes after it may be a token it has not finished.
    uint64_t keep = std::min(capturing_ ? piece_begin_ : EventBegin(), EventBegin());
    keep = keep > kContextBytes ? keep - kContextBytes : 0;
    if (keep <= buffer_at_) return;
    CountTo(keep);
    buffer_.erase(0, keep - buffer_at_);
    buffer_at_ = keep;
  }

  // kData, located, when `bytes` (the next chunk) is not UTF-8; a sequence
  // cut at the chunk's end is checked with the next chunk.
  void CheckUtf8(std::string_view bytes, bool last) {
    std::string joined = carry_ + std::string(bytes);
    size_t whole = joined.size();
    if (!last) {
      // Leave an incomplete sequence at the end for the next chunk.
      size_t back = 0;
      while (back < 3 && back < whole && IsContinuation(joined[whole - 1 - back])) ++back;
      if (back < whole) {
        const auto lead = static_cast<unsigned char>(joined[whole - 1 - back]);
        const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (length > back + 1) whole -= back + 1;
      }
    }
    const uint64_t at = buffer_at_ + buffer_.size() - carry_.size();
    try {
      ValidateUtf8(std::string_view(joined).substr(0, whole), Location{}, at);
    } catch (const Error& e) {
      // Locate it: the message holds the byte offset, the count is ours.
      const std::string& message = e.message();
      const size_t offset_at = message.find("byte offset ");
      uint64_t offset = at;
      if (offset_at != std::string::npos) {
        offset = std::stoull(message.substr(offset_at + 12));
      }
      buffer_.append(bytes.data(), bytes.size());
      throw DataError(message, LocationAt(offset));
    }
    carry_ = joined.substr(whole);
  }

  // Where file offset `at` (still in the buffer, not before the count) is.
  Location LocationAt(uint64_t at) const {
    const uint64_t end = buffer_at_ + buffer_.size();
    at = std::clamp(at, counted_, end);
    int line = line_;
    int column = column_;
    uint64_t line_begin = line_begin_;
    for (uint64_t i = counted_; i < at; ++i) {
      const char c = buffer_[i - buffer_at_];
      if (c == '\n') {
        ++line;
        column = 1;
        line_begin = i + 1;
      } else if (!IsContinuation(c)) {
        ++column;
      }
    }
    Location location{file_, line, column, ""};
    const uint64_t from =
        std::max({line_begin, buffer_at_, at > kContextBytes ? at - kContextBytes : uint64_t{0}});
    uint64_t to = at;
    while (to < end && to - at < kContextBytes && buffer_[to - buffer_at_] != '\n') ++to;
    // Shown as RefiXml shows a line: at most 100 code points around the column.
    const std::u32string code_points = DecodeUtf8Lenient(Bytes(from, to));
    size_t before = 0;
    for (const char c : Bytes(from, at)) before += IsContinuation(c) ? 0 : 1;
    const size_t hidden = static_cast<size_t>(column - 1) - before;
    const size_t col = static_cast<size_t>(column - 1);
    const size_t length = hidden + code_points.size();
    size_t first = 0;
    if (length > 100) {
      first = col > 25 ? col - 25 : 0;
      location.column = static_cast<int>(col - first + 1);
    }
    const size_t last = std::min(length, first + 100);
    for (size_t i = std::max(first, hidden); i < last; ++i) {
      AppendUtf8(location.text, code_points[i - hidden]);
    }
    if (!location.text.empty() && location.text.back() == '\r') location.text.pop_back();
    return location;
  }

  const std::string& file_;
  const ByteReader& read_;
  const std::function<void(const RefiXml&)>& on_root_;
  const std::function<void(const RefiPiece&)>& on_piece_;
  XML_Parser parser_ = nullptr;
  std::unique_ptr<RefiXml> root_;
  // The file's bytes from offset buffer_at_ on, as far as read.
  std::string buffer_;
  uint64_t buffer_at_ = 0;
  std::string carry_;  // a UTF-8 sequence cut at a chunk's end
  // Lines and columns counted up to offset counted_.
  uint64_t counted_ = 0;
  int line_ = 1;
  int column_ = 1;
  uint64_t line_begin_ = 0;
  // Where expat is.
  int depth_ = 0;
  std::string section_;  // "Cases" or "Sources" while inside one
  bool capturing_ = false;
  int piece_depth_ = 0;
  uint64_t piece_begin_ = 0;
  uint64_t piece_end_ = 0;  // of its start tag
  bool root_seen_ = false;
  uint64_t doctype_at_ = 0;
  std::optional<Error> refusal_;
  std::vector<FoundPiece> found_;
};

}  // namespace

void ReadRefiStream(const std::string& file, const ByteReader& read,
                    const std::function<void(const RefiXml& root)>& on_root,
                    const std::function<void(const RefiPiece& piece)>& on_piece) {
  Stream(file, read, on_root, on_piece).Run();
}

}  // namespace verhaal
