// gdelt_text — GDELT's titles as a reader should see them. GDELT publishes
// titles tokenised ("¿ Qué ofrece México ? ", "Sen . Klobuchar", "6 , 438")
// with quote marks and apostrophes deleted, leaving double spaces
// ("l  estate", "Biden  s plan"). detokenize_gdelt_title() undoes what can
// be undone:
//   * no space before , . : ; ? ! ) ] } …  and none after ¿ ¡ ( [ {
//   * "6 , 438" -> "6,438" (a comma followed by exactly three digits);
//   * an apostrophe (’) where one was deleted: after a French or Italian
//     elision before a vowel or h ("l  estate" -> "l’estate", "qu  il" ->
//     "qu’il", "dell  anno"), and before an English contraction ending
//     ("Biden  s", "don  t", "they  re");
//   * other double spaces (deleted quote marks) become one; ends trimmed.
// Letters GDELT dropped ("eleio" for eleição) and expanded abbreviations
// cannot be restored: nothing should depend on a GDELT title verbatim.
#pragma once
#include <string>
#include <string_view>

namespace ng {

std::string detokenize_gdelt_title(std::string_view title);

}  // namespace ng
