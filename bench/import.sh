#!/usr/bin/env bash
# The import's speed (issue 13): `bash bench/import.sh`. Needs what bench/run.sh needs (the local
# PostgreSQL at 127.0.0.1:5432 as postgres, free ports 8080/8180) and a built portal (`mvn install
# -DskipTests` once). Starts the portal on its own database portal_import with every intake check on,
# loads 1M leads (BENCH_IMPORT_LEADS; bench/load-data.sql, with the keys the intake compares them by) and 100,000 customer
# accounts, writes a CSV of 100,000 new leads with what real files hold (existing customers, free-mail
# addresses, a country picked blind, buying signals), imports it through the REST API, and copies the
# same file into a table of its columns with PostgreSQL's COPY. Reports both times, their ratio, the
# import's rows per second and the heap WildFly used during it (sampled by one jstat every half second).
# Writes bench/target/import.txt. BENCH_IMPORT_ROWS and BENCH_IMPORT_LEADS=0 make a short run; BENCH_IMPORT_WARM_UP
# rows (10,000) of other leads go first, untimed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORTAL_WEBHOOKS_DEMO_RECEIVER=false # measured without the demo run's webhook receiver
OUT=bench/target
mkdir -p "$OUT"
DB=portal_import
ROWS=${BENCH_IMPORT_ROWS:-100000}
CUSTOMERS=${BENCH_IMPORT_CUSTOMERS:-100000}
LOAD_LEADS=${BENCH_IMPORT_LEADS:-1000000} # the leads already stored (100000 for docs/SCALING.md)
WARM_UP=${BENCH_IMPORT_WARM_UP:-10000}
REPORT="$OUT/import.txt"

source bench/portal.sh
fresh_database "$DB"
echo "== starting the portal on $DB"
start_portal import-portal.log

if [ "$LOAD_LEADS" != 0 ]; then
    echo "== loading $LOAD_LEADS leads and 200 partners"
    "${PSQL[@]}" -d "$DB" -v leads="$LOAD_LEADS" -f bench/load-data.sql
    # the keys the intake compares leads by, as the portal keeps them for its own leads
    # (locked, as load-data.sql writes: the portal's sweeps would otherwise wait on the same rows the other way round)
    "${PSQL[@]}" -d "$DB" -c "begin; lock table sales_lead in exclusive mode;
        update sales_lead set email_key = lower(contact_email),
        company_key = lower(replace(company_name, ' ', '')), company_block = left(lower(replace(company_name, ' ', '')), 4)
        where email_key is null and contact_email is not null; commit"
    # the cockpit's figures of the loaded leads' days, built as the running portal would have built them day by day
    # (left to the cockpit's timer, building them took a tenth of the CPU during the import), two months at a
    # time; where autovacuum is off (this machine), the cockpit's tables are analysed in its stead in between:
    # without statistics PostgreSQL came to plan a day's rebuild as a scan of every day kept so far
    FIRST_DAY=$("${PSQL[@]}" -d "$DB" -At -c "select (min(published_at) at time zone 'Europe/Berlin')::date from sales_lead")
    AUTOVACUUM=$("${PSQL[@]}" -d "$DB" -At -c "show autovacuum")
    for ((from = $(date -d "$FIRST_DAY" +%s); from <= $(date +%s); from += 60 * 86400)); do
        curl -fs -o /dev/null -H "Authorization: Bearer $(token channel.manager)" \
            "$PORTAL/portal/api/cockpit/summary?from=$(date -u -d "@$from" +%F)&to=$(date -u -d "@$((from + 59 * 86400))" +%F)"
        if [ "$AUTOVACUUM" = off ]; then
            "${PSQL[@]}" -d "$DB" -c "analyze cockpit_counted, cockpit_counted_act, cockpit_cell, cockpit_loss, cockpit_act, cockpit_day"
        fi
    done
