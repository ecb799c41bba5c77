#include "publish.hpp"

#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <map>

#include "api_schemas.hpp"
#include "core/json_util.hpp"
#include "core/news_encode.hpp"
#include "file_util.hpp"

namespace ingest {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxViolationsShown = 50;

// The time a list sorts by: publication, else first sighting.
int64_t shown_time(const ng::StorySummary& s) { return s.published.known() ? s.published.seconds : s.first_seen.seconds; }

bool newer(const ng::Article* a, const ng::Article* b) {
    int64_t ta = shown_time(*a), tb = shown_time(*b);
    return ta != tb ? ta > tb : a->id < b->id;
}

// What a story item repeats of its article.
ng::StorySummary story_item(const ng::Article& a) { return static_cast<const ng::StorySummary&>(a); }

ApiDocument kind_of(const std::string& path) {
    if (path == "v1/countries.json") return ApiDocument::Countries;
    if (path.rfind("v1/stories/", 0) == 0) return ApiDocument::Story;
    return path.rfind("v1/countries/", 0) == 0 ? ApiDocument::StoryPage : ApiDocument::Article;
}

// SHA-256 over every (path, bytes) pair, for the release name.
class ContentDigest {
public:
    ContentDigest() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
    ~ContentDigest() { EVP_MD_CTX_free(ctx_); }
    void add(const std::string& path, const std::string& bytes) {
        std::string header = path + "\n" + std::to_string(bytes.size()) + "\n";
        EVP_DigestUpdate(ctx_, header.data(), header.size());
        EVP_DigestUpdate(ctx_, bytes.data(), bytes.size());
    }
    std::string hex() {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(ctx_, digest, &length);
        static const char* digits = "0123456789abcdef";
        std::string out;
        for (unsigned int i = 0; i < length; ++i) out += {digits[digest[i] >> 4], digits[digest[i] & 15]};
        return out;
    }

private:
    EVP_MD_CTX* ctx_;
};

// The release OUT/v1 points at now, or empty.
std::string live_release(const fs::path& out_dir) {
    std::error_code ec;
    fs::path target = fs::read_symlink(out_dir / "v1", ec);
    if (ec) return {};
    // "releases/<name>/v1"
    return target.parent_path().filename().string();
}

// Points OUT/v1 at releases/<release>/v1 with one rename. A plain folder
// there (a copy, the sample, an older layout) is first kept as the release
// `previous`, which is renamed to say so.
bool switch_live(const fs::path& out_dir, const std::string& release, std::string& previous, std::string& problem) {
    std::error_code ec;
    fs::path link = out_dir / "v1";
    if (fs::is_directory(fs::symlink_status(link, ec))) {
        previous = "previous-" + release;
        fs::create_directories(out_dir / "releases" / previous, ec);
        fs::rename(link, out_dir / "releases" / previous / "v1", ec);
        if (ec) {
            problem = "Cannot move the existing " + link.string() + " aside: " + ec.message() + ".";
            return false;
        }
    }
    fs::path fresh = out_dir / (".v1-" + std::to_string(::getpid()));
    fs::remove(fresh, ec);
    fs::create_directory_symlink(fs::path("releases") / release / "v1", fresh, ec);
    if (!ec) fs::rename(fresh, link, ec);
    if (ec) {
        fs::remove(fresh, ec);
        problem = "Cannot switch " + link.string() + " to the new release: " + ec.message() + ".";
        return false;
    }
    return true;
}

// Removes releases other than the live one and the one before it.
void remove_old_releases(const fs::path& out_dir, const std::string& live, const std::string& previous) {
    std::error_code ec;
    for (fs::directory_iterator it(out_dir / "releases", ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name != live && name != previous) fs::remove_all(it->path(), ec);
    }
}

}  // namespace

