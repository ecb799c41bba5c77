#include "core/news_state.hpp"

#include <algorithm>

namespace ng {

void NewsState::load_countries() {
    if (countries_load_.loading) return;
    countries_load_.loading = true;
    countries_load_.handle = service_.countries([this](const NewsUpdate<CountriesIndex>& u) {
        countries_load_.loading = false;
        changed_ = true;
        if (!u.result.ok()) {
            countries_load_.error = u.result.error;
            return;
        }
        countries_load_.error = {};
        countries_load_.skipped = u.result.skipped;
        countries_ = u.result.value;
        countries_loaded_ = true;
        counts_.clear();
        for (const CountryEntry& c : countries_.countries) counts_[c.iso] = c.story_count.value_or(-1);
    });
}

int CountryStories::listed_total() const {
    int listed = int(stories.size());
    return complete() ? listed : std::max(listed, total - load.skipped);
}

int NewsState::story_count(const std::string& iso) const {
    auto it = counts_.find(iso);
    int indexed = it == counts_.end() ? (countries_loaded_ && source_info().story_counts ? 0 : -1) : it->second;
    const CountryStories* s = stories(iso);
    if (indexed < 0 || !s || s->pages_loaded == 0) return indexed;
    return s->listed_total();
}

void NewsState::open_country(const std::string& iso) {
    CountryStories& s = stories_[iso];
    if (s.pages_loaded == 0 && !s.load.loading && s.load.error.ok()) load_page(iso, 1);
}

void NewsState::retry_country(const std::string& iso) {
    CountryStories& s = stories_[iso];
    if (s.load.loading) return;
    if (s.pages_loaded == 0) load_page(iso, 1);
    else load_more(iso);
}

void NewsState::load_more(const std::string& iso) {
    CountryStories& s = stories_[iso];
    if (s.load.loading || (s.pages_loaded > 0 && s.complete())) return;
    load_page(iso, s.pages_loaded + 1);
}

void NewsState::load_page(const std::string& iso, int page) {
    CountryStories& s = stories_[iso];
    s.load.loading = true;
    s.load.handle = service_.stories(iso, page, [this, iso, page](const NewsUpdate<StoryPage>& u) {
        CountryStories& s = stories_[iso];
        s.load.loading = false;
        changed_ = true;
        if (!u.result.ok()) {
            s.load.error = u.result.error;  // stories already listed stay
            return;
        }
        s.load.error = {};
        s.load.skipped += u.result.skipped;
        const StoryPage& p = u.result.value;
        s.pages[page] = p.stories;  // a refreshed page replaces its stale copy
        s.page_count = p.page_count, s.total = p.total;
        s.stories.clear();
        s.pages_loaded = 0;
        ++s.revision;
        for (const auto& [n, items] : s.pages) {
            if (n != s.pages_loaded + 1) break;  // only a gap-free run of pages is shown
            s.stories.insert(s.stories.end(), items.begin(), items.end());
            s.pages_loaded = n;
        }
    });
}

const CountryStories* NewsState::stories(const std::string& iso) const {
    auto it = stories_.find(iso);
    return it == stories_.end() ? nullptr : &it->second;
}

// Loads a document unless it is loaded or loading: what "Try again" does,
// and what opening does when nothing failed before.
template <class Entry, class T>
void NewsState::load_document(std::map<std::string, Entry>& entries, const std::string& id, T Entry::*value,
                              FetchHandle (NewsService::*fetch)(const std::string&,
                                                                std::function<void(const NewsUpdate<T>&)>)) {
    Entry& e = entries[id];
    if (e.loaded || e.load.loading) return;
    e.load.loading = true;
    e.load.handle = (service_.*fetch)(id, [this, &entries, id, value](const NewsUpdate<T>& u) {
        Entry& e = entries[id];
        e.load.loading = false;
        changed_ = true;
        if (!u.result.ok()) {
            e.load.error = u.result.error;
            return;
        }
        e.load.error = {};
        e.load.skipped = u.result.skipped;
        e.*value = u.result.value;
        e.loaded = true;
        ++e.revision;
    });
}

void NewsState::open_article(const std::string& id) {
    if (articles_[id].load.error.ok()) retry_article(id);
}

void NewsState::retry_article(const std::string& id) {
    load_document(articles_, id, &ArticleEntry::article, &NewsService::article);
}

void NewsState::open_story(const std::string& id) {
    if (stories_across_[id].load.error.ok()) retry_story(id);
}

void NewsState::retry_story(const std::string& id) {
    load_document(stories_across_, id, &StoryEntry::story, &NewsService::story);
}

const StoryEntry* NewsState::story(const std::string& id) const {
    auto it = stories_across_.find(id);
    return it == stories_across_.end() ? nullptr : &it->second;
}

const ArticleEntry* NewsState::article(const std::string& id) const {
    auto it = articles_.find(id);
    return it == articles_.end() ? nullptr : &it->second;
}

bool NewsState::take_changed() {
    bool c = changed_;
    changed_ = false;
    return c;
}

}  // namespace ng
