#include "cluster.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "cluster_embedding.hpp"
#include "cluster_features.hpp"
#include "cluster_linkage.hpp"
#include "cluster_text.hpp"
#include "core/news_decode.hpp"

namespace ingest {
namespace {

// Headlines shorter than this ("Live", "Weather") are too generic to link on
// being identical.
constexpr std::size_t kMinIdenticalHeadline = 20;

// [SECTION] input order and checks

// Positions of the input in an order that depends only on content, so that
// every later tie is broken the same way whatever order the caller used.
std::vector<uint32_t> canonical_order(const std::vector<ClusterArticle>& in) {
    std::vector<uint32_t> order(in.size());
    std::iota(order.begin(), order.end(), 0u);
    auto key = [&](uint32_t i) {
        const ClusterArticle& a = in[i];
        return std::tie(a.id, a.url, a.outlet_id, a.outlet_domain, a.time, a.country, a.language, a.title,
                        a.description, a.title_en, a.description_en, a.outlet_name, a.translated_by);
    };
    std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        if (key(x) != key(y)) return key(x) < key(y);
        return in[x].embedding < in[y].embedding;
    });
    return order;
}

// Why an embedding cannot be used; empty when it can.
std::string embedding_problem(const std::vector<float>& v, std::size_t dims) {
    if (v.empty()) return {};
    if (v.size() != dims)
        return "embedding has " + std::to_string(v.size()) + " values, expected " + std::to_string(dims);
    double norm = 0;
    for (float x : v) {
        if (!std::isfinite(x)) return "embedding holds a value that is not a finite number";
        norm += double(x) * x;
    }
    if (norm <= 0) return "embedding is all zeros";
    return {};
}

// [SECTION] outlets and syndicated copies

std::string normalise_domain(std::string d) {
    for (char& c : d) c = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (const char* prefix : {"www.", "m.", "amp.", "mobile."}) {
        std::string p = prefix;
        if (d.size() > p.size() && d.compare(0, p.size(), p) == 0) d = d.substr(p.size());
    }
    return d;
}

// The name an outlet's domains share: "lemonde" for lemonde.fr and
// lemonde.com, "bbc" for bbc.co.uk and bbc.com.
std::string domain_family(const std::string& domain) {
    std::vector<std::string> labels;
    std::size_t start = 0;
    while (start <= domain.size()) {
        std::size_t dot = domain.find('.', start);
        if (dot == std::string::npos) dot = domain.size();
        labels.push_back(domain.substr(start, dot - start));
        start = dot + 1;
    }
    if (labels.size() < 2) return domain;
    static const char* const generic[] = {"co", "com", "net", "org", "gov", "gob", "gouv", "ac", "edu", "or", "ne"};
    std::size_t last = labels.size() - 1;
    bool second_level =
        labels[last].size() == 2 && labels.size() >= 3 &&
        std::any_of(std::begin(generic), std::end(generic), [&](const char* g) { return labels[last - 1] == g; });
    return labels[second_level ? last - 2 : last - 1];
}

// Canonical position -> outlet group (the group's lowest position): the same
// outlet id, the same domain, or the same headline on a domain of the same
// family are one outlet.
std::vector<uint32_t> outlet_groups(const std::vector<ClusterArticle>& in, const std::vector<uint32_t>& order,
                                    const std::vector<std::string>& folded_titles) {
    cluster_linkage::DisjointSets sets(order.size());
    std::map<std::string, uint32_t> first_with;
    auto join_on = [&](const std::string& key, uint32_t pos) {
        auto [it, added] = first_with.emplace(key, pos);
        if (!added) sets.join(it->second, pos);
    };
    for (uint32_t pos = 0; pos < order.size(); ++pos) {
        const ClusterArticle& a = in[order[pos]];
        std::string domain = normalise_domain(a.outlet_domain);
        if (!a.outlet_id.empty()) join_on("id\t" + a.outlet_id, pos);
        if (!domain.empty()) join_on("domain\t" + domain, pos);
        if (!domain.empty() && !folded_titles[pos].empty())
            join_on("title\t" + domain_family(domain) + "\t" + folded_titles[pos], pos);
    }
    std::vector<uint32_t> group(order.size());
    for (uint32_t pos = 0; pos < order.size(); ++pos) group[pos] = sets.find(pos);
    return group;
}

