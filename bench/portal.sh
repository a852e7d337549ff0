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
start_portal() { # log file name in OUT
    mvn -B -q -Prun,postgres package -DskipTests > "$OUT/$1" 2>&1 &
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
