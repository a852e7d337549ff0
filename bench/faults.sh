#!/usr/bin/env bash
# The cluster's fault tests: `bash bench/faults.sh`. Needs the local PostgreSQL (127.0.0.1:5432, user
# postgres) and the ports of the cluster run free. Builds the portal, starts the cluster run
# (mvn -Prun,cluster package: Keycloak, two nodes, the balancer) on its own database portal_faults and
# proves what a dying node must not break:
#   timers with both nodes up and the clock of each moved 49 hours ahead, for two SLA sweeps: 30
#   untouched claims recalled once each, 30 leads waiting a week escalated in one mail (read over IMAP),
#   30 follow-ups reminded with one mail each;
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
#   an import of FAULT_IMPORT_ROWS (100,000) rows sent to node1, node1 killed with SIGKILL half-way: the
#   import says INTERRUPTED after the restart, the same file again through the balancer stores every row once;
#   sessions: a signed-in user's node is killed; an AJAX click is answered 401 (the page then reloads
#   itself), the next page lands on the other node, which signs the user in again through Keycloak's
#   single sign-on (no password asked) and shows the page.
# FAULT_TESTS picks some of them ("timers claims database webhooks overload import sessions"). Writes
# bench/target/faults/report.txt; exits non-zero if a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORTAL_WEBHOOKS_DEMO_RECEIVER=false
export PORTAL_WEBHOOKS_PRIVATE_DESTINATIONS=true # the receiver of the webhook test runs on this machine
export PORTAL_CLOCK_ADJUSTABLE=true # the timers test moves each node's clock (PUT /api/admin/clock)
# the shipped rate limits (RateLimits), not the benches' raised ones: the overload test proves them
export PORTAL_RATE_LIMIT_USER_PER_SECOND=20 PORTAL_RATE_LIMIT_USER_BURST=200
export PORTAL_RATE_LIMIT_CLIENT_PER_SECOND=20 PORTAL_RATE_LIMIT_CLIENT_BURST=200
OUT=bench/target/faults
mkdir -p "$OUT"
DB=portal_faults
LEADS=${FAULT_LEADS:-16000}
IMPORT_ROWS=${FAULT_IMPORT_ROWS:-100000}
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
    [[ " ${FAULT_TESTS:-timers claims database webhooks overload import sessions} " == *" $1 "* ]]
}

{
echo "== $LEADS published leads, 16 Gold partners that fit them all, a rep each"
"${PSQL[@]}" -d "$DB" -v leads="$LEADS" -f bench/faults-data.sql
: > "$OUT/reps.txt"
for n in $(seq 1 16); do
    keycloak_rep "fault.rep.$n" "fault-$(printf %02d "$n")"
    echo "fault.rep.$n fault-$(printf %02d "$n")" >> "$OUT/reps.txt"
done

if wanted timers; then
echo "== timers on both nodes, the clock moved 49 hours ahead on each: every recall, escalation and reminder once"
q() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }
curl -fs -o /dev/null -H "Authorization: Bearer $(token fault.rep.1)" "$PORTAL/portal/api/marketplace" # known to the portal, with its address
# 30 leads claimed now and never touched (recalled after 48 h), 30 in the pool for 7 days less an hour
# (escalated after 7 days), 30 worked with a follow-up due in an hour (reminded); the others keep the
# pool open for the later tests
q "with r as (select id, row_number() over (order by id) n from sales_lead where source = 'faults' order by id limit 90)
   update sales_lead l set
     state = case when r.n <= 60 and r.n > 30 then 'PUBLISHED' else 'CLAIMED' end,
     partner_key = case when r.n <= 60 and r.n > 30 then null else 'fault-01' end,
     claimed_at = case when r.n <= 60 and r.n > 30 then null else now() end,
     published_at = case when r.n <= 60 and r.n > 30 then now() - interval '7 days' + interval '1 hour' else l.published_at end,
     last_activity_at = case when r.n > 60 then now() end,
     assignee = case when r.n > 60 then 'fault.rep.1' end,
     follow_up_at = case when r.n > 60 then now() + interval '1 hour' end,
     source = case when r.n <= 30 then 'faults-recall' when r.n <= 60 then 'faults-escalate' else 'faults-remind' end
   from r where l.id = r.id" > /dev/null
q "update partner set open_leads = 60 where partner_key = 'fault-01'" > /dev/null
inbox() { # address -> the numbers of its messages
    curl -s --max-time 20 --url "imap://127.0.0.1:3143/INBOX" --user "$1:$1" -X "SEARCH ALL" | tr ' \r' '\n\n' | grep '^[0-9]' || true
}
ESCALATE_TO=channel.manager@partner-portal.example
ADMIN=$(token portal.admin)
for port in 9080 10080; do
    curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
        -d '{"offset": "PT49H"}' "http://localhost:$port/portal/api/admin/clock"
