#!/usr/bin/env bash
# bench.sh measures newsfacts end to end on the xwlb corpus in the shared
# folder: MB/s, documents/s, start-up to first output, peak RSS, and the time
# per stage. It skips (exit 0) when the corpus is absent.
#
#   scripts/bench.sh                 # one worker, one copy of the corpus
#   WORKERS=2 COPIES=10 scripts/bench.sh
#   FORMAT=jsonl scripts/bench.sh
#   MAX_RSS_MB=400 COPIES=10 scripts/bench.sh   # fail when peak RSS exceeds 400 MB
#
# With BASE set to a git revision, it compares that revision with the
# working tree instead: both binaries run RUNS times each, in turn (base,
# new, base, new …, so that a change of the machine's load hits both), with
# --workers 1 pinned to one core (taskset -c 0, when taskset exists) and
# with --workers N (N = NWORKERS, default the number of cores). It prints
# MB/s end to end and per stage for both, and benchstat's comparison when
# benchstat is on PATH (go install golang.org/x/perf/cmd/benchstat@latest).
#
#   BASE=4a22f8c RUNS=5 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/corpus.sh bench
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

# run BIN WORKERS [PIN]: one run of BIN into $tmp/out; its stderr and the
# figures of time -v are left in $tmp/log.
run() {
	local bin=$1 w=$2 pin=${3:-}
	local cmd=("$bin" extract --workers "$w" --format "$format" --progress never --stats -o "$tmp/out" "${inputs[@]}")
	if [ -n "$pin" ]; then
		cmd=(taskset -c "$pin" "${cmd[@]}")
	fi
	rm -rf "$tmp/out"
	/usr/bin/time -v "${cmd[@]}" 2>"$tmp/log" || {
		code=$?
		# Exit 1 means some documents failed; anything else is fatal.
		[ "$code" -eq 1 ] || { cat "$tmp/log" >&2; exit "$code"; }
	}
}

# benchlines NAME: the figures of the run in $tmp/log as benchstat lines:
# end to end (ns/op of the wall clock, MB/s of input, peak RSS) and one line
# per stage (its seconds and MB/s of article text, as --stats prints them),
# and the start-up (to the first document written) and the finishing (the
# sink's Close) in ns/op.
# NOTE: units of our own (MBps: 10^6 bytes a second), not MB/s, which
# benchstat would show in MiB/s.
benchlines() {
	awk -v name="$1" -v bytes="$bytes" '
		/Elapsed \(wall clock\)/ {
			n = split($NF, p, ":"); s = 0
			for (i = 1; i <= n; i++) s = s * 60 + p[i]
			wall = s
		}
		/Maximum resident set size/ { rss = $NF / 1024 }
		/^stage / { in_stages = 1; next }
		/^first output/ {
			in_stages = 0
			# first output after N ms; finishing M ms; …
			printf "BenchmarkPhase/%s/phase=startup 1 %.0f ns/op\n", name, $4 * 1e6
			if ($6 == "finishing") printf "BenchmarkPhase/%s/phase=finish 1 %.0f ns/op\n", name, $7 * 1e6
		}
		in_stages && $1 != "gc" && $2 > 0 {
			stage = $1; sub(/^extract:/, "", stage)
			printf "BenchmarkStage/%s/stage=%s 1 %.0f ns/op %s text-MBps\n", name, stage, $2 * 1e9, $3
		}
		END {
			printf "BenchmarkEndToEnd/%s 1 %.0f ns/op %.2f input-MBps %.0f peak-RSS-MB\n", name, wall * 1e9, bytes / 1e6 / wall, rss
		}' "$tmp/log"
}

if [ -n "${BASE:-}" ]; then
	runs=${RUNS:-5}
	nworkers=${NWORKERS:-$(nproc)}
	pin=""
	if command -v taskset >/dev/null 2>&1; then
		pin=0
	fi
	git archive --format=tar "$BASE" | (mkdir -p "$tmp/base" && tar -x -C "$tmp/base")
	(cd "$tmp/base" && go build -o "$tmp/newsfacts-base" ./cmd/newsfacts)
	echo "input: $copies x $(basename "$corpus") = $((bytes / 1000000)) MB, format $format;" \
		"base $BASE against the working tree, $runs runs each in turn;" \
		"--workers 1${pin:+ on core $pin} and --workers $nworkers"
	for i in $(seq "$runs"); do
		for side in base new; do
			bin=$tmp/newsfacts
			[ "$side" = base ] && bin=$tmp/newsfacts-base
			run "$bin" 1 "$pin"
			benchlines "workers=1" >>"$tmp/$side.txt"
			run "$bin" "$nworkers"
			benchlines "workers=$nworkers" >>"$tmp/$side.txt"
		done
		echo "run $i of $runs done" >&2
	done
	for side in base new; do
		echo "== $side: MB/s end to end and per stage, median of $runs"
		awk '{ for (i = 3; i < NF; i += 2) if ($(i+1) ~ /MBps$/) print $1, $i }' "$tmp/$side.txt" |
			sort -k1,1 -k2,2g |
			awk '
				function out() {
					if (n) printf "%-48s %8.2f MB/s\n", key, (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
				}
				$1 != key { out(); key = $1; n = 0 }
				{ a[++n] = $2 }
				END { out() }' | tee "$tmp/$side.medians"
		# The speed-up the issue asks about: N workers over one pinned worker.
		awk -v n="$nworkers" '
			$1 == "BenchmarkEndToEnd/workers=1" { one = $2 }
			$1 == "BenchmarkEndToEnd/workers=" n { many = $2 }
			END { if (one > 0 && many > 0) printf "%-48s %8.2f x\n", "speed-up, workers=" n " over workers=1", many / one }' "$tmp/$side.medians"
	done
	if [ -n "${KEEP:-}" ]; then
		cp "$tmp/base.txt" "$tmp/new.txt" "$KEEP"/
	fi
	if command -v benchstat >/dev/null 2>&1; then
		echo "== benchstat base new"
		(cd "$tmp" && benchstat base.txt new.txt)
	else
		echo "bench: benchstat not on PATH; KEEP=DIR keeps base.txt and new.txt for it" >&2
	fi
	exit 0
fi

run "$tmp/newsfacts" "$workers"
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
