# verhaal_module(NAME [PUBLIC DEPS...] [PRIVATE DEPS...] [INSTALL HEADERS...]):
# one library target per module folder, built from every .cc file in the
# folder, exported as verhaal::NAME. Headers sit at the folder's top and are
# included as "NAME/header.h".
#
# The library's API is the headers listed after INSTALL (file names in the
# folder): they are installed under include/verhaal/NAME/, so that a
# consumer includes "NAME/header.h" as verhaal does; every other header
# stays behind, whether other modules include it (the rule engine's stages,
# the import's StoryImporter) or it says "Private to NAME/" in its first
# comment (only its own module includes it; listing such a header is an
# error). VerhaalInstall.cmake checks that no installed header includes one
# that stays behind. docs/design.md, "The public API", lists them.
function(verhaal_module name)
  cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE;INSTALL" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  file(GLOB headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  if(NOT sources)  # a module still being written: keep the target linkable
    set(sources ${CMAKE_CURRENT_BINARY_DIR}/empty.cc)
    file(WRITE ${sources} "// ${name} has no sources yet\n")
  endif()
  add_library(verhaal_${name} STATIC ${sources} ${headers})
  add_library(verhaal::${name} ALIAS verhaal_${name})
  set_target_properties(verhaal_${name} PROPERTIES EXPORT_NAME ${name}
                        POSITION_INDEPENDENT_CODE ON)
  target_include_directories(verhaal_${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/verhaal>)
  target_link_libraries(verhaal_${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
  set(public_headers)
  foreach(listed ${ARG_INSTALL})
    set(header ${CMAKE_CURRENT_SOURCE_DIR}/${listed})
    if(NOT EXISTS ${header})
      message(FATAL_ERROR "${name}/CMakeLists.txt installs ${listed}, which is not in ${name}/")
    endif()
    # The header's first comment, its lines joined: the marker may wrap.
    file(READ ${header} head LIMIT 2000)
    string(REGEX MATCH "^(//[^\n]*\n)+" comment "${head}")
    string(REGEX REPLACE "\n// ?" " " comment "${comment}")
    if(comment MATCHES "[Pp]rivate to ${name}/")
      message(FATAL_ERROR "${name}/CMakeLists.txt installs ${listed}, which says it is private "
                          "to ${name}/")
    endif()
    list(APPEND public_headers ${header})
  endforeach()
  if(public_headers)  # privacy and workbench install none
    install(FILES ${public_headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/verhaal/${name}
            COMPONENT dev)
  endif()
  set_property(GLOBAL APPEND PROPERTY VERHAAL_MODULES verhaal_${name})
  set_property(GLOBAL APPEND PROPERTY VERHAAL_PUBLIC_HEADERS ${public_headers})
endfunction()
