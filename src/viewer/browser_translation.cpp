// browser_translation — the browser's own on-device translator as a
// progressive enhancement: when the open article's headline is still in
// its original language and the browser says it can translate from that
// language into English, the reader offers a button; the translation is
// kept beside the original, labelled, never in its place.
#include "core/news_decode.hpp"
#include "core/provenance.hpp"
#include "viewer/viewer.hpp"

namespace ng {

// Asks the browser once per language, as soon as an article needs it.
void Viewer::check_browser_translator() {
    const Article* a = loaded_article();
    if (!a || !headline_needs_translation(*a) || !host_.has_browser_translator()) return;
    std::string from = original_language(*a);
    if (browser_languages_.count(from)) return;
    browser_languages_[from] = -1;
    host_.check_browser_translator(from);
}

void Viewer::browser_translator_answered(const std::string& from, bool available) {
    browser_languages_[from] = available ? 1 : 0;
}

bool Viewer::browser_translation_offered() const {
    const Article* a = loaded_article();
    if (!a || !headline_needs_translation(*a)) return false;
    auto it = browser_languages_.find(original_language(*a));
    return it != browser_languages_.end() && it->second == 1;
}

void Viewer::translate_with_browser() {
    if (!browser_translation_offered()) return;
    const BrowserTranslation* t = browser_translation();
    if (t && t->state != BrowserTranslation::Failed) return;  // asked already
    const Article* a = loaded_article();
    int request = next_translation_request_++;
    translation_requests_[request] = a->id;
    browser_translations_[a->id] = {BrowserTranslation::Translating, ""};
    host_.browser_translate(request, original_language(*a), a->headline);
}

void Viewer::browser_translated(int request, bool ok, const std::string& text) {
    auto it = translation_requests_.find(request);
    if (it == translation_requests_.end()) return;
    BrowserTranslation& t = browser_translations_[it->second];
    translation_requests_.erase(it);
    std::string clean = clean_text(text, kMaxLineBytes);  // the browser's words are laid out like the news
    if (ok && !clean.empty()) t = {BrowserTranslation::Done, clean};
    else t = {BrowserTranslation::Failed, "Your browser could not translate this headline."};
}

const BrowserTranslation* Viewer::browser_translation() const {
    auto it = browser_translations_.find(article_);
    return it == browser_translations_.end() ? nullptr : &it->second;
}

}  // namespace ng
