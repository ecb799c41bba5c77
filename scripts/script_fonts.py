#!/usr/bin/python3
"""Builds the web fonts for scripts beyond the atlas' Latin.

The browser draws every text that the app's own atlas cannot (docs/text.md):
it shapes and lays it out with these fonts, registered as FontFace objects
with a unicode-range each, so it downloads only the pieces a text needs.

  fonts/scripts/<script>-<weight>.woff2   one face per script (Noto Sans ...)
  fonts/cjk/<region>-<weight>-<n>.woff2   Noto Sans CJK sliced by frequency
  fonts/scripts.json                      the faces and their ranges
  fonts/cjk/<region>.json                 a region's slices (fetched on demand)

Inputs are Debian packages only: fonts-noto-core, fonts-noto-cjk, and for the
frequency order python3-jieba (Chinese word frequencies), kanjidic (the most
used kanji in Japanese newspapers) and unicode-data (Unihan variants and
sources). hb-subset (libharfbuzz-bin) cuts the fonts, woff2_compress packs
them. The cut files are cached by the plan's settings and the packages'
versions (cutting them all takes minutes); the manifests are written each run.

usage: script_fonts.py OUT_FONTS_DIR CACHE_DIR
"""
import bz2
import collections
import concurrent.futures
import hashlib
import json
import os
import shutil
import subprocess
import sys

from fontTools.ttLib import TTFont, TTCollection

NOTO = "/usr/share/fonts/truetype/noto"
CJK = "/usr/share/fonts/opentype/noto"
UNIHAN = "/usr/share/unicode"
PACKAGES = ["fonts-noto-core", "fonts-noto-cjk", "libharfbuzz-bin", "woff2", "python3-jieba", "kanjidic",
            "unicode-data", "python3-fonttools"]

# One face per script: (name, Noto family file stem, has a Bold[, only these
# code point ranges]). Order matters: a code point two fonts share belongs to
# the first that has it. Noto Sans beyond the atlas' Latin is cut in three, so
# a Russian or a Greek text fetches its own alphabet only.
SCRIPTS = [
    ("cyrillic", "NotoSans", True, [(0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)]),
    ("greek", "NotoSans", True, [(0x0370, 0x03FF), (0x1F00, 0x1FFF)]),
    # Central Europe, the Baltics and Turkey: a few KB, not the whole latin-ext face
    ("latin-ext-a", "NotoSans", True, [(0x0100, 0x017F)]),
    ("latin-ext", "NotoSans", True),  # Latin beyond the atlas (Extended-B…E, Vietnamese, IPA), the rest
    ("arabic", "NotoSansArabic", True),  # Arabic, Persian, Urdu, Pashto, Kurdish letters
    ("hebrew", "NotoSansHebrew", True),
    ("devanagari", "NotoSansDevanagari", True),
    ("bengali", "NotoSansBengali", True),
    ("gurmukhi", "NotoSansGurmukhi", True),
    ("gujarati", "NotoSansGujarati", True),
    ("oriya", "NotoSansOriya", True),
    ("tamil", "NotoSansTamil", True),
    ("telugu", "NotoSansTelugu", True),
    ("kannada", "NotoSansKannada", True),
    ("malayalam", "NotoSansMalayalam", True),
    ("sinhala", "NotoSansSinhala", True),
    ("thai", "NotoSansThai", True),
    ("lao", "NotoSansLao", True),
    ("khmer", "NotoSansKhmer", True),
    ("myanmar", "NotoSansMyanmar", True),
    ("georgian", "NotoSansGeorgian", True),
    ("armenian", "NotoSansArmenian", True),
    ("ethiopic", "NotoSansEthiopic", True),
    ("thaana", "NotoSansThaana", True),
    ("syriac", "NotoSansSyriac", False),
    ("tifinagh", "NotoSansTifinagh", False),
    ("symbols", "NotoSansSymbols", True),
    ("symbols2", "NotoSansSymbols2", False),
]
# Noto Sans CJK: the TTC's face index of each region.
REGIONS = {"jp": 0, "kr": 1, "sc": 2, "tc": 3}
# Slice sizes by frequency rank: the most used characters come in small
# slices (a text touches few bytes), the rare ones in large ones.
# Measured: a Japanese panel touched a 1,000-character tail slice (370 KB) for
# one rare kanji, so the rare ones come in slices barely larger than the rest.
SLICE_PLAN = [(3000, 100), (10 ** 9, 150)]
SLICE_FORMAT = 2  # bump when the way files are cut changes
FEATURES = "kern,liga,clig,calt,ccmp,locl,mark,mkmk,rlig,init,medi,fina,isol,curs,akhn,rphf,rkrf,pref,blwf,abvf,half,pstf,vatu,cjct,pres,abvs,blws,psts,haln,nukt,abvm,blwm,dist,ljmo,vjmo,tjmo"


