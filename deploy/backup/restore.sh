#!/usr/bin/env bash
# Restores a backup made by deploy/backup/backup.sh, then checks the result.
#
#   deploy/backup/restore.sh [--create] [--force] [--jobs N] [--keep-owner] [--no-verify] FILE.dump [DATABASE_URL]
#
# Into the database named by DATABASE_URL:
#   (default)   the database exists and is empty (e.g. just created, or dropped and created again). pg_restore runs
#               with --clean --if-exists, which drops only the objects the archive holds before creating them.
#   --create    creates that database first (connecting to MAINTENANCE_DB, default `postgres`, on the same server);
#               it must not exist. The way to restore beside the live database and compare before switching.
#   --force     restore over a database that has tables or other connections (stop every server first): every
#               non-system schema is dropped (public is made again as PostgreSQL makes it) and the archive restored,
#               all in one transaction, so a failed restore leaves the database as it was. Whatever the database
#               held that the backup did not (newer migrations, data) is gone. Needs the database's owner.
#
# Before: the archive's SHA-256 against FILE's .sha256 (refuses without one unless --no-verify) and its table of
# contents. Restores in one transaction (nothing is left half-restored on error), or with --jobs N in N parallel
# connections (faster on big databases, not atomic). Ownership: --no-owner --no-privileges unless --keep-owner (same
# cluster and roles as the backup): objects belong to the role in DATABASE_URL, which should be the app's role.
# After: VACUUM ANALYZE (a restored database has neither planner statistics nor a visibility map), then the sanity
# check: every table of the archive is there with exactly the rows the backup counted (FILE's .counts), and
# public.schema_migrations is not empty.
# Exit status 0 only if all of that holds.
#
# Environment: DATABASE_URL, PG_BIN (directory of pg_restore and psql, at least the archive's pg_dump version),
# MAINTENANCE_DB (postgres).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { printf 'restore: %s\n' "$*" >&2; exit 1; }
log() { printf 'restore: %s\n' "$*" >&2; }

create=0; force=0; tables=0; jobs=1; keep_owner=0; verify=1; file=""; url="${DATABASE_URL:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --create) create=1; shift ;;
    --force) force=1; shift ;;
    --jobs) jobs="${2:?--jobs needs a value}"; shift 2 ;;
    --keep-owner) keep_owner=1; shift ;;
    --no-verify) verify=0; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) if [ -z "$file" ]; then file="$1"; else url="$1"; fi; shift ;;
  esac
