// gzip_reader — decompresses gzip data with zlib, keeping what a cut-off
// download still holds: a truncated or damaged stream gives every byte that
// could be decoded, marked incomplete, with a sentence saying why.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ingest {

struct Gunzipped {
    std::string data;       // what could be decompressed
    bool complete = false;  // the whole stream was read and its checksum held
    std::string error;      // why not complete; empty when complete
};

// True when `bytes` starts with gzip's magic number.
bool looks_gzipped(std::string_view bytes);

// Decompresses one gzip stream or several concatenated ones (as `cat a.gz
// b.gz` makes), stopping at max_bytes of output.
Gunzipped gunzip(std::string_view bytes, std::size_t max_bytes);

}  // namespace ingest
