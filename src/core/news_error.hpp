// news_error — errors as values. The core runs without exceptions, so every
// fetch or decode step returns a FetchError (kind None = success) whose message
// is a calm, specific English sentence the UI can show as is.
#pragma once
#include <string>
#include <utility>

namespace ng {

struct FetchError {
    enum Kind {
        None,         // success
        Network,      // no HTTP answer: offline, DNS, refused, or blocked by CORS
        Timeout,      // no answer within the request's time limit
        Http,         // a non-2xx status (status holds it)
        RateLimited,  // the server asked us to slow down (429, or a source's own wording)
        NotJson,      // a 2xx answer that is not JSON: an HTML page, plain text, nothing
        BadDocument,  // JSON, but not the document we asked for (message names the field)
        TooLarge,     // the answer exceeded the request's byte limit
        Cancelled,    // the caller cancelled (never delivered to a callback)
        Service,      // the news service answered with its own error (bad key, bad query)
        NotFound,     // the source has no such item (e.g. an adapter article not seen in a list)
    };
    Kind kind = None;
    int status = 0;       // HTTP status when one arrived, else 0
    std::string message;  // user-facing sentence; empty only when kind == None

    bool ok() const { return kind == None; }
};

inline FetchError make_error(FetchError::Kind kind, std::string message, int status = 0) {
    return FetchError{kind, status, std::move(message)};
}

// A decoded document. `skipped` counts list items dropped because they had the
// wrong type or lacked a required field; the rest of the document is kept.
template <class T>
struct Result {
    T value{};
    FetchError error;
    int skipped = 0;

    bool ok() const { return error.ok(); }
};

template <class T>
Result<T> failure(FetchError error) {
    Result<T> r;
    r.error = std::move(error);
    return r;
}

}  // namespace ng
