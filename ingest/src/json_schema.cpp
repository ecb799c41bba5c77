#include "json_schema.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "core/json_util.hpp"

namespace ingest {
using nlohmann::json;
namespace ju = ng::json_util;

namespace {

enum TypeBit : unsigned {
    kNull = 1, kBoolean = 2, kObject = 4, kArray = 8, kNumber = 16, kString = 32, kInteger = 64,
};

const std::map<std::string, unsigned>& type_names() {
    static const std::map<std::string, unsigned> names = {
        {"null", kNull},     {"boolean", kBoolean}, {"object", kObject},   {"array", kArray},
        {"number", kNumber}, {"string", kString},   {"integer", kInteger},
    };
    return names;
}

// Keywords that only annotate.
const std::set<std::string>& annotations() {
    static const std::set<std::string> names = {"$schema", "$id",      "$comment", "title",
                                                "description", "examples", "default",  "format"};
    return names;
}

bool is_integer(const json& v) {
    if (v.is_number_integer()) return true;
    if (!v.is_number_float()) return false;
    double d = v.get<double>();
    return std::isfinite(d) && std::floor(d) == d;
}

const char* type_of(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "boolean";
        case json::value_t::object: return "object";
        case json::value_t::array: return "array";
        case json::value_t::string: return "string";
        default: return is_integer(v) ? "integer" : "number";
    }
}

bool has_type(const json& v, unsigned types) {
    if (types == 0) return true;
    switch (v.type()) {
        case json::value_t::null: return types & kNull;
        case json::value_t::boolean: return types & kBoolean;
        case json::value_t::object: return types & kObject;
        case json::value_t::array: return types & kArray;
        case json::value_t::string: return types & kString;
        default: return (types & kNumber) || ((types & kInteger) && is_integer(v));
    }
}

std::string type_list(unsigned types) {
    std::string out;
    for (const auto& [name, bit] : type_names())
        if (types & bit) out += (out.empty() ? "" : " or ") + name;
    return out;
}

size_t code_points(const std::string& s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// JSON pointer escaping (RFC 6901).
std::string escape_token(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

std::string unescape_token(const std::string& token) {
    std::string out;
    for (size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

// The value a "#/a/b" pointer names inside `root`, or nullptr.
const json* resolve_pointer(const json& root, const std::string& ref) {
    if (ref.rfind('#', 0) != 0) return nullptr;
    const json* at = &root;
    size_t pos = 1;
    while (pos < ref.size()) {
        if (ref[pos] != '/') return nullptr;
        size_t next = ref.find('/', pos + 1);
        std::string token = unescape_token(ref.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1));
        if (at->is_object()) {
            auto it = at->find(token);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
                   token.size() < 10 && std::stoul(token) < at->size()) {
            at = &(*at)[std::stoul(token)];
        } else {
            return nullptr;
        }
        pos = next == std::string::npos ? ref.size() : next;
    }
    return at;
}

std::string shorten(const std::string& s, size_t max) {
    if (code_points(s) <= max) return s;
    std::string out;
    size_t n = 0;
    for (size_t i = 0; i < s.size() && n < max; ++n) {
        size_t len = 1;
        while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
        out += s.substr(i, len);
        i += len;
    }
    return out + "…";
}

std::string dump(const json& v) { return shorten(v.dump(-1, ' ', false, json::error_handler_t::replace), 80); }

}  // namespace

struct JsonSchema::Node {
    std::string where;
    bool never = false;           // the schema `false`
    unsigned types = 0;           // 0: any type
    std::vector<std::string> required;
    std::vector<std::pair<std::string, int>> properties;
    bool closed = false;          // additionalProperties: false
    int additional = -1;          // additionalProperties as a schema
    int items = -1;
    std::string pattern_text;
    std::shared_ptr<const std::regex> pattern;
    std::optional<size_t> min_length, max_length;
    std::optional<double> minimum, maximum;
    std::optional<json> constant;
    std::vector<json> one_of_values;  // enum
    int ref = -1;
};

// ---- compiling ----------------------------------------------------------------

struct JsonSchema::Compiler {
    const json& root;
    std::vector<Node>& nodes;
    std::map<std::string, int> by_pointer;  // compiled nodes, so $ref cycles end
    std::string error;

    int fail(const std::string& where, const std::string& what) {
        if (error.empty()) error = "Schema " + where + ": " + what + ".";
        return -1;
    }

    bool refuse(const std::string& where, const std::string& what) {
        fail(where, what);
        return false;
    }

    int compile(const json& schema, const std::string& where) {
        if (auto it = by_pointer.find(where); it != by_pointer.end()) return it->second;
        int index = static_cast<int>(nodes.size());
        nodes.emplace_back();
        nodes[index].where = where;
        by_pointer[where] = index;
        if (schema.is_boolean()) {
            nodes[index].never = !schema.get<bool>();
            return index;
        }
        if (!schema.is_object()) return fail(where, "is neither an object nor a boolean");
        for (const auto& [key, value] : schema.items()) {
            if (!keyword(index, key, value, where)) return -1;
        }
        return index;
    }

    // Compiles one keyword into nodes[index] (re-indexed after every nested
    // compile: the vector may have moved).
    bool keyword(int index, const std::string& key, const json& value, const std::string& where) {
        std::string at = where + "/" + escape_token(key);
        if (annotations().count(key)) return true;
        if (key == "type") {
            unsigned types = 0;
            std::vector<json> names = value.is_array() ? std::vector<json>(value.begin(), value.end()) : std::vector<json>{value};
            for (const json& n : names) {
                auto name = ju::as_string(&n);
                auto it = name ? type_names().find(std::string(*name)) : type_names().end();
                if (it == type_names().end()) return refuse(at, "names an unknown type");
                types |= it->second;
            }
            nodes[index].types = types;
        } else if (key == "required") {
            if (!value.is_array()) return refuse(at, "is not a list");
            for (const json& n : value) {
                if (!n.is_string()) return refuse(at, "lists something that is not a field name");
                nodes[index].required.push_back(n.get<std::string>());
            }
        } else if (key == "properties") {
            if (!value.is_object()) return refuse(at, "is not an object");
            for (const auto& [name, sub] : value.items()) {
                int child = compile(sub, at + "/" + escape_token(name));
                if (child < 0) return false;
                nodes[index].properties.emplace_back(name, child);
            }
        } else if (key == "additionalProperties") {
            if (value.is_boolean()) {
                nodes[index].closed = !value.get<bool>();
            } else {
                int child = compile(value, at);
                if (child < 0) return false;
                nodes[index].additional = child;
            }
        } else if (key == "items") {
            int child = compile(value, at);
            if (child < 0) return false;
            nodes[index].items = child;
        } else if (key == "pattern") {
            if (!value.is_string()) return refuse(at, "is not a string");
            nodes[index].pattern_text = value.get<std::string>();
            try {
                // libstdc++'s default matcher recurses once per character and
                // overflows the stack on long strings; its polynomial (NFA)
                // matcher does not, and our patterns need no back-references.
                auto flags = std::regex::ECMAScript;
#if defined(__GLIBCXX__)
                flags |= std::regex_constants::__polynomial;
#endif
                nodes[index].pattern = std::make_shared<const std::regex>(nodes[index].pattern_text, flags);
            } catch (const std::regex_error& e) {
                return refuse(at, std::string("is not a regular expression this validator can use (") + e.what() + ")");
            }
        } else if (key == "minLength" || key == "maxLength") {
            auto n = ju::as_int(&value);
            if (!n || *n < 0) return refuse(at, "is not a whole number of at least 0");
            (key == "minLength" ? nodes[index].min_length : nodes[index].max_length) = static_cast<size_t>(*n);
        } else if (key == "minimum" || key == "maximum") {
            if (!value.is_number()) return refuse(at, "is not a number");
            (key == "minimum" ? nodes[index].minimum : nodes[index].maximum) = value.get<double>();
        } else if (key == "enum") {
            if (!value.is_array() || value.empty()) return refuse(at, "is not a non-empty list");
            nodes[index].one_of_values.assign(value.begin(), value.end());
        } else if (key == "const") {
            nodes[index].constant = value;
        } else if (key == "$ref") {
            auto ref = ju::as_string(&value);
            const json* target = ref ? resolve_pointer(root, std::string(*ref)) : nullptr;
            if (!target) return refuse(at, "points nowhere in this document (only \"#/…\" pointers are supported)");
            int child = compile(*target, std::string(*ref));
            if (child < 0) return false;
            nodes[index].ref = child;
        } else if (key == "$defs") {
            if (!value.is_object()) return refuse(at, "is not an object");
            for (const auto& [name, sub] : value.items())
                if (compile(sub, "#/$defs/" + escape_token(name)) < 0) return false;
        } else {
            return refuse(at, "uses the keyword \"" + key + "\", which this validator does not support");
        }
        return true;
    }
};

JsonSchema::JsonSchema() = default;
JsonSchema::~JsonSchema() = default;
JsonSchema::JsonSchema(JsonSchema&&) noexcept = default;
JsonSchema& JsonSchema::operator=(JsonSchema&&) noexcept = default;

JsonSchema JsonSchema::compile(std::string_view schema_text) {
    JsonSchema schema;
    json root = ju::parse(schema_text);
    if (root.is_discarded()) {
        schema.error_ = "The schema is not JSON.";
        return schema;
    }
    Compiler compiler{root, schema.nodes_, {}, {}};
    schema.root_ = compiler.compile(root, "#");
    schema.error_ = compiler.error;
    if (!schema.error_.empty()) schema.root_ = -1;
    return schema;
}

// ---- validating ---------------------------------------------------------------

std::string SchemaViolation::describe() const {
    return (path.empty() ? "(document)" : path) + ": " + rule + " (schema " + where + ")";
}

struct JsonSchema::Checker {
    const std::vector<Node>& nodes;
    size_t limit;
    size_t dropped = 0;
    std::vector<SchemaViolation> out;

    void report(const std::string& path, std::string rule, const Node& node, const char* keyword) {
        if (out.size() >= limit) {
            ++dropped;
            return;
        }
        out.push_back({path, std::move(rule), node.where + "/" + keyword});
    }

    void check(int index, const json& v, const std::string& path) {
        const Node& n = nodes[static_cast<size_t>(index)];
        if (n.never) return report(path, "is not allowed here", n, "false");
        if (n.ref >= 0) check(n.ref, v, path);
        if (!has_type(v, n.types))
            return report(path, std::string("is ") + type_of(v) + ", expected " + type_list(n.types), n, "type");
        if (n.constant && v != *n.constant) report(path, "is " + dump(v) + ", expected " + dump(*n.constant), n, "const");
        if (!n.one_of_values.empty() && std::find(n.one_of_values.begin(), n.one_of_values.end(), v) == n.one_of_values.end())
            report(path, "is " + dump(v) + ", not one of " + dump(json(n.one_of_values)), n, "enum");
        if (v.is_string()) check_string(n, v.get_ref<const std::string&>(), path);
        if (v.is_number()) check_number(n, v, path);
        if (v.is_object()) check_object(n, v, path);
        if (v.is_array() && n.items >= 0) {
            for (size_t i = 0; i < v.size(); ++i) check(n.items, v[i], path + "/" + std::to_string(i));
        }
    }

    void check_string(const Node& n, const std::string& s, const std::string& path) {
        size_t length = (n.min_length || n.max_length) ? code_points(s) : 0;
        if (n.min_length && length < *n.min_length)
            report(path, "is shorter than " + std::to_string(*n.min_length) + " characters", n, "minLength");
        if (n.max_length && length > *n.max_length)
            report(path, "is longer than " + std::to_string(*n.max_length) + " characters", n, "maxLength");
        if (n.pattern && !std::regex_search(s, *n.pattern))
            report(path, "\"" + shorten(s, 60) + "\" does not match the pattern " + n.pattern_text, n, "pattern");
    }

    void check_number(const Node& n, const json& v, const std::string& path) {
        double d = v.get<double>();
        if (n.minimum && d < *n.minimum) report(path, "is " + dump(v) + ", less than the minimum " + dump(json(*n.minimum)), n, "minimum");
        if (n.maximum && d > *n.maximum) report(path, "is " + dump(v) + ", more than the maximum " + dump(json(*n.maximum)), n, "maximum");
    }

    void check_object(const Node& n, const json& v, const std::string& path) {
        for (const std::string& field : n.required)
            if (!v.contains(field)) report(path, "lacks the required field \"" + field + "\"", n, "required");
        for (const auto& item : v.items()) {
            const std::string& key = item.key();
            const json& value = item.value();
            std::string child_path = path + "/" + escape_token(key);
            auto known = std::find_if(n.properties.begin(), n.properties.end(), [&](const auto& p) { return p.first == key; });
            if (known != n.properties.end()) check(known->second, value, child_path);
            else if (n.closed) report(child_path, "is a field the schema does not allow", n, "additionalProperties");
            else if (n.additional >= 0) check(n.additional, value, child_path);
        }
    }
};

std::vector<SchemaViolation> JsonSchema::validate(const json& document, size_t limit) const {
    if (!ok()) return {{"", "cannot be checked: " + (error_.empty() ? std::string("no schema") : error_), "#"}};
    Checker checker{nodes_, limit, 0, {}};
    checker.check(root_, document, "");
    if (checker.dropped > 0)
        checker.out.push_back({"", "and " + std::to_string(checker.dropped) + " more violations", "#"});
    return checker.out;
}

}  // namespace ingest
