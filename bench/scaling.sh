#!/usr/bin/env bash
# The figures of docs/SCALING.md: `bash bench/scaling.sh`. Runs the main bench (marketplace, claims, cockpit;
# bench/run.sh without its webhooks part) and the import bench (bench/import.sh) once with 100,000 stored leads
# and once with 1,000,000, one after the other on the same machine, and keeps each report under
# bench/target/scaling/ (report-N.txt, import-N.txt). Needs what bench/run.sh needs. About an hour on two cores.
# SCALING_LEADS="100000 1000000" picks the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/target/scaling
mkdir -p "$OUT"
for leads in ${SCALING_LEADS:-100000 1000000}; do
    echo "==== $leads stored leads: marketplace, claims, cockpit"
    BENCH_LEADS=$leads BENCH_MAIN_ONLY=true bash bench/run.sh
    cp bench/target/report.txt "$OUT/report-$leads.txt"
    echo "==== $leads stored leads: the import of 100,000 rows"
    BENCH_IMPORT_LEADS=$leads bash bench/import.sh
    cp bench/target/import.txt "$OUT/import-$leads.txt"
done
echo "==== the reports"
for report in "$OUT"/report-*.txt "$OUT"/import-*.txt; do
    echo "--- $report"
    cat "$report"
done
