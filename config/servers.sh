# The run scripts' common part, sourced by run.sh and run-cluster.sh: starting each server in a process
# group of its own and stopping every JVM they started, whatever signal ends the script.

groups=()
stop_all() {
    # Nothing may interrupt the stopping: a second Ctrl-C, and the TERM that Maven's shutdown sends
    # after the INT of Ctrl-C (in either order), are ignored until every server is down.
    trap '' INT TERM HUP PIPE
    trap - EXIT
    # Maven may be gone already, and with it our stdout: keep going whatever echo says.
    set +e
    echo "Stopping the portal ..."
    for group in "${groups[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
    for _ in $(seq 1 30); do
        alive=0
        for group in "${groups[@]}"; do kill -0 -- "-$group" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 1
    done
    for group in "${groups[@]}"; do kill -KILL -- "-$group" 2>/dev/null || true; done
    rm -f "$WILDFLY_HOME"/standalone/deployments/portal.ear*
    echo "Stopped."
}
trap 'stop_all; exit 130' INT TERM HUP
trap stop_all EXIT

start() { # name, log file (appended to), command...
    local name=$1 log=$2; shift 2
    setsid "$@" >>"$log" 2>&1 < /dev/null &
    last_group=$!
    groups+=("$last_group")
    echo "Started $name (log: $log)"
}

wait_for() { # name, url, seconds
    for _ in $(seq 1 "$3"); do
        curl -fsS -o /dev/null "$2" 2>/dev/null && return 0
        kill -0 "$PPID" 2>/dev/null || exit 1
        sleep 1
    done
    echo "$1 did not come up at $2; see the logs in $RUN_LOG_DIR" >&2
    exit 1
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_free() { # ports...
    for port in "$@"; do
        port_free "$port" || { echo "Port $port is in use: is the portal already running?" >&2; exit 1; }
    done
}

start_keycloak_and_mail() {
    start Keycloak "$RUN_LOG_DIR/keycloak.log" \
        env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
        "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port=8180 --import-realm
    start GreenMail "$RUN_LOG_DIR/greenmail.log" \
        java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
             -Dgreenmail.auth.disabled -Dgreenmail.api.port=3080 -jar "$GREENMAIL_JAR"
    # the demo's webhook receiver: the manufacturer's endpoint for every event points at the portal itself
    # (on localhost, so private destinations are allowed here); the benches switch it off
    export PORTAL_WEBHOOKS_DEMO_RECEIVER="${PORTAL_WEBHOOKS_DEMO_RECEIVER:-true}"
    export PORTAL_WEBHOOKS_PRIVATE_DESTINATIONS="${PORTAL_WEBHOOKS_PRIVATE_DESTINATIONS:-$PORTAL_WEBHOOKS_DEMO_RECEIVER}"
}

# Stay up while Maven (our parent) runs and every server lives; leaving the loop stops them all.
stay_up() {
    while kill -0 "$PPID" 2>/dev/null; do
        for group in "${groups[@]}"; do
            kill -0 -- "-$group" 2>/dev/null || { echo "A server stopped; see the logs in $RUN_LOG_DIR" >&2; exit 1; }
        done
        sleep 1
    done
}
