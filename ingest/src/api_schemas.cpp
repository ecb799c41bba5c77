#include "api_schemas.hpp"

namespace ingest {

const JsonSchema& api_schema(ApiDocument document) {
    static const JsonSchema countries = JsonSchema::compile(api_schema_text(ApiDocument::Countries));
    static const JsonSchema stories = JsonSchema::compile(api_schema_text(ApiDocument::StoryPage));
    static const JsonSchema article = JsonSchema::compile(api_schema_text(ApiDocument::Article));
    static const JsonSchema story = JsonSchema::compile(api_schema_text(ApiDocument::Story));
    switch (document) {
        case ApiDocument::Countries: return countries;
        case ApiDocument::StoryPage: return stories;
        case ApiDocument::Article: return article;
        case ApiDocument::Story: return story;
    }
    return article;
}

}  // namespace ingest
