// Story folders (docs/story-folders.md): every .txt and .md file in a folder
// is one story; the file name (without extension) is its key. A file may
// start with YAML front matter between two "---" lines that sets key,
// respondent, role, kind, wave, date, language and title; any other key
// becomes a text variable of the story.
#ifndef VERHAAL_IMPORTERS_STORY_FOLDER_H_
#define VERHAAL_IMPORTERS_STORY_FOLDER_H_

#include <filesystem>
#include <string>

#include "corpus/project.h"
#include "importers/import_report.h"

namespace verhaal {

// Defaults for the files whose front matter does not say.
struct StoryFolderOptions {
  std::string role;
  std::string kind = "experience";
  std::string language;
  std::string encoding;  // empty: guessed per file (importers/encoding.h)
};

// Imports the folder's files in name order (not its subfolders). kMissing
// when `folder` does not exist; kData (located in the file) for malformed
// front matter, an unknown front-matter value, a bad wave or date, empty
// text, a key used twice; kData when the folder holds no story files.
ImportReport ImportStoryFolder(Project& project, const std::filesystem::path& folder,
                               const StoryFolderOptions& defaults, const ImportOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_STORY_FOLDER_H_
