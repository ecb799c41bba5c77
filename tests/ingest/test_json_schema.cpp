// The build step's JSON Schema validator: every keyword docs/schema uses
// checks what it should, a schema it cannot fully check is refused, and the
// API's own schemas accept the documented example and the sample API.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "api_schemas.hpp"
#include "core/json_util.hpp"
#include "json_schema.hpp"
#include "scratch_files.hpp"


using namespace ingest;
using testing_support::read;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> violations(const JsonSchema& schema, std::string_view doc) {
    std::vector<std::string> out;
    for (const SchemaViolation& v : schema.validate(ng::json_util::parse(doc))) out.push_back(v.describe());
    return out;
}

JsonSchema compiled(std::string_view text) {
    JsonSchema s = JsonSchema::compile(text);
    EXPECT_TRUE(s.ok()) << s.error();
    return s;
}

}  // namespace

TEST(JsonSchema, TypesRequiredAndProperties) {
    JsonSchema s = compiled(R"({"type":"object","required":["n","name"],
        "properties":{"n":{"type":"integer","minimum":0},"name":{"type":["string","null"],"minLength":2}}})");
    EXPECT_TRUE(violations(s, R"({"n":4,"name":"ab"})").empty());
    EXPECT_TRUE(violations(s, R"({"n":4.0,"name":null})").empty());  // 4.0 is an integer in JSON Schema
    EXPECT_EQ(violations(s, R"({"n":4.5,"name":"ab"})"),
              (std::vector<std::string>{"/n: is number, expected integer (schema #/properties/n/type)"}));
    EXPECT_EQ(violations(s, R"({"n":-1})"),
              (std::vector<std::string>{"(document): lacks the required field \"name\" (schema #/required)",
                                        "/n: is -1, less than the minimum 0.0 (schema #/properties/n/minimum)"}));
    EXPECT_EQ(violations(s, R"([1])"), (std::vector<std::string>{"(document): is array, expected object (schema #/type)"}));
    // minLength counts characters, not bytes: "é" is one character of two bytes.
    EXPECT_EQ(violations(s, R"({"n":1,"name":"é"})").size(), 1u);
    EXPECT_TRUE(violations(s, R"({"n":1,"name":"éé"})").empty());
}

