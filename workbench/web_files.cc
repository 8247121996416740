#include "workbench/web_files.h"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace verhaal {
namespace {

bool SafePath(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) {
    return false;
  }
  for (const auto& part : std::filesystem::path(path)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

}  // namespace

std::string_view ContentTypeOf(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (path.size() >= extension.size() &&
        path.substr(path.size() - extension.size()) == extension) {
      return type;
    }
  }
  return "application/octet-stream";
}

std::optional<std::string> ReadWebFile(std::string_view path) {
  const std::string_view wanted = path.empty() ? std::string_view("index.html") : path;
  if (!SafePath(wanted)) return std::nullopt;
  if (const char* dir = std::getenv("VERHAAL_WEB_DIR"); dir != nullptr && *dir != '\0') {
    const std::filesystem::path file = std::filesystem::path(dir) / std::string(wanted);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) return std::nullopt;
    return bytes.str();
  }
  for (const WebFile& file : EmbeddedWebFiles()) {
    if (file.path == wanted) return std::string(file.bytes);
  }
  return std::nullopt;
}

std::vector<std::string_view> WebModulePaths() {
  std::vector<std::string_view> paths;
  for (const WebFile& file : EmbeddedWebFiles()) {
    if (file.path.ends_with(".js") && file.path != "app.js") paths.push_back(file.path);
  }
  return paths;
}

}  // namespace verhaal
