#include <gtest/gtest.h>

#include "../fixtures/read_fixture.hpp"
#include "core/time_format.hpp"
#include "gdelt_files.hpp"
#include "gzip_reader.hpp"

using namespace ingest;

namespace {

std::string utc(int64_t t) { return ng::format_rfc3339(t); }

}  // namespace

TEST(GalFile, ReadsRecordsWithTheirKeySpellings) {
    GalFile f = read_gal(read_fixture("ingest/gdelt/sample.gal.json.gz"));
    ASSERT_TRUE(f.report.error.empty()) << f.report.error;
    EXPECT_FALSE(f.report.truncated);
    EXPECT_EQ(f.report.lines, 8u);
    EXPECT_EQ(f.report.skipped, 4u);  // not JSON, no title, a javascript: url, not an object
    ASSERT_EQ(f.articles.size(), 4u);

    const GalArticle& uk = f.articles[0];
    EXPECT_EQ(uk.url, "https://www.example-gazette.co.uk/news/2026/nov/25/rail-strike-talks");
    EXPECT_EQ(uk.domain, "example-gazette.co.uk");
    EXPECT_EQ(uk.outlet_name, "The Example Gazette");
    EXPECT_EQ(uk.title, "Rail strike talks resume as unions weigh offer");
    EXPECT_EQ(uk.description, "Union leaders will put the new offer to members on Friday.");
    EXPECT_EQ(uk.language, "en");
    EXPECT_EQ(uk.image, "https://i.example-gazette.co.uk/rail.jpg");
    EXPECT_EQ(uk.author, "A. Reporter");
    EXPECT_EQ(utc(uk.date), "2026-11-25T06:40:00Z");
    EXPECT_FALSE(uk.date_is_published);  // a bare "date" is a first-seen time unless it says otherwise

    const GalArticle& fr = f.articles[1];
    EXPECT_EQ(fr.outlet_name, "Journal Exemple");
    EXPECT_EQ(fr.title, "Le budget adopté en première lecture");
    EXPECT_EQ(fr.description, "Les députés ont voté le texte mardi soir.");
    EXPECT_EQ(fr.language, "fr");  // "French"
    EXPECT_EQ(fr.image, "https://www.journal-exemple.example.fr/img/budget.jpg");  // relative to the article
    EXPECT_EQ(utc(fr.date), "2026-11-25T06:40:00Z");
    EXPECT_TRUE(fr.date_is_published);  // pubDate
    EXPECT_EQ(fr.domain, "journal-exemple.example.fr");

    const GalArticle& mx = f.articles[2];
    EXPECT_EQ(mx.domain, "diario-ejemplo.example.mx");  // from the URL
    EXPECT_EQ(mx.language, "es");                       // "spa"
    EXPECT_EQ(mx.author, "Ana Ejemplo");
    EXPECT_EQ(utc(mx.date), "2026-11-25T06:40:00Z");  // 20261125064000 as a number
    EXPECT_TRUE(mx.date_is_published);                // dateType: publication

    const GalArticle& jp = f.articles[3];
    EXPECT_EQ(jp.url, "https://news.example.jp/a/1");  // "link"
    EXPECT_EQ(jp.title, "東京で初雪");                  // "headline"
    EXPECT_EQ(utc(jp.date), "2026-11-25T05:45:00Z");   // seendate
    EXPECT_FALSE(jp.date_is_published);
}

TEST(GalFile, ACutOffFileKeepsItsCompleteLines) {
    GalFile f = read_gal(read_fixture("ingest/gdelt/truncated.gal.json.gz"));
    EXPECT_TRUE(f.report.truncated);
    EXPECT_TRUE(f.report.error.empty());
    ASSERT_EQ(f.articles.size(), 3u);
    EXPECT_EQ(f.articles[2].title, "Story 2: the market reopens after 8 weeks of repairs");
    ASSERT_FALSE(f.report.warnings.empty());
    EXPECT_EQ(f.report.warnings[0].rfind("The gzip data ends early", 0), 0u);
}

TEST(GalFile, PlainTextAndGarbage) {
    GalFile plain = read_gal("{\"url\":\"https://a.example/x\",\"title\":\"Plain\"}\r\n\n");
    ASSERT_EQ(plain.articles.size(), 1u);
    EXPECT_EQ(plain.articles[0].domain, "a.example");
    EXPECT_EQ(read_gal("").report.error, "The file is empty.");
    EXPECT_EQ(read_gal("not json\nat all\n").report.error, "None of the file's 2 lines is a usable record.");
    EXPECT_EQ(read_gal(std::string("\x1F\x8B\x08\x00garbage", 11)).report.error,
              "The file was cut off before its first complete line.");
}

TEST(GsgFile, EmbeddingsKeyedByUrl) {
    GsgFile f = read_gsg_docembed(read_fixture("ingest/gdelt/sample.gsg.docembed.json.gz"));
    ASSERT_TRUE(f.report.error.empty()) << f.report.error;
    EXPECT_EQ(f.dimensions, 512u);
    EXPECT_EQ(f.report.skipped, 2u);  // 511 values; strings instead of numbers
    ASSERT_EQ(f.by_url.size(), 3u);
    const DocEmbedding& e = f.by_url.at("https://www.journal-exemple.example.fr/politique/budget");
    EXPECT_EQ(e.language, "fr");
    EXPECT_EQ(e.model, "USEv4");
    EXPECT_EQ(e.title, "Le budget adopté en première lecture");
    EXPECT_EQ(utc(e.date), "2026-11-25T06:41:00Z");
    ASSERT_EQ(e.vector.size(), 512u);
    // The fixture's values: ((seed*7919 + i*104729) % 2001 - 1000) / 1000 * 0.08, seed 2.
    EXPECT_FLOAT_EQ(e.vector[0], static_cast<float>((2 * 7919 % 2001 - 1000) / 1000.0 * 0.08));
    EXPECT_EQ(f.by_url.count("https://short.example.org/a"), 0u);
}

TEST(GsgFile, ACutOffFileKeepsItsCompleteLines) {
    GsgFile f = read_gsg_docembed(read_fixture("ingest/gdelt/truncated.gsg.docembed.json.gz"));
    EXPECT_TRUE(f.report.truncated);
    EXPECT_EQ(f.by_url.size(), 2u);
    EXPECT_EQ(f.dimensions, 512u);
}

TEST(Gunzip, CompleteConcatenatedTruncatedAndCapped) {
    std::string gz = read_fixture("ingest/gdelt/sample.gal.json.gz");
    Gunzipped one = gunzip(gz, 1u << 20);
    ASSERT_TRUE(one.complete) << one.error;
    Gunzipped two = gunzip(gz + gz, 1u << 20);  // `cat a.gz b.gz`
    ASSERT_TRUE(two.complete);
    EXPECT_EQ(two.data, one.data + one.data);
    Gunzipped capped = gunzip(gz, 100);
    EXPECT_FALSE(capped.complete);
    EXPECT_EQ(capped.data.size(), 100u);
    EXPECT_EQ(capped.error, "The data decompresses to more than 100 bytes; the rest was not read.");
    std::string damaged = gz;
    damaged[damaged.size() / 2] ^= 0x55;
    Gunzipped d = gunzip(damaged, 1u << 20);
    EXPECT_FALSE(d.complete);
    EXPECT_FALSE(d.error.empty());
    EXPECT_EQ(gunzip("plain", 10).error, "The data is not gzip-compressed.");
}
