# Every third-party library named in DESIGN.md, found once for all modules.
# scripts/bootstrap installs the Debian packages that provide them.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n icu-io)
find_package(SQLite3 REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET libhs)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
find_package(ZLIB REQUIRED)
pkg_check_modules(ISAL REQUIRED IMPORTED_TARGET libisal)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
find_package(pugixml REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(verhaal_stemmer INTERFACE)
target_include_directories(verhaal_stemmer INTERFACE ${STEMMER_INCLUDE_DIR})
target_link_libraries(verhaal_stemmer INTERFACE ${STEMMER_LIBRARY})

find_path(READSTAT_INCLUDE_DIR readstat.h REQUIRED)
find_library(READSTAT_LIBRARY readstat REQUIRED)
add_library(verhaal_readstat INTERFACE)
target_include_directories(verhaal_readstat INTERFACE ${READSTAT_INCLUDE_DIR})
target_link_libraries(verhaal_readstat INTERFACE ${READSTAT_LIBRARY})

# The workbench server (`verhaal serve`): Debian's cpp-httplib is a compiled
# library built with OpenSSL (its pkg-config file defines
# CPPHTTPLIB_OPENSSL_SUPPORT), so HTTPS needs nothing more here.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(OpenSSL REQUIRED)
