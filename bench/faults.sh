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
#   the backlog drains: every message delivered, each received, none lost;
#   overload: an API client floods a catalogue with 16 threads while 8 reps read the marketplace every 100 ms:
#   the client is refused with 429, the reps' p95 stays within twice their p95 without the flood;
#   sessions: a signed-in user's node is killed; the next click lands on the other node, which signs
#   the user in again through Keycloak's single sign-on (no password asked) and shows the page.
# FAULT_TESTS picks some of them ("claims database webhooks overload sessions"). Writes
# bench/target/faults/report.txt; exits non-zero if a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORTAL_WEBHOOKS_DEMO_RECEIVER=false
export PORTAL_WEBHOOKS_PRIVATE_DESTINATIONS=true # the receiver of the webhook test runs on this machine
# the shipped rate limits (RateLimits), not the benches' raised ones: the overload test proves them
export PORTAL_RATE_LIMIT_USER_PER_SECOND=20 PORTAL_RATE_LIMIT_USER_BURST=200
export PORTAL_RATE_LIMIT_CLIENT_PER_SECOND=20 PORTAL_RATE_LIMIT_CLIENT_BURST=200
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

both_nodes_up() { # a killed node is started again by the run after 10 s and deploys in about 30
    for _ in $(seq 1 240); do node_up 9080 && node_up 10080 && return 0; sleep 1; done
    echo "   FAILED: a node did not come back"
}

wanted() { # test: FAULT_TESTS names the tests to run, all by default
    [[ " ${FAULT_TESTS:-claims database webhooks overload sessions} " == *" $1 "* ]]
}

{
echo "== $LEADS published leads, 16 Gold partners that fit them all, a rep each"
"${PSQL[@]}" -d "$DB" -v leads="$LEADS" -f bench/faults-data.sql
: > "$OUT/reps.txt"
for n in $(seq 1 16); do
    keycloak_rep "fault.rep.$n" "fault-$(printf %02d "$n")"
    echo "fault.rep.$n fault-$(printf %02d "$n")" >> "$OUT/reps.txt"
done
"${PSQL[@]}" -d "$DB" -At -c "select id from sales_lead where source = 'faults' order by id" > "$OUT/leads.txt"

if wanted claims; then
echo "== contested claims, node2 killed with SIGKILL half-way"
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
fi

if wanted database; then
echo "== PostgreSQL stopped for 15 s while four clients read the marketplace through the balancer"
PG_CLUSTER="$(ls /etc/postgresql | head -1)"
pg() { pg_ctlcluster --skip-systemctl-redirect "$PG_CLUSTER" main "$@"; }
probe() { # seconds, file, rep: "status retry-after seconds-since-start" for each answer, ten reads a second at most
    local end=$((SECONDS + $1)) rep
    rep=$(token "$3")
    while [ $SECONDS -lt "$end" ]; do
        curl -s -o /dev/null --max-time 30 -w "%{http_code} %header{retry-after} $SECONDS\n" \
            -H "Authorization: Bearer $rep" "$PORTAL/portal/api/marketplace?size=20" >> "$2"
        sleep 0.1
    done
}
rm -f "$OUT"/pg-answers.*
SECONDS=0
for i in 1 2 3 4; do probe 75 "$OUT/pg-answers.$i" "fault.rep.$i" & done
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
fi

if wanted webhooks; then
echo "== a node killed with a webhook backlog"
both_nodes_up
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
fi

if wanted overload; then
echo "== overload: an API client floods the API while reps read the marketplace"
both_nodes_up
ADMIN=$(token north.admin)
curl -fs -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{"name": "Runaway CRM"}' \
    "$PORTAL/portal/api/api-clients" > "$OUT/crm.json"
read -r CRM_ID CRM_SECRET < <(python3 -c 'import json, sys; c = json.load(open(sys.argv[1])); print(c["clientId"], c["clientSecret"])' "$OUT/crm.json")
head -8 "$OUT/reps.txt" > "$OUT/readers.txt"
java bench/FeedUnderFlood.java "$OUT/readers.txt" "$CRM_ID" "$CRM_SECRET" | tee "$OUT/flood.txt" | grep -v '^RATIO'
check "the reps' p95 while one client floods, against without, within 2" \
    "$(awk '/^RATIO/ {print ($2 <= 2) ? "yes" : "no (" $2 ")"}' "$OUT/flood.txt")" yes
check "the flood refused with 429" "$(grep -c '429=' "$OUT/flood.txt")" 1
fi

if wanted sessions; then
echo "== sessions: the node of a signed-in user is killed"
both_nodes_up
jar="$OUT/cookies.txt"
rm -f "$jar"
form=$(curl -fsL -c "$jar" -b "$jar" "$PORTAL/portal/my-leads.xhtml" | sed -nE 's/.*id="kc-form-login"[^>]*action="([^"]+)".*/\1/p' | sed 's/&amp;/\&/g')
curl -fsL -c "$jar" -b "$jar" -d username=north.rep -d password=demo "$form" -o /dev/null
node=$(awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -1 | sed 's/.*\.//')
echo "   north.rep signed in, the session on $node; killing $node"
pkill -9 -f -- "-Djboss.node.name=${node%?}[${node: -1}] "
sleep 2
check "the next click (status, redirects through Keycloak)" \
    "$(curl -sL -c "$jar" -b "$jar" -o "$OUT/after.html" -w '%{http_code} %{num_redirects}' "$PORTAL/portal/my-leads.xhtml")" "200 3"
check "the page shown, no login form" "$(grep -c 'kc-form-login' "$OUT/after.html")/$(grep -c '<title>My leads' "$OUT/after.html")" "0/1"
check "the new session on the other node" "$(awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -1 | sed 's/.*\.//')" \
    "$([ "$node" = node1 ] && echo node2 || echo node1)"
both_nodes_up
fi
} 2>&1 | tee "$OUT/report.txt"

grep -q FAILED "$OUT/report.txt" && exit 1
echo "all fault checks passed"
