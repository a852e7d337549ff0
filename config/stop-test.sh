#!/usr/bin/env bash
# Checks that stopping the demo run leaves nothing behind: starts `mvn -Prun package` in a process
# group of its own, as a terminal does, waits until the portal answers, signals the whole group (INT,
# as Ctrl-C does, then TERM, as a service manager does) and asserts that no process of the run is
# left and its ports are free. Run by CI after the tests; needs the ports of the demo run free.
set -euo pipefail
# Job control: each background job gets a process group of its own and, unlike a background job of
# a plain script, does not ignore SIGINT, just as a command started from a terminal.
set -m
cd "$(dirname "$0")/.."
root=$(pwd)
ports="8080 8180 9990 3025 3143"

left_behind() { # the processes of the run: anything started from this checkout's servers
    pgrep -f -- "$root/portal-ear/target/(wildfly|keycloak|greenmail)" || true
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

inbox_count() { # address -> how many mails its IMAP inbox holds (GreenMail: the address is login and password)
    curl -s --max-time 10 --url "imap://127.0.0.1:3143/INBOX" --user "$1:$1" -X "SEARCH ALL" 2>/dev/null \
        | tr ' ' '\n' | grep -c '^[0-9]' || true
}

# Follow-up reminders go out once, also across a restart: the first run mails the demo data's overdue
# follow-ups within a minute or two; the second run (same database, a fresh mail server) mails none of them again.
REMINDED=north.rep@partner-portal.example
reminders_after_start() { # the first run's count of reminders, or the second's
    local count=0 last=-1 steady=0
    for _ in $(seq 1 18); do   # up to three minutes: stop once the inbox has not grown over a sweep and more
        sleep 10
        count=$(inbox_count "$REMINDED")
        if [ "$count" = "$last" ]; then steady=$((steady + 1)); else steady=0; fi
        last=$count
        [ "$steady" -ge 8 ] && break
    done
    echo "$count"
}

try_stop() { # signal
    local signal=$1 log="$root/portal-ear/target/stop-test-$1.log"
    mkdir -p "$root/portal-ear/target"
    mvn -B -ntp -Prun package -DskipTests >"$log" 2>&1 < /dev/null &
    local group=$!
    for _ in $(seq 1 400); do
        curl -fsS -o /dev/null http://localhost:8080/portal/api/health 2>/dev/null && break
        kill -0 "$group" 2>/dev/null || { echo "The demo run ended before it was up; see $log" >&2; tail -30 "$log" >&2; exit 1; }
        sleep 1
    done
    curl -fsS -o /dev/null http://localhost:8180/realms/partner-portal || { echo "Keycloak is not up; see $log" >&2; exit 1; }
    local reminders
    reminders=$(reminders_after_start)
    echo "follow-up reminders mailed to $REMINDED in this run: $reminders"
    if [ "$signal" = INT ]; then
        FIRST_REMINDERS=$reminders
    elif [ "$reminders" != 0 ]; then
        echo "FAILED: the restarted portal mailed $reminders reminders again (the first run mailed $FIRST_REMINDERS)" >&2
        kill -TERM -- "-$group" 2>/dev/null || true
        exit 1
    fi
    echo "demo run up; sending $signal to its process group"
    kill -"$signal" -- "-$group"
    for _ in $(seq 1 90); do
        kill -0 -- "-$group" 2>/dev/null || [ -n "$(left_behind)" ] || break
        sleep 1
    done
    sleep 2
    local remaining
    remaining=$(left_behind)
    if [ -n "$remaining" ] || kill -0 -- "-$group" 2>/dev/null; then
        echo "FAILED: after $signal these processes of the run are left:" >&2
        ps -o pid,ppid,pgid,args -p "$(echo $remaining | tr ' ' ',')" >&2 || true
        kill -KILL $remaining 2>/dev/null || true
        kill -KILL -- "-$group" 2>/dev/null || true
        exit 1
    fi
    for port in $ports; do
        if port_open "$port"; then echo "FAILED: port $port still open after $signal" >&2; exit 1; fi
    done
    echo "stopped cleanly after $signal"
}

for port in $ports; do
    if port_open "$port"; then echo "Port $port is in use: stop what runs there first" >&2; exit 1; fi
done
FIRST_REMINDERS=0
try_stop INT
try_stop TERM
if [ "$FIRST_REMINDERS" = 0 ]; then
    echo "note: the first run mailed no reminder (its demo data was reminded before), so the restart proved nothing about them"
fi
