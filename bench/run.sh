#!/usr/bin/env bash
# The benchmark: `bash bench/run.sh`. Needs the local PostgreSQL (127.0.0.1:5432, user postgres),
# free ports 8080/8180, and wrk (installed with apt-get when missing and run as root). Builds the
# portal, starts it (Keycloak + WildFly) on its own database portal_bench, loads 1M leads (BENCH_LEADS) and 200
# partners, then measures in one run:
#   the marketplace page through the REST API against the raw SQL of the same queries (pgbench),
#   claims of distinct leads through the REST API against the raw SQL of the same statements (pgbench),
# and checks that no lead was claimed twice. HTTP load comes from wrk (bench/*.lua), which costs the
# two cores far less than a Java client. Writes bench/target/report.txt. Then stops that portal and runs
# the webhooks' part on a portal of its own (bench/webhooks.sh, bench/target/webhooks.txt) and the
# import's (bench/import.sh, bench/target/import.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
# `bash bench/run.sh cluster`: the cluster mode, one node against two behind the balancer (bench/cluster.sh)
[ "${1:-}" = cluster ] && exec bash bench/cluster.sh
export PORTAL_WEBHOOKS_DEMO_RECEIVER=false # measured without the demo run's webhook receiver
OUT=bench/target
mkdir -p "$OUT"
DB=portal_bench
FEED_CLIENTS=${BENCH_FEED_CLIENTS:-2}
CLAIM_CLIENTS=${BENCH_CLAIM_CLIENTS:-16}
PARTNERS=${BENCH_PARTNERS:-48}
WARM_UP=${BENCH_WARM_UP:-400}  # at most this many seconds of claims before the measurements, while the JIT compiles
SECONDS_EACH=${BENCH_SECONDS:-20}
LEADS=${BENCH_LEADS:-1000000} # another number (100000) for docs/SCALING.md; BENCH_MAIN_ONLY=true skips the webhooks and the import

if ! command -v wrk > /dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
        apt-get install -y wrk > /dev/null || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
    else
        echo "The benchmark needs wrk: sudo apt-get install -y wrk" >&2
        exit 1
    fi
fi

source bench/portal.sh
fresh_database "$DB"
echo "== starting the portal on $DB"
start_portal portal.log

echo "== loading $LEADS leads and 200 partners"
time "${PSQL[@]}" -d "$DB" -v leads="$LEADS" -f bench/load-data.sql
# the cockpit's kept figures of the two years, built by the first view that reads them (timed for the report)
FIRST_DAY=$("${PSQL[@]}" -d "$DB" -At -c "select (min(published_at) at time zone 'Europe/Berlin')::date from sales_lead")
BUILD_START=$(date +%s.%N)
curl -fs -o /dev/null -H "Authorization: Bearer $(curl -fs -d grant_type=password -d client_id=portal-cli -d password=demo \
    -d username=channel.manager "$TOKEN_URL" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')" \
    "$PORTAL/portal/api/cockpit/summary?from=$FIRST_DAY&to=$(date -u +%F)"