fi
echo "== loading $CUSTOMERS customer accounts"
# names of many first letters (an md5 of the number), as real customer masters have; owners among the partners and the key-account team
"${PSQL[@]}" -d "$DB" -c "
    insert into customer (customer_key, name, name_key, name_block, domain, vat_id, country, owner, updated_at)
    select 'BENCH-' || g, initcap(n) || ' Werke GmbH', n || 'werke', left(n, 4), 'kunde-' || g || '.example.com',
           'DE' || lpad(g::text, 9, '0'), 'DE', (array['nordlicht', 'rheinwerk', 'alpenblick', 'manufacturer'])[1 + g % 4], now()
    from generate_series(1, $CUSTOMERS) g, lateral (select translate(left(md5('customer' || g), 10), '0123456789', 'ghijklmnop') n) x"
"${PSQL[@]}" -d "$DB" -c "analyze"
# the loads' dirty pages written now, not by a checkpoint during the timed import
"${PSQL[@]}" -d "$DB" -c "checkpoint"

TAG=$(date +%s)
# one row in 200 of an existing customer, one in 100 with a free-mail address, one in 250 with Afghanistan
# picked blind, most with buying signals; companies, addresses and phones made of WORD and PHONES, so
# that two files of other words share no key
write_rows() { # tag rows WORD PHONES file
    awk -v tag="$1" -v n="$2" -v word="$3" -v phones="$4" -v customers="$CUSTOMERS" 'BEGIN {
        srand(7)
        split("CONTACT_FORM PRODUCT_PAGE EVENT DOWNLOAD NURTURING_REPLY QUOTE_REQUEST", signals, " ")
        split("DE-HH DE-BY DE-NW DE-BE DE-HE DE-NI", regions, " ")
        split("SMALL MEDIUM ENTERPRISE", sizes, " ")
        print "source,externalId,companyName,sizeClass,country,region,firstName,lastName,email,phone,postalCode,product,signals"
        for (i = 1; i <= n; i++) {
            company = sprintf("%s %s %d GmbH", word, substr("abcdefghijklmnopqrstuvwxyz", 1 + i % 26, 1) substr("klmnopqrstuv", 1 + i % 12, 1), i)
            domain = sprintf("%s-%d.example.com", tolower(word), i)
            country = "DE"
            if (i % 200 == 0) domain = sprintf("kunde-%d.example.com", 1 + (i * 7) % customers)
            mail = sprintf("kontakt%d@%s", i, domain)
            if (i % 100 == 1) mail = sprintf("%s.%d@gmail.com", tolower(word), i)
            if (i % 250 == 3) country = "AF"
            s = signals[1 + i % 6]
            if (i % 3 == 0) s = s ";" signals[1 + (i / 3) % 6]
            if (i % 10 == 7) s = ""
            printf "%s,%d,%s,%s,%s,%s,Ida,Import%d,%s,+49 40 %08d,20457,SWITCH-CAMPUS,%s\n",
                tag, i, company, sizes[1 + i % 3], country, regions[1 + i % 6], i, mail, phones + i, s
        }
    }' > "$5"
}
echo "== writing $ROWS rows"
write_rows "import-$TAG" "$ROWS" Importwerk 10000000 "$OUT/import.csv"
write_rows "warmup-$TAG" "$WARM_UP" Vorlaufwerk 50000000 "$OUT/import-warmup.csv"

TOKEN=$(token channel.manager)
WILDFLY=$(pgrep -f 'org.jboss.as.standalone' | head -1)
# other leads imported first, so that the timed import meets the server as it runs after a while, its code
# compiled (on a server just started, the JIT compilers took nearly half of WildFly's CPU during the import)
echo "== warming up: $WARM_UP other rows"
START=$(date +%s.%N)
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" \
    --data-binary @"$OUT/import-warmup.csv" "$PORTAL/portal/api/leads/import"
