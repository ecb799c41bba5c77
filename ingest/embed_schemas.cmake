# Writes OUT, a C++ file holding the API's JSON Schemas (docs/schema/*.json in
# DIR) as string constants, so `build` validates against the schemas it was
# compiled with, wherever the program runs. Run by ingest/CMakeLists.txt.
set(body "// Generated from docs/schema by ingest/embed_schemas.cmake; do not edit.\n")
string(APPEND body "#include \"api_schemas.hpp\"\n\nnamespace ingest {\n\n")
string(APPEND body "std::string_view api_schema_text(ApiDocument document) {\n    switch (document) {\n")
foreach(pair "Countries:countries" "StoryPage:stories" "Article:article" "Story:story")
  string(REPLACE ":" ";" parts "${pair}")
  list(GET parts 0 enumerator)
  list(GET parts 1 file)
  file(READ "${DIR}/${file}.schema.json" text)
  string(APPEND body "        case ApiDocument::${enumerator}:\n            return R\"NGSCHEMA(${text})NGSCHEMA\";\n")
endforeach()
string(APPEND body "    }\n    return {};\n}\n\n}  // namespace ingest\n")
file(WRITE "${OUT}.tmp" "${body}")
configure_file("${OUT}.tmp" "${OUT}" COPYONLY)  # touches OUT only when it changed
file(REMOVE "${OUT}.tmp")
