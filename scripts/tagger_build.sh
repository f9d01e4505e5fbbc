#!/bin/sh
# Build the trainer for development: scripts/tagger_build.sh [OUT]
set -e
cd "$(dirname "$0")/.."
gcc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Iinclude -Isrc \
    src/util.c src/tokenizer.c src/cache.c src/tagger.c tools/nerc-train.c \
    $(pkg-config --cflags --libs libutf8proc) -lm -o "${1:-/tmp/nerc-train}"
