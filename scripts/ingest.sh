#!/usr/bin/env bash
# One ingest cycle, for a scheduled job (cron, a systemd timer) and for the
# live mode of scripts/serve.sh: fetch every configured source into a new
# capture, then build the API from the captures (the build switches the new
# release live atomically, so a web server never serves half an update).
#
#   scripts/ingest.sh --out API_DIR
#
# Settings come from the environment (docs/ingest.md, "Running it"):
#   NEWSGLOBE_CONTACT     URL or mailto: for the User-Agent, so publishers can reach you
#   NEWSGLOBE_STATE       captures, health report, translation cache (default build/live)
#   NEWSGLOBE_OUTLETS     outlet table (default ingest/outlets.json)
#   NEWSGLOBE_WIDE=1      also the wide tier (ingest/feeds/country_feeds.json)
#   NEWSGLOBE_GDELT=1     also GDELT's article-list and embedding files
#   NEWSGLOBE_TRANSLATOR  none | apertium (default) | http (NEWSGLOBE_TRANSLATE_URL, NEWSGLOBE_TRANSLATE_KEY)
#   NEWSGLOBE_KEEP_HOURS  how long captures and articles are kept (default 48)
#   NEWSGLOBE_INGEST      the program (default build/native/ingest/newsglobe-ingest)
# Exit status: 0 built; 3 the network is unreachable (the API is left as it
# was); 4 another cycle is still fetching; anything else: a failure, said above.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="${2:-}"; shift 2 ;;
    *) die "unknown argument $1 (scripts/ingest.sh --out API_DIR)" ;;
  esac
done
[ -n "$OUT" ] || die "scripts/ingest.sh needs --out API_DIR"

BIN="${NEWSGLOBE_INGEST:-$ROOT/build/native/ingest/newsglobe-ingest}"
STATE="${NEWSGLOBE_STATE:-$ROOT/build/live}"
OUTLETS="${NEWSGLOBE_OUTLETS:-$ROOT/ingest/outlets.json}"
KEEP_HOURS="${NEWSGLOBE_KEEP_HOURS:-48}"
[ -x "$BIN" ] || die "$BIN is missing: build it first (scripts/build.sh)"
mkdir -p "$STATE"

sources=(--outlets "$OUTLETS")
[ "${NEWSGLOBE_WIDE:-0}" = 1 ] && sources+=(--feed-list "$ROOT/ingest/feeds/country_feeds.json")
fetch_extra=()
[ "${NEWSGLOBE_GDELT:-0}" = 1 ] && fetch_extra+=(--gdelt)
[ -n "${NEWSGLOBE_CONTACT:-}" ] && fetch_extra+=(--contact "$NEWSGLOBE_CONTACT")

log "fetching ($(date -u +%H:%M:%SZ)); health report: $STATE/captures/health.txt"
rc=0
"$BIN" fetch "${sources[@]}" --captures "$STATE/captures" --keep-hours "$KEEP_HOURS" "${fetch_extra[@]}" || rc=$?
case $rc in
  0) ;;
  3) exit 3 ;;  # fetch said why; building would only repeat the last API
  *) exit "$rc" ;;
esac

log "building the API into $OUT"
"$BIN" build "${sources[@]}" --captures "$STATE/captures" --out "$OUT" \
  --translator "${NEWSGLOBE_TRANSLATOR:-apertium}" --translation-cache "$STATE/translations.json" \
  --retention-hours "$KEEP_HOURS" --report "$STATE/build-report.json"
