// cards — the panels' framed blocks: content laid out in a padded group,
// its background (a tint, a border, an accent bar down the left) drawn
// behind it once its height is known. The World's Current Take is one,
// shown alike in the reader and the story view.
#pragma once
#include <imgui.h>

#include <string>

namespace ng::ui {

struct CardFrame {
    ImVec2 origin;
    float width = 0, pad = 0;
};

// Starts a card `width` wide at the cursor; its content goes in a group
// inset by `pad` (draw with the cursor, the group's width is width - 2 pad).
CardFrame begin_card(float width, float pad = 16);
// Ends it: the background behind the content (border and bar when not 0),
// and the cursor below the card.
void end_card(const CardFrame& card, ImU32 fill, ImU32 border = 0, ImU32 bar = 0);

// The automatic synthesis of a story's coverage, with a quiet note under it
// ("" for none).
void world_take_card(const std::string& text, const std::string& note, float width);

}  // namespace ng::ui
