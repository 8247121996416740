// The workbench page's files (workbench/web/), compiled into the binary by
// workbench/embed_web.cmake, or read from a folder on disk when the
// environment variable VERHAAL_WEB_DIR names one (for developing the page
// without rebuilding; docs/serve.md).
// Private to workbench/.
#ifndef VERHAAL_WORKBENCH_WEB_FILES_H_
#define VERHAAL_WORKBENCH_WEB_FILES_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

struct WebFile {
  std::string_view path;   // relative to workbench/web, e.g. "views/story.js"
  std::string_view bytes;  // static storage
};

// Every compiled-in file, in path order.
std::span<const WebFile> EmbeddedWebFiles();

// The content type to serve `path` with, by its extension
// ("application/octet-stream" for unknown ones).
std::string_view ContentTypeOf(std::string_view path);

// The bytes of the page file at `path` ("" means index.html): from
// VERHAAL_WEB_DIR when set, else compiled in. nullopt when there is no such
// file or the path tries to leave the folder ("..", absolute).
std::optional<std::string> ReadWebFile(std::string_view path);

// The paths of the page's ES modules (every compiled-in .js file but
// app.js, which index.html loads itself), in path order: index.html names
// them as <link rel="modulepreload"> so that the browser fetches them all at
// once instead of import by import.
std::vector<std::string_view> WebModulePaths();

}  // namespace verhaal

#endif  // VERHAAL_WORKBENCH_WEB_FILES_H_
