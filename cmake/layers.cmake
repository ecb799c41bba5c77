# The layers of src/, one static library per folder, lowest first:
#
#   core    plain C++: data, geometry, news, fetch policy     (native + wasm)
#   viewer  plain C++: the Viewer, state and behaviour        (native + wasm)
#   render  WebGL2: the globe and ImGui's draw lists
#   web     the browser's services and the page ABI
#   ui      Dear ImGui: everything drawn over the globe
#   main    the App: SDL window, input, the frame; the executable
#
# A layer links only layers below it (docs/architecture.md shows which), and
# sees only their headers: headers are included by layer ("core/world.hpp",
# "ui/ui.hpp"), and each layer's include root is a build-local folder holding
# one link, NAME -> src/NAME, that reaches a target only through linking. So
# an include of a layer above or beside fails the build:
#   fatal error: ui/ui.hpp: No such file or directory
set(NEWSGLOBE_LAYERS "${CMAKE_BINARY_DIR}/layers")

# Gives `target` the include root of layer `name`.
function(newsglobe_layer_headers target name)
  set(root "${NEWSGLOBE_LAYERS}/${name}")
  if(NOT EXISTS "${root}/${name}")
    file(MAKE_DIRECTORY "${root}")
    file(CREATE_LINK "${CMAKE_SOURCE_DIR}/src/${name}" "${root}/${name}" SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC "${root}")
endfunction()

# newsglobe_layer(NAME [PUBLIC|PRIVATE libs...]): the library newsglobe_NAME
# of src/NAME/*.cpp, linking the given layers and libraries.
function(newsglobe_layer name)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/${name}/*.cpp")
  add_library(newsglobe_${name} STATIC ${sources})
  newsglobe_layer_headers(newsglobe_${name} ${name})
  if(ARGN)
    target_link_libraries(newsglobe_${name} ${ARGN})
  endif()
  # The app runs without exceptions; no layer may depend on them.
  target_compile_options(newsglobe_${name} PRIVATE -fno-exceptions)
endfunction()
