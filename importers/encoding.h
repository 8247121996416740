// Character encodings of input files. verhaal reads UTF-8 (with or without a
// byte order mark); files from older Excel versions are often Windows-1252 or
// Latin-1 and are converted to UTF-8 with ICU while streaming.
#ifndef VERHAAL_IMPORTERS_ENCODING_H_
#define VERHAAL_IMPORTERS_ENCODING_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "importers/byte_source.h"

namespace verhaal {

// True for the names of UTF-8 ("utf-8", "UTF8", ...), which needs no
// conversion (but is validated by the readers).
bool IsUtf8EncodingName(std::string_view encoding);

// Wraps `source` so that it yields UTF-8 converted from `encoding` (any name
// ICU knows: "windows-1252", "latin-1", "iso-8859-15", ...). For UTF-8 it
// returns `source` itself. Throws a kUsage Error for an unknown encoding,
// naming the common ones.
std::unique_ptr<ByteSource> DecodeToUtf8(std::unique_ptr<ByteSource> source,
                                         std::string_view encoding);

// The whole of a (small) text file as UTF-8: converted from `encoding`,
// without a UTF-8 byte order mark. Not validated: NormalizeText does that.
// kMissing / kIo as OpenFileSource.
std::string ReadTextFile(const std::filesystem::path& file, std::string_view encoding);

// What a file's bytes say about its encoding, for a file whose encoding
// nobody named: "utf-16" after a UTF-16 byte order mark, "utf-8" when every
// byte sequence is valid UTF-8 (with or without its byte order mark), else
// "windows-1252", which Excel on Windows writes (and which reads Latin-1 text
// the same, bar the rarely used bytes 0x80-0x9F). Reads the whole file once,
// in chunks. `evidence` says why, for the warning (empty for UTF-8): the
// first byte that is not UTF-8, with its line and column.
struct GuessedEncoding {
  std::string name;  // a name DecodeToUtf8 takes
  std::string evidence;
};
GuessedEncoding GuessEncoding(const std::filesystem::path& file);

// The encoding to read `file` with: `named` (from --encoding or a mapping)
// when it is not empty; else the guess, with a warning appended to
// `warnings` when the guess is not UTF-8 that says what was assumed and how
// to name another.
std::string EncodingFor(const std::filesystem::path& file, std::string_view named,
                        std::vector<std::string>& warnings);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_ENCODING_H_
