#!/usr/bin/env bash
# pgo.sh regenerates cmd/newsfacts/default.pgo, the CPU profile that the Go
# toolchain uses for profile-guided optimisation of the newsfacts command
# (go build applies a main package's default.pgo by itself, -pgo=auto).
# It profiles RUNS runs of `newsfacts extract` over the xwlb corpus in the
# shared folder, half with one worker and half with two, and merges them.
# It skips (exit 0) when the corpus is absent.
#
#   scripts/pgo.sh            # four runs
#   RUNS=6 scripts/pgo.sh
#
# NOTE: the profiled binary is built without PGO (-pgo=off), so that the
# profile describes the code as written, not as the previous profile
# optimised it.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/corpus.sh pgo
runs=${RUNS:-4}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -pgo=off -o "$tmp/newsfacts" ./cmd/newsfacts

profiles=()
for i in $(seq "$runs"); do
	workers=$(( (i % 2) + 1 ))
	rm -rf "$tmp/out"
	"$tmp/newsfacts" extract --workers "$workers" --progress never \
		--cpuprofile "$tmp/cpu$i.prof" -o "$tmp/out" "$corpus" 2>"$tmp/log" || {
		code=$?
		# Exit 1 means some documents failed; anything else is fatal.
		[ "$code" -eq 1 ] || { cat "$tmp/log" >&2; exit "$code"; }
	}
	profiles+=("$tmp/cpu$i.prof")
done
go tool pprof -proto "${profiles[@]}" >"$tmp/merged.pprof"
# The profile names the files and the binary by their paths on this
# machine; internal/tools/pgoclean keeps only their last elements.
go run ./internal/tools/pgoclean <"$tmp/merged.pprof" >"$tmp/merged.pgo"
mv "$tmp/merged.pgo" cmd/newsfacts/default.pgo
echo "pgo: wrote cmd/newsfacts/default.pgo ($(stat -c %s cmd/newsfacts/default.pgo) bytes, $runs runs)"
