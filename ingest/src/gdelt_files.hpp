// gdelt_files — readers for GDELT's bulk files (../shared/REAL_DATA.md §1),
// an optional input besides the outlets' own feeds. Both are gzipped JSON
// lines, published every 15 minutes; plain (already decompressed) text is
// accepted too. A cut-off download keeps its complete lines and says so;
// lines that are not usable records are skipped and counted.
//
// GAL, the Article List (gdeltv3/gal/*.gal.json.gz). Its key names are
// unverified, so several spellings are accepted (first found wins):
//   url          url, link
//   domain       domain, sourceDomain, site            (else the URL's host)
//   outlet name  outletName, outlet_name, outlet, sourceName, source_name
//   title        title, headline
//   description  desc, description, summary
//   language     lang, language    (codes or English names; normalised)
//   image        image, imageUrl, image_url, socialimage, socialImage, img
//   author       author, authors   (a string, or the first of a list)
//   date         pubDate, publishDate, datePublished   -> a publication time
//                seendate, firstSeen, dateAdded         -> a first-seen time
//                date: a publication time only when dateType / date_type /
//                dateKind says "pub…"; otherwise first seen. GDELT says only
//                ~30 % of `date`s are publication times, and a first-seen
//                time must never be shown as a publication time.
//   Dates may be RFC 3339, GDELT's "20261125054000" / "20261125T054000Z"
//   (strings or numbers) or Unix seconds.
// A record needs an http(s) url and a title.
//
// GSG document embeddings (gdeltv3/gsg_docembed/*.gsg.docembed.json.gz):
// url, lang, title, date, model ("USEv4") and docembed, the article's
// vector (512 floats for USEv4; "embedding" is accepted too). Records whose
// vector is missing, not all finite numbers, or of another length than the
// file's first are skipped.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ingest {

struct GalArticle {
    std::string url;          // as given (an http(s) URL)
    std::string domain;       // lower-case host
    std::string outlet_name;  // empty when the record has none
    std::string title;        // clean text, as GDELT gives it
    std::string description;  // clean text
    std::string language;     // normalize_language_tag(); empty when unknown
    std::string image;        // absolute http(s) URL or empty
    std::string author;
    int64_t date = 0;                // Unix seconds; 0 when absent
    bool date_is_published = false;  // false: `date` is when GDELT first saw it
};

// What a bulk file held, and what went wrong reading it.
struct GdeltFileReport {
    std::size_t lines = 0;            // non-empty lines read
    std::size_t skipped = 0;          // lines that were not usable records
    bool truncated = false;           // the file was cut off; its last partial line was dropped
    std::string error;                // set when nothing could be read
    std::vector<std::string> warnings;
};

struct GalFile {
    std::vector<GalArticle> articles;  // in file order
    GdeltFileReport report;
};

GalFile read_gal(std::string_view file_bytes);

struct DocEmbedding {
    std::string language;
    std::string title;
    std::string model;
    int64_t date = 0;
    std::vector<float> vector;
};

struct GsgFile {
    std::unordered_map<std::string, DocEmbedding> by_url;  // a later record for a URL replaces an earlier one
    std::size_t dimensions = 0;
    GdeltFileReport report;
};

GsgFile read_gsg_docembed(std::string_view file_bytes);

}  // namespace ingest
