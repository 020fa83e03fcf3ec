#!/usr/bin/env bash
# The pull-request workflow's commands (docs/publishing.md), in one place so
# CI (.github/workflows/site.yml) and the test suite run the same ones.
#
#   scripts/pr-site.sh regenerate        build site/ from data/ and commit it if it changed
#   scripts/pr-site.sh report BASE       the change report against BASE's site/, as Markdown
#
# Environment: RECSITE (the binary; default .build/release/recsite), DATA
# (default data), SITE (default site), BUILD_FLAGS (default --evaluate, as
# `make site`), GIT_AUTHOR (default "recsite <recsite@localhost>").
set -euo pipefail
RECSITE=${RECSITE:-.build/release/recsite}
DATA=${DATA:-data}
SITE=${SITE:-site}
BUILD_FLAGS=${BUILD_FLAGS---evaluate}
AUTHOR=${GIT_AUTHOR:-recsite <recsite@localhost>}

case "${1:-}" in
  regenerate)
    # shellcheck disable=SC2086  # BUILD_FLAGS is a list of flags
    "$RECSITE" build --data "$DATA" --out "$SITE" --quiet $BUILD_FLAGS
    git add -A -- "$SITE"
    if git diff --cached --quiet -- "$SITE"; then
      echo "$SITE/ is up to date"
    else
      git -c user.name="${AUTHOR% <*}" -c user.email="$(sed 's/.*<\(.*\)>/\1/' <<<"$AUTHOR")" \
        commit -q -m "Regenerate $SITE/ from $DATA/" -- "$SITE"
      echo "committed the regenerated $SITE/"
    fi
    ;;
  report)
    base=${2:?usage: scripts/pr-site.sh report BASE}
    "$RECSITE" diff --git "$base" "$SITE" --markdown
    ;;
  *)
    echo "usage: scripts/pr-site.sh regenerate | report BASE" >&2
    exit 64
    ;;
esac
