#!/usr/bin/env bash
# Installs what the tests need beyond Python packages: Debian's Apache Jena (SHACL cross-check), Virtuoso
# (a real SPARQL endpoint) and Chromium (browser tests). Safe to run again; skips what is there. Needs root
# and apt-get; without them it says so and the tests that need these packages skip with that reason.
set -u
need=()
[ -f /usr/share/java/jena-cmds.jar ] || need+=(libapache-jena-java)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then
  echo "tests/setup.sh: system packages present"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "tests/setup.sh: cannot install ${need[*]} (needs root and apt-get); tests that need them will skip"
  exit 0
fi
echo "tests/setup.sh: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || {
  echo "tests/setup.sh: apt-get install ${need[*]} failed; tests that need them will skip"; exit 0; }
echo "tests/setup.sh: installed ${need[*]}"
