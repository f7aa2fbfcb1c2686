#!/usr/bin/env bash
# Starts the local PostgreSQL 15 and MariaDB 10.11 servers the tests use, if they are not running.
set -uo pipefail
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
maria_up() { mysqladmin -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; }
if ! pg_up; then
  echo "==> starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi
if ! maria_up; then
  echo "==> starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
fi
for _ in $(seq 1 30); do pg_up && maria_up && break; sleep 1; done
pg_up && echo "==> PostgreSQL is up" || echo "!! PostgreSQL is not reachable on 127.0.0.1:5432 (the database tests will fail)"
maria_up && echo "==> MariaDB is up" || echo "!! MariaDB is not reachable on 127.0.0.1:3306"
exit 0
