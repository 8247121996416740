# verhaal_module(NAME DEPS...): one library target per module folder, built
# from every .cc file in the folder, exported as verhaal::NAME. Headers sit at
# the folder's top and are included as "NAME/header.h".
#
# The module's public headers are installed under include/verhaal/NAME/, so
# that a consumer includes "NAME/header.h" as verhaal does. A header whose
# first comment says "Private to NAME/" is the module's own and is not
# installed; VerhaalInstall.cmake checks that no installed header includes
# one. (Read at configure time: after marking a header private, run cmake
# again.)
function(verhaal_module name)
  cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE" ${ARGN})
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
  foreach(header ${headers})
    # The header's first comment, its lines joined: the marker may wrap.
    file(READ ${header} head LIMIT 2000)
    string(REGEX MATCH "^(//[^\n]*\n)+" comment "${head}")
    string(REGEX REPLACE "\n// ?" " " comment "${comment}")
    if(NOT comment MATCHES "[Pp]rivate to ${name}/")
      list(APPEND public_headers ${header})
    endif()
  endforeach()
  install(FILES ${public_headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/verhaal/${name}
          COMPONENT dev)
  set_property(GLOBAL APPEND PROPERTY VERHAAL_MODULES verhaal_${name})
  set_property(GLOBAL APPEND PROPERTY VERHAAL_PUBLIC_HEADERS ${public_headers})
endfunction()
