#include "exporters/zip_writer.h"

#include <zip.h>

#include "corpus/error.h"
#include "corpus/output_guard.h"

namespace verhaal {

void WriteZip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries) {
  CheckOutputFile(file);
  int code = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(ErrorKind::kCannotCreate, "cannot create " + file.string() + ": " + why +
                                              "; check that the folder exists and is writable");
  }
  for (const ZipEntry& entry : entries) {
    zip_source_t* source = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    if (source == nullptr ||
        zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) <
            0) {
      const std::string why = zip_strerror(archive);
      if (source != nullptr) zip_source_free(source);
      zip_discard(archive);
      throw Error(ErrorKind::kIo, "cannot add " + entry.name + " to " + file.string() + ": " + why);
    }
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    throw Error(ErrorKind::kIo, "cannot write " + file.string() + ": " + why +
                                    "; the disk may be full");
  }
}

}  // namespace verhaal
