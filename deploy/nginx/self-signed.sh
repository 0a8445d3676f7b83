#!/bin/sh
# A self-signed certificate for local use: self-signed.sh DIR [NAME ...] writes DIR/tls.crt and DIR/tls.key (P-256,
# 30 days) for the names given (default: localhost), plus 127.0.0.1 and ::1. Never commit the key; in production use
# a real certificate (ACME, your CA) at the same two paths.
set -eu
dir=${1:?usage: self-signed.sh DIR [NAME ...]}
shift
[ "$#" -gt 0 ] || set -- localhost
cn=$1
san=""
for name in "$@"; do
  case $name in
    *[!0-9.]*) san="$san,DNS:$name" ;;
    *) san="$san,IP:$name" ;;
  esac
done
san="${san#,},IP:127.0.0.1,IP:::1"
mkdir -p "$dir"
umask 077
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
  -subj "/CN=$cn" -addext "subjectAltName=$san" -addext "basicConstraints=critical,CA:FALSE" \
  -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=serverAuth" \
  -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
chmod 0644 "$dir/tls.crt"
echo "wrote $dir/tls.crt and $dir/tls.key ($san)"
