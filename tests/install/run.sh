#!/usr/bin/env bash
# Install nerc into a temporary prefix and use it the way a user would: the installed
# command with no data flags, pkg-config, and a CMake project with find_package(nerc).
# Usage: tests/install/run.sh REPO_ROOT
set -euo pipefail
repo=$(cd "$1" && pwd)
work=$(mktemp -d)
export NERC_CACHE="$work/cache" # an installed copy writes its image cache here
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake -S "$repo" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DNERC_BUILD_TESTS=OFF \
  -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$work/build" -j2 >/dev/null
cmake --install "$work/build" >/dev/null
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL - $1"; fail=$((fail+1)); fi; }
expect='PERSON Vladimir Putin Vladimir Putin
PERSON Masoud Pezeshkian Masoud Pezeshkian
LOCATION Moscow Moscow
DATE January 17, 2025 2025-01-17'
check "installed files" '[[ -x $prefix/bin/nerc && -f $prefix/include/nerc.h && -f $prefix/lib/pkgconfig/nerc.pc && -f $prefix/lib/cmake/nerc/nercConfig.cmake && -d $prefix/share/nerc/gazetteers && -f $prefix/share/nerc/models/ner.model ]]'
check "soname" '[[ -L $prefix/lib/libnerc.so.0 ]]'
# The installed command, run from elsewhere, finds its data with no flags.
check "installed nerc on samples" '(cd "$work" && "$prefix/bin/nerc" --emit mentions "$repo/samples/" | grep -q ",PERSON,")'
check "NERC_DATA overrides" '! (cd "$work" && NERC_DATA=/nonexistent "$prefix/bin/nerc" </dev/null 2>/dev/null)'
# pkg-config
check "pkg-config consumer" 'PKG_CONFIG_PATH=$prefix/lib/pkgconfig cc -o "$work/pc" "$repo/tests/install/consumer.c" $(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --cflags --libs nerc) -Wl,-rpath,"$prefix/lib" && [[ "$("$work/pc")" == "$expect" ]]'
# CMake package
check "find_package consumer" 'cmake -S "$repo/tests/install" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null && cmake --build "$work/consumer" >/dev/null && [[ "$("$work/consumer/consumer")" == "$expect" ]]'
check "find_package consumer, static" '[[ "$("$work/consumer/consumer_static")" == "$expect" ]]'
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
