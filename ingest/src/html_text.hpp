// html_text — what feeds put in titles and descriptions (HTML fragments,
// entities, sometimes escaped twice) reduced to clean plain text, plus the
// short extract the API may show (rights: 1–2 sentences, never a full body).
//
// This is not a full HTML parser and need not be: it removes tags, drops
// script/style/template/noscript, turns block elements into paragraph
// breaks, decodes character references the way a browser does in text, and
// leaves the final clean-up (controls, bidi overrides, spaces, length) to
// the core's ng::clean_text, so everything it returns is layout-safe.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

// Appends the UTF-8 form of a code point (U+FFFD for surrogates and values
// past U+10FFFF).
void append_utf8(std::string& out, uint32_t code_point);

// The code point of an HTML named character reference without its '&' and
// ';' ("eacute" -> U+00E9); 0 when unknown. Covers HTML 4 and the HTML5
// names that occur in news text (punctuation, spaces, Latin Extended-A).
uint32_t html_entity_code_point(std::string_view name);

// Decodes character references as a browser does in text: named ones (with
// ';', and the few legacy ones without), decimal and hex ones (without ';'
// too), numeric references to 128–159 as windows-1252 (&#146; is ’), and
// invalid numbers as U+FFFD. Unknown names stay as written.
std::string decode_html_entities(std::string_view text);

// Plain text (Atom's type="text", GDELT's fields) as clean text: no tags are
// removed, but character references are decoded (feeds escape plain text
// twice often enough: "Tom &amp;amp; Jerry") and C1 controls read as
// windows-1252; then ng::clean_text to at most max_bytes.
std::string plain_to_text(std::string_view text, std::size_t max_bytes);

// An HTML fragment (or plain text with entities) as one line of clean text:
// tags removed, block boundaries become spaces, cleaned by ng::clean_text
// to at most max_bytes. Markup that arrives escaped ("&lt;p&gt;…", as many
// feeds send it) is unescaped first, and references escaped twice
// ("&amp;eacute;") are decoded too.
std::string html_to_text(std::string_view html, std::size_t max_bytes);

// Like html_to_text, but block elements (p, div, li, h1–h6, br, …) separate
// paragraphs; each is cleaned to max_paragraph_bytes; empty ones are
// dropped; at most max_paragraphs are kept.
std::vector<std::string> html_to_paragraphs(std::string_view html, std::size_t max_paragraph_bytes,
                                            std::size_t max_paragraphs = 200);

// The src of the first <img> in a fragment, entity-decoded and trimmed;
// empty when none. (Many feeds carry their only picture this way.)
std::string first_image_source(std::string_view html);

// The first `max_sentences` sentences of clean text, at most max_bytes. It
// never cuts inside a word: a sentence too long for the limit is cut at the
// last space (or, in scripts written without spaces, at a character) and
// ends with "…". A trailing fragment that the feed itself cut off ("… […]")
// does not count as a sentence when a whole one precedes it.
std::string short_extract(std::string_view text, std::size_t max_sentences = 2, std::size_t max_bytes = 320);

}  // namespace ingest