done
# the SLA sweep runs every five minutes, the reminders every minute: two rounds of each, on both nodes
echo "   clocks moved at $(date +%T); waiting for two SLA sweeps"
SECONDS=0
until [ "$(q "select count(*) from sales_lead where source = 'faults-recall' and state = 'CLAIMED'")" = 0 ] || [ $SECONDS -gt 420 ]; do sleep 5; done
echo "   the first sweep recalled them after $SECONDS s; waiting for the next"
sleep 310
ADMIN=$(token portal.admin) # tokens live five minutes
for port in 9080 10080; do
    curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
        -d '{"offset": "PT0S"}' "http://localhost:$port/portal/api/admin/clock"
done
check "recalled leads" "$(q "select count(*) from sales_lead where source = 'faults-recall' and state <> 'CLAIMED'")" 30
check "recalls in the leads' histories" "$(q "select count(*) from lead_transition t join sales_lead l on l.id = t.lead_id
    where l.source = 'faults-recall' and t.from_state = 'CLAIMED' and t.to_state <> 'CLAIMED'")" 30
check "SLA breaches recorded for them" "$(q "select count(*) from sla_breach b join sales_lead l on l.id = b.lead_id where l.source = 'faults-recall'")" 30
mails() { # address: every message's text, one after the other
    for n in $(inbox "$1"); do curl -s --max-time 20 --url "imap://127.0.0.1:3143/INBOX;MAILINDEX=$n" --user "$1:$1"; done
}
mails "$ESCALATE_TO" > "$OUT/escalations.txt"
check "escalated leads each named in one escalation mail" "$(for id in $(q "select id from sales_lead where source = 'faults-escalate'"); do
    grep -c "/lead/$id\b" "$OUT/escalations.txt"; done | sort | uniq -c | awk '{printf "%s lead(s) in %s mail(s) ", $1, $2}')" "30 lead(s) in 1 mail(s) "
mails fault.rep.1@bench.example > "$OUT/reminders.txt" # besides the reminders, the offers of the leads whose tier windows the clock passed
check "followed-up leads each named in one mail to their rep" "$(for id in $(q "select id from sales_lead where source = 'faults-remind'"); do
    grep -c "/lead/$id\b" "$OUT/reminders.txt"; done | sort | uniq -c | awk '{printf "%s lead(s) in %s mail(s) ", $1, $2}')" "30 lead(s) in 1 mail(s) "
q "update sales_lead set source = 'faults-timers' where source like 'faults-%'" > /dev/null
fi

if wanted claims; then
echo "== contested claims, node2 killed with SIGKILL half-way"
"${PSQL[@]}" -d "$DB" -At -c "select id from sales_lead where source = 'faults' and state = 'PUBLISHED' order by id" > "$OUT/leads.txt"
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
check "claims" "$(q "select count(*) from fault_answer")" "$(( $(wc -l < "$OUT/leads.txt") * 4 ))"
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
    -c "update partner p set open_leads = (select count(*) from sales_lead s where s.partner_key = p.partner_key
        and s.state in ('CLAIMED', 'CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL')) where p.partner_key like 'fault-%'"
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

if wanted import; then
echo "== an import of $IMPORT_ROWS rows on node1, node1 killed with SIGKILL half-way, the same file again through the balancer"
both_nodes_up
q() { "${PSQL[@]}" -d "$DB" -At -c "$1"; }
TAG=$(date +%s)
crash_rows "$TAG" "$IMPORT_ROWS" "$OUT/import.csv"
import_field() { # path, field: read through the balancer, from whichever node
    curl -fs -H "Authorization: Bearer $(token channel.manager)" -H "Accept: application/json" "$PORTAL/portal/api$1" \
        | python3 -c "import json, sys; print(json.load(sys.stdin)['$2'])"
}
stored() { q "select count(*) || ' ' || count(distinct external_id) from sales_lead where source = 'crash-$TAG'"; }
FIRST=$(import_async "$OUT/import.csv" http://localhost:9080)
while [ "$(import_field "$FIRST" rowsDone)" -lt $((IMPORT_ROWS / 2)) ]; do sleep 2; done
pkill -9 -f -- '-Djboss.node.name=nod[e]1 '
echo "   node1 killed at $(date +%T), leads of the file stored then: $(stored | cut -d' ' -f1)"
both_nodes_up
check "the first import after node1's restart" "$(import_field "$FIRST" state)" INTERRUPTED
START=$SECONDS
SECOND=$(import_async "$OUT/import.csv")
while [ "$(import_field "$SECOND" state)" = RUNNING ]; do sleep 2; done
echo "   the same file again through the balancer: $(import_field "$SECOND" created) created, $(import_field "$SECOND" duplicates) duplicates, in $((SECONDS - START)) s"
check "the second import" "$(import_field "$SECOND" state)" DONE
check "leads of the file stored, distinct external ids" "$(stored)" "$IMPORT_ROWS $IMPORT_ROWS"
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
# an AJAX click of the open page (a PrimeFaces postback) is answered 401, not sent to the login page:
# the page's script (session.js) then loads the page anew, as the GET below does
check "an AJAX click on the open page" "$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' -X POST \
    -H 'X-Requested-With: XMLHttpRequest' -H 'Faces-Request: partial/ajax' -d 'jakarta.faces.partial.ajax=true' \
    "$PORTAL/portal/my-leads.xhtml")" 401
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