def cmap_of(path, index=0):
    if path.endswith(".ttc"):
        return set(TTCollection(path, lazy=True).fonts[index].getBestCmap())
    return set(TTFont(path, lazy=True).getBestCmap())


def ranges(codepoints):
    """'U+0600-06FF,U+0750' from a set of code points."""
    out, cps = [], sorted(codepoints)
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append("U+%X" % cps[i] if i == j else "U+%X-%X" % (cps[i], cps[j]))
        i = j + 1
    return ",".join(out)


def subset(src, unicodes, out, index=0):
    """hb-subset to an OTF/TTF, then woff2_compress next to it."""
    tmp = out[: -len(".woff2")] + (".otf" if src.endswith(".ttc") else ".ttf")
    if os.path.exists(out):
        os.remove(out)
    listing = tmp + ".txt"
    with open(listing, "w") as f:
        f.write("\n".join("%X" % c for c in sorted(unicodes)))
    subprocess.run(["hb-subset", src, "--face-index=%d" % index, "--unicodes-file=" + listing, "--no-hinting",
                    "--layout-features=" + FEATURES, "--name-IDs=1,2", "-o", tmp], check=True)
    subprocess.run(["woff2_compress", tmp], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.remove(tmp)
    os.remove(listing)


# ---- frequency order of Han characters -----------------------------------------------


def unihan(file, fields):
    table = collections.defaultdict(dict)
    with bz2.open(os.path.join(UNIHAN, file), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+"):
                cp, field, value = line.rstrip("\n").split("\t", 2)
                if field in fields:
                    table[field][int(cp[2:], 16)] = value
    return table


def han_frequency():
    """Character weights from jieba's Chinese word frequencies (simplified)."""
    import jieba  # noqa: only for the location of its dictionary

    freq = collections.Counter()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                for ch in parts[0]:
                    freq[ord(ch)] += int(parts[1])
    return freq


def kanji_ranks():
    """Kanjidic's F field: rank among the 2,500 most used kanji in newspapers."""
    ranks = {}
    with open("/usr/share/edict/kanjidic", encoding="euc_jp", errors="replace") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.split(" ")
            for field in fields:
                if field.startswith("F") and field[1:].isdigit():
                    ranks[ord(fields[0][0])] = int(field[1:])
    return ranks


def encodable(cp, codec):
    try:
        chr(cp).encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def region_order(region, font_cmap, freq, ranks, variants):
    """The code points a region's slices cover, most used first."""
    is_han = lambda c: 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF
    han = [c for c in font_cmap if is_han(c)]
    simplified = variants.get("kSimplifiedVariant", {})

    def weight(c):  # a traditional character weighs what its simplified form does
        w = freq.get(c, 0)
        for v in simplified.get(c, "").split():
            w = max(w, freq.get(int(v[2:].split("<")[0], 16), 0))
        return w

    by_weight = lambda cs: sorted(cs, key=lambda c: (-weight(c), c))
    if region == "jp":
        kana = [c for c in font_cmap if 0x3040 <= c <= 0x30FF or 0x31F0 <= c <= 0x31FF]
        jis = [c for c in han if encodable(c, "euc_jis_2004")]
        ranked = sorted((c for c in jis if c in ranks), key=lambda c: ranks[c])
        rest = by_weight([c for c in jis if c not in ranks])
        return kana, ranked + rest
    if region == "kr":
        jamo = [c for c in font_cmap if 0x1100 <= c <= 0x11FF or 0x3130 <= c <= 0x318F]
        syllables = [c for c in font_cmap if 0xAC00 <= c <= 0xD7A3]
        common = [c for c in syllables if encodable(c, "euc_kr")]  # KS X 1001's 2,350
        rest = [c for c in syllables if c not in set(common)]
        hanja = by_weight([c for c in han if encodable(c, "euc_kr")])
        return jamo, common + rest + hanja
    if region == "tc":
        return [], by_weight([c for c in han if encodable(c, "big5hkscs")])
    return [], by_weight(han)  # sc: every Han character the font has, the fallback of all regions


def slices(order):
    out, start = [], 0
    for limit, size in SLICE_PLAN:
        while start < len(order) and start < limit:
            out.append(order[start:start + size])
            start += size
    return out


def delta_code(codepoints):
    """Sorted code points as base-36 gaps, '.'-separated: compact for JSON."""
    out, last = [], 0
    for c in sorted(codepoints):
        out.append(_b36(c - last))
        last = c
    return ".".join(out)


def _b36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if n == 0:
            return s


# ---- the build ------------------------------------------------------------------------


def plan():
    """Every face to cut and the manifests that describe them."""
    jobs = []  # (source font, face index, unicodes, file)
    # what the atlas draws: its ranges, where Noto Sans has a glyph
    taken = set(atlas_codepoints()) & cmap_of(os.path.join(NOTO, "NotoSans-Regular.ttf"))
    manifest = {"version": 1, "base_range": ranges(taken), "faces": [], "regions": {}}
    # CJK punctuation and fullwidth forms belong to the CJK regions, not to a script face
    cjk_common = set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0)) | set(range(0x3190, 0x31F0))
    for name, stem, bold, *only in SCRIPTS:
        src = os.path.join(NOTO, "%s-Regular.ttf" % stem)
        own = {c for c in cmap_of(src) if c not in taken and c not in cjk_common and c > 0x20
               and (not only or any(lo <= c <= hi for lo, hi in only[0]))}
        taken |= own
        if not own:
            continue
        for weight, style in [(400, "Regular")] + ([(700, "Bold")] if bold else []):
            file = "scripts/%s-%d.woff2" % (name, weight)
            jobs.append((os.path.join(NOTO, "%s-%s.ttf" % (stem, style)), 0, own, file))
            manifest["faces"].append({"family": "NG Sans", "weight": weight, "url": file, "range": ranges(own)})
    freq, ranks = han_frequency(), kanji_ranks()
    variants = unihan("Unihan_Variants.txt.bz2", {"kSimplifiedVariant"})
    regions = {}
    for region, index in REGIONS.items():
        font_cmap = cmap_of(os.path.join(CJK, "NotoSansCJK-Regular.ttc"), index)
        lead, order = region_order(region, font_cmap, freq, ranks, variants)
        # CJK punctuation and kana (or Hangul's compatibility jamo) in almost every
        # text; fullwidth forms and conjoining jamo in few: two slices
        punctuation = set(c for c in font_cmap if 0x3000 <= c <= 0x303F)
        forms = set(c for c in font_cmap if c in cjk_common) - punctuation
        rare_lead = set(c for c in lead if 0x1100 <= c <= 0x11FF)
        parts = [sorted((set(lead) - rare_lead) | punctuation), sorted(forms | rare_lead)] + slices(order)
        for weight, style in ((400, "Regular"), (700, "Bold")):
            for n, part in enumerate(parts):
                jobs.append((os.path.join(CJK, "NotoSansCJK-%s.ttc" % style), index, set(part),
                             "cjk/%s-%d-%d.woff2" % (region, weight, n)))
        regions[region] = {"version": 1, "family": "NG " + region.upper(), "weights": [400, 700],
                           "url": "cjk/%s-{weight}-{n}.woff2" % region, "slices": [delta_code(p) for p in parts]}
        manifest["regions"][region] = {"url": "cjk/%s.json" % region, "family": "NG " + region.upper()}
    return jobs, manifest, regions


