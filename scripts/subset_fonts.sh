#!/usr/bin/env bash
# Subsets Noto Sans (Regular, Bold) and Font Awesome 4.7 from Debian's font
# packages to what the UI draws, so the page downloads tens of KB, not MB.
set -euo pipefail
out=$1
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out"
noto=/usr/share/fonts/truetype/noto
fa=/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf
# The atlas' ranges: Latin + Latin-1/Extended-A/B, Greek, Cyrillic,
# punctuation, currency, arrows (other scripts: scripts/script_fonts.py).
text_ranges=$(grep -v '^#' "$root/assets/atlas_ranges.txt" | sed 's/^/U+/' | paste -sd, -)
for style in Regular Bold; do
  /usr/bin/python3 -m fontTools.subset "$noto/NotoSans-$style.ttf" --unicodes="$text_ranges" \
    --layout-features='kern,liga' --no-hinting --output-file="$out/NotoSans-$style.ttf"
done
icons=$(grep -v '^#' "$root/assets/icons.txt" | awk '{print "U+" $1}' | paste -sd, -)
/usr/bin/python3 -m fontTools.subset "$fa" --unicodes="$icons" --no-hinting --output-file="$out/fa-subset.ttf"
