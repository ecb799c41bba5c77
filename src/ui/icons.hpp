// icons — the Font Awesome 4.7 glyphs the UI draws, as UTF-8 strings. Only
// the code points listed in assets/icons.txt are in the subset font: add a
// line there for every icon added here.
#pragma once

#define ICON_SEARCH "\xef\x80\x82"          // f002
#define ICON_CLOSE "\xef\x80\x8d"           // f00d
#define ICON_CHECK "\xef\x80\x8c"           // f00c
#define ICON_CLOCK "\xef\x80\x97"           // f017
#define ICON_REFRESH "\xef\x80\xa1"         // f021
#define ICON_IMAGE "\xef\x80\xbe"           // f03e
#define ICON_MAP_MARKER "\xef\x81\x81"      // f041
#define ICON_CHEVRON_LEFT "\xef\x81\x93"    // f053
#define ICON_CHEVRON_RIGHT "\xef\x81\x94"   // f054
#define ICON_INFO "\xef\x81\x9a"            // f05a
#define ICON_ARROW_LEFT "\xef\x81\xa0"      // f060
#define ICON_EXCLAMATION "\xef\x81\xaa"     // f06a
#define ICON_WARNING "\xef\x81\xb1"         // f071
#define ICON_CHEVRON_UP "\xef\x81\xb7"      // f077
#define ICON_CHEVRON_DOWN "\xef\x81\xb8"    // f078
#define ICON_EXTERNAL "\xef\x82\x8e"        // f08e
#define ICON_GLOBE "\xef\x82\xac"           // f0ac
#define ICON_FILTER "\xef\x82\xb0"          // f0b0
#define ICON_LINK "\xef\x83\x81"            // f0c1
#define ICON_COPY "\xef\x83\x85"            // f0c5
#define ICON_BARS "\xef\x83\x89"            // f0c9
#define ICON_LIST "\xef\x83\x8a"            // f0ca
#define ICON_CARET_DOWN "\xef\x83\x97"      // f0d7
#define ICON_SORT "\xef\x83\x9c"            // f0dc
#define ICON_SITEMAP "\xef\x83\xa8"         // f0e8
#define ICON_FILE_TEXT "\xef\x83\xb6"       // f0f6
#define ICON_QUOTE "\xef\x84\x8d"           // f10d
#define ICON_SORT_ALPHA "\xef\x85\x9d"      // f15d
#define ICON_LANGUAGE "\xef\x86\xab"        // f1ab
#define ICON_SHARE "\xef\x87\xa0"           // f1e0
#define ICON_NEWSPAPER "\xef\x87\xaa"       // f1ea
#define ICON_CREATIVE_COMMONS "\xef\x89\x9e"  // f25e
#define ICON_QUESTION "\xef\x8a\x9c"        // f29c