void render_api(const std::vector<ng::Article>& articles, const std::vector<ng::StoryDocument>& stories,
                const ApiMeta& meta, const std::function<void(const std::string&, const std::string&)>& emit) {
    std::map<std::string, std::vector<const ng::Article*>> by_country;
    for (const ng::Article& a : articles) by_country[a.country].push_back(&a);

    ng::CountriesIndex index;
    index.generated = {ng::format_rfc3339(meta.generated), meta.generated};
    index.source_name = meta.source_name;
    index.attribution = meta.attribution;
    std::vector<std::pair<std::string, std::string>> pages;
    for (auto& [iso, list] : by_country) {
        std::sort(list.begin(), list.end(), newer);
        int total = static_cast<int>(list.size());
        int page_count = (total + meta.page_size - 1) / meta.page_size;
        ng::CountryEntry entry{iso, "", total, {}, {}};
        entry.covered_abroad = static_cast<int>(std::count_if(
            list.begin(), list.end(), [](const ng::Article* a) { return a->coverage.value_or(0) >= 2; }));
        int64_t latest = shown_time(*list.front());
        if (latest) entry.latest = {ng::format_rfc3339(latest), latest};
        index.countries.push_back(entry);
        for (int page = 1; page <= page_count; ++page) {
            ng::StoryPage doc;
            doc.country = iso;
            doc.page = page;
            doc.page_count = page_count;
            doc.total = total;
            for (int k = (page - 1) * meta.page_size; k < std::min(total, page * meta.page_size); ++k)
                doc.stories.push_back(story_item(*list[static_cast<size_t>(k)]));
            pages.emplace_back("v1/countries/" + iso + "/stories-" + std::to_string(page) + ".json",
                               ng::encode_story_page(doc));
        }
    }
    emit("v1/countries.json", ng::encode_countries(index));
    for (const auto& [path, bytes] : pages) emit(path, bytes);
    std::vector<const ng::Article*> sorted;
    for (const ng::Article& a : articles) sorted.push_back(&a);
    std::sort(sorted.begin(), sorted.end(), [](const ng::Article* x, const ng::Article* y) { return x->id < y->id; });
    for (const ng::Article* a : sorted) emit("v1/articles/" + a->id + ".json", ng::encode_article(*a));
    std::vector<const ng::StoryDocument*> by_id;
    for (const ng::StoryDocument& s : stories) by_id.push_back(&s);
    std::sort(by_id.begin(), by_id.end(), [](const auto* x, const auto* y) { return x->id < y->id; });
    for (const ng::StoryDocument* s : by_id) emit("v1/stories/" + s->id + ".json", ng::encode_story(*s));
}

PublishResult publish_api(const fs::path& out_dir, const std::vector<ng::Article>& articles,
                          const std::vector<ng::StoryDocument>& stories, const ApiMeta& meta, const std::string& now_id) {
    PublishResult result;
    std::error_code ec;
    fs::path releases = out_dir / "releases";
    fs::path partial = releases / (".partial-" + std::to_string(::getpid()));
    fs::remove_all(partial, ec);
    fs::create_directories(partial / "v1" / "articles", ec);
    if (ec) {
        result.error = "Cannot create " + partial.string() + ": " + ec.message() + ".";
        return result;
    }
    ContentDigest digest;
    std::string write_problem;
    size_t violation_count = 0;
    render_api(articles, stories, meta, [&](const std::string& path, const std::string& bytes) {
        ++result.documents;
        result.bytes += bytes.size();
        ApiDocument kind = kind_of(path);
        if (kind == ApiDocument::StoryPage) ++result.pages;
        if (kind == ApiDocument::Story) ++result.stories;
        for (const SchemaViolation& v : api_schema(kind).validate(ng::json_util::parse(bytes))) {
            if (++violation_count <= kMaxViolationsShown) result.violations.push_back(path + ": " + v.describe());
        }
        digest.add(path, bytes);
        if (!write_problem.empty()) return;
        fs::path file = partial / path;
        std::error_code dir_ec;
        fs::create_directories(file.parent_path(), dir_ec);
        // Plain writes: the folder becomes visible only as a whole, below.
        write_whole_file(file, bytes, write_problem);
    });
    if (violation_count > kMaxViolationsShown)
        result.violations.push_back("… and " + std::to_string(violation_count - kMaxViolationsShown) + " more");
    std::map<std::string, int> countries;
    for (const ng::Article& a : articles) countries[a.country]++;
    result.countries = countries.size();

    auto give_up = [&](std::string why) {
        fs::remove_all(partial, ec);
        result.error = std::move(why);
        return result;
    };
    if (violation_count > 0)
        return give_up(std::to_string(violation_count) +
                       " documents' fields break docs/schema; nothing was published (see the violations).");
    if (!write_problem.empty()) return give_up(write_problem);

    result.release = now_id + "-" + digest.hex().substr(0, 12);
    std::string live = live_release(out_dir);
    if (live == result.release) {
        fs::remove_all(partial, ec);
        result.unchanged = true;
        result.ok = true;
        return result;
    }
    flush_folder(partial);
    fs::remove_all(releases / result.release, ec);
    fs::rename(partial, releases / result.release, ec);
    if (ec) return give_up("Cannot move the new release into place: " + ec.message() + ".");
    std::string problem, previous = live;
    if (!switch_live(out_dir, result.release, previous, problem)) return give_up(problem);
    remove_old_releases(out_dir, result.release, previous);
    result.ok = true;
    return result;
}

}  // namespace ingest
