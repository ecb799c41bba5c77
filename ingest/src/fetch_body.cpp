#include "fetch_body.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>

#include "fetch_policy.hpp"

namespace ingest {

struct BodyDecoder::Inflater {
    z_stream z{};
    bool ready = false;      // inflateInit2 done
    bool gzip = false;       // else deflate (zlib-wrapped or raw)
    bool ended = false;      // a stream reached its end marker
    std::string head;        // deflate: first bytes held until the wrapper is known
    ~Inflater() {
        if (ready) inflateEnd(&z);
    }
};

namespace {

std::string lower_trimmed(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\t') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// RFC 1950: a zlib stream starts with CMF (method 8) and FLG, CMF*256+FLG
// divisible by 31. Servers that say "deflate" send that or a raw stream.
bool looks_like_zlib(unsigned char cmf, unsigned char flg) {
    return (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
}

}  // namespace

BodyDecoder::BodyDecoder(std::string_view content_encoding, uint64_t max_bytes)
    : encoding_(lower_trimmed(content_encoding)), max_bytes_(max_bytes) {
    if (encoding_ == "gzip" || encoding_ == "x-gzip") {
        inflater_ = std::make_unique<Inflater>();
        inflater_->gzip = true;
        inflater_->ready = inflateInit2(&inflater_->z, 15 + 16) == Z_OK;
    } else if (encoding_ == "deflate") {
        inflater_ = std::make_unique<Inflater>();
    } else if (!encoding_.empty() && encoding_ != "identity") {
        error_ = "The server compressed the body with \"" + encoding_ + "\", which was not asked for and cannot be read.";
    }
}

BodyDecoder::~BodyDecoder() = default;

bool BodyDecoder::fail(std::string sentence) {
    if (error_.empty()) error_ = std::move(sentence);
    return false;
}

bool BodyDecoder::append(const char* data, size_t size) {
    if (body_.size() + size > max_bytes_) {
        too_large_ = true;
        return fail("The feed is larger than the " + format_bytes(max_bytes_) + " limit; the download was stopped.");
    }
    body_.append(data, size);
    return true;
}

bool BodyDecoder::feed(const char* data, size_t size) {
    if (!error_.empty()) return false;
    encoded_bytes_ += size;
    if (!inflater_) return append(data, size);
    Inflater& in = *inflater_;
    if (!in.gzip && !in.ready) {
        // Deflate: hold the first two bytes to tell a zlib wrapper from raw.
        in.head.append(data, size);
        if (in.head.size() < 2) return true;
        bool zlib = looks_like_zlib(static_cast<unsigned char>(in.head[0]), static_cast<unsigned char>(in.head[1]));
        in.ready = inflateInit2(&in.z, zlib ? 15 : -15) == Z_OK;
        if (!in.ready) return fail("Out of memory while decompressing the body.");
        std::string held = std::move(in.head);
        return inflate_some(held.data(), held.size());
    }
    if (!in.ready) return fail("Out of memory while decompressing the body.");
    return inflate_some(data, size);
}

bool BodyDecoder::inflate_some(const char* data, size_t size) {
    Inflater& in = *inflater_;
    in.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    in.z.avail_in = static_cast<uInt>(size);
    char out[16384];
    while (in.z.avail_in > 0) {
        if (in.ended) {
            // Another gzip member may follow (concatenated gzip is valid);
            // anything else after the end marker is padding to ignore.
            if (!in.gzip || in.z.avail_in < 2 || in.z.next_in[0] != 0x1F || in.z.next_in[1] != 0x8B) return true;
            inflateReset(&in.z);
            in.ended = false;
        }
        in.z.next_out = reinterpret_cast<Bytef*>(out);
        in.z.avail_out = sizeof out;
        int rc = inflate(&in.z, Z_NO_FLUSH);
        size_t produced = sizeof out - in.z.avail_out;
        if (produced && !append(out, produced)) return false;
        if (rc == Z_STREAM_END) {
            in.ended = true;
        } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
            return fail("The " + encoding_ + "-compressed body is corrupt (" + (in.z.msg ? in.z.msg : "bad data") + ").");
        } else if (rc == Z_MEM_ERROR) {
            return fail("Out of memory while decompressing the body.");
        } else if (rc == Z_BUF_ERROR && produced == 0) {
            break;  // needs more input
        }
    }
    return true;
}

bool BodyDecoder::finish() {
    if (!error_.empty()) return false;
    if (!inflater_ || encoded_bytes_ == 0) return true;
    if (!inflater_->ended)
        return fail("The " + encoding_ + "-compressed body is truncated: the stream stops after " + format_bytes(encoded_bytes_) +
                    " without its end marker.");
    return true;
}

}  // namespace ingest
