#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt uses (its main archive, not the security one), so that nothing in the
# tree names one: HAZELOG_DEBIAN_MIRROR when set, else the first such URI in the deb822 sources
# (/etc/apt/sources.list.d/*.sources, field URIs:), else in the one-line ones (/etc/apt/sources.list and *.list).
set -euo pipefail
if [[ -n ${HAZELOG_DEBIAN_MIRROR:-} ]]; then
  echo "${HAZELOG_DEBIAN_MIRROR%/}"
  exit 0
fi
shopt -s nullglob
mirror=$(
  {
    for sources in /etc/apt/sources.list.d/*.sources; do
      awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' "$sources"
    done
    for list in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [[ -f $list ]] && awk '$1 == "deb" { sub(/\[[^]]*\]/, ""); print $2 }' "$list"
    done
  } | grep -E '^https?://' | grep -v -- '-security' | head -n 1
) || true
if [[ -z $mirror ]]; then
  echo "No Debian mirror found in the apt configuration (/etc/apt/sources.list*); set HAZELOG_DEBIAN_MIRROR." >&2
  exit 1
fi
echo "${mirror%/}"
