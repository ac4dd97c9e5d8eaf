#!/usr/bin/env bash
# Builds the base images of the container test from Debian's own packages, where no registry can be reached: one
# Debian 13 root file system (debootstrap) with a Java 25 runtime, curl and PostgreSQL 17, imported as the services'
# runtime image, and a PostgreSQL image on top of it that starts as the official one does. Images are tagged with a
# hash of their recipes, so a second run finds them and takes seconds. Prints "runtime=IMAGE" and "postgres=IMAGE".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
content_hash() { (cd "$here" && sha256sum "$@" | sha256sum | cut -c1-12); }
runtime=hazelog-test/debian-runtime:$(content_hash base-images.sh)
postgres=hazelog-test/debian-postgres:$(content_hash base-images.sh postgres/Dockerfile postgres/entrypoint.sh)

if ! docker image inspect "$runtime" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { echo "debootstrap is needed to build $runtime" >&2; exit 1; }
  mirror=$("$here/debian-mirror.sh")
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  echo "Building $runtime from $mirror (debootstrap, about a minute)..." >&2
  debootstrap --variant=minbase --include=openjdk-25-jre-headless,curl,postgresql-17 trixie "$rootfs" "$mirror" >&2
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/lib/postgresql/*
  tar -C "$rootfs" -c . | docker import - "$runtime" >/dev/null
fi
if ! docker image inspect "$postgres" >/dev/null 2>&1; then
  docker build -q --build-arg "BASE=$runtime" -t "$postgres" "$here/postgres" >/dev/null
fi
echo "runtime=$runtime"
echo "postgres=$postgres"
