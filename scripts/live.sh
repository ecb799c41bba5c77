#!/usr/bin/env bash
# The live mode (README command 3, run through `scripts/serve.sh --live`,
# which installs and builds first): serves the built site and refreshes a
# real news API beside it every 15 minutes with scripts/ingest.sh.
#
#   the app on the live API   http://localhost:$PORT/?api=./live
#   the API                   build/site/live/v1/...  (switched atomically by each build)
#   captures, health, cache   build/live/              (not served)
#
# PORT (8080), NEWSGLOBE_INTERVAL (seconds between cycles, 900) and every
# setting scripts/ingest.sh reads (NEWSGLOBE_CONTACT first of all).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PORT="${PORT:-8080}"
INTERVAL="${NEWSGLOBE_INTERVAL:-900}"
SITE="$ROOT/build/site"
API_DIR="$SITE/live"
STATE="${NEWSGLOBE_STATE:-$ROOT/build/live}"
warn() { printf '\033[1;33m[newsglobe live]\033[0m %s\n' "$*" >&2; }

mkdir -p "$STATE"
[ -f "$SITE/index.html" ] || die "no site in $SITE: run scripts/build.sh first (scripts/serve.sh --live does)"
[ -n "${NEWSGLOBE_CONTACT:-}" ] ||
  warn "NEWSGLOBE_CONTACT is not set: set it to a URL or mailto: address where publishers can reach you; it goes into the User-Agent."

node "$ROOT/tools/serve.mjs" --root "$SITE" --port "$PORT" > "$STATE/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
sleep 1
kill -0 "$SERVER" 2>/dev/null || die "the web server did not start: $(cat "$STATE/server.log")"
log "serving build/site at http://localhost:$PORT/ (sample API); the live API will be at http://localhost:$PORT/?api=./live"

while true; do
  rc=0
  NEWSGLOBE_STATE="$STATE" "$ROOT/scripts/ingest.sh" --out "$API_DIR" || rc=$?
  next="$(date -u -d "+$INTERVAL seconds" +%H:%M:%SZ)"
  case $rc in
    0) log "live API updated: open http://localhost:$PORT/?api=./live (next update at $next)" ;;
    3) warn "the network is unreachable: no news host could be resolved or reached, so nothing new was fetched." \
            "$( [ -e "$API_DIR/v1" ] && echo "The last API built stays at http://localhost:$PORT/?api=./live." ||
                echo "No live API exists yet; the sample API is at http://localhost:$PORT/.")" \
            "Trying again at $next." ;;
    4) warn "the previous cycle is still fetching; trying again at $next." ;;
    *) warn "this ingest cycle failed (exit $rc; see above). The last API built stays live; trying again at $next." ;;
  esac
  kill -0 "$SERVER" 2>/dev/null || die "the web server stopped: $(tail -n 5 "$STATE/server.log")"
  sleep "$INTERVAL" &
  wait $!
done
