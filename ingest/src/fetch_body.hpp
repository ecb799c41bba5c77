// fetch_body — undoes a response's Content-Encoding as the bytes arrive.
// libcurl could decode gzip itself, but then a stream cut short goes
// unnoticed and the size cap would only see compressed bytes; decoding here
// caps the *decoded* size (a small gzip bomb cannot fill the disk) and says
// plainly when a compressed body is broken or truncated.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ingest {

class BodyDecoder {
public:
    // `content_encoding` as the server sent it ("gzip", "x-gzip", "deflate",
    // "identity" or empty); anything else makes every feed() fail with a
    // sentence naming it. `max_bytes` caps the decoded body.
    BodyDecoder(std::string_view content_encoding, uint64_t max_bytes);
    ~BodyDecoder();
    BodyDecoder(const BodyDecoder&) = delete;
    BodyDecoder& operator=(const BodyDecoder&) = delete;

    // Adds received bytes. False when decoding must stop: error() says why
    // (too_large() when the cap was reached).
    bool feed(const char* data, size_t size);

    // The body is complete: false when a compressed stream ended early.
    bool finish();

    const std::string& body() const { return body_; }
    std::string take_body() { return std::move(body_); }
    const std::string& error() const { return error_; }
    bool too_large() const { return too_large_; }

private:
    struct Inflater;
    bool fail(std::string sentence);
    bool append(const char* data, size_t size);
    bool inflate_some(const char* data, size_t size);

    std::string encoding_;
    uint64_t max_bytes_;
    uint64_t encoded_bytes_ = 0;
    std::unique_ptr<Inflater> inflater_;  // null for identity
    std::string body_, error_;
    bool too_large_ = false;
};

}  // namespace ingest
