// style — newsglobe's look: colours, rounding and spacing for ImGui, and the
// fonts (Noto Sans Regular/Bold with Font Awesome icons merged in), built at
// the device pixel ratio so text is crisp on HiDPI screens.
#pragma once
#include <string>

struct ImFont;

namespace ng::ui {

struct Fonts {
    ImFont* body = nullptr;    // 16 px regular
    ImFont* bold = nullptr;    // 16 px bold
    ImFont* small = nullptr;   // 13 px regular
    ImFont* title = nullptr;   // 22 px bold (reader headline)
    ImFont* brand = nullptr;   // 18 px bold (top bar)
};

struct FontFiles {
    std::string regular, bold, icons;  // TTF bytes
};

const Fonts& fonts();
// (Re)builds the font atlas for `density` (device pixel ratio). Returns false
// if a font file is unusable; the caller shows the error and keeps going.
bool build_fonts(const FontFiles& files, float density);
void apply_style(bool dark);

// Palette used by panels, shared so widgets agree.
struct Colours {
    unsigned text, text_dim, accent, accent_soft, panel, panel_border, error, row_hover, skeleton;
};
const Colours& colours();

}  // namespace ng::ui
