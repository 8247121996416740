# cmake --install: the verhaal binary, the module libraries and headers, and a
# package config so another project can find_package(verhaal) and link
# verhaal::corpus, verhaal::coding, ...
include(CMakePackageConfigHelpers)

# A consumer compiles the installed headers, so none may include a header
# that stays behind (one not in its module's INSTALL list, one marked
# "Private to MODULE/", or one of cli/).
get_property(public_headers GLOBAL PROPERTY VERHAAL_PUBLIC_HEADERS)
foreach(header ${public_headers})
  file(STRINGS ${header} includes REGEX "^#include \"[^\"]+\"")
  foreach(line ${includes})
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" included "${line}")
    if(NOT "${PROJECT_SOURCE_DIR}/${included}" IN_LIST public_headers)
      file(RELATIVE_PATH shown ${PROJECT_SOURCE_DIR} ${header})
      message(FATAL_ERROR "${shown} is installed but includes ${included}, which is not: "
                          "add ${included} to the INSTALL list of its module's CMakeLists.txt "
                          "(it becomes part of the library's API; remove a \"Private to\" "
                          "mark) or stop including it (a forward declaration, a smaller header)")
    endif()
  endforeach()
endforeach()
get_property(modules GLOBAL PROPERTY VERHAAL_MODULES)
# Components: "runtime" is the program (and, from VerhaalPackage.cmake, its
# documents), what the Debian package holds; "dev" the rest.
install(TARGETS verhaal RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(TARGETS ${modules} verhaal_stemmer verhaal_readstat
        EXPORT verhaalTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT dev
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(EXPORT verhaalTargets NAMESPACE verhaal::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/verhaal COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/verhaalConfig.cmake.in
  ${PROJECT_BINARY_DIR}/verhaalConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/verhaal)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/verhaalConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/verhaalConfig.cmake
              ${PROJECT_BINARY_DIR}/verhaalConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/verhaal COMPONENT dev)
