#!/usr/bin/env bash
# The cluster run, started by `mvn -Prun,cluster package`: Keycloak (8180), GreenMail (SMTP 3025, IMAP
# 3143), two WildFly nodes on the HA configuration and the distribution's mod_cluster balancer in
# front of them on 8080, all on PostgreSQL (PORTAL_DB_URL, by default the database 'portal' on
# localhost), until Ctrl-C.
#   node1: HTTP 9080, management 10990, JGroups 8600 (port offset 1000)
#   node2: HTTP 10080, management 11990, JGroups 9600 (port offset 2000)
#   balancer: HTTP 8080, management 9990, mod_cluster registration 8090
# Each node has a base directory of its own under CLUSTER_DIR (its transaction log survives a restart
# there). A node that dies is started again after PORTAL_CLUSTER_RESTART_SECONDS (10), as a service
# manager would: the fault tests (bench/faults.sh) kill one with SIGKILL and watch it come back.
set -euo pipefail

: "${WILDFLY_HOME:?}" "${KEYCLOAK_HOME:?}" "${GREENMAIL_JAR:?}" "${PORTAL_EAR:?}" "${RUN_LOG_DIR:?}" "${CLUSTER_DIR:?}"
export PORTAL_OIDC_CLIENT_SECRET="${PORTAL_OIDC_CLIENT_SECRET:-${DEMO_OIDC_SECRET:?}}"
mkdir -p "$RUN_LOG_DIR" "$CLUSTER_DIR"

source "$(dirname "$0")/servers.sh"
require_free 8080 8180 9990 8090 3025 3143 3080 9080 10990 10080 11990
rm -f "$RUN_LOG_DIR"/*.log
start_keycloak_and_mail

base_dir() { # name: a fresh configuration in the server's own base directory, its data kept
    local dir="$CLUSTER_DIR/$1"
    mkdir -p "$dir/deployments"
    rm -rf "$dir/configuration"
    cp -r "$WILDFLY_HOME/standalone/configuration" "$dir/"
    echo "$dir"
}

servers=() # Keycloak, GreenMail and the balancer: if one of them stops, the run stops
servers+=("${groups[@]}")
start Balancer "$RUN_LOG_DIR/balancer.log" \
    "$WILDFLY_HOME/bin/standalone.sh" -c standalone-portal-balancer.xml -Djboss.server.base.dir="$(base_dir balancer)" \
    -Djboss.node.name=balancer
servers+=("$last_group")

nodes=() # the process group of each node, by number
start_node() { # number
    local name="node$1" dir
    dir=$(base_dir "$name")
    cp "$PORTAL_EAR" "$dir/deployments/portal.ear"
    start "WildFly $name" "$RUN_LOG_DIR/$name.log" \
        "$WILDFLY_HOME/bin/standalone.sh" -c standalone-portal-ha.xml -Djboss.server.base.dir="$dir" \
        -Djboss.node.name="$name" -Djboss.tx.node.id="$name" -Djboss.socket.binding.port-offset="$(($1 * 1000))"
    nodes[$1]=$last_group
}
wait_for Keycloak http://localhost:8180/realms/partner-portal 180
# one after the other: the first migrates the database and loads the demo data, the second finds them
start_node 1
wait_for node1 http://localhost:9080/portal/api/health 240
start_node 2
wait_for node2 http://localhost:10080/portal/api/health 240
wait_for "the balancer" http://localhost:8080/portal/api/health 60

cat <<MSG

  Partner Portal is running on two nodes:   http://localhost:8080/portal/ (the balancer)
  node1: http://localhost:9080/portal/   node2: http://localhost:10080/portal/
  Keycloak (admin: admin/admin on first start of a fresh target/): http://localhost:8180/
  Demo users (password 'demo'): channel.manager, north.rep, north.admin, south.rep, west.rep, portal.admin
  Mail: SMTP 127.0.0.1:3025, IMAP 127.0.0.1:3143
  Press Ctrl-C to stop.

MSG
# Stay up while Maven (our parent) runs and Keycloak, GreenMail and the balancer live; a node that
# died is started again.
while kill -0 "$PPID" 2>/dev/null; do
    for group in "${servers[@]}"; do
        kill -0 -- "-$group" 2>/dev/null || { echo "A server stopped; see the logs in $RUN_LOG_DIR" >&2; exit 1; }
    done
    for n in 1 2; do
        if ! kill -0 -- "-${nodes[$n]}" 2>/dev/null; then
            echo "$(date +%T) node$n is down; starting it again in ${PORTAL_CLUSTER_RESTART_SECONDS:-10} s"
            sleep "${PORTAL_CLUSTER_RESTART_SECONDS:-10}"
            start_node "$n"
        fi
    done
    sleep 1
done
