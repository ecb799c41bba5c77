// The Apertium engine: `apertium -u <pair> IN OUT` on a batch, one text per
// line. Apertium's plain-text format keeps line breaks as they are and treats
// each line end as a sentence end, so a line is a safe separator between
// headlines; a batch whose line count comes back different is retried text
// by text rather than trusted.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "core/news_decode.hpp"
#include "file_util.hpp"
#include "subprocess.hpp"
#include "translate.hpp"

namespace ingest {
namespace fs = std::filesystem;

namespace {

bool has_cyrillic(const std::string& text) {
    // U+0400–U+04FF are encoded as 0xD0–0xD3 followed by a continuation byte.
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0xD0 && c <= 0xD3) return true;
    }
    return false;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

// A private temporary folder, removed with the object.
class ScratchDir {
public:
    ScratchDir() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/newsglobe-apertium-XXXXXX";
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        if (::mkdtemp(buffer.data())) path_ = buffer.data();
    }
    ~ScratchDir() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

class ApertiumTranslator : public Translator {
public:
    explicit ApertiumTranslator(ApertiumOptions options) : options_(std::move(options)) { discover(); }

    std::string engine(std::string_view from) override {
        std::string pair = apertium_pair(from);
        if (pair.empty() || !modes_.count(pair)) return {};
        return "apertium " + version_ + " " + pair;
    }

    std::string unsupported_reason(std::string_view from) override {
        if (!problem_.empty()) return problem_;
        std::string pair = apertium_pair(from);
        if (pair.empty()) return "Apertium has no pair from " + std::string(from) + " into English.";
        return "The Apertium pair " + pair + " is not installed (Debian package apertium-*).";
    }

    std::vector<TranslationResult> translate(const std::vector<std::string>& texts, std::string_view from) override {
        std::vector<TranslationResult> results(texts.size());
        std::string pair = apertium_pair(from);
        if (engine(from).empty()) {
            for (auto& r : results) r.error = unsupported_reason(from);
            return results;
        }
        std::vector<std::string> inputs = texts;
        if (pair == "hbs-eng") transliterate_cyrillic(inputs, results);
        std::vector<size_t> todo;
        for (size_t i = 0; i < texts.size(); ++i)
            if (results[i].error.empty()) todo.push_back(i);
        run_batch(pair, inputs, todo, results);
        return results;
    }

private:
    // Lists the installed modes and the version, once.
    void discover() {
        if (!program_exists(options_.program)) {
            problem_ = "Apertium is not installed (" + options_.program + " is not on PATH); scripts/setup.sh installs it.";
            return;
        }
        std::string out;
        if (!run({options_.program, "-l"}, "", out)) return;
        for (const std::string& line : lines_of(out)) {
            std::string mode = ng::clean_text(line, 80);
            if (!mode.empty()) modes_.insert(mode);
        }
        if (run({options_.program, "-V"}, "", out)) {
            std::string v = ng::clean_text(out, 80);  // "Apertium 3.8.3"
            version_ = v.substr(v.rfind(' ') + 1);
        }
        if (version_.empty()) version_ = "unknown";
    }

    // Runs the program with `input` on stdin; its stdout in `out`.
    bool run(const std::vector<std::string>& argv, const std::string& input, std::string& out) {
        if (scratch_.path().empty()) {
            problem_ = "Cannot create a temporary folder for Apertium.";
            return false;
        }
        fs::path in = scratch_.path() / "in.txt", result = scratch_.path() / "out.txt", err = scratch_.path() / "err.txt";
        std::string problem;
        if (!write_file_atomically(in, input, problem)) {
            problem_ = problem;
            return false;
        }
        ProcessResult p = run_process(argv, in, result, err, options_.timeout_seconds);
        std::string stderr_text;
        read_whole_file(err, stderr_text, problem);
        if (!p.ok()) {
            last_error_ = p.error.empty() ? argv[0] + " failed (exit status " + std::to_string(p.exit_code) + "): " +
                                                ng::clean_text(stderr_text, 200)
                                          : p.error;
            return false;
        }
        return read_whole_file(result, out, problem);
    }

    // Serbian in Cyrillic becomes Latin script, which hbs-eng reads.
    void transliterate_cyrillic(std::vector<std::string>& inputs, std::vector<TranslationResult>& results) {
        std::vector<size_t> cyrillic;
        std::string batch;
        for (size_t i = 0; i < inputs.size(); ++i) {
            if (!has_cyrillic(inputs[i])) continue;
            cyrillic.push_back(i);
            batch += inputs[i] + "\n";
        }
        if (cyrillic.empty()) return;
        std::string out;
        std::vector<std::string> lines;
        if (modes_.count("Cyrl-Latn") && run({options_.program, "-u", "Cyrl-Latn"}, batch, out)) lines = lines_of(out);
        for (size_t k = 0; k < cyrillic.size(); ++k) {
            if (lines.size() == cyrillic.size()) inputs[cyrillic[k]] = lines[k];
            else results[cyrillic[k]].error = "Apertium could not transliterate this Cyrillic text for hbs-eng.";
        }
    }

    void run_batch(const std::string& pair, const std::vector<std::string>& inputs, const std::vector<size_t>& todo,
                   std::vector<TranslationResult>& results) {
        if (todo.empty()) return;
        std::string batch;
        for (size_t i : todo) batch += inputs[i] + "\n";
        std::string out;
        bool ran = run({options_.program, "-u", pair}, batch, out);
        std::vector<std::string> lines = ran ? lines_of(out) : std::vector<std::string>{};
        if (ran && lines.size() == todo.size()) {
            for (size_t k = 0; k < todo.size(); ++k) {
                TranslationResult& r = results[todo[k]];
                r.text = ng::clean_text(remove_apertium_marks(lines[k], inputs[todo[k]]), ng::kMaxSummaryBytes);
                if (r.text.empty()) r.error = "Apertium returned an empty translation.";
            }
            return;
        }
        if (todo.size() > 1) {  // one text upset the batch: find it by translating each alone
            for (size_t i : todo) run_batch(pair, inputs, {i}, results);
            return;
        }
        results[todo[0]].error = ran ? "Apertium returned " + std::to_string(lines.size()) + " lines for one text."
                                     : "Apertium failed: " + last_error_;
    }

    ApertiumOptions options_;
    ScratchDir scratch_;
    std::set<std::string> modes_;
    std::string version_;
    std::string problem_;     // why Apertium cannot be used at all
    std::string last_error_;  // the last failed run, for the report
};

}  // namespace

std::unique_ptr<Translator> make_apertium_translator(ApertiumOptions options) {
    return std::make_unique<ApertiumTranslator>(std::move(options));
}

}  // namespace ingest
