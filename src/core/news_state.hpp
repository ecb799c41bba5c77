// news_state — what the reader has loaded so far, and what is loading or
// failed, on top of NewsService: the countries index, each country's story
// list (paged, kept when a later page fails), opened articles and stories
// across borders. Failures never throw away what is already shown; every
// failure can be retried, and only an explicit retry asks again: opening a
// country, an article or a story that failed shows its error (re-applying a
// route must not repeat a request).
// Counts agree with lists: once a country's stories are loaded, its count
// is what the list holds (items that could not be read are not counted).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/news_source.hpp"

namespace ng {

struct LoadState {
    bool loading = false;
    FetchError error;   // the last failure; cleared by a success
    int skipped = 0;    // items dropped by the decoder (shown as a quiet note)
    FetchHandle handle;
};

struct CountryStories {
    std::vector<StorySummary> stories;  // all loaded pages, in order
    std::map<int, std::vector<StorySummary>> pages;
    int pages_loaded = 0, page_count = 0, total = 0;
    LoadState load;
    unsigned revision = 0;  // changes whenever `stories` does
    bool complete() const { return pages_loaded > 0 && pages_loaded >= page_count; }
    // How many stories the list has, or will have once every page is in: the
    // server's total less the items that could not be read.
    int listed_total() const;
};

struct ArticleEntry {
    Article article;
    bool loaded = false;
    LoadState load;
    unsigned revision = 0;  // changes whenever `article` does
};

struct StoryEntry {
    StoryDocument story;
    bool loaded = false;
    LoadState load;
    unsigned revision = 0;  // changes whenever `story` does
};

class NewsState {
public:
    explicit NewsState(NewsService& service) : service_(service) {}

    const SourceInfo& source_info() const { return service_.source().info(); }

    // ---- countries index ----
    void load_countries();  // also the retry
    const CountriesIndex& countries() const { return countries_; }
    bool countries_loaded() const { return countries_loaded_; }
    const LoadState& countries_load() const { return countries_load_; }
    // Story count for an ISO code: -1 when unknown (not in the index, or the
    // source has no counts), 0 when the index says none; once the country's
    // list is loaded, the list's own count (listed_total).
    int story_count(const std::string& iso) const;

    // ---- a country's stories ----
    // Loads page 1 unless it is loaded, loading, or failed (see retry_country).
    void open_country(const std::string& iso);
    // "Try again": page 1 if it is not loaded, else the next page.
    void retry_country(const std::string& iso);
    void load_more(const std::string& iso);  // the next page, or a retry of it
    const CountryStories* stories(const std::string& iso) const;

    // ---- articles ----
    void open_article(const std::string& id);   // loads unless loaded, loading, or failed
    void retry_article(const std::string& id);  // "Try again" after a failure
    const ArticleEntry* article(const std::string& id) const;

    // ---- stories across borders ----
    void open_story(const std::string& id);   // loads unless loaded, loading, or failed
    void retry_story(const std::string& id);  // "Try again" after a failure
    const StoryEntry* story(const std::string& id) const;

    // True when a callback changed something since the last call.
    bool take_changed();

private:
    void load_page(const std::string& iso, int page);
    // Loads a document by id into entries[id].*value unless loaded or loading.
    template <class Entry, class T>
    void load_document(std::map<std::string, Entry>& entries, const std::string& id, T Entry::*value,
                       FetchHandle (NewsService::*fetch)(const std::string&, std::function<void(const NewsUpdate<T>&)>));

    NewsService& service_;
    CountriesIndex countries_;
    bool countries_loaded_ = false;
    LoadState countries_load_;
    std::map<std::string, int> counts_;
    std::map<std::string, CountryStories> stories_;
    std::map<std::string, ArticleEntry> articles_;
    std::map<std::string, StoryEntry> stories_across_;
    bool changed_ = false;
};

}  // namespace ng
