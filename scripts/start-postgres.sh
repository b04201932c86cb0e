#!/usr/bin/env bash
# Starts Debian's PostgreSQL on localhost (installing it with apt when missing) and makes the role
# "fieldsurvey" (password "fieldsurvey", allowed to create databases) that the PostgreSQL test run uses.
# Prints the connection string on success.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then $SUDO pg_createcluster "$version" main >/dev/null; fi
$SUDO pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
$SUDO -u postgres psql -q -h localhost -c "SELECT 1" >/dev/null 2>&1 || $SUDO su postgres -c "psql -q -c 'SELECT 1'" >/dev/null
$SUDO su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='fieldsurvey'\"" | grep -q 1 \
  || $SUDO su postgres -c "psql -q -c \"CREATE ROLE fieldsurvey LOGIN CREATEDB PASSWORD 'fieldsurvey'\""
echo "Host=localhost;Username=fieldsurvey;Password=fieldsurvey"
