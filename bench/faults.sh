#!/usr/bin/env bash
# The cluster's fault tests: `bash bench/faults.sh`. Needs the local PostgreSQL (127.0.0.1:5432, user
# postgres) and the ports of the cluster run free. Builds the portal, starts the cluster run
# (mvn -Prun,cluster package: Keycloak, two nodes, the balancer) on its own database portal_faults and
# proves what a dying node must not break:
#   contested claims: FAULT_LEADS (16,000) leads, each claimed by four reps of different partners at
#   once, through the balancer and straight to each node in turn (64,000 claims), node2 killed with
#   SIGKILL half-way and started again by the run: no lead claimed twice, every claim answered 200
#   stored for that partner, every partner's open-lead count equal to its leads in the pipeline;
#   PostgreSQL restarted under load (stopped for 15 s): the API answers 503 with Retry-After while it
#   is away, never a 500, and serves again by itself once it is back;
#   a node killed with a webhook backlog: FAULT_HOOK_LEADS (2,000) claims make as many lead.claimed
#   webhooks for a slow receiver (100 ms an answer), node1 is killed with SIGKILL while
#   the backlog drains: every message delivered, each received, none lost.
# Writes bench/target/faults/report.txt; exits non-zero if a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORTAL_WEBHOOKS_DEMO_RECEIVER=false
export PORTAL_WEBHOOKS_PRIVATE_DESTINATIONS=true # the receiver of the webhook test runs on this machine
OUT=bench/target/faults
mkdir -p "$OUT"
DB=portal_faults
LEADS=${FAULT_LEADS:-16000}
FAILED=0

source bench/portal.sh
fresh_database "$DB"
echo "== starting the cluster on $DB"
start_portal cluster.log run,cluster

check() { # what, found, expected
    if [ "$2" = "$3" ]; then
        echo "   ok: $1: $2"
    else
        echo "   FAILED: $1: $2 (expected $3)"
        FAILED=1
    fi
}

node_up() { # port
    curl -fs -o /dev/null "http://localhost:$1/portal/api/health"
}

{
echo "== contested claims, node2 killed with SIGKILL half-way"
"${PSQL[@]}" -d "$DB" -v leads="$LEADS" -f bench/faults-data.sql
: > "$OUT/reps.txt"
for n in $(seq 1 16); do
    keycloak_rep "fault.rep.$n" "fault-$(printf %02d "$n")"
    echo "fault.rep.$n fault-$(printf %02d "$n")" >> "$OUT/reps.txt"
done
"${PSQL[@]}" -d "$DB" -At -c "select id from sales_lead where source = 'faults' order by id" > "$OUT/leads.txt"
KILL="pkill -9 -f -- '-Djboss.node.name=nod[e]2 ' && echo node2 killed at \$(date +%T)" \
    java bench/ClaimFaults.java "$OUT/leads.txt" "$OUT/reps.txt" "$OUT/answers.txt"
for _ in $(seq 1 240); do node_up 10080 && break; sleep 1; done
node_up 10080 && echo "   node2 is back" || { echo "   FAILED: node2 did not come back"; FAILED=1; }
sleep 5 # claims of the killed node's last moment are rolled back by PostgreSQL once their connections closed

"${PSQL[@]}" -d "$DB" -c "create table fault_answer (lead_id bigint, partner_key varchar(40), target varchar(40), status int)" \
    -c "\\copy fault_answer from '$OUT/answers.txt' with (format text, delimiter ' ')"
q() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }
echo "   answers: $(q "select string_agg(status || ' x' || n, ', ' order by status) from (select status, count(*) n from fault_answer group by status) s")"
echo "   by target: $(q "select string_agg(target || ': ' || ok || ' won, ' || lost || ' no answer', '; ' order by target) from
    (select target, count(*) filter (where status = 200) ok, count(*) filter (where status = 0) lost from fault_answer group by target) t")"
check "claims" "$(q "select count(*) from fault_answer")" "$((LEADS * 4))"
check "leads claimed twice (transitions to CLAIMED)" "$(q "select count(*) from (select t.lead_id from lead_transition t
    join sales_lead l on l.id = t.lead_id where l.source = 'faults' and t.to_state = 'CLAIMED' group by t.lead_id having count(*) > 1) x")" 0
check "leads answered 200 to more than one claim" "$(q "select count(*) from (select lead_id from fault_answer where status = 200
    group by lead_id having count(*) > 1) x")" 0
check "claims answered 200 but not stored for that partner" "$(q "select count(*) from fault_answer a join sales_lead l on l.id = a.lead_id
    where a.status = 200 and (l.state <> 'CLAIMED' or l.partner_key is distinct from a.partner_key)")" 0
check "claimed leads without a claim in their history" "$(q "select count(*) from sales_lead l where l.source = 'faults'
    and l.state = 'CLAIMED' and not exists (select 1 from lead_transition t where t.lead_id = l.id and t.to_state = 'CLAIMED')")" 0
check "partners whose open-lead count is off" "$(q "select count(*) from partner p where p.partner_key like 'fault-%' and p.open_leads <>
    (select count(*) from sales_lead s where s.partner_key = p.partner_key and s.state in ('CLAIMED', 'CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL'))")" 0
echo "   leads claimed: $(q "select count(*) from sales_lead where source = 'faults' and state = 'CLAIMED'") of $LEADS;" \
    "claims answered 200: $(q "select count(*) from fault_answer where status = 200")"

