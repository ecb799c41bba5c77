#include "capture.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/json_util.hpp"
#include "core/time_format.hpp"

namespace ingest {
namespace fs = std::filesystem;
namespace ju = ng::json_util;
using nlohmann::ordered_json;

namespace {

constexpr const char* kPartialPrefix = ".partial-";

// "20261130T101500Z" from Unix seconds.
std::string capture_id(int64_t started) {
    std::string t = ng::format_rfc3339(started);  // 2026-11-30T10:15:00Z
    std::string id;
    for (char c : t)
        if (c != '-' && c != ':') id += c;
    return id;
}

bool write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    return static_cast<bool>(out);
}

bool read_file(const fs::path& path, std::string& bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
    return true;
}

bool is_hex_sha256(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

ordered_json entry_json(const CaptureEntry& e) {
    ordered_json j;
    j["kind"] = source_kind_name(e.kind);
    j["outlet"] = e.outlet;
    j["url"] = e.url;
    j["final_url"] = e.final_url;
    j["status"] = e.status;
    j["error"] = e.error;
    j["content_type"] = e.content_type;
    j["etag"] = e.etag;
    j["last_modified"] = e.last_modified;
    j["redirects"] = e.redirects;
    j["requested_at"] = ng::format_rfc3339(e.requested_at);
    j["elapsed_ms"] = e.elapsed_ms;
    j["bytes"] = e.bytes;
    j["sha256"] = e.sha256;
    return j;
}

std::string text(const nlohmann::json& obj, const char* key) {
    auto s = ju::as_string(ju::member(obj, key));
    return s ? std::string(*s) : std::string();
}

bool entry_from_json(const nlohmann::json& j, CaptureEntry& e) {
    std::string kind = text(j, "kind");
    if (kind == "feed") e.kind = SourceKind::Feed;
    else if (kind == "gdelt-gal") e.kind = SourceKind::GdeltArticleList;
    else if (kind == "gdelt-gsg") e.kind = SourceKind::GdeltEmbeddings;
    else return false;
    e.outlet = text(j, "outlet");
    e.url = text(j, "url");
    e.final_url = text(j, "final_url");
    e.status = static_cast<int>(ju::as_int(ju::member(j, "status")).value_or(0));
    e.error = text(j, "error");
    e.content_type = text(j, "content_type");
    e.etag = text(j, "etag");
    e.last_modified = text(j, "last_modified");
    e.redirects = static_cast<int>(ju::as_int(ju::member(j, "redirects")).value_or(0));
    e.requested_at = ng::parse_rfc3339(text(j, "requested_at"));
    e.elapsed_ms = ju::as_int(ju::member(j, "elapsed_ms")).value_or(0);
    e.bytes = static_cast<uint64_t>(ju::as_int(ju::member(j, "bytes")).value_or(0));
    e.sha256 = text(j, "sha256");
    if (!e.sha256.empty() && !is_hex_sha256(e.sha256)) return false;
    return !e.url.empty();
}

}  // namespace

const char* source_kind_name(SourceKind kind) {
    switch (kind) {
        case SourceKind::Feed: return "feed";
        case SourceKind::GdeltArticleList: return "gdelt-gal";
        case SourceKind::GdeltEmbeddings: return "gdelt-gsg";
    }
    return "feed";
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

// ---- writing ---------------------------------------------------------------

CaptureWriter::CaptureWriter(fs::path captures_root, int64_t started, std::string tool) : root_(std::move(captures_root)) {
    capture_.started = started;
    capture_.tool = std::move(tool);
    std::error_code ec;
    fs::create_directories(root_, ec);
    std::string base = capture_id(started);
    capture_.id = base;
    for (int n = 2; fs::exists(root_ / capture_.id, ec) || fs::exists(root_ / (kPartialPrefix + capture_.id), ec); ++n)
        capture_.id = base + "-" + std::to_string(n);
    partial_ = root_ / (kPartialPrefix + capture_.id);
    if (!fs::create_directories(partial_ / "bodies", ec)) error_ = "Cannot create " + partial_.string() + ".";
}

CaptureWriter::~CaptureWriter() {
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(partial_, ec);
}

bool CaptureWriter::add(CaptureEntry entry, const std::string* body) {
    if (!error_.empty()) return false;
    if (body) {
        entry.sha256 = sha256_hex(*body);
        entry.bytes = body->size();
        fs::path file = partial_ / "bodies" / entry.sha256;
        std::error_code ec;
        if (!fs::exists(file, ec)) {
            bool linked = false;
            for (const fs::path& earlier : link_from_) {
                fs::path same = earlier / "bodies" / entry.sha256;
                if (fs::exists(same, ec) && (fs::create_hard_link(same, file, ec), !ec)) {
                    linked = true;
                    break;
                }
            }
            if (!linked && !write_file(file, *body)) {
                error_ = "Cannot write " + file.string() + " (disk full?).";
                return false;
            }
            sums_.push_back(entry.sha256 + "  bodies/" + entry.sha256);
        }
    } else {
        entry.sha256.clear();
        entry.bytes = 0;
    }
    capture_.entries.push_back(std::move(entry));
    return true;
}

void CaptureWriter::sort_entries(const std::function<bool(const CaptureEntry&, const CaptureEntry&)>& before) {
    std::stable_sort(capture_.entries.begin(), capture_.entries.end(), before);
}

fs::path CaptureWriter::commit(int64_t finished) {
    if (!error_.empty() || committed_) return {};
    capture_.finished = finished;
    ordered_json manifest;
    manifest["capture"] = capture_.id;
    manifest["tool"] = capture_.tool;
    manifest["started"] = ng::format_rfc3339(capture_.started);
    manifest["finished"] = ng::format_rfc3339(finished);
    manifest["entries"] = ordered_json::array();
    for (const CaptureEntry& e : capture_.entries) manifest["entries"].push_back(entry_json(e));
    std::string manifest_text = manifest.dump(1) + "\n";
    std::string sums = sha256_hex(manifest_text) + "  manifest.json\n";
    for (const std::string& line : sums_) sums += line + "\n";
    fs::path target = root_ / capture_.id;
    std::error_code ec;
    if (!write_file(partial_ / "manifest.json", manifest_text) || !write_file(partial_ / "SHA256SUMS", sums)) {
        error_ = "Cannot write the manifest of " + partial_.string() + ".";
        return {};
    }
    fs::rename(partial_, target, ec);
    if (ec) {
        error_ = "Cannot move " + partial_.string() + " into place: " + ec.message() + ".";
        return {};
    }
    committed_ = true;
    capture_.dir = target;
    return target;
}

// ---- reading ---------------------------------------------------------------

bool read_capture(const fs::path& dir, Capture& out, std::string& problem) {
    std::string bytes;
    if (!read_file(dir / "manifest.json", bytes)) {
        problem = dir.filename().string() + " has no readable manifest.json.";
        return false;
    }
    nlohmann::json doc = ju::parse(bytes);
    const nlohmann::json* entries = ju::as_array(ju::member(doc, "entries"));
    if (doc.is_discarded() || !entries) {
        problem = dir.filename().string() + "/manifest.json is not a capture manifest.";
        return false;
    }
    Capture c;
    c.id = text(doc, "capture");
    c.dir = dir;
    c.tool = text(doc, "tool");
    c.started = ng::parse_rfc3339(text(doc, "started"));
    c.finished = ng::parse_rfc3339(text(doc, "finished"));
    if (c.id != dir.filename().string() || c.started == 0) {
        problem = dir.filename().string() + "/manifest.json names another capture or has no start time.";
        return false;
    }
    for (const nlohmann::json& j : *entries) {
        CaptureEntry e;
        if (!entry_from_json(j, e)) {
            problem = dir.filename().string() + "/manifest.json has an unreadable entry.";
            return false;
        }
        c.entries.push_back(std::move(e));
    }
    out = std::move(c);
    return true;
}

std::vector<Capture> list_captures(const fs::path& captures_root, std::vector<std::string>* problems) {
    std::vector<fs::path> dirs;
    std::error_code ec;
    for (fs::directory_iterator it(captures_root, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (it->is_directory(ec) && !name.empty() && name[0] != '.') dirs.push_back(it->path());
    }
    std::sort(dirs.begin(), dirs.end());
    std::vector<Capture> captures;
    for (const fs::path& d : dirs) {
        if (!fs::exists(d / "manifest.json", ec)) continue;  // not a capture (e.g. a state folder)
        Capture c;
        std::string problem;
        if (read_capture(d, c, problem)) captures.push_back(std::move(c));
        else if (problems) problems->push_back(problem);
    }
    return captures;
}

bool read_body(const Capture& capture, const CaptureEntry& entry, std::string& body, std::string& problem) {
    if (!entry.has_body()) {
        problem = "The entry for " + entry.url + " has no body.";
        return false;
    }
    if (!read_file(capture.dir / "bodies" / entry.sha256, body)) {
        problem = "Capture " + capture.id + " lacks the body of " + entry.url + ".";
        return false;
    }
    if (sha256_hex(body) != entry.sha256) {
        problem = "Capture " + capture.id + " has a damaged body for " + entry.url + " (checksum mismatch).";
        body.clear();
        return false;
    }
    return true;
}

std::vector<std::string> verify_capture(const fs::path& dir) {
    std::vector<std::string> problems;
    std::string sums;
    if (!read_file(dir / "SHA256SUMS", sums)) return {dir.filename().string() + " has no SHA256SUMS."};
    std::istringstream lines(sums);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.size() < 67 || line.compare(64, 2, "  ") != 0) {
            problems.push_back("SHA256SUMS has a malformed line.");
            continue;
        }
        std::string want = line.substr(0, 64), name = line.substr(66), bytes;
        if (name.find("..") != std::string::npos || !read_file(dir / name, bytes)) problems.push_back(name + " is missing.");
        else if (sha256_hex(bytes) != want) problems.push_back(name + " does not match its checksum.");
    }
    return problems;
}

std::vector<std::string> prune_captures(const fs::path& captures_root, int64_t cutoff, size_t keep_at_least) {
    std::vector<std::string> removed;
    std::error_code ec;
    for (fs::directory_iterator it(captures_root, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().rfind(kPartialPrefix, 0) == 0) fs::remove_all(it->path(), ec);
    }
    std::vector<Capture> captures = list_captures(captures_root);
    if (captures.size() <= keep_at_least) return removed;
    for (size_t i = 0; i + keep_at_least < captures.size(); ++i) {
        if (captures[i].started >= cutoff) break;
        fs::remove_all(captures[i].dir, ec);
        if (!ec) removed.push_back(captures[i].id);
    }
    return removed;
}

}  // namespace ingest
