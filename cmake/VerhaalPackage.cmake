# cpack -G DEB (from the build folder): verhaal_VERSION_ARCH.deb with the
# verhaal program, its documents and the example study, for researchers who
# should not need to compile. Only the "runtime" component goes in; the
# libraries, headers and CMake package ("dev") stay for cmake --install.
# Depends is computed by dpkg-shlibdeps (Debian package dpkg-dev, which
# scripts/bootstrap installs) from the libraries the binary loads.
install(FILES README.md LICENSE CHANGELOG.md CONTRIBUTING.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs COMPONENT runtime)
install(DIRECTORY examples/statushouders DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        COMPONENT runtime)

set(CPACK_PACKAGE_NAME verhaal)
set(CPACK_PACKAGE_VENDOR "verhaal")
set(CPACK_PACKAGE_CONTACT "verhaal maintainers <maintainers@users.noreply.h-seed-99937945.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "toolkit for narrative research (stories, coding, matrices)")
set(CPACK_PACKAGE_DESCRIPTION
    "verhaal keeps a narrative study in one project file: stories, respondents, \
self-signification, a codebook and codings. It imports CSV, story folders, transcripts, \
SenseMaker, Spryng and REFI-QDA, codes by hand, in the browser workbench or by rules, and \
writes matrices with statistics, summaries, an HTML report, inter-coder agreement and SPSS, \
Stata, Excel and REFI-QDA exports. The example study is in /usr/share/doc/verhaal/examples.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)  # the debug information stays in build/cli/verhaal
set(CPACK_COMPONENTS_ALL runtime)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_PACKAGE_NAME verhaal)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # verhaal_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# pseudonymise reads Debian's Dutch word list at run time.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS wdutch)
include(CPack)