BUILD_SECONDS=$(awk -v a="$BUILD_START" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')

# a signed-in browser session of the user: the login form of Keycloak filled in with curl
session_cookie() {
    local jar="$OUT/cookies-$1.txt"
    rm -f "$jar"
    local form
    form=$(curl -fsL -c "$jar" -b "$jar" "$PORTAL/portal/cockpit.xhtml" | sed -nE 's/.*id="kc-form-login"[^>]*action="([^"]+)".*/\1/p' | sed 's/&amp;/\&/g')
    curl -fsL -c "$jar" -b "$jar" -d "username=$1" -d password=demo "$form" > /dev/null
    awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar" | tail -1
}

# the leads a partner may claim now, in id order
claimable() {
    "${PSQL[@]}" -d "$DB" -At -c "
        select string_agg(id::text, ' ') from (select l.id from sales_lead l
        where l.state = 'PUBLISHED'
          and l.region in (select region_code from partner_region where partner_key = '$1')
          and l.product in (select product from partner_product where partner_key = '$1')
          and l.size_class in (select size_class from partner_size_focus where partner_key = '$1')
          and (l.required_certification is null or l.required_certification in
               (select certification from partner_certification where partner_key = '$1'))
        order by l.id) ids"
}

echo "== one sales rep for each of $PARTNERS Gold bench partners in Keycloak; their claim plans"
: > "$OUT/partners.txt"
for n in $(seq 1 "$PARTNERS"); do
    user="bench.rep.$n"
    partner="bench-$(printf %03d $((n * 3)))"   # every third bench partner is Gold: no embargo
    keycloak_rep "$user" "$partner"
    echo "$user $partner $(claimable "$partner")" >> "$OUT/partners.txt"
done
# Each lead goes to one partner only (the first whose list has it); of each partner's leads a
# third goes to the raw SQL baseline, the others to the REST run.
awk -v rest="$OUT/plan-rest.txt" -v raw="$OUT/plan-raw.csv" '
    { line = $1; k = 0
      for (i = 3; i <= NF; i++) if (!($i in seen)) { seen[$i] = 1
          if (k++ % 3 == 0) print ++n "," $i "," $2 > raw; else line = line " " $i }
      print line > rest }' "$OUT/partners.txt"
# wrk's two threads take every other line: longest plans first, so that both get about as many leads
awk '{print NF "\t" $0}' "$OUT/plan-rest.txt" | sort -rn | cut -f2- > "$OUT/plan-rest.sorted" && mv "$OUT/plan-rest.sorted" "$OUT/plan-rest.txt"
"${PSQL[@]}" -d "$DB" -c "drop table if exists bench_claim_plan;
    create table bench_claim_plan (n integer primary key, lead_id bigint, partner_key varchar(40))" \
    -c "\\copy bench_claim_plan from '$OUT/plan-raw.csv' with (format csv)" \
    -c "update bench_claim_plan set n = -n; -- shuffled, so that the clients claim for different partners at once
        update bench_claim_plan p set n = s.k from (select n, row_number() over (order by random()) k
                                                    from bench_claim_plan) s where p.n = s.n"
RAW_CLAIMS=$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from bench_claim_plan")
while read -r user ids; do echo "$(token "$user") $ids"; done < "$OUT/plan-rest.txt" > "$OUT/plan-rest-tokens.txt"

# wrk's line of a claim run; where the plan ran out before its end (the smaller loads of docs/SCALING.md),
# the claims per second are those the database holds over their own span, first claim to last
rest_claims() { # seconds [plan file, partners (a LIKE pattern)]
    local line
    line=$(PLAN="${2:-$OUT/plan-rest-tokens.txt}" THREADS=2 wrk -t2 -c"$CLAIM_CLIENTS" -d"$1s" -s bench/claim.lua "$PORTAL" | tail -1)
    if [[ $line == *"plan used up"* ]]; then
        read -r count span < <("${PSQL[@]}" -d "$DB" -At -F ' ' -c "select count(*), extract(epoch from max(claimed_at) - min(claimed_at))
            from sales_lead where partner_key like '${3:-bench-%}' and state = 'CLAIMED' and claimed_at > now() - interval '$(($1 + 5)) seconds'")
        line=$(echo "$line" | sed -E "s/ [0-9]+ claims\/s;/ $(awk -v c="$count" -v s="$span" 'BEGIN {printf "%.0f", c / s}') claims\/s (the plan's $count claims in $(printf %.1f "$span") s);/")
    fi
    echo "$line"
}

# leads with more than one claim in their history, added up over the measured runs (the give-back
# deletes the claims it undoes)
TWICE=0
claimed_twice() {
    TWICE=$((TWICE + $("${PSQL[@]}" -d "$DB" -At -c "select count(*) from (select lead_id from lead_transition
        where to_state = 'CLAIMED' group by lead_id having count(*) > 1) twice")))
}

# the leads the bench partners claimed go back to the pool, so that the plan can run again
give_back() {
    sleep 5   # the claims wrk left in flight are answered
    "${PSQL[@]}" -d "$DB" -c "
        insert into cockpit_change (lead_id) select id from sales_lead where partner_key like 'bench-%' and state = 'CLAIMED';
        delete from lead_transition t where t.to_state = 'CLAIMED'
            and t.lead_id in (select id from sales_lead where partner_key like 'bench-%' and state = 'CLAIMED');
        update sales_lead set state = 'PUBLISHED', partner_key = null, claimed_at = null
            where partner_key like 'bench-%' and state = 'CLAIMED';
        update partner set open_leads = (select count(*) from sales_lead s where s.partner_key = partner.partner_key
            and s.state in ('CLAIMED', 'CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL'));" -c "vacuum analyze sales_lead"
    # a view counts the leads just marked, so that the next run does not pay for this bulk give-back
    curl -fs -o /dev/null -H "Authorization: Bearer $(token channel.manager)" "$PORTAL/portal/api/cockpit/summary"
}

# Warm-up: rounds of 20 s of claims until the server is steady, that is until two rounds in a row
# fail to beat the best round by 2 % (at least 9 rounds, at most WARM_UP s). The JIT compiles the hot
# paths only with what CPU the load leaves it, which takes minutes on two cores.
echo "== warm-up, not measured: rounds of 20 s of claims until steady, after each the leads go back to the pool; 60 s of pages"
best=0; flat=0; round=0
while [ $((round * 20)) -lt "$WARM_UP" ]; do
    round=$((round + 1))
    # tokens live five minutes: fresh ones for each round
    while read -r user ids; do echo "$(token "$user") $ids"; done < "$OUT/plan-rest.txt" > "$OUT/plan-rest-tokens.txt"
    line=$(rest_claims 20)
    echo "$line"
    give_back
    rate=$(echo "$line" | sed -E 's/.* ([0-9]+) claims\/s.*/\1/')
    if [ "$rate" -gt $((best * 102 / 100)) ]; then flat=0; else flat=$((flat + 1)); fi
    [ "$rate" -gt "$best" ] && best=$rate
    [ "$round" -ge 9 ] && [ "$flat" -ge 2 ] && break
done
echo "warm after $round rounds"
TOKEN=$(token north.rep) wrk -t"$FEED_CLIENTS" -c"$FEED_CLIENTS" -d60s -s bench/feed.lua "$PORTAL" > /dev/null
NORTH=$(token north.rep)   # tokens live five minutes

{
echo "Partner Portal benchmark, $(date -u +%FT%TZ), $(nproc) cores (WildFly, Keycloak, PostgreSQL and wrk share them)"
echo "warm-up: $round rounds of 20 s of claims, the best $best claims/s"
"${PSQL[@]}" -d "$DB" -At -c "select count(*) || ' leads (' || count(*) filter (where state = 'PUBLISHED') || ' in the pool), ' || (select count(*) from partner) || ' partners' from sales_lead"
echo
echo "-- marketplace page (total + 20 cards, random page 0..49) for the Gold demo partner, $FEED_CLIENTS clients, $SECONDS_EACH s"
"${PSQL[@]}" -d "$DB" -At -c "select 'leads in its feed: ' || count(*) from sales_lead l where l.state = 'PUBLISHED'
    and l.region in (select region_code from partner_region where partner_key = 'nordlicht')
    and l.product in (select product from partner_product where partner_key = 'nordlicht')
    and l.size_class in (select size_class from partner_size_focus where partner_key = 'nordlicht')
    and (l.required_certification is null or l.required_certification in
         (select certification from partner_certification where partner_key = 'nordlicht'))"
echo -n "REST:    "
TOKEN=$NORTH wrk -t"$FEED_CLIENTS" -c"$FEED_CLIENTS" -d"${SECONDS_EACH}s" -s bench/feed.lua "$PORTAL" | tail -1
pgbench -h 127.0.0.1 -U postgres -n -M prepared -f bench/feed.sql -c "$FEED_CLIENTS" -j "$FEED_CLIENTS" -T "$SECONDS_EACH" \
    -l --log-prefix="$OUT/feed" "$DB" > "$OUT/pgbench-feed.txt"
cat "$OUT"/feed.* | awk '{print $3}' | sort -n | awk -v s="$SECONDS_EACH" '{a[NR]=$1} END {
    printf "raw SQL: pages %d in %d s, %.0f pages/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
        NR, s, NR / s, a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000}'
rm -f "$OUT"/feed.*
echo
echo "-- claims of distinct leads: reps of $PARTNERS Gold partners, $CLAIM_CLIENTS connections, $SECONDS_EACH s;" \
     "three runs of each, and after each pair the leads go back to the pool"
rest_rates=(); raw_rates=(); plain_rates=()
grep -v 'audited as' bench/claim.sql > "$OUT/claim-without-audit.sql"
raw_claims() {
    pgbench -h 127.0.0.1 -U postgres -n -M prepared -f "$1" -c "$CLAIM_CLIENTS" -j 2 \
        -t $((RAW_CLAIMS / CLAIM_CLIENTS)) -D i=0 -D clients="$CLAIM_CLIENTS" "$DB" \
        | awk '/number of transactions actually processed/ {n=$NF} /latency average/ {l=$4} /^tps/ {t=$3}
               END {printf "claims %s, %.0f claims/s, latency average %.1f ms\n", n, t, l}'
}
for run in 1 2 3; do
    while read -r user ids; do echo "$(token "$user") $ids"; done < "$OUT/plan-rest.txt" > "$OUT/plan-rest-tokens.txt"
    line=$(rest_claims "$SECONDS_EACH")
    echo "REST:    $line"
    rest_rates+=("$(echo "$line" | sed -E 's/.* ([0-9]+) claims\/s.*/\1/')")
    line=$(raw_claims bench/claim.sql)
    echo "raw SQL: $line"
    raw_rates+=("$(echo "$line" | sed -E 's/.* ([0-9]+) claims\/s.*/\1/')")
    claimed_twice; give_back > /dev/null
    line=$(raw_claims "$OUT/claim-without-audit.sql")
    echo "raw SQL without the audit row: $line"
    plain_rates+=("$(echo "$line" | sed -E 's/.* ([0-9]+) claims\/s.*/\1/')")
    [ "$run" -lt 3 ] && { claimed_twice; give_back > /dev/null; }
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
REST_MEDIAN=$(median "${rest_rates[@]}"); RAW_MEDIAN=$(median "${raw_rates[@]}")
echo "median of three: REST $REST_MEDIAN claims/s, raw SQL $RAW_MEDIAN claims/s, REST/raw $(awk -v a="$REST_MEDIAN" -v b="$RAW_MEDIAN" 'BEGIN {printf "%.2f", a / b}')"
PLAIN_MEDIAN=$(median "${plain_rates[@]}")
echo "the audit row in the claim's statement: raw SQL $RAW_MEDIAN claims/s with it, $PLAIN_MEDIAN without," \
     "with/without $(awk -v a="$RAW_MEDIAN" -v b="$PLAIN_MEDIAN" 'BEGIN {printf "%.2f", a / b}')"
echo -n "floor:   an authenticated read of a catalogue (GET /api/reference/products) through the same stack: "
TOKEN=$(token north.rep) URLPATH=/portal/api/reference/products wrk -t2 -c"$CLAIM_CLIENTS" -d10s -s bench/get.lua "$PORTAL" \
    | awk '/Requests\/sec/ {printf "%.0f requests/s\n", $2}'
echo
ONE_SECONDS=$((SECONDS_EACH / 2))   # its feed holds about 14,000 leads
echo "-- claims of distinct leads by $CLAIM_CLIENTS reps of one partner (nordlicht), $ONE_SECONDS s"
NORTH=$(token north.rep)   # tokens live five minutes
ADMIN=$(token north.admin)
claimable nordlicht | tr ' ' '\n' | awk -v c="$CLAIM_CLIENTS" '{ids[NR % c] = ids[NR % c] " " $1}
    END {for (i = 0; i < c; i++) print (i % 2 ? "ADMIN" : "REP") ids[i]}' \
    | sed -e "s/^ADMIN/$ADMIN/" -e "s/^REP/$NORTH/" > "$OUT/plan-one.txt"
echo -n "REST:    "
rest_claims "$ONE_SECONDS" "$OUT/plan-one.txt" nordlicht
echo
echo "-- cockpit: kept figures of $("${PSQL[@]}" -d "$DB" -At -c "select count(*) from cockpit_day") days (since $FIRST_DAY)," \
     "$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from cockpit_cell") rows, built in $BUILD_SECONDS s by the first view"
# the raw baseline's claims went past the portal: marked, as any write by SQL must be (README)
# (the leads of the claim plan: marking every lead a bench partner ever held, 384k, made the first view
# wait for minutes behind their count and outlive its transaction)
"${PSQL[@]}" -d "$DB" -c "insert into cockpit_change (lead_id) select lead_id from bench_claim_plan"
AUTOVACUUM=$("${PSQL[@]}" -d "$DB" -At -c "show autovacuum")
for _ in $(seq 1 180); do   # the portal's timer counts the marks (every 30 s, 500 leads a transaction)
    [ "$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from cockpit_change")" = 0 ] && break
    [ "$AUTOVACUUM" = off ] && "${PSQL[@]}" -d "$DB" -c "vacuum cockpit_change" 2> /dev/null
    sleep 5
done
if [ "$AUTOVACUUM" = off ]; then
    # a production database vacuums as it goes; this one does not: what autovacuum would have done by now
    echo "   (autovacuum is off on this PostgreSQL: the cockpit's tables vacuumed by hand before they are read)"
    # with them the offers and declines the claim runs wrote, which the summary reads as they are (without
    # statistics of them PostgreSQL merged the offers with the whole lead table: 0.8 s a view)
    "${PSQL[@]}" -d "$DB" -c "vacuum analyze cockpit_cell, cockpit_loss, cockpit_act, cockpit_counted, cockpit_counted_act, cockpit_change,
        lead_offer, lead_decline, sla_breach"
fi
echo "   kept figures against the plain aggregates over the lead tables, after the claim runs and give-backs above:"
for view in "" "from=$FIRST_DAY&to=$(date -u +%F)" "region=DE-BY" "product=SDWAN&campaign=web-form" "partner=bench-003" \
            "partner=bench-003&product=SDWAN"; do
    echo "   ${view:-default view}: $(curl -fs -H "Authorization: Bearer $(token channel.manager)" "$PORTAL/portal/api/cockpit/check?$view" \
        | python3 -c 'import json, sys; d = json.load(sys.stdin); print("equal" if d["equal"] else "DIFFERENT:", *d["differences"])')"
done
echo "-- cockpit summary, 2 clients, $SECONDS_EACH s each: the whole channel (default 90 days; two years; a region;"
echo "   a product and campaign; one partner) and one partner's own view, against the same figures as plain SQL (pgbench)"
CM=$(token channel.manager)
PARTNER_REP=bench.rep.1   # bench-003
CHANNEL_PATHS="/portal/api/cockpit/summary /portal/api/cockpit/summary?from=$(date -u -d '-2 years' +%F)&to=$(date -u +%F) \
/portal/api/cockpit/summary?region=DE-BY /portal/api/cockpit/summary?product=SDWAN&campaign=web-form \
/portal/api/cockpit/summary?partner=bench-003"
echo -n "REST, channel (5 filter sets in turn): "
TOKEN=$CM PATHS="$CHANNEL_PATHS" wrk -t2 -c2 -d"${SECONDS_EACH}s" -s bench/cockpit.lua "$PORTAL" | tail -1
echo -n "REST, channel, default view only:      "
TOKEN=$CM PATHS="/portal/api/cockpit/summary" wrk -t2 -c2 -d"${SECONDS_EACH}s" -s bench/cockpit.lua "$PORTAL" | tail -1
echo -n "REST, one partner's own view:          "
TOKEN=$(token "$PARTNER_REP") PATHS="/portal/api/cockpit/summary /portal/api/cockpit/summary?product=SDWAN" \
    wrk -t2 -c2 -d"${SECONDS_EACH}s" -s bench/cockpit.lua "$PORTAL" | tail -1
# the baseline is the product's own SQL, generated from it: the summary's statements with their values written in
# (its settings read through MicroProfile Config: the implementation the unit tests use is on the class path)
mvn -B -q -o -f portal-ejb/pom.xml dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$OUT/ejb.classpath"
COCKPIT_SQL_CP="portal-ejb/target/classes:$(cat "$OUT/ejb.classpath")"
java -cp "$COCKPIT_SQL_CP" com.partnerportal.cockpit.CockpitSql > "$OUT/cockpit.sql"
pgbench -h 127.0.0.1 -U postgres -n -f "$OUT/cockpit.sql" -c 2 -j 2 -T "$SECONDS_EACH" \
    -l --log-prefix="$OUT/cockpit" "$DB" > "$OUT/pgbench-cockpit.txt"
cat "$OUT"/cockpit.* | awk '{print $3}' | sort -n | awk -v s="$SECONDS_EACH" '{a[NR]=$1} END {
    printf "raw SQL, channel, default view (the summary'"'"'s 12 statements): %d in %d s, %.1f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
        NR, s, NR / s, a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000}'
rm -f "$OUT"/cockpit.*
java -cp "$COCKPIT_SQL_CP" com.partnerportal.cockpit.CockpitSql bench-003 > "$OUT/cockpit-partner.sql"
pgbench -h 127.0.0.1 -U postgres -n -f "$OUT/cockpit-partner.sql" -c 2 -j 2 -T "$SECONDS_EACH" \
    -l --log-prefix="$OUT/cockpit" "$DB" > "$OUT/pgbench-cockpit-partner.txt"
cat "$OUT"/cockpit.* | awk '{print $3}' | sort -n | awk -v s="$SECONDS_EACH" '{a[NR]=$1} END {
    printf "raw SQL, one partner (bench-003), default view: %d in %d s, %.1f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
        NR, s, NR / s, a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000}'
