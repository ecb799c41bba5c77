// normalize — the small, pure rules the build step applies to every item:
// stable article ids, the 1–2 sentence excerpt the rights allow, GDELT's
// tokenised titles put back together, the key under which two headlines
// count as the same, and which language tags name the same language.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ingest {

// "es-5d0c1e7a9b3f2468": the country in lower case and 16 hex digits of the
// SHA-256 of the canonical URL. Stable across builds and machines, and
// within ^[A-Za-z0-9_-]{1,64}$.
std::string article_id(std::string_view country, std::string_view canonical_url);

// The first one or two sentences of `text`, at most `max_bytes` (cut at a
// word boundary with "…" when even one sentence is longer). A second
// sentence is added only while the whole stays under max_bytes.
std::string excerpt(std::string_view text, size_t max_bytes = 320);

// GDELT's tokenised titles made readable: "¿ Qué ofrece México ? " ->
// "¿Qué ofrece México?", "Sen . Klobuchar" -> "Sen. Klobuchar",
// "6 , 438" -> "6,438", "( AP )" -> "(AP)", runs of spaces collapsed.
std::string detokenize_gdelt_title(std::string_view title);

// The key under which two headlines of one outlet are the same headline:
// letters and digits only, lower-cased (ASCII), so "Storm hits coast" and
// "Storm hits coast!" match. Empty for a headline without letters.
std::string headline_key(std::string_view headline);

// Whether two language tags name languages a reader would not tell apart
// for translation: the same primary subtag, or both in one group that
// language identification confuses (Serbian/Croatian/Bosnian/Montenegrin,
// Norwegian Bokmål/Nynorsk, Malay/Indonesian).
bool same_language(std::string_view a, std::string_view b);

// The primary subtag, lower-case: "pt-BR" -> "pt".
std::string primary_language(std::string_view tag);

}  // namespace ingest