def cache_key():
    """What the cut files depend on: the plan's settings and the packages' versions."""
    h = hashlib.sha256()
    h.update(json.dumps([SLICE_FORMAT, SCRIPTS, REGIONS, SLICE_PLAN, FEATURES, sorted(atlas_codepoints())]).encode())
    versions = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Version}\n"] + PACKAGES, check=True,
                              capture_output=True, text=True).stdout
    h.update(versions.encode())
    return h.hexdigest()[:16]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out, cache = sys.argv[1], os.path.join(sys.argv[2], "script-fonts-" + cache_key())
    jobs, manifest, regions = plan()
    todo = [j for j in jobs if not os.path.exists(os.path.join(cache, j[3]))]
    if todo:
        for sub in ("scripts", "cjk"):
            os.makedirs(os.path.join(cache, sub), exist_ok=True)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
            list(pool.map(lambda j: subset(j[0], j[2], os.path.join(cache, j[3]), j[1]), todo))
    for sub in ("scripts", "cjk"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
        os.makedirs(os.path.join(out, sub))
    total = 0
    for j in jobs:
        shutil.copy(os.path.join(cache, j[3]), os.path.join(out, j[3]))
        total += os.path.getsize(os.path.join(out, j[3]))
    for region, doc in regions.items():
        with open(os.path.join(out, "cjk", region + ".json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"))
    with open(os.path.join(out, "scripts.json"), "w") as f:
        json.dump(manifest, f, separators=(",", ":"))
    print("script_fonts: %d faces (%d cut now), %.1f MB" % (len(jobs), len(todo), total / 1e6))


def atlas_codepoints():
    """What the app's own atlas (the Latin subset) draws: never in a script face."""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "assets", "atlas_ranges.txt")) as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                lo, _, hi = line.partition("-")
                yield from range(int(lo, 16), int(hi or lo, 16) + 1)


if __name__ == "__main__":
    main()
