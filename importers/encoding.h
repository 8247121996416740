// Character encodings of input files. verhaal reads UTF-8 (with or without a
// byte order mark); files from older Excel versions are often Windows-1252 or
// Latin-1 and are converted to UTF-8 with ICU while streaming.
#ifndef VERHAAL_IMPORTERS_ENCODING_H_
#define VERHAAL_IMPORTERS_ENCODING_H_

#include <memory>
#include <string>
#include <string_view>

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

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_ENCODING_H_
