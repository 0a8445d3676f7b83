#!/usr/bin/env bash
# Backs up the CRM database (every schema: the app's `public` and pg-boss's `pgboss`) with pg_dump's custom format.
#
#   deploy/backup/backup.sh [--dir DIR] [--keep N] [--prefix NAME] [--no-counts] [--metrics-file FILE] [DATABASE_URL]
#
# Writes, in DIR:
#   NAME-<UTC time>.dump     pg_dump -Fc archive (compressed; restore with deploy/backup/restore.sh or pg_restore)
#   NAME-<UTC time>.counts   exact row count of every table, taken in the same snapshot as the dump
#   NAME-<UTC time>.sha256   SHA-256 of both, in `sha256sum -c` format
# then deletes all but the newest N backups (their three files). Prints the path of the new dump on stdout; progress
# goes to stderr. A failed run leaves no half-written dump and deletes nothing.
#
# --metrics-file FILE: after a successful run, (re)writes FILE in Prometheus' text format for node_exporter's textfile
# collector (crm_backup_last_success_timestamp_seconds, crm_backup_duration_seconds, crm_backup_size_bytes,
# crm_backup_tables, crm_backup_rows), so an alert can fire when the newest backup is too old (docs/operations.md).
#
# Ownership: the archive keeps owners and grants (-Fc always records them; `--no-owner` only matters when restoring).
# restore.sh restores with --no-owner --no-privileges by default, so the restoring role owns everything.
#
# Environment (flags win): DATABASE_URL, BACKUP_DIR (/var/backups/crm), BACKUP_KEEP (14), BACKUP_PREFIX (crm),
# BACKUP_METRICS_FILE,
# PG_BIN (directory holding pg_dump, pg_restore and psql, at least the server's major version; default: PATH).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { printf 'backup: %s\n' "$*" >&2; exit 1; }
log() { printf 'backup: %s\n' "$*" >&2; }

dir="${BACKUP_DIR:-/var/backups/crm}"
keep="${BACKUP_KEEP:-14}"
prefix="${BACKUP_PREFIX:-crm}"
counts=1
metrics="${BACKUP_METRICS_FILE:-}"
url="${DATABASE_URL:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="${2:?--dir needs a value}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a value}"; shift 2 ;;
    --prefix) prefix="${2:?--prefix needs a value}"; shift 2 ;;
    --no-counts) counts=0; shift ;;
    --metrics-file) metrics="${2:?--metrics-file needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) url="$1"; shift ;;
  esac
done
[ -n "$url" ] || die "no database: pass DATABASE_URL (postgres://user:pass@host:5432/crm) or set it"
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "--keep must be a whole number ≥ 1, got '$keep'"
[[ "$prefix" =~ ^[A-Za-z0-9_.-]+$ ]] || die "--prefix may hold letters, digits, '_', '.' and '-' only"

bin() { if [ -n "${PG_BIN:-}" ]; then printf '%s/%s' "$PG_BIN" "$1"; else printf '%s' "$1"; fi; }
PG_DUMP="$(bin pg_dump)"; PG_RESTORE="$(bin pg_restore)"; PSQL="$(bin psql)"
for tool in "$PG_DUMP" "$PG_RESTORE" "$PSQL"; do
  command -v "$tool" >/dev/null || die "$tool not found (install postgresql-client of the server's version, or set PG_BIN)"
done
export PGAPPNAME=crm-backup PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

umask 077
mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
name="$prefix-$stamp"
[ ! -e "$dir/$name.dump" ] || die "$dir/$name.dump already exists (two backups in the same second?)"
tmp="$dir/.$name.partial"
rm -f "$tmp".*
cleanup() { rm -f "$tmp".*; }
trap cleanup EXIT

# The leaf tables of every non-system schema (partitions included, partitioned parents not: their rows are the
# partitions'), one "schema.table<TAB>rows" line each. restore.sh runs the same query to compare.
COUNT_SQL="SELECT format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
 ORDER BY 1 \\gexec"

