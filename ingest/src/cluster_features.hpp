// cluster_features — the text side of story clustering: a tf-idf model over
// a batch of articles that says how alike two of them are without embeddings,
// across languages where it can.
//
// Each article is compared through the text a reader would compare: its
// English translation when it has one, else its original ("the pivot"). Two
// articles whose pivots share a language are compared word by word (cosine of
// tf-idf vectors over stemmed words, numbers and places). Two whose pivots
// differ are compared on language-neutral terms only ("anchors"): numbers,
// places from the gazetteer (cluster_places), and words that this batch shows
// in more than one language — names and acronyms that survive translation
// ("Zelensky", "COP30", "NATO"), cognates ("referendum"). Words seen in one
// language only would just dilute that comparison, so they are left out of it.
//
// Places weigh less than other terms, and a pair must share at least one term
// that is not a place before it can score at all: two stories that happen in
// the same city do not meet on the city alone. Across languages a pair must
// share two terms (or one letter-and-digit code such as "COP31" or "H5N1"):
// anchor vectors are short, and one shared year or cognate ("2027",
// "record") would otherwise make two headlines look alike. And two
// articles that name different countries and no common one are probably about
// different events however many words they share ("central bank raises
// rates"): their similarity is reduced (TextOptions::country_conflict).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ingest::cluster_features {

struct TextInput {
    std::string_view language;                  // the original's language tag ("fr", "pt-BR")
    std::string_view title, description;        // the original wording
    std::string_view title_en, description_en;  // English translation; empty when none
};

struct TextOptions {
    double description_weight = 0.5;  // a description word counts this much of a title word
    double place_weight = 0.5;        // a place counts this much of another term
    // Both articles name countries, and none in common ("Bank of Japan raises
    // rates" / "Nigeria raises rates"): the similarity is multiplied by this.
    double country_conflict = 0.5;
};

struct PairScore {
    bool same_language = false;  // pivots share a language: `cosine` is over words, else over anchors
    double cosine = 0;           // 0 when the evidence rules fail (see the top of this file)
    int shared_terms = 0;        // terms both have, in the vectors compared
    int shared_specific = 0;     // of which not places
    int shared_codes = 0;        // of which letter-and-digit codes ("COP31")
};

class TextModel {
public:
    TextModel(const std::vector<TextInput>& docs, const TextOptions& options = {});

    std::size_t size() const { return docs_.size(); }
    PairScore score(std::size_t a, std::size_t b) const;

    // Appends the documents after `a` (by index) that share a term held by at
    // most `max_df` documents: the pairs worth scoring. Sorted, no repeats.
    void candidates(std::size_t a, std::size_t max_df, std::vector<uint32_t>& out) const;

    // The language `a` is compared in: "en" for translated articles.
    const std::string& pivot_language(std::size_t a) const { return languages_[docs_[a].pivot]; }

    // The terms behind score(a, b), as "en|elect", "@FR", "#2026", "~kop31":
    // why two articles were linked.
    std::vector<std::string> shared_terms(std::size_t a, std::size_t b) const;

private:
    struct Weighted {
        uint32_t term;
        float weight;
    };
    struct Doc {
        uint32_t pivot = 0;               // into languages_
        std::vector<uint32_t> countries;  // countries named (cities count for theirs), sorted
        std::vector<Weighted> words;      // unit length, sorted by term
        std::vector<Weighted> anchors;    // unit length, sorted by term
    };
    PairScore dot(const std::vector<Weighted>& a, const std::vector<Weighted>& b) const;

    double country_conflict_;
    std::vector<Doc> docs_;
    std::vector<std::string> languages_;
    std::vector<std::string> terms_;  // by term
    enum class TermKind : unsigned char { Other, Place, Code };
    static TermKind kind_of(const std::string& term);
    std::vector<TermKind> kind_;                   // by term
    std::vector<std::vector<uint32_t>> postings_;  // by term: documents holding it (either vector), ascending
};

}  // namespace ingest::cluster_features
