// A LibreTranslate stand-in for tests: a real HTTP server on 127.0.0.1 (one
// thread, one connection at a time) answering GET /languages and
// POST /translate the way LibreTranslate does. Its "translations" are
// deterministic: a phrase from `dictionary`, else "[en] " + the text. Texts
// containing "💥" make the whole request fail with 400 (a text the service
// cannot take); api_key mismatches get 403; `delay_ms` holds every answer.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace testing_support {

class FakeLibreTranslate {
public:
    struct Options {
        std::string api_key;                          // required when non-empty
        std::map<std::string, std::string> dictionary;
        std::set<std::string> languages = {"es", "fr", "de", "ru", "sr", "ja", "ar"};
        int delay_ms = 0;
    };

    explicit FakeLibreTranslate(Options options) : options_(std::move(options)) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        ::listen(listener_, 16);
        socklen_t length = sizeof address;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { serve(); });
    }

    ~FakeLibreTranslate() {
        stop_ = true;
        thread_.join();
        ::close(listener_);
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    // The q lists of every POST /translate, in order.
    std::vector<std::vector<std::string>> batches() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return batches_;
    }

private:
    void serve() {
        while (!stop_) {
            pollfd p{listener_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            int client = ::accept(listener_, nullptr, nullptr);
            if (client < 0) continue;
            handle(client);
            ::close(client);
        }
    }

    void handle(int client) {
        std::string data;
        char buffer[65536];
        size_t header_end = std::string::npos, length = 0;
        while (true) {
            ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0) return;
            data.append(buffer, static_cast<size_t>(n));
            if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
                size_t at = data.find("Content-Length: ");
                if (at != std::string::npos && at < header_end) length = std::stoul(data.substr(at + 16));
            }
            if (header_end != std::string::npos && data.size() >= header_end + 4 + length) break;
        }
        if (options_.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options_.delay_ms));
        std::string request_line = data.substr(0, data.find("\r\n"));
        if (request_line.rfind("GET /languages", 0) == 0) {
            nlohmann::json list = nlohmann::json::array();
            for (const std::string& code : options_.languages)
                list.push_back({{"code", code}, {"name", code}, {"targets", {"en", code}}});
            return answer(client, 200, list);
        }
        if (request_line.rfind("POST /translate", 0) != 0) return answer(client, 404, {{"error", "Not Found"}});
        nlohmann::json body = nlohmann::json::parse(data.substr(header_end + 4), nullptr, false);
        // (value() would abort on a non-object: tests build without exceptions)
        if (!body.is_object() || !body.contains("source") || !body["source"].is_string())
            return answer(client, 400, {{"error", "Invalid request"}});
        if (!options_.api_key.empty() && (!body.contains("api_key") || body["api_key"] != options_.api_key))
            return answer(client, 403, {{"error", "Invalid API key"}});
        const std::string source = body["source"].get<std::string>();
        std::vector<std::string> texts;
        if (body.contains("q") && body["q"].is_array())
            for (const auto& q : body["q"]) texts.push_back(q.is_string() ? q.get<std::string>() : "");
        {
            std::lock_guard<std::mutex> lock(mutex_);
            batches_.push_back(texts);
        }
        if (!options_.languages.count(source)) return answer(client, 400, {{"error", source + " is not supported"}});
        nlohmann::json out = nlohmann::json::array();
        for (const std::string& t : texts) {
            if (t.find("\xF0\x9F\x92\xA5") != std::string::npos)  // 💥
                return answer(client, 400, {{"error", "Cannot translate this text"}});
            auto it = options_.dictionary.find(t);
            out.push_back(it != options_.dictionary.end() ? it->second : "[en] " + t);
        }
        answer(client, 200, {{"translatedText", out}});
    }

    static void answer(int client, int status, const nlohmann::json& body) {
        std::string text = body.dump();
        std::string response = "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Error") +
                               "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(text.size()) +
                               "\r\nConnection: close\r\n\r\n" + text;
        for (size_t sent = 0; sent < response.size();) {
            ssize_t n = ::send(client, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;
            sent += static_cast<size_t>(n);
        }
    }

    Options options_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    mutable std::mutex mutex_;
    std::vector<std::vector<std::string>> batches_;
};

}  // namespace testing_support
