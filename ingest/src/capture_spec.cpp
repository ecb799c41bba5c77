#include "capture_spec.hpp"


#include <nlohmann/json.hpp>

#include "capture.hpp"
#include "core/json_util.hpp"
#include "core/time_format.hpp"
#include "file_util.hpp"
#include "gzip_reader.hpp"

namespace ingest {
namespace fs = std::filesystem;
namespace ju = ng::json_util;

namespace {

std::string text(const nlohmann::json& obj, const char* key) {
    auto s = ju::as_string(ju::member(obj, key));
    return s ? std::string(*s) : std::string();
}

int64_t number(const nlohmann::json& obj, const char* key) { return ju::as_int(ju::member(obj, key)).value_or(0); }

bool entry_from_spec(const nlohmann::json& e, CaptureEntry& entry, std::string& problem) {
    std::string kind = text(e, "kind");
    if (kind == "feed" || kind.empty()) entry.kind = SourceKind::Feed;
    else if (kind == "gdelt-gal") entry.kind = SourceKind::GdeltArticleList;
    else if (kind == "gdelt-gsg") entry.kind = SourceKind::GdeltEmbeddings;
    else {
        problem = "Unknown entry kind \"" + kind + "\".";
        return false;
    }
    entry.outlet = text(e, "outlet");
    entry.url = text(e, "url");
    entry.final_url = text(e, "final_url").empty() ? entry.url : text(e, "final_url");
    entry.status = static_cast<int>(number(e, "status"));
    entry.error = text(e, "error");
    entry.content_type = text(e, "content_type");
    entry.etag = text(e, "etag");
    entry.last_modified = text(e, "last_modified");
    entry.redirects = static_cast<int>(number(e, "redirects"));
    entry.requested_at = ng::parse_rfc3339(text(e, "requested_at"));
    entry.elapsed_ms = number(e, "elapsed_ms");
    if (entry.url.empty() || entry.requested_at == 0) {
        problem = "An entry needs \"url\" and \"requested_at\".";
        return false;
    }
    return true;
}

}  // namespace

bool write_captures_from_spec(const nlohmann::json& spec, const fs::path& bodies_dir, const fs::path& captures_root,
                              std::string& problem) {
    const nlohmann::json* captures = ju::as_array(ju::member(spec, "captures"));
    if (!captures) {
        problem = "The spec has no \"captures\" list.";
        return false;
    }
    for (const nlohmann::json& c : *captures) {
        int64_t started = ng::parse_rfc3339(text(c, "started")), finished = ng::parse_rfc3339(text(c, "finished"));
        const nlohmann::json* entries = ju::as_array(ju::member(c, "entries"));
        if (!started || !finished || !entries) {
            problem = "A capture needs \"started\", \"finished\" and \"entries\".";
            return false;
        }
        CaptureWriter writer(captures_root, started, "newsglobe-ingest fixture");
        for (const nlohmann::json& e : *entries) {
            CaptureEntry entry;
            if (!entry_from_spec(e, entry, problem)) return false;
            std::string body, file = text(e, "body");
            if (!file.empty() && !read_whole_file(bodies_dir / file, body, problem)) return false;
            if (!file.empty() && ju::as_bool(ju::member(e, "gzip")).value_or(false)) body = compress_bytes(body);
            if (!writer.add(std::move(entry), file.empty() ? nullptr : &body)) {
                problem = writer.error();
                return false;
            }
        }
        if (writer.commit(finished).empty()) {
            problem = writer.error();
            return false;
        }
    }
    return true;
}

bool write_captures_from_spec_file(const fs::path& spec_file, const fs::path& captures_root, std::string& problem) {
    std::string text_bytes;
    if (!read_whole_file(spec_file, text_bytes, problem)) return false;
    nlohmann::json spec = ju::parse(text_bytes);
    if (spec.is_discarded()) {
        problem = spec_file.string() + " is not JSON.";
        return false;
    }
    return write_captures_from_spec(spec, spec_file.parent_path(), captures_root, problem);
}

}  // namespace ingest
