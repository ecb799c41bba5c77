// The engine-independent parts of translate.hpp: `none`, the Apertium
// helpers that need no process, and the cache.
#include "translate.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "core/json_util.hpp"
#include "core/time_format.hpp"
#include "file_util.hpp"

namespace ingest {
namespace ju = ng::json_util;

// ---- none -----------------------------------------------------------------------

namespace {

class NoTranslator : public Translator {
public:
    std::string engine(std::string_view) override { return {}; }
    std::string unsupported_reason(std::string_view) override { return "Translation is off (--translator none)."; }
    std::vector<TranslationResult> translate(const std::vector<std::string>& texts, std::string_view) override {
        return std::vector<TranslationResult>(texts.size(), TranslationResult{{}, "Translation is off."});
    }
};

}  // namespace

std::unique_ptr<Translator> make_no_translator() { return std::make_unique<NoTranslator>(); }

// ---- Apertium helpers -------------------------------------------------------------

std::string apertium_pair(std::string_view language) {
    std::string primary(language.substr(0, language.find('-')));
    // Debian 12's pairs into English (apertium -l). Serbo-Croatian's pair
    // reads Serbian, Croatian, Bosnian and Montenegrin alike.
    static const std::map<std::string, std::string> kPairs = {
        {"es", "spa-eng"}, {"ca", "cat-eng"}, {"gl", "gl-en"},   {"eu", "eu-en"},   {"eo", "eo-en"},
        {"is", "isl-eng"}, {"mk", "mkd-eng"}, {"sr", "hbs-eng"}, {"hr", "hbs-eng"}, {"bs", "hbs-eng"},
        {"sh", "hbs-eng"},
    };
    auto it = kPairs.find(primary);
    return it == kPairs.end() ? std::string() : it->second;
}

std::string remove_apertium_marks(std::string_view output, std::string_view input) {
    std::set<std::string_view> input_words;
    for (size_t i = 0; i < input.size();) {
        size_t end = input.find(' ', i);
        if (end == std::string_view::npos) end = input.size();
        if (end > i) input_words.insert(input.substr(i, end - i));
        i = end + 1;
    }
    std::string out;
    out.reserve(output.size());
    for (size_t i = 0; i < output.size();) {
        size_t end = output.find(' ', i);
        if (end == std::string_view::npos) end = output.size();
        std::string_view word = output.substr(i, end - i);
        bool marked = word.size() > 1 && (word[0] == '*' || word[0] == '#' || word[0] == '@');
        if (marked && !input_words.count(word)) word.remove_prefix(1);
        out.append(word);
        if (end < output.size()) out += ' ';
        i = end + 1;
    }
    return out;
}

// ---- cache ------------------------------------------------------------------------

bool TranslationCache::load(const std::string& path, std::string& problem) {
    entries_.clear();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return true;
    std::string bytes;
    if (!read_whole_file(path, bytes, problem)) return false;
    nlohmann::json doc = ju::parse(bytes);
    const nlohmann::json* list = ju::as_array(ju::member(doc, "entries"));
    if (doc.is_discarded() || !list || ju::as_int(ju::member(doc, "version")) != 1) {
        problem = "The translation cache " + path + " is damaged or of another version; starting afresh.";
        return false;
    }
    for (const nlohmann::json& e : *list) {
        auto text = [&](const char* key) {
            auto s = ju::as_string(ju::member(e, key));
            return s ? std::string(*s) : std::string();
        };
        CachedTranslation c{text("translation"), ng::parse_rfc3339(text("at")), false};
        std::string engine = text("engine"), from = text("from"), original = text("text");
        if (engine.empty() || from.empty() || original.empty() || c.text.empty() || c.at == 0) continue;
        entries_[{engine, from, original}] = std::move(c);
    }
    return true;
}

bool TranslationCache::save(const std::string& path, int64_t prune_before, std::string& problem) {
    nlohmann::ordered_json doc;
    doc["version"] = 1;
    doc["entries"] = nlohmann::ordered_json::array();
    for (const auto& [key, c] : entries_) {
        if (!c.used && c.at < prune_before) continue;
        nlohmann::ordered_json e;
        e["engine"] = std::get<0>(key);
        e["from"] = std::get<1>(key);
        e["text"] = std::get<2>(key);
        e["translation"] = c.text;
        e["at"] = ng::format_rfc3339(c.at);
        doc["entries"].push_back(std::move(e));
    }
    return write_file_atomically(path, doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                                 problem);
}

const CachedTranslation* TranslationCache::find(const std::string& engine, const std::string& from,
                                                const std::string& text) {
    auto it = entries_.find({engine, from, text});
    if (it == entries_.end()) return nullptr;
    it->second.used = true;
    return &it->second;
}

void TranslationCache::put(const std::string& engine, const std::string& from, const std::string& text,
                           std::string translation, int64_t at) {
    entries_[{engine, from, text}] = CachedTranslation{std::move(translation), at, true};
}

}  // namespace ingest
