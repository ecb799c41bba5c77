// json_schema — a validator for the subset of JSON Schema draft 2020-12 that
// docs/schema/*.json use, so `build` can refuse to publish a document the
// schemas (and so the documentation) do not allow.
//
// Supported keywords: type (a name or a list; "integer" accepts 4.0 as JSON
// Schema does), required, properties, additionalProperties (a boolean or a
// schema), items (one schema for every element), pattern (ECMA-262, searched,
// not anchored), minLength/maxLength (in Unicode code points), minimum,
// maximum, enum, const, $ref to a JSON pointer inside the same document
// ("#/$defs/name"), $defs. Annotations (title, description, $schema, $id,
// $comment, examples, default, format) are accepted and do not validate
// (format is an annotation in 2020-12 unless a vocabulary says otherwise).
// Any other keyword is an error when the schema is compiled: a schema that
// grows a keyword this validator does not know must fail loudly, not be
// half-checked.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ingest {

struct SchemaViolation {
    std::string path;    // JSON pointer into the document: "/stories/3/id" ("" is the root)
    std::string rule;    // what failed, in words: "does not match the pattern ^[A-Z]{2}$"
    std::string where;   // the rule's place in the schema: "#/$defs/story/properties/id"

    std::string describe() const;  // "/stories/3/id: does not match … (schema #/$defs/…)"
};

class JsonSchema {
public:
    // Compiles a schema text. On failure ok() is false and error() says why
    // (not JSON, an unknown keyword and where, a $ref that leads nowhere, a
    // pattern that is not a regular expression).
    static JsonSchema compile(std::string_view schema_text);

    JsonSchema();
    ~JsonSchema();
    JsonSchema(JsonSchema&&) noexcept;
    JsonSchema& operator=(JsonSchema&&) noexcept;

    bool ok() const { return error_.empty() && root_ >= 0; }
    const std::string& error() const { return error_; }

    // Every violation, in document order, up to `limit` (then one more entry
    // saying how many were left out). Empty: the document is valid.
    std::vector<SchemaViolation> validate(const nlohmann::json& document, size_t limit = 20) const;

private:
    struct Node;
    struct Compiler;
    struct Checker;
    std::vector<Node> nodes_;
    int root_ = -1;
    std::string error_;
};

}  // namespace ingest
