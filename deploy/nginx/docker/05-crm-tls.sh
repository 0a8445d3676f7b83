#!/bin/sh
# First start without a certificate mounted at /etc/nginx/certs: a self-signed one for the first CRM_SERVER_NAME
# (local use; browsers warn). Mount a real tls.crt/tls.key there instead for anything else.
set -eu
if [ ! -s /etc/nginx/certs/tls.crt ] || [ ! -s /etc/nginx/certs/tls.key ]; then
  name=${CRM_SERVER_NAME:-localhost}
  crm-self-signed /etc/nginx/certs "${name%% *}"
fi
