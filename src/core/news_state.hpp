// news_state — what the reader has loaded so far, and what is loading or
// failed, on top of NewsService: the countries index, each country's story
// list (paged, kept when a later page fails), opened articles and stories
// across borders. Failures
// never throw away what is already shown; every failure can be retried.
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
    bool complete() const { return pages_loaded > 0 && pages_loaded >= page_count; }
};

struct ArticleEntry {
    Article article;
    bool loaded = false;
    LoadState load;
};

struct StoryEntry {
    StoryDocument story;
    bool loaded = false;
    LoadState load;
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
    // source has no counts), 0 when the index says none.
    int story_count(const std::string& iso) const;

    // ---- a country's stories ----
    // Loads page 1 if nothing is loaded yet (or retries a failed first page).
    void open_country(const std::string& iso);
    void load_more(const std::string& iso);  // the next page, or a retry of it
    const CountryStories* stories(const std::string& iso) const;

    // ---- articles ----
    void open_article(const std::string& id);  // loads once; retries a failure
    const ArticleEntry* article(const std::string& id) const;

    // ---- stories across borders ----
    void open_story(const std::string& id);  // loads once; retries a failure
    const StoryEntry* story(const std::string& id) const;

    // True when a callback changed something since the last call.
    bool take_changed();

private:
    void load_page(const std::string& iso, int page);
    // Loads a document by id into entries[id].*value once (a failure is retried).
    template <class Entry, class T>
    void open_document(std::map<std::string, Entry>& entries, const std::string& id, T Entry::*value,
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