started=$SECONDS
if [ "$counts" = 1 ]; then
  # One read-only transaction exports its snapshot; pg_dump dumps exactly that snapshot while the same transaction
  # counts the rows, so the counts describe the dump to the row even while the app keeps writing.
  coproc SNAP { "$PSQL" -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 --dbname="$url" 2>&1; }
  printf '%s\n' "SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0;" \
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;" "SELECT pg_export_snapshot();" >&"${SNAP[1]}"
  IFS= read -r snapshot <&"${SNAP[0]}" || die "could not open a snapshot on the database"
  [[ "$snapshot" =~ ^[0-9A-F]+-[0-9A-F]+-[0-9]+$ ]] || die "could not open a snapshot: $snapshot"
  "$PG_DUMP" --format=custom --snapshot="$snapshot" --file="$tmp.dump" --dbname="$url" &
  dump_pid=$!
  printf '%s\n' "$COUNT_SQL" "SELECT '--end--';" >&"${SNAP[1]}"
  : >"$tmp.counts"
  while IFS= read -r line <&"${SNAP[0]}"; do
    [ "$line" = "--end--" ] && break
    [[ "$line" == *$'\t'* ]] || { kill "$dump_pid" 2>/dev/null || true; die "counting rows failed: $line"; }
    printf '%s\n' "$line" >>"$tmp.counts"
  done
  [ "$line" = "--end--" ] || { kill "$dump_pid" 2>/dev/null || true; die "counting rows failed (psql ended)"; }
  dump_status=0; wait "$dump_pid" || dump_status=$?
  printf 'COMMIT;\n\\q\n' >&"${SNAP[1]}"
  wait "$SNAP_PID" 2>/dev/null || true
  [ "$dump_status" = 0 ] || die "pg_dump failed (exit $dump_status)"
else
  "$PG_DUMP" --format=custom --file="$tmp.dump" --dbname="$url" || die "pg_dump failed"
fi

# The archive must be readable and hold the app's tables, or it is no backup.
toc="$("$PG_RESTORE" --list "$tmp.dump")" || die "pg_restore cannot read the new archive"
tables=$(grep -c ' TABLE DATA ' <<<"$toc" || true)
grep -q ' TABLE DATA public schema_migrations ' <<<"$toc" || die "the archive has no public.schema_migrations: is this the CRM database?"
if [ "$counts" = 1 ]; then
  counted=$(wc -l <"$tmp.counts")
  [ "$counted" = "$tables" ] || die "counted $counted tables but the archive holds data of $tables"
fi

mv "$tmp.dump" "$dir/$name.dump"
files=("$name.dump")
if [ "$counts" = 1 ]; then mv "$tmp.counts" "$dir/$name.counts"; files+=("$name.counts"); fi
(cd "$dir" && sha256sum "${files[@]}" >".$name.sha256.tmp" && mv ".$name.sha256.tmp" "$name.sha256")
size=$(du -h "$dir/$name.dump" | cut -f1)
log "wrote $dir/$name.dump ($size, $tables tables, $((SECONDS - started)) s)"
if [ -n "$metrics" ]; then
  rows=""; [ "$counts" = 1 ] && rows="$(awk -F'\t' '{s += $2} END {print s + 0}' "$dir/$name.counts")"
  {
    printf '# HELP crm_backup_last_success_timestamp_seconds When the newest good backup finished (Unix time).\n'
    printf '# TYPE crm_backup_last_success_timestamp_seconds gauge\ncrm_backup_last_success_timestamp_seconds{prefix="%s"} %s\n' "$prefix" "$(date -u +%s)"
    printf '# HELP crm_backup_duration_seconds How long the newest good backup took.\n'
    printf '# TYPE crm_backup_duration_seconds gauge\ncrm_backup_duration_seconds{prefix="%s"} %s\n' "$prefix" "$((SECONDS - started))"
    printf '# HELP crm_backup_size_bytes Size of the newest good backup archive.\n'
    printf '# TYPE crm_backup_size_bytes gauge\ncrm_backup_size_bytes{prefix="%s"} %s\n' "$prefix" "$(stat -c %s "$dir/$name.dump")"
    printf '# HELP crm_backup_tables Tables with data in the newest good backup.\n'
    printf '# TYPE crm_backup_tables gauge\ncrm_backup_tables{prefix="%s"} %s\n' "$prefix" "$tables"
    if [ -n "$rows" ]; then
      printf '# HELP crm_backup_rows Rows in the newest good backup.\n'
      printf '# TYPE crm_backup_rows gauge\ncrm_backup_rows{prefix="%s"} %s\n' "$prefix" "$rows"
    fi
  } >"$metrics.$$.tmp" && chmod 644 "$metrics.$$.tmp" && mv "$metrics.$$.tmp" "$metrics" || die "could not write $metrics"
fi

# Retention by count: the newest $keep complete backups stay (names sort by time); only files this script names.
mapfile -t old < <(cd "$dir" && ls -1 | grep -E "^${prefix//./\\.}-[0-9]{8}T[0-9]{6}Z\.dump\$" | sort -r | tail -n +$((keep + 1)))
for f in "${old[@]}"; do
  base="${f%.dump}"
  rm -f "$dir/$base.dump" "$dir/$base.counts" "$dir/$base.sha256"
  log "deleted $base (keeping the newest $keep)"
done

printf '%s\n' "$dir/$name.dump"
