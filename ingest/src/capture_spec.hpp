// capture_spec — writes capture folders (capture.hpp) from a readable
// description, so test fixtures are reviewable text and their checksummed
// folders are generated, never edited by hand. Used by the fixture tool
// (ingest/tools/make_fixture_captures.cpp) and by the tests, which also
// shuffle a spec to check that `build` does not depend on input order.
//
//   {"captures": [{"started": RFC 3339, "finished": RFC 3339, "entries": [
//      {"kind": "feed" | "gdelt-gal" | "gdelt-gsg", "outlet": id, "url": URL,
//       "final_url", "status", "error", "content_type", "etag", "last_modified",
//       "redirects", "requested_at", "elapsed_ms",         (all optional)
//       "body": "file name beside the spec" (absent: no body),
//       "gzip": true (store the file gzip-compressed, as GDELT serves it)}]}]}
#pragma once
#include <filesystem>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace ingest {

// Writes every capture of `spec` under `captures_root` (created if needed),
// reading bodies from `bodies_dir`. False with `problem` on a bad spec, a
// missing body file or a disk error.
bool write_captures_from_spec(const nlohmann::json& spec, const std::filesystem::path& bodies_dir,
                              const std::filesystem::path& captures_root, std::string& problem);

// The same for a spec file; bodies are read from the spec's folder.
bool write_captures_from_spec_file(const std::filesystem::path& spec_file, const std::filesystem::path& captures_root,
                                   std::string& problem);

// gzip (RFC 1952) with a zero time stamp: the same bytes give the same file.
std::string gzip_bytes(const std::string& bytes);

}  // namespace ingest
