# cmake --install: the verhaal binary, the module libraries and headers, and a
# package config so another project can find_package(verhaal) and link
# verhaal::corpus, verhaal::coding, ...
include(CMakePackageConfigHelpers)
get_property(modules GLOBAL PROPERTY VERHAAL_MODULES)
install(TARGETS verhaal RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ${modules} verhaal_stemmer verhaal_readstat
        EXPORT verhaalTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT verhaalTargets NAMESPACE verhaal::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/verhaal)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/verhaalConfig.cmake.in
  ${PROJECT_BINARY_DIR}/verhaalConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/verhaal)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/verhaalConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/verhaalConfig.cmake
              ${PROJECT_BINARY_DIR}/verhaalConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/verhaal)