echo "== PostgreSQL stopped for 15 s while four clients read the marketplace through the balancer"
PG_CLUSTER="$(ls /etc/postgresql | head -1)"
pg() { pg_ctlcluster --skip-systemctl-redirect "$PG_CLUSTER" main "$@"; }
NORTH=$(token north.rep)
probe() { # seconds, file: "status retry-after seconds-since-start" for each answer
    local end=$((SECONDS + $1))
    while [ $SECONDS -lt "$end" ]; do
        curl -s -o /dev/null --max-time 30 -w "%{http_code} %header{retry-after} $SECONDS\n" \
            -H "Authorization: Bearer $NORTH" "$PORTAL/portal/api/marketplace?size=20" >> "$2"
    done
}
rm -f "$OUT"/pg-answers.*
SECONDS=0
for i in 1 2 3 4; do probe 75 "$OUT/pg-answers.$i" & done
sleep 15
pg stop -m fast
echo "   PostgreSQL stopped at ${SECONDS} s"
sleep 15
pg start
STARTED=$SECONDS
echo "   PostgreSQL started at ${STARTED} s"
wait
cat "$OUT"/pg-answers.* > "$OUT/pg-answers.txt"
echo "   answers: $(cut -d' ' -f1 "$OUT/pg-answers.txt" | sort | uniq -c | awk '{printf "%s x%s  ", $2, $1}')"
check "answers other than 200 and 503" "$(awk '$1 != 200 && $1 != 503' "$OUT/pg-answers.txt" | wc -l)" 0
check "503 without Retry-After" "$(awk '$1 == 503 && NF < 3' "$OUT/pg-answers.txt" | wc -l)" 0
check "503 while PostgreSQL was away" "$(awk '$1 == 503' "$OUT/pg-answers.txt" | wc -l | awk '{print ($1 > 0) ? "some" : "none"}')" some
check "non-200 answers 10 s after PostgreSQL was back" "$(awk -v t=$((STARTED + 10)) '$NF > t && $1 != 200' "$OUT/pg-answers.txt" | wc -l)" 0
echo "   first 200 after the start: $(awk -v t="$STARTED" '$NF >= t && $1 == 200 {print $NF - t " s"; exit}' "$OUT/pg-answers.txt")"

echo "== a node killed with a webhook backlog"
HOOK_LEADS=${FAULT_HOOK_LEADS:-2000}
python3 - "$OUT/received.txt" > "$OUT/receiver.log" 2>&1 <<'PY' &
import sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
log = open(sys.argv[1], 'a', buffering=1)
class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        time.sleep(0.1)
        log.write(self.headers.get('webhook-id', '-') + '\n')
        self.send_response(200); self.send_header('Content-Length', '0'); self.end_headers()
    def log_message(self, *args):
        pass
ThreadingHTTPServer(('127.0.0.1', 8099), Hook).serve_forever()
PY
RECEIVER=$!
: > "$OUT/received.txt"
MANAGER=$(token channel.manager)
ENDPOINT=$(curl -fs -H "Authorization: Bearer $MANAGER" -H 'Content-Type: application/json' \
    -d '{"url": "http://127.0.0.1:8099/hook", "events": ["lead.claimed"]}' "$PORTAL/portal/api/webhooks" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
"${PSQL[@]}" -d "$DB" -c "update sales_lead set state = 'PUBLISHED', partner_key = null, claimed_at = null where source = 'faults'" \
    -c "update partner set open_leads = 0 where partner_key like 'fault-%'"
"${PSQL[@]}" -d "$DB" -At -c "select id from sales_lead where source = 'faults' order by id limit $HOOK_LEADS" > "$OUT/hook-leads.txt"
CONTENDERS=1 KILL="sleep 5; pkill -9 -f -- '-Djboss.node.name=nod[e]1 ' && echo node1 killed at \$(date +%T)" \
    java bench/ClaimFaults.java "$OUT/hook-leads.txt" "$OUT/reps.txt" "$OUT/hook-answers.txt"
CLAIMED=$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from webhook_message where endpoint_id = $ENDPOINT")
echo "   $CLAIMED webhook messages written; waiting for the outbox to drain (a killed node's hold runs out after 60 s)"
SECONDS=0
for _ in $(seq 1 600); do
    [ "$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from webhook_message where endpoint_id = $ENDPOINT and state <> 'DELIVERED'")" = 0 ] && break
    sleep 1
done
echo "   the outbox drained $SECONDS s after the last claim"
kill "$RECEIVER"
q() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }
check "claimed leads without a webhook message" "$(q "select count(*) from sales_lead l where l.source = 'faults'
    and l.state = 'CLAIMED' and not exists (select 1 from webhook_message m where m.endpoint_id = $ENDPOINT and m.lead_id = l.id)")" 0
check "messages not delivered" "$(q "select count(*) from webhook_message where endpoint_id = $ENDPOINT and state <> 'DELIVERED'")" 0
sort -u "$OUT/received.txt" > "$OUT/received-once.txt"
"${PSQL[@]}" -d "$DB" -At -c "select message_id from webhook_message where endpoint_id = $ENDPOINT" | sort > "$OUT/written.txt"
check "messages never received" "$(comm -23 "$OUT/written.txt" "$OUT/received-once.txt" | wc -l)" 0
echo "   received: $(wc -l < "$OUT/received.txt") deliveries of $(wc -l < "$OUT/received-once.txt") messages" \
    "($(( $(wc -l < "$OUT/received.txt") - $(wc -l < "$OUT/received-once.txt") )) again: sent by the killed node, unrecorded)"
} 2>&1 | tee "$OUT/report.txt"

grep -q FAILED "$OUT/report.txt" && exit 1
echo "all fault checks passed"
