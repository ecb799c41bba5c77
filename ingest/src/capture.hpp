// capture — the folder that separates `fetch` (network) from `build` (pure).
// Each fetch run writes one immutable capture:
//
//   CAPTURES/20261130T101500Z/
//     manifest.json     run times, the tool, one entry per request (below)
//     bodies/<sha256>   response bodies, content-addressed (a body that several
//                       entries share, or that did not change, is stored once)
//     SHA256SUMS        `sha256sum -c`-compatible sums of manifest.json and
//                       every body: a capture can be checked with coreutils
//
// A run is written into CAPTURES/.partial-<id>/ and renamed into place when
// complete, so a reader never sees half a capture, and a crashed run leaves
// only a .partial folder the next run removes. Bodies are stored as the
// server sent the entity, with any Content-Encoding (gzip) already undone;
// everything else the server said is in the entry's metadata.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ingest {

// What a source is: decides which parser `build` uses.
enum class SourceKind { Feed, GdeltArticleList, GdeltEmbeddings };
const char* source_kind_name(SourceKind kind);  // "feed", "gdelt-gal", "gdelt-gsg"

struct CaptureEntry {
    SourceKind kind = SourceKind::Feed;
    std::string outlet;          // outlet id (empty for GDELT files)
    std::string url;             // as requested
    std::string final_url;       // after redirects (equals url when none)
    int status = 0;              // final HTTP status; 0 when no answer arrived
    std::string error;           // non-empty when the request failed: a sentence for the health report
    std::string content_type;
    std::string etag;            // validators, for the next run's conditional GET
    std::string last_modified;
    int redirects = 0;
    int64_t requested_at = 0;    // Unix seconds
    int64_t elapsed_ms = 0;
    uint64_t bytes = 0;          // body size as stored (0 for 304 and failures)
    std::string sha256;          // of the stored body; empty when there is none
    // 304 Not Modified: the stored body is the previous capture's, unchanged.
    bool not_modified() const { return status == 304; }
    bool has_body() const { return !sha256.empty(); }
};

struct Capture {
    std::string id;                    // folder name: the run's start, "20261130T101500Z"
    std::filesystem::path dir;
    int64_t started = 0;               // Unix seconds
    int64_t finished = 0;
    std::string tool;                  // "newsglobe-ingest 1"
    std::vector<CaptureEntry> entries; // in request order
};

// Lower-case hex SHA-256.
std::string sha256_hex(const std::string& bytes);

// Writes one capture. Entries and bodies are added as requests finish;
// commit() writes manifest.json and SHA256SUMS and renames the folder into
// place. Destroying an uncommitted writer removes the partial folder.
// Every capture is self-contained: for a 304 the fetcher adds the previous
// capture's body again (stored once per capture, content-addressed), so
// `build` and pruning never have to look across captures for a body.
class CaptureWriter {
public:
    // Creates CAPTURES/.partial-<id>. `started` names the capture (a suffix
    // "-2", "-3"… keeps ids unique when two runs start in the same second).
    CaptureWriter(std::filesystem::path captures_root, int64_t started, std::string tool);
    ~CaptureWriter();
    CaptureWriter(const CaptureWriter&) = delete;
    CaptureWriter& operator=(const CaptureWriter&) = delete;

    // Empty when the folder could not be created (then every call fails).
    const std::string& error() const { return error_; }

    // Stores `body` (when the entry has one) and fills entry.sha256/bytes.
    // Returns false with error() set when the disk refused.
    bool add(CaptureEntry entry, const std::string* body);

    // Bodies already stored in these earlier captures are hard-linked from
    // there instead of written again: captures are immutable, so sharing the
    // file is safe, and each capture stays self-contained (pruning one
    // removes only its own link). Falls back to writing where linking fails
    // (another file system).
    void link_bodies_from(std::vector<std::filesystem::path> capture_dirs) { link_from_ = std::move(capture_dirs); }

    // Orders the entries added so far (stable). A fetch adds them as requests
    // finish, in no fixed order; it sorts them into the configured order so
    // two captures of the same sources list them alike.
    void sort_entries(const std::function<bool(const CaptureEntry&, const CaptureEntry&)>& before);

    // Finishes the capture; returns its final folder, or empty on failure.
    std::filesystem::path commit(int64_t finished);

private:
    std::filesystem::path root_, partial_;
    Capture capture_;
    std::vector<std::string> sums_;  // "<sha256>  bodies/<sha256>"
    std::vector<std::filesystem::path> link_from_;
    std::string error_;
    bool committed_ = false;
};

// Every complete capture under `captures_root`, oldest first (by id). Folders
// that are not captures (.partial-*, state files, unreadable manifests) are
// skipped; `problems` says which and why.
std::vector<Capture> list_captures(const std::filesystem::path& captures_root, std::vector<std::string>* problems = nullptr);

// Reads one capture's manifest.
bool read_capture(const std::filesystem::path& dir, Capture& out, std::string& problem);

// A stored body, checked against its sum. False (with `problem`) when it is
// missing or does not match.
bool read_body(const Capture& capture, const CaptureEntry& entry, std::string& body, std::string& problem);

// Checks every sum in SHA256SUMS. Returns the problems found (empty: intact).
std::vector<std::string> verify_capture(const std::filesystem::path& dir);

// Removes captures whose run started before `cutoff` (Unix seconds), always
// keeping the newest `keep_at_least`, and any leftover .partial folders.
// Returns the removed ids.
std::vector<std::string> prune_captures(const std::filesystem::path& captures_root, int64_t cutoff, size_t keep_at_least);

}  // namespace ingest
