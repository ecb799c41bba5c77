// cluster_text — turns a headline or description in any language into the
// tokens the story clustering compares. Language-neutral by design: one
// folding for every script (case and accents removed, Cyrillic and Greek
// transliterated to Latin, Arabic letter variants unified, full-width and
// Arabic-Indic digits made ASCII), numbers written one way ("6,438" and
// "6438" are equal), and scripts written without spaces (Chinese, Japanese,
// Korean, Thai) cut into overlapping character pairs. On top of that: stop
// words for the main news languages and a light stemmer, so "elections" and
// "election", "Wahlen" and "Wahl" meet.
//
// Never throws; invalid UTF-8 bytes are skipped.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ingest::cluster_text {

enum class TokenKind : unsigned char {
    Word,    // letters (and digits: "COP30", "G20")
    Number,  // digits only, normalised: "6,438" -> "6438", "2,5" -> "2.5"
    Pair,    // two neighbouring characters of an unsegmented script run
};

struct Token {
    std::string folded;  // see fold(); for numbers the normalised digits
    TokenKind kind = TokenKind::Word;
    bool capitalised = false;  // first letter upper case in the original (cased scripts only)
    bool all_caps = false;     // two or more letters, all upper case: an acronym ("NATO", "COP30", "US")
    std::string original;      // the token as written (for quoting and display)
};

struct TokenizedText {
    std::vector<Token> tokens;      // in text order, stop words included
    std::vector<std::string> runs;  // folded runs of unsegmented scripts (for place-name lookup)
    bool has_upper_case = false;    // any upper-case letter at all (GDELT titles can be all lower case)
};

TokenizedText tokenize(std::string_view text);

// Lower case without accents, Cyrillic and Greek transliterated ("Зеленский"
// -> "zelenskii", "Αθήνα" -> "athina"), Arabic alef/yeh/teh-marbuta variants
// unified and its vowel marks dropped, full-width forms and Arabic-Indic
// digits made ASCII. Other scripts pass unchanged.
std::string fold(std::string_view text);

// "pt-BR" -> "pt", "EN" -> "en"; empty for anything that is not a language tag.
std::string primary_language(std::string_view tag);

// True for function words of `language` (ISO 639-1) and for the generic words
// of English news headlines ("says", "live", "update"). `folded` as fold().
bool is_stop_word(std::string_view folded, std::string_view language);

// The word's comparison key within one language: light stemming (English
// plural and -ing/-ed, a final plural "s" in Romance and Germanic languages,
// the Arabic article), then truncation (six letters; five for the strongly
// inflected Slavic, Baltic, Finno-Ugric and Turkic languages). Numbers and
// character pairs are their own key.
std::string lexical_key(const Token& token, std::string_view language);

// The word's key across languages, where spelling conventions differ more
// than the name: a consonant skeleton ("Zelensky", "Selenskyj" and
// "Зеленский" all give "selens"), truncated to six letters.
std::string cross_language_key(const Token& token);

// True when the token is worth comparing: not a stop word, and a word of at
// least three letters unless it is an acronym or holds a digit; numbers of two
// or more characters; every character pair.
bool is_content_token(const Token& token, std::string_view language);

// The content words of a text with their keys, in order, first occurrence of
// each key only: what takes and the world take compare and quote.
struct ContentWord {
    std::string key;      // lexical_key
    std::string display;  // as written
};
std::vector<ContentWord> content_words(std::string_view text, std::string_view language);

}  // namespace ingest::cluster_text
