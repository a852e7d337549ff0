#!/usr/bin/env bash
# The demo run, started by `mvn -Prun package`: Keycloak (8180), GreenMail (SMTP 3025, IMAP 3143)
# and WildFly (8080) with the portal EAR on H2, until Ctrl-C. Each server runs in its own process
# group, so that stopping takes down every JVM it started, whatever signal ends this script.
set -euo pipefail

: "${WILDFLY_HOME:?}" "${KEYCLOAK_HOME:?}" "${GREENMAIL_JAR:?}" "${PORTAL_EAR:?}" "${RUN_LOG_DIR:?}"
# Only the demo realm's secret is defaulted; a real deployment brings its own.
export PORTAL_OIDC_CLIENT_SECRET="${PORTAL_OIDC_CLIENT_SECRET:-${DEMO_OIDC_SECRET:?}}"
mkdir -p "$RUN_LOG_DIR"

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

start() { # name, log file, command...
    local name=$1 log=$2; shift 2
    setsid "$@" >"$log" 2>&1 < /dev/null &
    groups+=("$!")
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

for port in 8080 8180 9990 3025 3143 3080; do
    port_free "$port" || { echo "Port $port is in use: is the portal already running?" >&2; exit 1; }
done

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
cp "$PORTAL_EAR" "$WILDFLY_HOME/standalone/deployments/portal.ear"
start WildFly "$RUN_LOG_DIR/wildfly.log" \
    "$WILDFLY_HOME/bin/standalone.sh" -c standalone-portal.xml

wait_for Keycloak http://localhost:8180/realms/partner-portal 180
wait_for "the portal" http://localhost:8080/portal/api/health 180

cat <<MSG

  Partner Portal is running:   http://localhost:8080/portal/
  Keycloak (admin: admin/admin on first start of a fresh target/): http://localhost:8180/
  Demo users (password 'demo'): channel.manager, north.rep, north.admin, south.rep, west.rep, portal.admin
  Mail: SMTP 127.0.0.1:3025, IMAP 127.0.0.1:3143
  Press Ctrl-C to stop.

MSG
# Stay up while Maven (our parent) runs and every server lives; leaving the loop stops them all.
while kill -0 "$PPID" 2>/dev/null; do
    for group in "${groups[@]}"; do
        kill -0 -- "-$group" 2>/dev/null || { echo "A server stopped; see the logs in $RUN_LOG_DIR" >&2; exit 1; }
    done
    sleep 1
done
