#!/usr/bin/env bash
# bench.sh measures newsfacts end to end on the xwlb corpus in the shared
# folder: MB/s, documents/s, start-up to first output, peak RSS, and the time
# per stage. It skips (exit 0) when the corpus is absent.
#
#   scripts/bench.sh                 # one worker, one copy of the corpus
#   WORKERS=2 COPIES=10 scripts/bench.sh
#   FORMAT=jsonl scripts/bench.sh
#   MAX_RSS_MB=400 COPIES=10 scripts/bench.sh   # fail when peak RSS exceeds 400 MB
set -euo pipefail
cd "$(dirname "$0")/.."

shared=${NEWSFACTS_SHARED:-../shared}
corpus=$shared/corpus/xwlb/articles.jsonl
if [ ! -f "$corpus" ]; then
	echo "bench: $corpus not found; set NEWSFACTS_SHARED. Skipping."
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "bench: /usr/bin/time is needed for peak RSS (Debian package: time)" >&2
	exit 2
fi
workers=${WORKERS:-1}
copies=${COPIES:-1}
format=${FORMAT:-parquet}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/newsfacts" ./cmd/newsfacts

# NOTE: copies are separate files: the same file named twice is read once
# (the second naming is an error row), so naming the corpus ten times would
# measure one copy. Their documents' ids repeat and get ~2, ~3 … suffixes.
inputs=("$corpus")
for i in $(seq 2 "$copies"); do
	cp --reflink=auto "$corpus" "$tmp/copy$i.jsonl"
	inputs+=("$tmp/copy$i.jsonl")
done
bytes=$(( $(stat -c %s "$corpus") * copies ))

/usr/bin/time -v "$tmp/newsfacts" extract --workers "$workers" --format "$format" \
	--progress never --stats -o "$tmp/out" "${inputs[@]}" 2>"$tmp/log" || {
	code=$?
	# Exit 1 means some documents failed; anything else is fatal.
	[ "$code" -eq 1 ] || { cat "$tmp/log" >&2; exit "$code"; }
}
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/log")
rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/log")
echo "input: $copies x $(basename "$corpus") = $((bytes / 1000000)) MB, workers $workers, format $format"
grep '^newsfacts: ' "$tmp/log"
sed -n '/^stage /,/^first output/p' "$tmp/log"
echo "wall clock (time -v): $wall"
echo "peak RSS: $((rss / 1024)) MB"
du -sh "$tmp/out" | awk '{print "output size: " $1}'
if [ -n "${MAX_RSS_MB:-}" ] && [ $((rss / 1024)) -gt "$MAX_RSS_MB" ]; then
	echo "bench: peak RSS $((rss / 1024)) MB exceeds MAX_RSS_MB=$MAX_RSS_MB" >&2
	exit 1
fi