rm -f "$OUT"/cockpit.*
echo -n "cockpit page (HTML) for the channel manager, 1 client: "
COOKIE=$(session_cookie channel.manager) PATHS="/portal/cockpit.xhtml" wrk -t1 -c1 -d"${SECONDS_EACH}s" -s bench/cockpit.lua "$PORTAL" | tail -1
echo
claimed_twice
echo "leads claimed more than once: $TWICE"
echo -n "partners whose count of open leads differs from the leads they hold: "
"${PSQL[@]}" -d "$DB" -At -c "select count(*) from partner p where p.open_leads <> (select count(*) from sales_lead s
    where s.partner_key = p.partner_key and s.state in ('CLAIMED', 'CONTACTED', 'SALES_QUALIFIED', 'PROPOSAL'))"
} | tee "$OUT/report.txt"

[ "${BENCH_MAIN_ONLY:-false}" = true ] && exit 0
# the webhooks' cost and speed, on a portal of their own (bench/webhooks.sh, bench/target/webhooks.txt)
kill -TERM "$SERVERS" 2>/dev/null || true
wait "$SERVERS" 2>/dev/null || true
SERVERS=
echo
bash bench/webhooks.sh

# the import's speed, on a portal of its own (bench/import.sh, bench/target/import.txt)
echo
bash bench/import.sh
