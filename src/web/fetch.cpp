// fetch — ng::Transport over emscripten_fetch (see fetch.hpp).
#include "web/fetch.hpp"

#include <emscripten.h>
#include <emscripten/fetch.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <vector>

#include "web/browser.hpp"

namespace ng::web {
namespace {

struct Request {
    emscripten_fetch_t* fetch = nullptr;
    Transport::DoneFn done;
    size_t max_bytes = 0;
};

static struct {
    std::map<Transport::RequestId, Request> requests;  // in flight
    Transport::RequestId next_id = 1;
} state;

// emscripten_fetch_close() in Emscripten 3.1.6 frees the request but leaves
// the XHR running, which would later write into freed memory: abort it first.
EM_JS(void, js_abort_xhr, (unsigned id), {
    var xhr = Fetch.xhrs[id - 1];
    if (xhr) { xhr.onload = xhr.onerror = xhr.ontimeout = xhr.onprogress = xhr.onreadystatechange = null; xhr.abort(); }
});

// The response headers, or "" once the request is gone (Emscripten's own
// accessor throws a JS TypeError in that case, which would abort the app).
EM_JS(char*, js_response_headers, (unsigned id), {
    var xhr = Fetch.xhrs[id - 1];
    return allocateUTF8(xhr && xhr.readyState >= 2 ? xhr.getAllResponseHeaders() : "");
});

std::string to_lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string header_value(emscripten_fetch_t* f, const char* name) {  // name in lower case
    char* headers = js_response_headers(f->id);
    std::string raw = headers;
    free(headers);
    std::string lower = to_lower(raw);
    std::string key = std::string(name) + ":";
    size_t at = lower.find(key);
    if (at == std::string::npos || (at > 0 && lower[at - 1] != '\n')) return "";
    size_t start = at + key.size(), end = lower.find_first_of("\r\n", start);
    std::string v = raw.substr(start, end - start);
    v.erase(0, v.find_first_not_of(" \t"));
    return v;
}

// Closing a request that is not done calls its onerror, which would finish it
// again (and recurse): detach the handler first.
void close_quietly(emscripten_fetch_t* f) {
    f->__attributes.onerror = nullptr;
    emscripten_fetch_close(f);
}

Transport::RequestId id_of(emscripten_fetch_t* f) { return Transport::RequestId(uintptr_t(f->userData)); }

void finish(emscripten_fetch_t* f, HttpResponse r) {
    auto it = state.requests.find(id_of(f));
    Transport::DoneFn done;
    if (it != state.requests.end()) {
        done = std::move(it->second.done);
        state.requests.erase(it);
    }
    close_quietly(f);
    if (done) done(std::move(r));
    wake();
}

void on_success(emscripten_fetch_t* f) {
    HttpResponse r;
    r.status = f->status;
    r.body.assign(f->data, size_t(f->numBytes));  // not NUL-terminated
    r.content_type = to_lower(header_value(f, "content-type"));
    r.retry_after = header_value(f, "retry-after");
    finish(f, std::move(r));
}

void on_error(emscripten_fetch_t* f) {
    HttpResponse r;
    r.status = f->status == uint16_t(-1) ? 0 : f->status;
    if (f->data && f->numBytes) r.body.assign(f->data, size_t(f->numBytes));
    r.content_type = to_lower(header_value(f, "content-type"));
    r.retry_after = header_value(f, "retry-after");
    finish(f, std::move(r));
}

void on_progress(emscripten_fetch_t* f) {
    auto it = state.requests.find(id_of(f));
    if (it == state.requests.end()) return;
    uint64_t seen = std::max<uint64_t>(f->totalBytes, f->dataOffset + f->numBytes);
    if (!it->second.max_bytes || seen <= it->second.max_bytes) return;
    js_abort_xhr(f->id);
    HttpResponse r;
    r.status = f->status;
    r.too_large = true;
    finish(f, std::move(r));
}

}  // namespace

Transport::RequestId FetchTransport::start(const TransportRequest& request, DoneFn on_done) {
    RequestId id = state.next_id++;
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = on_success;
    attr.onerror = on_error;
    attr.onprogress = on_progress;
    attr.userData = reinterpret_cast<void*>(uintptr_t(id));
    state.requests[id] = {nullptr, std::move(on_done), request.max_bytes};
    emscripten_fetch_t* f = emscripten_fetch(&attr, request.url.c_str());
    auto it = state.requests.find(id);
    if (it != state.requests.end()) it->second.fetch = f;  // it may already have failed synchronously
    return id;
}

void abort_all_fetches() {
    auto requests = std::move(state.requests);
    state.requests.clear();
    for (auto& [id, r] : requests)
        if (r.fetch) {
            js_abort_xhr(r.fetch->id);
            close_quietly(r.fetch);
        }
}

void FetchTransport::cancel(RequestId id) {
    auto it = state.requests.find(id);
    if (it == state.requests.end()) return;
    emscripten_fetch_t* f = it->second.fetch;
    state.requests.erase(it);
    if (f) {
        js_abort_xhr(f->id);
        close_quietly(f);
    }
}

}  // namespace ng::web
