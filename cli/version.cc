#include "cli/version.h"

#include <hs/hs_common.h>
#include <httplib.h>
#include <openssl/crypto.h>
#include <sodium/version.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <boost/version.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "corpus/libraries.h"

namespace verhaal {
namespace {

std::string Dotted(int major, int minor, int patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

// Hyperscan's hs_version() is "5.4.0 2023-01-01": the version before the date.
std::string FirstWord(const char* text) {
  const std::string all(text);
  return all.substr(0, all.find(' '));
}

}  // namespace

std::vector<std::pair<std::string, std::string>> LibraryVersions() {
  return {
      {"SQLite", SqliteVersion()},
      {"SQLiteCpp", SqliteCppVersion()},
      {"ICU", IcuVersion()},
      {"Boost", Dotted(BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100)},
      {"yaml-cpp", VERHAAL_YAML_CPP_VERSION},
      {"nlohmann-json", Dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                               NLOHMANN_JSON_VERSION_PATCH)},
      {"Hyperscan", FirstWord(hs_version())},
      {"ReadStat", VERHAAL_READSTAT_VERSION},
      {"libzip", zip_libzip_version()},
      // 1130 is 1.13.
      {"pugixml",
       std::to_string(PUGIXML_VERSION / 1000) + "." + std::to_string(PUGIXML_VERSION / 10 % 100)},
      {"libxlsxwriter", LXW_VERSION},
      {"libsodium", sodium_version_string()},
      {"cpp-httplib", CPPHTTPLIB_VERSION},
      {"OpenSSL", OpenSSL_version(OPENSSL_VERSION_STRING)},
  };
}

std::string VersionText() {
  std::string text = "verhaal " VERHAAL_VERSION "\nbuilt with:\n";
  for (const auto& [library, version] : LibraryVersions()) {
    text += "  " + library + std::string(16 - library.size(), ' ') + version + "\n";
  }
  return text;
}

}  // namespace verhaal
