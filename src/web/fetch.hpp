// fetch — the app's HTTP transport: ng::Transport over emscripten_fetch.
// Every answer wakes the main loop.
// HttpClient (core) adds timeouts, retries, caching and de-duplication on top.
#pragma once
#include "core/http_client.hpp"

namespace ng::web {

class FetchTransport : public Transport {
public:
    RequestId start(const TransportRequest& request, DoneFn on_done) override;
    void cancel(RequestId id) override;
};

// Aborts every request in flight without calling back (the viewer is going away).
void abort_all_fetches();

}  // namespace ng::web