WARM_UP_S=$(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
sleep 10 # the compilers' queue drains
heap() { jstat -gc "$WILDFLY" | awk 'NR == 2 {printf "%d", ($3 + $4 + $6 + $8) / 1024}'; }  # S0U S1U EU OU, MB
jcmd "$WILDFLY" GC.run > /dev/null
HEAP_BEFORE=$(heap)
MAX_HEAP=$(jcmd "$WILDFLY" VM.flags | tr ' ' '\n' | sed -nE 's/-XX:MaxHeapSize=([0-9]+)/\1/p' | awk '{printf "%d", $1 / 1048576}')
# one jstat that samples on its own: a new one each half second started a JVM each time, which took CPU from the import
jstat -gc "$WILDFLY" 500 2>/dev/null | awk 'NR > 1 {printf "%d\n", ($3 + $4 + $6 + $8) / 1024; fflush()}' > "$OUT/import-heap.txt" &
SAMPLER=$!

# CPU seconds of WildFly and of PostgreSQL's processes (cpu_seconds in bench/portal.sh)
WILDFLY_CPU=$(cpu_seconds "$WILDFLY")
POSTGRES_CPU=$(cpu_seconds $(pgrep -u postgres)) # connections opened during the import count whole

echo "== importing through the REST API"
START=$(date +%s.%N)
curl -fs -o "$OUT/import-report.json" -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" \
    --data-binary @"$OUT/import.csv" "$PORTAL/portal/api/leads/import"
IMPORT_S=$(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
WILDFLY_CPU=$(awk -v a="$WILDFLY_CPU" -v b="$(cpu_seconds "$WILDFLY")" 'BEGIN {printf "%.1f", b - a}')
POSTGRES_CPU=$(awk -v a="$POSTGRES_CPU" -v b="$(cpu_seconds $(pgrep -u postgres))" 'BEGIN {printf "%.1f", b - a}')
kill $SAMPLER 2>/dev/null || true
HEAP_PEAK=$(sort -n "$OUT/import-heap.txt" | tail -1)

echo "== the same file with COPY"
"${PSQL[@]}" -d "$DB" -c "create table import_copy (source text, external_id text, company_name text, size_class text,
    country text, region text, first_name text, last_name text, email text, phone text, postal_code text, product text, signals text)"
START=$(date +%s.%N)
"${PSQL[@]}" -d "$DB" -c "\\copy import_copy from '$OUT/import.csv' with (format csv, header true)"
COPY_S=$(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')

STATES=$("${PSQL[@]}" -d "$DB" -At -c "select string_agg(state || ' ' || n, ', ' order by n desc) from
    (select state, count(*) n from sales_lead where source = 'import-$TAG' group by state) s")
{
    echo "Lead import on PostgreSQL, $(date -u +%FT%TZ): $ROWS rows into $("${PSQL[@]}" -d "$DB" -At -c "select count(*) from sales_lead where source <> 'import-$TAG'") stored leads and $CUSTOMERS customer accounts, every intake check on"
    echo "warm-up before: $WARM_UP other rows imported in $WARM_UP_S s on the server just started"
    echo "import through the REST API: $IMPORT_S s, $(awk -v r="$ROWS" -v s="$IMPORT_S" 'BEGIN {printf "%d", r / s}') rows/s"
    echo "CPU during the import: WildFly $WILDFLY_CPU s, PostgreSQL $POSTGRES_CPU s (this machine: $(nproc) cores)"
    echo "COPY of the same file into a table of its columns: $COPY_S s"
    echo "ratio import / COPY: $(awk -v a="$IMPORT_S" -v b="$COPY_S" 'BEGIN {printf "%.0f", a / b}')"
    echo "report: $(python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print("created %d, quarantined %d, updated %d, duplicates %d, rejected %d" % (r["created"], r["quarantined"], r["updated"], r["duplicates"], len(r["rejected"])))' "$OUT/import-report.json")"
    echo "the leads of the file by state: $STATES"
    echo "WildFly heap in use: $HEAP_BEFORE MB before, at most $HEAP_PEAK MB during the import (max heap $MAX_HEAP MB; file $(du -m "$OUT/import.csv" | cut -f1) MB)"
} | tee "$REPORT"
