#!/usr/bin/env bash
# The benchmark: `bash bench/run.sh`. Needs the local PostgreSQL (127.0.0.1:5432, user postgres) and
# free ports 8080/8180. Builds the portal, starts it (Keycloak + WildFly) on its own database
# portal_bench, loads 1M leads and 200 partners, then measures in one run:
#   the marketplace page through the REST API against the raw SQL of the same query (pgbench),
#   claims of distinct leads through the REST API against the raw SQL of the same update (pgbench),
# and checks that no lead was claimed twice. Writes bench/target/report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/target
mkdir -p "$OUT"
DB=portal_bench
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
FEED_CLIENTS=${BENCH_FEED_CLIENTS:-2}
CLAIM_CLIENTS=${BENCH_CLAIM_CLIENTS:-16}
SECONDS_EACH=${BENCH_SECONDS:-20}

dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
export PORTAL_DB_URL="jdbc:postgresql://localhost:5432/$DB"

echo "== starting the portal on $DB"
mvn -B -q -Prun,postgres package -DskipTests > "$OUT/portal.log" 2>&1 &
PORTAL=$!
trap 'kill -TERM $PORTAL 2>/dev/null || true; wait $PORTAL 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
    curl -fs http://localhost:8080/portal/api/health > /dev/null 2>&1 && break
    kill -0 $PORTAL 2>/dev/null || { echo "the portal did not start; see $OUT/portal.log" >&2; exit 1; }
    sleep 1
done

echo "== loading 1M leads and 200 partners"
time "${PSQL[@]}" -d "$DB" -f bench/load-data.sql
"${PSQL[@]}" -d "$DB" -At -c "select count(*) || ' leads, ' || (select count(*) from partner) || ' partners' from sales_lead"

echo "== one sales rep per Gold bench partner in Keycloak"
KCADM_SH=$(ls portal-ear/target/keycloak-*/bin/kcadm.sh | head -1)
kcadm() { bash "$KCADM_SH" "$@" --config "$OUT/kcadm.config"; }
kcadm config credentials --server http://localhost:8180 --realm master --user admin \
    --password "${KEYCLOAK_ADMIN_PASSWORD:-admin}" > /dev/null
: > "$OUT/plan.txt"
for n in $(seq 1 "$CLAIM_CLIENTS"); do
    user="bench.rep.$n"
    partner="bench-$(printf %03d $((n * 3)))"   # every third bench partner is Gold: no embargo
    kcadm create users -r partner-portal -s username="$user" -s enabled=true -s emailVerified=true \
        -s email="$user@bench.example" -s firstName=Bench -s lastName="Rep $n" \
        -s "attributes.partner=[\"$partner\"]" > /dev/null 2>&1 || true
    kcadm set-password -r partner-portal --username "$user" --new-password demo
    kcadm add-roles -r partner-portal --uusername "$user" --rolename reseller-rep
    echo "$user $("${PSQL[@]}" -d "$DB" -At -c "
        select string_agg(id::text, ' ') from (select l.id from sales_lead l
        where l.state = 'PUBLISHED'
          and l.region in (select region_code from partner_region where partner_key = '$partner')
          and l.product in (select product from partner_product where partner_key = '$partner')
          and l.size_class in (select size_class from partner_size_focus where partner_key = '$partner')
          and (l.required_certification is null or l.required_certification in
               (select certification from partner_certification where partner_key = '$partner'))
        order by l.id limit 3000) ids")" >> "$OUT/plan.txt"
done

{
echo "Partner Portal benchmark, $(date -u +%FT%TZ), $(nproc) cores"
"${PSQL[@]}" -d "$DB" -At -c "select count(*) || ' leads (' || count(*) filter (where state = 'PUBLISHED') || ' in the pool), ' || (select count(*) from partner) || ' partners' from sales_lead"
echo
echo "-- marketplace page (count + 20 cards) for the Gold partner, $FEED_CLIENTS clients, $SECONDS_EACH s each"
java bench/LoadClient.java feed "$FEED_CLIENTS" "$SECONDS_EACH"
pgbench -h 127.0.0.1 -U postgres -n -f bench/feed.sql -c "$FEED_CLIENTS" -j "$FEED_CLIENTS" -T "$SECONDS_EACH" -l --log-prefix="$OUT/feed" "$DB" \
    | grep -E "tps|latency average"
cat "$OUT"/feed.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "raw SQL: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d transactions)\n", a[int(NR*0.5)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000, NR}'
rm -f "$OUT"/feed.*
echo
echo "-- claims of distinct leads by reps of one partner (nordlicht), $CLAIM_CLIENTS clients"
"${PSQL[@]}" -d "$DB" -At -o "$OUT/claimable.txt" -c "
    select l.id from sales_lead l
    where l.state = 'PUBLISHED'
      and exists (select 1 from partner_region r where r.partner_key = 'nordlicht' and r.region_code in (l.region, l.country))
      and exists (select 1 from partner_product pp where pp.partner_key = 'nordlicht' and pp.product = l.product)
      and exists (select 1 from partner_size_focus sf where sf.partner_key = 'nordlicht' and sf.size_class = l.size_class)
    order by l.id limit 20000"
java bench/LoadClient.java claim "$CLAIM_CLIENTS" "$OUT/claimable.txt" "$SECONDS_EACH"
pgbench -h 127.0.0.1 -U postgres -n -f bench/claim.sql -c "$CLAIM_CLIENTS" -j 2 -T "$SECONDS_EACH" "$DB" | grep -E "tps|latency average"
echo
echo "-- claims of distinct leads by reps of $CLAIM_CLIENTS Gold partners at once, one client each"
java bench/LoadClient.java claim-partners "$OUT/plan.txt" "$SECONDS_EACH"
echo
echo -n "leads claimed more than once: "
"${PSQL[@]}" -d "$DB" -At -c "select count(*) from (select lead_id from lead_transition where to_state = 'CLAIMED'
                                 group by lead_id having count(*) > 1) twice"
} | tee "$OUT/report.txt"
