// api_schemas — the JSON Schemas of docs/schema/ compiled into the program
// (ingest/embed_schemas.cmake), so every document `build` publishes is
// checked against the schemas of the version it was built from.
#pragma once
#include <string_view>

#include "json_schema.hpp"

namespace ingest {

enum class ApiDocument { Countries, StoryPage, Article, Story };

// The schema's text, as in docs/schema/{countries,stories,article,story}.schema.json.
std::string_view api_schema_text(ApiDocument document);

// The compiled schema (compiled once, on first use).
const JsonSchema& api_schema(ApiDocument document);

}  // namespace ingest
