#!/usr/bin/env bash
# The demo run, started by `mvn -Prun package`: Keycloak (8180), GreenMail (SMTP 3025, IMAP 3143)
# and WildFly (8080) with the portal EAR on H2, until Ctrl-C. Each server runs in its own process
# group, so that stopping takes down every JVM it started, whatever signal ends this script.
set -euo pipefail

: "${WILDFLY_HOME:?}" "${KEYCLOAK_HOME:?}" "${GREENMAIL_JAR:?}" "${PORTAL_EAR:?}" "${RUN_LOG_DIR:?}"
# Only the demo realm's secret is defaulted; a real deployment brings its own.
export PORTAL_OIDC_CLIENT_SECRET="${PORTAL_OIDC_CLIENT_SECRET:-${DEMO_OIDC_SECRET:?}}"
mkdir -p "$RUN_LOG_DIR"

source "$(dirname "$0")/servers.sh"
require_free 8080 8180 9990 3025 3143 3080
rm -f "$RUN_LOG_DIR"/*.log
start_keycloak_and_mail
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
stay_up
