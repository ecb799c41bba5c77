#include "gzip_reader.hpp"

#include <zlib.h>

#include <algorithm>

namespace ingest {

bool looks_gzipped(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1F' && bytes[1] == '\x8B'; }

Gunzipped gunzip(std::string_view bytes, std::size_t max_bytes) {
    Gunzipped out;
    if (!looks_gzipped(bytes)) {
        out.error = "The data is not gzip-compressed.";
        return out;
    }
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {  // 16: expect a gzip header
        out.error = "zlib could not start.";
        return out;
    }
    constexpr size_t kChunk = 1u << 16;
    size_t consumed = 0;
    bool ended = false;
    int rc = Z_OK;
    while (consumed < bytes.size()) {
        size_t chunk_in = std::min<size_t>(bytes.size() - consumed, 1u << 30);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + consumed));
        z.avail_in = static_cast<uInt>(chunk_in);
        do {
            size_t room = std::min(kChunk, max_bytes - out.data.size());
            if (room == 0) break;
            size_t before = out.data.size();
            out.data.resize(before + room);
            z.next_out = reinterpret_cast<Bytef*>(&out.data[before]);
            z.avail_out = static_cast<uInt>(room);
            rc = inflate(&z, Z_NO_FLUSH);
            out.data.resize(before + room - z.avail_out);
        } while (rc == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
        consumed += chunk_in - z.avail_in;
        if (rc == Z_STREAM_END) {
            ended = true;
            // Another member may follow; anything else after the end is ignored.
            if (!looks_gzipped(bytes.substr(consumed))) break;
            inflateReset(&z);
            ended = false;
            rc = Z_OK;
            continue;
        }
        if (rc != Z_OK || out.data.size() >= max_bytes) break;
    }
    inflateEnd(&z);
    out.complete = ended;
    if (out.complete) return out;
    if (out.data.size() >= max_bytes) {
        std::string limit =
            max_bytes >= (1u << 20) ? std::to_string(max_bytes >> 20) + " MB" : std::to_string(max_bytes) + " bytes";
        out.error = "The data decompresses to more than " + limit + "; the rest was not read.";
    } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR) {
        out.error = "The gzip data is damaged after " + std::to_string(out.data.size()) + " decompressed bytes.";
    } else {
        out.error = "The gzip data ends early (cut off after " + std::to_string(bytes.size()) + " bytes).";
    }
    return out;
}

std::string compress_bytes(std::string_view bytes, int window_bits) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

}  // namespace ingest
