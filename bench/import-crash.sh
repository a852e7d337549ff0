#!/usr/bin/env bash
# The import's kill-and-rerun (issue 13): `bash bench/import-crash.sh`. Needs what bench/run.sh needs
# (the local PostgreSQL, free ports 8080/8180) and a built portal (`mvn install -DskipTests` once).
# Starts the portal on its own database portal_crash, imports a file of 100,000 rows in the background
# (`Prefer: respond-async`), kills WildFly with SIGKILL half-way through, starts the portal again,
# checks that the import says INTERRUPTED, imports the same file again, and checks that every row is
# there exactly once. Writes bench/target/import-crash.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORTAL_WEBHOOKS_DEMO_RECEIVER=false # measured without the demo run's webhook receiver
OUT=bench/target
mkdir -p "$OUT"
DB=portal_crash
ROWS=${CRASH_ROWS:-100000}
REPORT="$OUT/import-crash.txt"

source bench/portal.sh
fresh_database "$DB"

field() { # JSON field of stdin
    python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"
}
job() { # path -> its JSON
    curl -fs -H "Authorization: Bearer $(token channel.manager)" -H "Accept: application/json" "$PORTAL/portal/api$1"
}
stored() {
    "${PSQL[@]}" -d "$DB" -At -c "select count(*) || ' ' || count(distinct external_id) from sales_lead where source = 'crash-$TAG'"
}

TAG=$(date +%s)
crash_rows "$TAG" "$ROWS" "$OUT/crash.csv"

echo "== starting the portal on $DB"
start_portal crash-first.log
echo "== importing $ROWS rows in the background"
START=$(date +%s)
FIRST=$(import_async "$OUT/crash.csv")
echo "import $FIRST"
while :; do
    DONE=$(job "$FIRST" | field rowsDone)
    [ "$DONE" -ge $((ROWS / 2)) ] && break
    sleep 2
done
BEFORE=$(stored)
WILDFLY=$(pgrep -f 'org.jboss.as.standalone' | head -1)
kill -KILL "$WILDFLY"
KILLED_AFTER=$(($(date +%s) - START))
echo "== WildFly ($WILDFLY) killed with SIGKILL after $KILLED_AFTER s, rows reported done $DONE, leads stored: ${BEFORE% *}"
wait "$SERVERS" 2>/dev/null || true
SERVERS=

echo "== starting the portal again"
start_portal crash-second.log
STATE=$(job "$FIRST" | field state)
echo "the first import now says $STATE"
START=$(date +%s)
SECOND=$(import_async "$OUT/crash.csv")
while [ "$(job "$SECOND" | field state)" = RUNNING ]; do sleep 2; done
RERUN=$(($(date +%s) - START))
RESULT=$(job "$SECOND")
AFTER=$(stored)

{
    echo "Import kill-and-rerun, $(date -u +%FT%TZ), $ROWS rows, PostgreSQL"
    echo "first import: killed with SIGKILL after $KILLED_AFTER s at $DONE rows reported done; leads stored then: ${BEFORE% *}"
    echo "after the restart the first import says: $STATE"
    echo "the same file again: $(echo "$RESULT" | python3 -c 'import json, sys; r = json.load(sys.stdin); print("state %s, created %d, quarantined %d, updated %d, duplicates %d, rejected %d" % (r["state"], r["created"], r["quarantined"], r["updated"], r["duplicates"], len(r["rejected"])))') in $RERUN s"
    echo "leads of the file stored: ${AFTER% *}, distinct external ids: ${AFTER#* } (expected $ROWS each)"
} | tee "$REPORT"
[ "$STATE" = INTERRUPTED ] && [ "$AFTER" = "$ROWS $ROWS" ] || { echo "FAILED: not every row exactly once" >&2; exit 1; }
echo "every row exactly once"