done
[ -n "$file" ] || die "which backup? pass FILE.dump (see --help)"
[ -f "$file" ] || die "$file: no such file"
[ -n "$url" ] || die "no target database: pass DATABASE_URL or set it"
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a whole number ≥ 1"
[[ "$url" =~ ^postgres(ql)?:// ]] || die "DATABASE_URL must be a postgres:// URL"

bin() { if [ -n "${PG_BIN:-}" ]; then printf '%s/%s' "$PG_BIN" "$1"; else printf '%s' "$1"; fi; }
PG_RESTORE="$(bin pg_restore)"; PSQL="$(bin psql)"
for tool in "$PG_RESTORE" "$PSQL"; do
  command -v "$tool" >/dev/null || die "$tool not found (install postgresql-client, or set PG_BIN)"
done
export PGAPPNAME=crm-restore PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"
sql() { "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 --dbname="$1" -c "$2"; }
# The tables of every non-system schema (the app's public, pg-boss's pgboss, and any other).
USER_TABLES="FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"

dir="$(cd "$(dirname "$file")" && pwd)"; dump="$(basename "$file")"; base="${dump%.dump}"
counts="$dir/$base.counts"
if [ "$verify" = 1 ]; then
  [ -f "$dir/$base.sha256" ] || die "no $base.sha256 next to the archive (--no-verify restores without checking it)"
  (cd "$dir" && sha256sum --quiet --check "$base.sha256") >&2 || die "checksum mismatch: the backup is damaged"
  log "checksum ok ($base.sha256)"
fi
toc="$("$PG_RESTORE" --list "$file")" || die "pg_restore cannot read $file"
grep -q ' TABLE DATA public schema_migrations ' <<<"$toc" || die "$file holds no public.schema_migrations: not a CRM backup"

# The database name is the URL's path; the maintenance URL is the same with MAINTENANCE_DB instead.
rest="${url#*://}"; path="${rest#*/}"
[ "$path" != "$rest" ] || die "DATABASE_URL names no database"
db="${path%%\?*}"; query=""; [ "$path" = "$db" ] || query="?${path#*\?}"
[ -n "$db" ] || die "DATABASE_URL names no database"
[[ "$db" =~ ^[A-Za-z0-9_.-]+$ ]] || die "database name '$db': only letters, digits, '_', '.' and '-' here"
maintenance="${url%%://*}://${rest%%/*}/${MAINTENANCE_DB:-postgres}$query"

if [ "$create" = 1 ]; then
  exists="$(sql "$maintenance" "SELECT 1 FROM pg_database WHERE datname = '$db'")"
  [ -z "$exists" ] || die "database $db exists; --create makes a new one (drop it, or restore without --create)"
  sql "$maintenance" "CREATE DATABASE \"$db\"" >/dev/null
  log "created database $db"
else
  tables="$(sql "$url" "SELECT count(*) $USER_TABLES AND c.relkind IN ('r', 'p')")" \
    || die "cannot connect to $db (create it first, or pass --create)"
  others="$(sql "$url" "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")"
  if [ "$force" = 0 ] && { [ "$tables" != 0 ] || [ "$others" != 0 ]; }; then
    die "database $db is not empty ($tables tables, $others other connections): stop the servers and pass --force to restore over it, or restore into a new database (--create)"
  fi
fi

ownership=(); [ "$keep_owner" = 1 ] || ownership=(--no-owner --no-privileges)
opts=(--exit-on-error --clean --if-exists "${ownership[@]}")
started=$SECONDS
if [ "$create" = 0 ] && [ "$tables" != 0 ]; then
  # --force over a database with tables. pg_restore --clean cannot do it: it drops objects one by one, and the
  # primary keys of pg-boss's job partitions refuse to go alone ("cannot drop inherited constraint"). So every
  # non-system schema goes (public is created again as PostgreSQL makes it) and the archive is restored into the
  # emptied database, in the same transaction when --jobs is 1: on any error the old contents stay.
  wipe="$(sql "$url" "SELECT string_agg(format('DROP SCHEMA %I CASCADE;', n.nspname), ' ' ORDER BY n.nspname)
    FROM pg_namespace n WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND n.nspname NOT LIKE 'pg\\_%'")"
  wipe="$wipe DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; ALTER SCHEMA public OWNER TO pg_database_owner;
    GRANT USAGE ON SCHEMA public TO PUBLIC; COMMENT ON SCHEMA public IS 'standard public schema';"
  log "emptying $db ($tables tables) and restoring $dump into it"
  if [ "$jobs" = 1 ]; then
    # COMMIT only after pg_restore wrote the whole archive; psql stops at the first error (the rest rolls back).
    { printf 'BEGIN;\n%s\n' "$wipe"; "$PG_RESTORE" "${ownership[@]}" --file=- "$file" && printf 'COMMIT;\n'; } \
      | "$PSQL" -X -q -v ON_ERROR_STOP=1 --dbname="$url" >/dev/null \
      || die "the restore failed and was rolled back: $db is as it was"
  else
    sql "$url" "BEGIN; $wipe COMMIT;" >/dev/null || die "could not empty $db"
    "$PG_RESTORE" "${opts[@]}" --jobs="$jobs" --dbname="$url" "$file" \
      || die "pg_restore failed; $db is half-restored: run again (with --force)"
  fi
else
  if [ "$jobs" = 1 ]; then opts+=(--single-transaction); else opts+=(--jobs="$jobs"); fi
  log "restoring $dump into $db (pg_restore ${opts[*]})"
  "$PG_RESTORE" "${opts[@]}" --dbname="$url" "$file" \
    || die "pg_restore failed; with --jobs the database may be half-restored: run again with --force"
fi
log "restored in $((SECONDS - started)) s; VACUUM ANALYZE"
# Planner statistics (a restore has none) and the visibility map (index-only scans, e.g. the dashboard's, read the
# heap until a vacuum has marked the pages all-visible). Partitioned parents are analyzed explicitly.
"$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 --dbname="$url" >/dev/null <<<"
  SELECT format('VACUUM (ANALYZE) %I.%I', n.nspname, c.relname) $USER_TABLES AND c.relkind = 'r' \\gexec
  SELECT format('ANALYZE %I.%I', n.nspname, c.relname) $USER_TABLES AND c.relkind = 'p' \\gexec" \
  || die "VACUUM ANALYZE failed"

# Sanity check: the same per-table counts as backup.sh took, compared line by line.
COUNT_SQL="SELECT format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
  $USER_TABLES AND c.relkind = 'r' ORDER BY 1 \\gexec"
now="$("$PSQL" -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 --dbname="$url" <<<"$COUNT_SQL")" || die "counting the restored rows failed"
if [ -f "$counts" ]; then
  if ! difference="$(diff <(sort "$counts") <(sort <<<"$now"))"; then
    die "the restored rows differ from the backup's counts (< backup, > restored):
$difference"
  fi
  log "row counts match the backup: $(wc -l <"$counts") tables, $(awk -F'\t' '{s += $2} END {print s}' "$counts") rows"
else
  log "no $base.counts (backup made with --no-counts): checking that every table of the archive exists"
  missing="$(comm -23 <(awk '$4 == "TABLE" && $5 == "DATA" {print $6 "." $7}' <<<"$toc" | sort -u) <(cut -f1 <<<"$now" | sort -u))"
  [ -z "$missing" ] || die "tables of the archive missing after the restore: $missing"
fi
migrations="$(sql "$url" "SELECT count(*) || ' migrations, the last ' || coalesce((SELECT name FROM schema_migrations ORDER BY timestamp DESC LIMIT 1), 'none') FROM schema_migrations")"
[[ "$migrations" != 0\ * ]] || die "public.schema_migrations is empty after the restore"
log "$db: $migrations; $(sql "$url" "SELECT count(*) FROM users") users"
log "done. Before starting the servers: delete the deployment's cache keys in Redis (see docs/operations.md)"
