// story — stories across borders in the viewer: the story the globe's
// coverage map shows (from the story document, or from the open article's
// alternative takes until it arrives or when it cannot), the story view
// (#/story/{id}) and its walk from country to country, and the way back.
#include <algorithm>

#include "viewer/viewer.hpp"

namespace ng {
namespace {

// The walk turns the globe to each country at most this close, so the
// story's other countries in the region stay in view around it.
constexpr double kWalkZoom = 1.8;

// A take's outlet, headline and link as a member of the story, for the
// fallback built without a story document.
StoryMember member_from_take(const AlternativeTake& t) {
    StoryMember m;
    m.id = t.article_id;
    m.headline = t.headline;
    m.outlet = t.outlet;
    m.url = t.url;
    m.country = t.country;
    return m;
}

CoveringCountry& country_in(ShownStory& s, const std::string& iso) {
    for (CoveringCountry& c : s.countries)
        if (c.iso == iso) return c;
    s.countries.push_back({iso, 0, {}});
    return s.countries.back();
}

int count_outlets(const std::vector<StoryMember>& articles) {
    std::vector<std::string> names;
    for (const StoryMember& m : articles)
        if (std::find(names.begin(), names.end(), m.outlet.name) == names.end()) names.push_back(m.outlet.name);
    return int(names.size());
}

ShownStory from_document(const StoryDocument& doc) {
    ShownStory s;
    s.id = doc.id;
    s.headline = doc.headline;
    s.world_take = doc.world_take;
    s.first_reported = doc.first_reported;
    s.from_document = true;
    for (const StoryCountry& c : doc.countries) country_in(s, c.iso).outlets = c.outlets;  // most attention first
    for (const StoryMember& m : doc.articles) country_in(s, m.country).articles.push_back(m);
    // a country the document lists without any readable article has nothing to show or walk to
    s.countries.erase(std::remove_if(s.countries.begin(), s.countries.end(),
                                     [](const CoveringCountry& c) { return c.articles.empty(); }),
                      s.countries.end());
    for (CoveringCountry& c : s.countries)
        if (c.outlets <= 0) c.outlets = count_outlets(c.articles);
    return s;
}

// The open article's country first, then its takes' countries in their order.
ShownStory from_takes(const Article& a) {
    ShownStory s;
    s.id = a.story_id;
    s.headline = a.headline;
    s.world_take = a.world_take;
    StoryMember self;
    static_cast<StorySummary&>(self) = a;
    self.country = a.country;
    country_in(s, a.country).articles.push_back(self);
    for (const AlternativeTake& t : a.alternative_takes)
        if (!t.country.empty()) country_in(s, t.country).articles.push_back(member_from_take(t));
    for (CoveringCountry& c : s.countries) c.outlets = count_outlets(c.articles);
    return s;
}

}  // namespace

// [SECTION] what the globe shows ------------------------------------------------------------

const StoryMember* CoveringCountry::take() const {
    for (const StoryMember& m : articles)
        if (!m.id.empty()) return &m;
    return nullptr;
}

int ShownStory::article_count() const {
    int n = 0;
    for (const CoveringCountry& c : countries) n += int(c.articles.size());
    return n;
}

int ShownStory::outlet_count() const {
    int n = 0;
    for (const CoveringCountry& c : countries) n += c.outlets;
    return n;
}

// The article the story is about: the open one, or in the story view the
// one it was opened from (its takes are the fallback when the document fails).
const Article* Viewer::story_base_article() const {
    if (!article_.empty()) return loaded_article();
    const ArticleEntry* a = story_origin_.empty() ? nullptr : news_->article(story_origin_);
    if (!a || !a->loaded || a->article.story_id != story_) return nullptr;
    return &a->article;
}

const StoryEntry* Viewer::story_entry() const {
    if (!story_.empty()) return news_->story(story_);
    const Article* a = loaded_article();
    return a && !a->story_id.empty() ? news_->story(a->story_id) : nullptr;
}

void Viewer::refresh_story() {
    const StoryEntry* e = story_entry();
    const Article* base = story_base_article();
    bool showing = !story_.empty() || base;
    // rebuilt only when what it is made of changes: an article may have
    // thousands of takes, and this runs every frame
    const ArticleEntry* base_entry = base ? news_->article(article_.empty() ? story_origin_ : article_) : nullptr;
    ShownStorySource source{showing, e, e ? e->revision : 0, base, base_entry ? base_entry->revision : 0};
    if (source != shown_story_source_) {
        shown_story_source_ = source;
        if (showing && e && e->loaded) shown_story_ = from_document(e->story);
        else if (showing && base && !base->alternative_takes.empty()) shown_story_ = from_takes(*base);
        else shown_story_ = {};
    }
    if (story_.empty()) return;
    // the walk: stay on the country it is at, else start at the first
    if (!shown_story_.countries.empty() && (focus_story_ != story_ || !coverage_of(story_focus_))) {
        story_focus_ = shown_story_.countries.front().iso;
        focus_story_ = story_;
    }
    if (world_ready_ && !story_focus_.empty() && flown_to_focus_ != story_ + "/" + story_focus_) {
        flown_to_focus_ = story_ + "/" + story_focus_;
        globe_.select(world_->find(story_focus_), true, kWalkZoom);
    }
}

const CoveringCountry* Viewer::coverage_of(const std::string& iso) const {
    for (const CoveringCountry& c : shown_story_.countries)
        if (c.iso == iso) return &c;
    return nullptr;
}

// [SECTION] the story view and its walk ----------------------------------------------------

bool Viewer::open_story_view() {
    const Article* a = loaded_article();
    if (!a || a->story_id.empty() || !route_allowed({Route::Story, a->story_id})) return false;
    story_origin_ = a->id;
    story_focus_ = a->country;  // the walk starts where the reader was
    focus_story_ = a->story_id;
    navigate({Route::Story, a->story_id});
    return true;
}

bool Viewer::walking_story() const {
    if (!story_.empty()) return true;
    const Article* a = loaded_article();
    return a && !story_return_.empty() && a->story_id == story_return_;
}

bool Viewer::step_story(int delta) {
    if (!walking_story()) return false;
    const std::vector<CoveringCountry>& list = shown_story_.countries;
    std::string at = story_.empty() ? loaded_article()->country : story_focus_;
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i].iso != at) continue;
        long j = long(i) + delta;
        if (j < 0 || j >= long(list.size())) return false;
        if (story_.empty()) return open_story_take(list[size_t(j)].iso);
        story_focus_ = list[size_t(j)].iso;
        refresh_story();  // turns the globe to it
        return true;
    }
    return false;
}

bool Viewer::open_story_take(const std::string& iso) {
    const CoveringCountry* c = coverage_of(iso.empty() ? story_focus_ : iso);
    const StoryMember* take = c ? c->take() : nullptr;
    return take && open_story_article(take->id);
}

bool Viewer::open_story_article(const std::string& id) {
    std::string story = !story_.empty() ? story_ : story_return_;
    if (story.empty() || id.empty()) return false;
    for (const CoveringCountry& c : shown_story_.countries)
        for (const StoryMember& m : c.articles) {
            if (m.id != id) continue;
            story_focus_ = c.iso;  // back in the story view, the walk is where the reader was
            focus_story_ = story;
            story_return_ = story;
            taking_from_story_ = true;
            navigate({Route::Article, id});
            return true;
        }
    return false;
}

const std::string& Viewer::story_origin() const {
    static const std::string none;
    const Article* origin = story_.empty() ? nullptr : story_base_article();
    return origin ? origin->id : none;
}

void Viewer::retry_story() {
    const Article* a = loaded_article();
    std::string id = !story_.empty() ? story_ : a ? a->story_id : "";
    if (!id.empty()) news_->retry_story(id);
}

}  // namespace ng
