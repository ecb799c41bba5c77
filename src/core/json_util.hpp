// json_util — exception-free access to nlohmann::json. The core is built with
// JSON_NOEXCEPTION, where a throwing accessor (at(), get<T>() on the wrong type,
// const operator[] on a missing key) aborts the program. Decoders use only
// these helpers, which answer "absent" for a missing key, null or a wrong type.
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ng::json_util {

using nlohmann::json;

// Parses without exceptions; the result is_discarded() when the text is not JSON.
inline json parse(std::string_view text) {
    return json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

// The member `key` of `obj`, or nullptr when obj is not an object, the key is
// missing or its value is null.
inline const json* member(const json& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
}

inline std::optional<std::string_view> as_string(const json* v) {
    if (!v || !v->is_string()) return std::nullopt;
    return std::string_view(v->get_ref<const json::string_t&>());
}

// Integers, and floats with no fractional part (JSON Schema counts 1.0 as an
// integer); values outside int64 are absent.
inline std::optional<int64_t> as_int(const json* v) {
    if (!v) return std::nullopt;
    if (v->is_number_unsigned()) {
        uint64_t u = v->get<uint64_t>();
        if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return static_cast<int64_t>(u);
    }
    if (v->is_number_integer()) return v->get<int64_t>();
    if (v->is_number_float()) {
        double d = v->get<double>();
        if (!std::isfinite(d) || std::floor(d) != d || d < -9.0e18 || d > 9.0e18) return std::nullopt;
        return static_cast<int64_t>(d);
    }
    return std::nullopt;
}

inline std::optional<bool> as_bool(const json* v) {
    if (!v || !v->is_boolean()) return std::nullopt;
    return v->get<bool>();
}

inline const json* as_array(const json* v) { return v && v->is_array() ? v : nullptr; }
inline const json* as_object(const json* v) { return v && v->is_object() ? v : nullptr; }

}  // namespace ng::json_util
