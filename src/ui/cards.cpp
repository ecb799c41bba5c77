// cards — framed blocks of the panels (see cards.hpp).
#include "ui/cards.hpp"

#include "ui/icons.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace ng::ui {

CardFrame begin_card(float width, float pad) {
    CardFrame card{ImGui::GetCursorScreenPos(), width, pad};
    // the content goes on top; end_card draws the background below it
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(card.origin.x + pad, card.origin.y + pad - 2));
    ImGui::BeginGroup();
    return card;
}

void end_card(const CardFrame& card, ImU32 fill, ImU32 border, ImU32 bar) {
    ImGui::EndGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = card.origin;
    float bottom = ImGui::GetItemRectMax().y + card.pad;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(p, ImVec2(p.x + card.width, bottom), fill, 14);
    if (border) dl->AddRect(p, ImVec2(p.x + card.width, bottom), border, 14);
    if (bar) dl->AddRectFilled(p, ImVec2(p.x + 4, bottom), bar, 14, ImDrawFlags_RoundCornersLeft);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(card.width, bottom - p.y));
}

void world_take_card(const std::string& text, const std::string& note, float width) {
    const Colours& c = colours();
    CardFrame card = begin_card(width);
    float inner = width - 2 * card.pad;
    text_block(ICON_GLOBE "  THE WORLD'S CURRENT TAKE", inner, fonts().small_bold, c.accent);
    vspace(2);
    text_block(text, inner, fonts().body, c.text);
    if (!note.empty()) {
        vspace(2);
        text_block(note, inner, fonts().small, c.text_dim);
    }
    end_card(card, c.accent_soft, 0, c.accent);
}

}  // namespace ng::ui
