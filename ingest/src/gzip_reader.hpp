// gzip_reader — decompresses gzip data with zlib, keeping what a cut-off
// download still holds: a truncated or damaged stream gives every byte that
// could be decoded, marked incomplete, with a sentence saying why. Also the
// compressor the fixture tools and tests use to make such data.
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

// Compresses at the best level. zlib's window_bits: 15 + 16 (31) writes a
// gzip stream, 15 a zlib one, -15 raw deflate.
std::string compress_bytes(std::string_view bytes, int window_bits = 31);

}  // namespace ingest
