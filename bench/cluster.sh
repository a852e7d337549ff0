#!/usr/bin/env bash
# The cluster's bench: `bash bench/cluster.sh`. Needs the local PostgreSQL (127.0.0.1:5432, user
# postgres), the cluster's ports free and wrk. Starts the cluster run (mvn -Prun,cluster package) on its
# own database portal_cluster_bench, loads 16 Gold partners and CLUSTER_LEADS (75,000) published leads
# (bench/faults-data.sql), and measures in one run, in turn: claims of distinct leads by 16 reps
# (wrk, BENCH_CLAIM_CLIENTS connections) and the marketplace page (wrk, 2 connections), each for
# BENCH_SECONDS (20), straight to node1 alone and through the balancer onto both nodes, twice each,
# alternating; with the CPU seconds per claim of each node and of PostgreSQL. Writes
# bench/target/cluster/report.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PORTAL_WEBHOOKS_DEMO_RECEIVER=false
OUT=bench/target/cluster
mkdir -p "$OUT"
DB=portal_cluster_bench
LEADS=${CLUSTER_LEADS:-75000}
SECONDS_EACH=${BENCH_SECONDS:-20}
CLIENTS=${BENCH_CLAIM_CLIENTS:-16}
ROUNDS=5 # a warm-up, then node1, both, node1, both: each on leads of its own

source bench/portal.sh
fresh_database "$DB"
echo "== starting the cluster on $DB"
start_portal cluster.log run,cluster
"${PSQL[@]}" -d "$DB" -v leads="$LEADS" -f bench/faults-data.sql
: > "$OUT/reps.txt"
for n in $(seq 1 16); do
    keycloak_rep "fault.rep.$n" "fault-$(printf %02d "$n")"
    echo "fault.rep.$n" >> "$OUT/reps.txt"
done
"${PSQL[@]}" -d "$DB" -At -c "select id from sales_lead where source = 'faults' order by id" > "$OUT/leads.txt"

pids() { # node1, node2 or balancer: its server's processes
    pgrep -f -- "-Djboss.node.name=${1%?}[${1: -1}]( |$)" | tr '\n' ' '
}

round() { # round number, target port: claims, then pages
    local round=$1 port=$2 node1 node2 balancer pg before1 before2 beforeb beforepg line won
    # the round's slice of the leads, dealt to the reps in turn, each rep's line with a fresh token
    awk -v r="$round" -v n="$ROUNDS" -v total="$(wc -l < "$OUT/leads.txt")" \
        'NR > (r - 1) * int(total / n) && NR <= r * int(total / n) { ids[NR % 16] = ids[NR % 16] " " $1 }
         END { for (k = 0; k < 16; k++) print ids[k] }' "$OUT/leads.txt" > "$OUT/slice.txt"
    paste -d' ' <(while read -r user; do echo "$(token "$user")"; done < "$OUT/reps.txt") "$OUT/slice.txt" > "$OUT/plan.txt"
    node1=$(pids node1); node2=$(pids node2); balancer=$(pids balancer); pg=$(pgrep -u postgres | tr '\n' ' ')
    before1=$(cpu_seconds $node1); before2=$(cpu_seconds $node2); beforeb=$(cpu_seconds $balancer); beforepg=$(cpu_seconds $pg)
    line=$(PLAN="$OUT/plan.txt" THREADS=2 wrk -t2 -c"$CLIENTS" -d"${SECONDS_EACH}s" -s bench/claim.lua "http://localhost:$port" | tail -1)
    won=$(echo "$line" | awk '{print $3}')
    echo "   claims: $line"
    echo "   CPU per claim: node1 $(awk -v a="$before1" -v b="$(cpu_seconds $node1)" -v n="$won" 'BEGIN {printf "%.2f", (b - a) * 1000 / n}') ms," \
        "node2 $(awk -v a="$before2" -v b="$(cpu_seconds $node2)" -v n="$won" 'BEGIN {printf "%.2f", (b - a) * 1000 / n}') ms," \
        "balancer $(awk -v a="$beforeb" -v b="$(cpu_seconds $balancer)" -v n="$won" 'BEGIN {printf "%.2f", (b - a) * 1000 / n}') ms," \
        "PostgreSQL $(awk -v a="$beforepg" -v b="$(cpu_seconds $(pgrep -u postgres))" -v n="$won" 'BEGIN {printf "%.2f", (b - a) * 1000 / n}') ms"
    echo "   pages: $(TOKEN=$(token fault.rep.1) wrk -t2 -c2 -d"${SECONDS_EACH}s" -s bench/feed.lua "http://localhost:$port" | tail -1)"
}

{
echo "-- $(date -u +%FT%TZ), $(nproc) cores; $LEADS published leads, 16 Gold partners, $CLIENTS claim connections, ${SECONDS_EACH} s each"
echo "== warm-up through the balancer (not measured)"
round 1 8080 > /dev/null
echo "== node1 alone (straight to http://localhost:9080)"
round 2 9080
echo "== both nodes (through the balancer, http://localhost:8080)"
round 3 8080
echo "== node1 alone, again"
round 4 9080
echo "== both nodes, again"
round 5 8080
echo "-- leads claimed twice: $("${PSQL[@]}" -d "$DB" -At -c "select count(*) from (select lead_id from lead_transition
    where to_state = 'CLAIMED' group by lead_id having count(*) > 1) twice")"
} 2>&1 | tee "$OUT/report.txt"
