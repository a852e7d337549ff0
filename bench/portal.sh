# The bench scripts' common part, sourced by them: a fresh database and the portal started on it.
# Needs OUT (the scripts' output folder) set; sets PORTAL, TOKEN_URL, PSQL and SERVERS.
PORTAL=http://localhost:8080
TOKEN_URL=http://localhost:8180/realms/partner-portal/protocol/openid-connect/token
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
SERVERS=

# a new, empty PostgreSQL database the portal will migrate and run on
fresh_database() { # name
    dropdb -h 127.0.0.1 -U postgres --if-exists "$1"
    createdb -h 127.0.0.1 -U postgres "$1"
    export PORTAL_DB_URL="jdbc:postgresql://localhost:5432/$1"
}

# Keycloak and WildFly of the run command on that database, in the background until the script ends.
# The benches measure the server, not the rate limits (RateLimits): a few users send all their load.
export PORTAL_RATE_LIMIT_USER_PER_SECOND="${PORTAL_RATE_LIMIT_USER_PER_SECOND:-1000000}"
export PORTAL_RATE_LIMIT_USER_BURST="${PORTAL_RATE_LIMIT_USER_BURST:-1000000}"
export PORTAL_RATE_LIMIT_CLIENT_PER_SECOND="${PORTAL_RATE_LIMIT_CLIENT_PER_SECOND:-1000000}"
export PORTAL_RATE_LIMIT_CLIENT_BURST="${PORTAL_RATE_LIMIT_CLIENT_BURST:-1000000}"
start_portal() { # log file name in OUT, [Maven profiles: run,postgres; run,cluster for two nodes]
    # a portal stopped just before (the previous script's) may still be shutting down: its ports free first
    for _ in $(seq 1 120); do
        ss -Hltn '( sport = :8080 or sport = :8180 )' | grep -q . || break
        sleep 1
    done
    mvn -B -q -P"${2:-run,postgres}" package -DskipTests > "$OUT/$1" 2>&1 &
    SERVERS=$!
    for _ in $(seq 1 400); do
        # the portal answers before Keycloak has built itself on a fresh checkout: wait for both
        curl -fs "$PORTAL/portal/api/health" > /dev/null 2>&1 \
            && curl -fs http://localhost:8180/realms/partner-portal > /dev/null 2>&1 && return 0
        kill -0 "$SERVERS" 2>/dev/null || { echo "the portal did not start; see $OUT/$1" >&2; exit 1; }
        sleep 1
    done
    echo "the portal did not come up; see $OUT/$1" >&2
    exit 1
}
trap '[ -n "$SERVERS" ] && { kill -TERM $SERVERS 2>/dev/null || true; wait $SERVERS 2>/dev/null || true; }' EXIT

# an access token of a demo user (the command-line client's password grant)
token() { # user
    curl -fs -d grant_type=password -d client_id=portal-cli -d password=demo -d "username=$1" "$TOKEN_URL" \
        | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# a sales rep of the partner in Keycloak (password demo), made through its admin REST API: a kcadm call
# starts a JVM, and three per user took a quarter of an hour
keycloak_rep() { # user, partner
    local kc=http://localhost:8180/admin/realms/partner-portal id role
    KC_ADMIN_TOKEN=$(curl -fs -d grant_type=password -d client_id=admin-cli -d username=admin \
        -d "password=${KEYCLOAK_ADMIN_PASSWORD:-admin}" http://localhost:8180/realms/master/protocol/openid-connect/token \
        | sed -E 's/.*"access_token":"([^"]+)".*/\1/')   # it lives a minute: one for each rep
    kc() { curl -fs -H "Authorization: Bearer $KC_ADMIN_TOKEN" -H 'Content-Type: application/json' "$@"; }
    role=$(kc "$kc/roles/reseller-rep")
    kc -o /dev/null -d "{\"username\": \"$1\", \"enabled\": true, \"emailVerified\": true, \"email\": \"$1@bench.example\",
        \"firstName\": \"Bench\", \"lastName\": \"Rep $1\", \"attributes\": {\"partner\": [\"$2\"]},
        \"credentials\": [{\"type\": \"password\", \"value\": \"demo\", \"temporary\": false}]}" "$kc/users" || true  # 409: there already
    id=$(kc "$kc/users?username=$1&exact=true" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
    kc -o /dev/null -d "[$role]" "$kc/users/$id/role-mappings/realm"
}

# CPU seconds (user + system) of these processes: steadier than the wall time on a shared machine
cpu_seconds() { # pids
    for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null; done \
        | awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); t += $12 + $13} END {printf "%.1f", t / hz}'
}

# a CSV of rows leads for the kill-and-rerun tests (bench/import-crash.sh, bench/faults.sh): source crash-TAG,
# external ids 1..rows, every field an import takes, no row a duplicate of another
crash_rows() { # tag, rows, file
    awk -v tag="$1" -v n="$2" 'BEGIN {
        print "source,externalId,companyName,sizeClass,country,region,firstName,lastName,email,phone,product,handoverReason,prospectAsked,promised,nextStep"
        for (i = 1; i <= n; i++)
            printf "crash-%s,%d,Werk %d Anlagenbau GmbH,MEDIUM,DE,DE-HH,Ada,Row%d,ada%d@werk%d.example.com,+49 40 %08d,SWITCH-CAMPUS,a reason,a demo,a call,call\n",
                tag, i, i, i, i, i, 10000000 + i
    }' > "$3"
}

# a file imported in the background (Prefer: respond-async) as the channel manager: prints the import's path under /api
import_async() { # file, [base URL: the portal, or one node]
    curl -fs -D - -o /dev/null -H "Authorization: Bearer $(token channel.manager)" -H "Content-Type: text/csv" \
        -H "Prefer: respond-async" --data-binary @"$1" "${2:-$PORTAL}/portal/api/leads/import" \
        | awk 'tolower($1) == "location:" {print $2}' | tr -d '\r' | sed -E 's#.*/api##'
}