TEST(JsonSchema, PatternsAreSearchedAndLongStringsDoNotCrash) {
    JsonSchema s = compiled(R"({"type":"string","pattern":"^[Hh][Tt][Tt][Pp][Ss]?://[^\\s@/?#\\\\]+([/?#][^\\s\\\\]*)?$"})");
    EXPECT_TRUE(violations(s, R"("https://a.example/x")").empty());
    EXPECT_EQ(violations(s, R"("https://a.example/x y")").size(), 1u);
    EXPECT_EQ(violations(s, R"("https://user@a.example/")").size(), 1u);
    // A megabyte-long link: the default std::regex matcher would overflow the stack.
    std::string big = "\"https://a.example/" + std::string(1 << 20, 'x') + "\"";
    EXPECT_TRUE(violations(s, big).empty());
    JsonSchema unanchored = compiled(R"({"pattern":"b"})");
    EXPECT_TRUE(violations(unanchored, R"("abc")").empty());
    EXPECT_TRUE(violations(unanchored, "5").empty());  // pattern applies to strings only
}

TEST(JsonSchema, ItemsEnumConstAndClosedObjects) {
    JsonSchema s = compiled(R"({"type":"object","properties":{
        "v":{"const":1},"mode":{"enum":["excerpt","full",null]},
        "list":{"type":"array","items":{"type":"string"}}},
        "additionalProperties":false})");
    EXPECT_TRUE(violations(s, R"({"v":1,"mode":null,"list":["a","b"]})").empty());
    EXPECT_EQ(violations(s, R"({"v":2,"mode":"teaser","list":["a",3],"extra":true})"),
              (std::vector<std::string>{
                  "/extra: is a field the schema does not allow (schema #/additionalProperties)",
                  "/list/1: is integer, expected string (schema #/properties/list/items/type)",
                  "/mode: is \"teaser\", not one of [\"excerpt\",\"full\",null] (schema #/properties/mode/enum)",
                  "/v: is 2, expected 1 (schema #/properties/v/const)"}));
    JsonSchema typed_rest = compiled(R"({"additionalProperties":{"type":"integer"}})");
    EXPECT_EQ(violations(typed_rest, R"({"a":1,"b":"x"})").size(), 1u);
}

TEST(JsonSchema, RefsReachDefsAndMayRecurse) {
    JsonSchema s = compiled(R"({"$ref":"#/$defs/node","$defs":{"node":{"type":"object","required":["name"],
        "properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}}})");
    EXPECT_TRUE(violations(s, R"({"name":"a","children":[{"name":"b","children":[{"name":"c"}]}]})").empty());
    EXPECT_EQ(violations(s, R"({"name":"a","children":[{"name":"b","children":[{}]}]})"),
              (std::vector<std::string>{
                  "/children/0/children/0: lacks the required field \"name\" (schema #/$defs/node/required)"}));
}

TEST(JsonSchema, SchemasItCannotFullyCheckAreRefused) {
    EXPECT_EQ(JsonSchema::compile(R"({"properties":{"a":{"oneOf":[{"type":"string"}]}}})").error(),
              "Schema #/properties/a/oneOf: uses the keyword \"oneOf\", which this validator does not support.");
    EXPECT_EQ(JsonSchema::compile(R"({"$ref":"#/$defs/missing"})").error(),
              "Schema #/$ref: points nowhere in this document (only \"#/…\" pointers are supported).");
    EXPECT_NE(JsonSchema::compile(R"({"pattern":"(["})").error().find("is not a regular expression"), std::string::npos);
    EXPECT_EQ(JsonSchema::compile(R"({"type":"text"})").error(), "Schema #/type: names an unknown type.");
    EXPECT_EQ(JsonSchema::compile("not json").error(), "The schema is not JSON.");
    JsonSchema broken = JsonSchema::compile("{");
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.validate(json::object()).size(), 1u);  // never "valid" by accident
}

TEST(JsonSchema, ManyViolationsAreCappedWithACount) {
    JsonSchema s = compiled(R"({"items":{"type":"string"}})");
    std::vector<SchemaViolation> v = s.validate(json::array({1, 2, 3, 4, 5}), 2);
    ASSERT_EQ(v.size(), 3u);
    EXPECT_EQ(v[2].rule, "and 3 more violations");
}

// The API's schemas compile, and the documented example article passes.
TEST(ApiSchemas, CompileAndAcceptTheDocumentedExamples) {
    for (ApiDocument d : {ApiDocument::Countries, ApiDocument::StoryPage, ApiDocument::Article, ApiDocument::Story})
        EXPECT_TRUE(api_schema(d).ok()) << api_schema(d).error();
    std::string api_md = read(fs::path(NEWSGLOBE_SOURCE_DIR) / "docs/api.md");
    // Every ```json block of docs/api.md that is a whole document.
    int checked = 0;
    for (size_t at = api_md.find("```json\n"); at != std::string::npos; at = api_md.find("```json\n", at + 1)) {
        size_t start = at + 8, end = api_md.find("```", start);
        json doc = ng::json_util::parse(std::string_view(api_md).substr(start, end - start));
        if (doc.is_discarded()) continue;  // examples with "…" elisions are illustrations
        ApiDocument kind = doc.contains("articles")    ? ApiDocument::Story
                           : doc.contains("countries") ? ApiDocument::Countries
                           : doc.contains("stories")   ? ApiDocument::StoryPage
                                                       : ApiDocument::Article;
        for (const SchemaViolation& v : api_schema(kind).validate(doc)) ADD_FAILURE() << v.describe();
        ++checked;
    }
    EXPECT_GE(checked, 2);
}

TEST(ApiSchemas, BrokenFixturesAreCaughtWithPathAndRule) {
    json countries = ng::json_util::parse(read(fs::path(NEWSGLOBE_SOURCE_DIR) / "tests/fixtures/api/countries_wrong_types.json"));
    std::vector<SchemaViolation> v = api_schema(ApiDocument::Countries).validate(countries);
    ASSERT_FALSE(v.empty());
    bool story_count_named = false;
    for (const SchemaViolation& x : v) story_count_named |= x.where == "#/$defs/country/properties/story_count/type";
    EXPECT_TRUE(story_count_named) << v[0].describe();
}

// The sample API the build generates satisfies the schemas it documents.
TEST(ApiSchemas, GeneratedSampleApiIsValid) {
    fs::path api = fs::path(NEWSGLOBE_SITE_DIR) / "api/v1";
    if (!fs::exists(api / "countries.json")) GTEST_SKIP() << "no generated sample API in " << api;
    int documents = 0;
    for (const auto& entry : fs::recursive_directory_iterator(api)) {
        if (entry.path().extension() != ".json") continue;
        std::string name = entry.path().filename().string();
        std::string folder = entry.path().parent_path().filename().string();
        ApiDocument kind = name == "countries.json"            ? ApiDocument::Countries
                           : name.rfind("stories-", 0) == 0 ? ApiDocument::StoryPage
                           : folder == "stories"            ? ApiDocument::Story
                                                             : ApiDocument::Article;
        for (const SchemaViolation& v : api_schema(kind).validate(ng::json_util::parse(read(entry.path()))))
            ADD_FAILURE() << entry.path() << ": " << v.describe();
        ++documents;
    }
    EXPECT_GT(documents, 500);
}
