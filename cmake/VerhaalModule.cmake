# verhaal_module(NAME DEPS...): one library target per module folder, built
# from every .cc file in the folder, exported as verhaal::NAME. Public headers
# sit at the folder's top and are included as "NAME/header.h".
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
  install(FILES ${headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/verhaal/${name})
  set_property(GLOBAL APPEND PROPERTY VERHAAL_MODULES verhaal_${name})
endfunction()
