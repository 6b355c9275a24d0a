#!/usr/bin/env bash
# Builds Bahth (if needed) and runs every test with CTest, in two configurations: warnings as errors, and
# AddressSanitizer + UndefinedBehaviorSanitizer; before them, a smoke run of the libFuzzer targets
# (scripts/fuzz.sh --smoke, 10 s each). Installs missing packages first (scripts/setup.sh), with what only the
# tests need (chromium and an Arabic font for the search page's browser test).
#   usage: scripts/test.sh [--quick]     --quick: the warnings-as-errors configuration only, no fuzzing
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
configs=(werror sanitize)
[[ ${1:-} == --quick ]] && configs=(werror)
"$root/scripts/setup.sh" --deps-only --test-deps

status=0
if [[ ${1:-} != --quick ]]; then
  echo "== fuzz smoke" >&2
  "$root/scripts/fuzz.sh" --smoke || status=1
fi
for config in "${configs[@]}"; do
  build=$root/build-test-$config
  case $config in
    werror)   flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DBAHTH_WERROR=ON) ;;
    sanitize) flags=(-DCMAKE_BUILD_TYPE=Debug -DBAHTH_WERROR=ON -DBAHTH_SANITIZE=ON) ;;
  esac
  echo "== $config ($build)" >&2
  cmake -S "$root" -B "$build" "${flags[@]}" >/dev/null
  cmake --build "$build" -j"$(nproc)" >&2
  # Sanitizer findings fail the test that hit them.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$build" --output-on-failure -j"$(nproc)" || status=1
done
exit $status