std::string outlet_key(const ClusterArticle& a) {
    if (!a.outlet_id.empty()) return a.outlet_id;
    std::string domain = normalise_domain(a.outlet_domain);
    return domain.empty() ? "article:" + a.id : domain;
}

// [SECTION] stories

std::string story_id_for(const ClusterArticle& earliest) {
    std::string basis = earliest.url.empty() ? "id:" + earliest.id : earliest.url;
    uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, 64 bits
    for (unsigned char c : basis) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "s-%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// Earliest known time first; unknown times last.
bool earlier(const ClusterArticle& a, const ClusterArticle& b) {
    if ((a.time == 0) != (b.time == 0)) return b.time == 0;
    if (a.time != b.time) return a.time < b.time;
    if (a.url != b.url) return a.url < b.url;
    return a.id < b.id;
}

double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

// [SECTION] the clustering run

class Run {
public:
    Run(const std::vector<ClusterArticle>& in, const ClusterOptions& options) : in_(in), opt_(options) {}

    Clustering go() {
        out_.story_of.assign(in_.size(), -1);
        out_.stats.articles = in_.size();
        order_ = canonical_order(in_);
        check_input();
        build_units();
        build_models();
        std::vector<std::vector<uint32_t>> groups = group_units(find_links());
        make_stories(groups);
        return std::move(out_);
    }

private:
    struct Unit {
        std::vector<uint32_t> positions;  // canonical positions, representative first
        uint32_t outlet_group = 0;
        int64_t time = 0;
        std::string headline;  // folded; empty when none
    };
    struct Link {
        uint32_t a, b;
        double score;  // in threshold units
    };

    void note(uint32_t pos, const std::string& text) {
        out_.notes.push_back("article " + in_[order_[pos]].id + ": " + text);
    }

    void check_input() {
        std::map<std::string, int> id_count;
        usable_embedding_.assign(order_.size(), false);
        for (uint32_t pos = 0; pos < order_.size(); ++pos) {
            const ClusterArticle& a = in_[order_[pos]];
            ++id_count[a.id];
            std::string problem = embedding_problem(a.embedding, opt_.embedding_dims);
            if (!problem.empty()) note(pos, problem + "; its text is used instead");
            usable_embedding_[pos] = opt_.use_embeddings && problem.empty() && !a.embedding.empty();
            if (a.title.empty() && a.description.empty() && a.title_en.empty() && !usable_embedding_[pos])
                note(pos, "no headline, description or embedding; it cannot join a story");
            if (a.outlet_id.empty() && normalise_domain(a.outlet_domain).empty())
                note(pos, "no outlet id or domain; counted as an outlet of its own");
        }
        for (const auto& [id, n] : id_count)
            if (n > 1) out_.notes.push_back("article id " + id + " appears " + std::to_string(n) + " times");
    }

    // Folds each outlet's syndicated copies (same outlet, same headline) into one unit.
    void build_units() {
        std::vector<std::string> folded(order_.size());
        for (uint32_t pos = 0; pos < order_.size(); ++pos) {
            const ClusterArticle& a = in_[order_[pos]];
            folded[pos] = cluster_text::fold(a.title.empty() ? a.title_en : a.title);
        }
        outlet_group_ = outlet_groups(in_, order_, folded);
        std::map<std::pair<uint32_t, std::string>, uint32_t> unit_of_key;
        for (uint32_t pos = 0; pos < order_.size(); ++pos) {
            std::pair<uint32_t, std::string> key{outlet_group_[pos],
                                                 folded[pos].empty() ? "\t" + std::to_string(pos) : folded[pos]};
            auto [it, added] = unit_of_key.emplace(key, uint32_t(units_.size()));
            if (added) units_.push_back({{}, outlet_group_[pos], 0, folded[pos]});
            units_[it->second].positions.push_back(pos);
        }
        for (Unit& u : units_) {
            std::stable_sort(u.positions.begin(), u.positions.end(),
                             [&](uint32_t x, uint32_t y) { return earlier(in_[order_[x]], in_[order_[y]]); });
            u.time = in_[order_[u.positions[0]]].time;
        }
        out_.stats.units = units_.size();
    }

    void build_models() {
        std::vector<cluster_features::TextInput> texts;
        std::vector<const float*> vectors(units_.size(), nullptr);
        texts.reserve(units_.size());
        clean_.reserve(units_.size());
        for (uint32_t u = 0; u < units_.size(); ++u) {
            const ClusterArticle& a = in_[order_[units_[u].positions[0]]];
            // Bounded, cleaned text: a hostile feed cannot make one article costly.
            clean_.push_back({ng::clean_text(a.title, ng::kMaxLineBytes),
                              ng::clean_text(a.description, ng::kMaxSummaryBytes),
                              ng::clean_text(a.title_en, ng::kMaxLineBytes),
                              ng::clean_text(a.description_en, ng::kMaxSummaryBytes)});
            for (uint32_t pos : units_[u].positions)
                if (usable_embedding_[pos]) {
                    vectors[u] = in_[order_[pos]].embedding.data();
                    break;
                }
            out_.stats.with_embeddings += vectors[u] != nullptr;
        }
        for (uint32_t u = 0; u < units_.size(); ++u) {
            const ClusterArticle& a = in_[order_[units_[u].positions[0]]];
            const CleanText& c = clean_[u];
            texts.push_back({a.language, c.title, c.description, c.title_en, c.description_en});
        }
        text_ = std::make_unique<cluster_features::TextModel>(texts);
        embeddings_ = std::make_unique<cluster_embedding::EmbeddingSet>(vectors, opt_.embedding_dims);
    }

    bool within_window(uint32_t a, uint32_t b) const {
        int64_t ta = units_[a].time, tb = units_[b].time;
        return ta == 0 || tb == 0 || std::llabs(ta - tb) <= opt_.window_seconds;
    }

    bool by_embedding(uint32_t a, uint32_t b) const { return embeddings_->has(a) && embeddings_->has(b); }

    // The pair's similarity in threshold units (>= 1: linked); nothing when
    // the two cannot be compared (different languages, nothing in common).
    std::optional<double> score(uint32_t a, uint32_t b) const {
        if (!within_window(a, b)) return 0.0;
        if (by_embedding(a, b)) return embeddings_->cosine(a, b) / opt_.embedding_threshold;
        cluster_features::PairScore s = text_->score(a, b);
        if (s.same_language) return s.cosine / opt_.same_language_threshold;
        if (s.shared_terms == 0) return std::nullopt;
        return s.cosine / opt_.cross_language_threshold;
    }

    std::vector<Link> find_links() {
        std::vector<Link> links;
        std::vector<int64_t> times(units_.size());
        for (uint32_t u = 0; u < units_.size(); ++u) times[u] = units_[u].time;
        for (const cluster_embedding::ScoredPair& p : embeddings_->pairs_at_least(
                 opt_.embedding_threshold, times, opt_.window_seconds, &out_.stats.candidate_pairs))
            links.push_back({p.a, p.b, p.cosine / opt_.embedding_threshold});
        // Text decides the pairs where an article has no vector.
        std::vector<uint32_t> candidates;
        bool all_embedded = out_.stats.with_embeddings == units_.size();
        for (uint32_t a = 0; a < units_.size() && !all_embedded; ++a) {
            candidates.clear();
            text_->candidates(a, opt_.max_term_articles, candidates);
            for (uint32_t b : candidates) {
                if (by_embedding(a, b) || !within_window(a, b)) continue;
                ++out_.stats.candidate_pairs;
                std::optional<double> s = score(a, b);
                if (s && *s >= 1.0) links.push_back({a, b, *s});
            }
        }
        link_identical_headlines(links);
        std::sort(links.begin(), links.end(),
                  [](const Link& x, const Link& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
        links.erase(std::unique(links.begin(), links.end(),
                                [](const Link& x, const Link& y) { return x.a == y.a && x.b == y.b; }),
                    links.end());
        out_.stats.links = links.size();
        return links;
    }

    // One headline run word for word by many outlets (a wire story) holds
    // only terms too common to propose pairs: link such copies directly,
    // each to the first, when their texts still score as linked.
    void link_identical_headlines(std::vector<Link>& links) {
        std::unordered_map<std::string, uint32_t> first_with;
        for (uint32_t u = 0; u < units_.size(); ++u) {
            if (units_[u].headline.size() < kMinIdenticalHeadline) continue;
            auto [it, added] = first_with.emplace(units_[u].headline, u);
            if (added || !within_window(it->second, u)) continue;
            std::optional<double> s = score(it->second, u);
            if (s && *s >= 1.0) links.push_back({it->second, u, *s});
        }
    }

    // Connected components of the links, cut at rising thresholds while
    // larger than max_linkage_size, then split by average linkage.
    std::vector<std::vector<uint32_t>> group_units(const std::vector<Link>& links) {
        std::vector<cluster_linkage::Edge> edges;
        for (const Link& l : links) edges.emplace_back(l.a, l.b);
        // (members, whether average linkage may split them)
        std::vector<std::pair<std::vector<uint32_t>, bool>> bounded;
        std::vector<std::pair<std::vector<uint32_t>, double>> pending;
        for (auto& comp : cluster_linkage::components(units_.size(), edges))
            if (comp.size() >= 2) pending.emplace_back(std::move(comp), 1.0);
        while (!pending.empty()) {
            auto [members, floor] = std::move(pending.back());
            pending.pop_back();
            if (members.size() <= opt_.max_linkage_size) {
                bounded.emplace_back(std::move(members), true);
                continue;
            }
            // No link scores 10% above the floor: all are about equally strong
            // (a wire headline run by a thousand outlets). Keep it whole.
            if (!cut(members, floor * 1.1, links, pending)) bounded.emplace_back(std::move(members), false);
        }
        std::sort(bounded.begin(), bounded.end());
        out_.stats.components = bounded.size();
        for (const auto& comp : bounded)
            out_.stats.largest_component = std::max(out_.stats.largest_component, comp.first.size());

        std::vector<std::vector<uint32_t>> groups;
        for (const auto& [comp, may_split] : bounded) {
            if (opt_.average_linkage <= 0 || !may_split) {
                groups.push_back(comp);
                continue;
            }
            auto parts = cluster_linkage::average_linkage(
                comp, [this](uint32_t a, uint32_t b) { return score(a, b); }, opt_.average_linkage);
            out_.stats.split_components += parts.size() > 1;
            for (auto& p : parts) groups.push_back(std::move(p));
        }
        return groups;
    }

    // Re-forms `members` from the links among them scoring >= floor; false
    // when no such link is left.
    bool cut(const std::vector<uint32_t>& members, double floor, const std::vector<Link>& links,
             std::vector<std::pair<std::vector<uint32_t>, double>>& pending) {
        std::map<uint32_t, uint32_t> local;
        for (uint32_t m : members) local.emplace(m, uint32_t(local.size()));
        std::vector<cluster_linkage::Edge> edges;
        for (const Link& l : links) {
            auto a = local.find(l.a), b = local.find(l.b);
            if (a != local.end() && b != local.end() && l.score >= floor) edges.emplace_back(a->second, b->second);
        }
        if (edges.empty()) return false;
        for (const auto& comp : cluster_linkage::components(members.size(), edges)) {
            if (comp.size() < 2) continue;
            std::vector<uint32_t> piece;
            for (uint32_t i : comp) piece.push_back(members[i]);
            pending.emplace_back(std::move(piece), floor);
        }
        return true;
    }

    void make_stories(const std::vector<std::vector<uint32_t>>& groups) {
        struct Draft {
            Story story;
            uint32_t earliest_pos = 0;
        };
        std::vector<Draft> drafts;
        for (const std::vector<uint32_t>& group : groups) {
            Draft d;
            std::map<uint32_t, std::string> outlet_of_group;
            for (uint32_t u : group) {
                double centrality = unit_centrality(u, group, d.story.used_embeddings);
                for (std::size_t k = 0; k < units_[u].positions.size(); ++k) {
                    uint32_t pos = units_[u].positions[k];
                    uint32_t lead = outlet_group_[pos];
                    auto it = outlet_of_group.emplace(lead, outlet_key(in_[order_[lead]])).first;
                    d.story.members.push_back({order_[pos], it->second, k > 0, rounded(centrality)});
                }
            }
            d.story.outlets = outlet_of_group.size();
            if (d.story.outlets < std::max<std::size_t>(1, opt_.min_outlets)) continue;
            std::sort(d.story.members.begin(), d.story.members.end(), [&](const StoryMember& x, const StoryMember& y) {
                const ClusterArticle& a = in_[x.article];
                const ClusterArticle& b = in_[y.article];
                if (earlier(a, b) != earlier(b, a)) return earlier(a, b);
                return position_of(x.article) < position_of(y.article);
            });
            d.earliest_pos = position_of(d.story.members[0].article);
            d.story.id = story_id_for(in_[d.story.members[0].article]);
            d.story.countries = countries_by_outlets(d.story);
            drafts.push_back(std::move(d));
        }
        std::sort(drafts.begin(), drafts.end(), [&](const Draft& x, const Draft& y) {
            const Story& a = x.story;
            const Story& b = y.story;
            if (a.countries.size() != b.countries.size()) return a.countries.size() > b.countries.size();
            if (a.outlets != b.outlets) return a.outlets > b.outlets;
            const ClusterArticle& ea = in_[a.members[0].article];
            const ClusterArticle& eb = in_[b.members[0].article];
            if (earlier(ea, eb) != earlier(eb, ea)) return earlier(ea, eb);
            return x.earliest_pos < y.earliest_pos;
        });
        std::map<std::string, int> used;
        for (Draft& d : drafts) {
            int n = ++used[d.story.id];
            if (n > 1) d.story.id += "-" + std::to_string(n);  // two stories led by the same URL (bad input)
            for (const StoryMember& m : d.story.members) out_.story_of[m.article] = int(out_.stories.size());
            out_.stories.push_back(std::move(d.story));
        }
    }

    // Mean score of unit u against the rest of its group; sets `linked_by_embedding`
    // when one of those pairs is an embedding link.
    double unit_centrality(uint32_t u, const std::vector<uint32_t>& group, bool& linked_by_embedding) const {
        double sum = 0;
        int count = 0;
        for (uint32_t v : group) {
            if (v == u) continue;
            std::optional<double> s = score(u, v);
            if (!s) continue;
            sum += *s;
            ++count;
            linked_by_embedding |= *s >= 1.0 && by_embedding(u, v);
        }
        return count ? sum / count : 0.0;
    }

    uint32_t position_of(std::size_t article) const {
        if (position_.empty()) {
            position_.assign(in_.size(), 0);
            for (uint32_t pos = 0; pos < order_.size(); ++pos) position_[order_[pos]] = pos;
        }
        return position_[article];
    }

    std::vector<std::string> countries_by_outlets(const Story& story) const {
        std::map<std::string, std::map<std::string, bool>> outlets_by_country;
        for (const StoryMember& m : story.members) {
            const std::string& c = in_[m.article].country;
            if (!c.empty()) outlets_by_country[c][m.outlet] = true;
        }
        std::vector<std::pair<std::string, std::size_t>> counted;
        for (const auto& [country, outlets] : outlets_by_country) counted.emplace_back(country, outlets.size());
        std::stable_sort(counted.begin(), counted.end(),
                         [](const auto& x, const auto& y) { return x.second > y.second; });
        std::vector<std::string> countries;
        for (const auto& entry : counted) countries.push_back(entry.first);
        return countries;
    }

    struct CleanText {
        std::string title, description, title_en, description_en;
    };

    const std::vector<ClusterArticle>& in_;
    const ClusterOptions& opt_;
    Clustering out_;
    std::vector<uint32_t> order_;             // canonical position -> input index
    mutable std::vector<uint32_t> position_;  // input index -> canonical position (built on first use)
    std::vector<bool> usable_embedding_;      // by canonical position
    std::vector<uint32_t> outlet_group_;      // by canonical position
    std::vector<Unit> units_;
    std::vector<CleanText> clean_;  // by unit
    std::unique_ptr<cluster_features::TextModel> text_;
    std::unique_ptr<cluster_embedding::EmbeddingSet> embeddings_;
};

}  // namespace

Clustering cluster_stories(const std::vector<ClusterArticle>& articles, const ClusterOptions& options) {
    return Run(articles, options).go();
}

std::string clustering_to_json(const Clustering& clustering, const std::vector<ClusterArticle>& articles) {
    using nlohmann::json;
    json stories = json::array();
    for (const Story& s : clustering.stories) {
        json members = json::array();
        for (const StoryMember& m : s.members)
            members.push_back({{"article", articles[m.article].id},
                               {"outlet", m.outlet},
                               {"copy", m.copy},
                               {"centrality", m.centrality}});
        stories.push_back({{"id", s.id},
                           {"outlets", s.outlets},
                           {"countries", s.countries},
                           {"used_embeddings", s.used_embeddings},
                           {"members", members}});
    }
    std::size_t unclustered = std::count(clustering.story_of.begin(), clustering.story_of.end(), -1);
    json doc = {{"stories", stories}, {"unclustered", unclustered}, {"notes", clustering.notes}};
    // Ids and notes come from feeds: invalid UTF-8 is replaced, never fatal.
    return doc.dump(1, ' ', false, json::error_handler_t::replace);
}

}  // namespace ingest
