#!/usr/bin/env bash
# Whole-process time and memory of every design command at 1,000 / 10,000 / 100,000 sites,
# with growth factors: the table in the README's "Speed" section (issue #13).
#
#   cargo build --release --no-default-features
#   benches/scale.sh                 # 1k, 10k, 100k
#   SIZES="1000 10000 30000" benches/scale.sh
#
# Designs come from `linkwright generate --sites N --seed 1` and are kept in $WORK (default: a
# folder under the system's temporary directory) so that a second run does not regenerate them.
# Each command runs $RUNS times (default 3); the table shows the fastest elapsed time and the
# largest resident memory. Elapsed time needs a quiet machine to mean anything: the commands use
# every core. `prices import` and `--catalog` overlays are measured by `benches/costing.rs`.
set -euo pipefail
# bash's `time` writes the locale's decimal mark; the comparisons below read a point.
export LC_NUMERIC=C

here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${LINKWRIGHT:-$here/target/release/linkwright}"
sizes="${SIZES:-1000 10000 100000}"
runs="${RUNS:-3}"
work="${WORK:-${TMPDIR:-/tmp}/linkwright-scale}"
mkdir -p "$work"

if [ ! -x "$bin" ]; then
    echo "no binary at $bin: run 'cargo build --release --no-default-features' first" >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "needs /usr/bin/time (GNU time) for memory; on Debian: apt-get install time" >&2
    exit 2
fi

commands=(
    "check"
    "resilience"
    "resilience --format json"
    "cost"
    "cost --format json"
    "report"
)

# One measurement: fastest elapsed seconds and largest RSS (KB) over $runs runs. Elapsed time
# is bash's, to the millisecond (GNU time's %e said 0.01 s for a 1,000-site command that takes
# 0.024 s, which made the growth factors from 1,000 sites meaningless); GNU time itself adds
# about 2 ms.
measure() {
    local best="" rss=0 e m TIMEFORMAT=%3R
    for _ in $(seq "$runs"); do
        e=$({ time /usr/bin/time -o "$work/time.txt" -f '%M' "$@" >/dev/null 2>&1; } 2>&1)
        m=$(tail -n 1 "$work/time.txt")
        if [ -z "$best" ] || awk -v a="$e" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$e
        fi
        [ "$m" -gt "$rss" ] && rss=$m
    done
    echo "$best $rss"
}

declare -A result
for n in $sizes; do
    design="$work/gen-$n.json"
    [ -f "$design" ] || "$bin" generate --sites "$n" --seed 1 -o "$design" >/dev/null
    for c in "${commands[@]}"; do
        # shellcheck disable=SC2086 # the command's words are meant to split
        case "$c" in
            report) result["$c/$n"]=$(measure "$bin" report "$design" -o "$work/r-$n.pdf" --date 2026-11-29) ;;
            *) result["$c/$n"]=$(measure "$bin" $c "$design") ;;
        esac
        echo "measured: $c at $n sites: ${result["$c/$n"]}" >&2
    done
done

header="| Command |"
rule="|---|"
for n in $sizes; do
    header+=" $(printf "%'d" "$n" 2>/dev/null || echo "$n") sites |"
    rule+="---|"
done
header+=" growth |"
rule+="---|"
echo
echo "$header"
echo "$rule"
for c in "${commands[@]}"; do
    row="| \`$c\` |"
    growth=""
    previous=""
    for n in $sizes; do
        read -r e m <<<"${result["$c/$n"]}"
        row+=" ${e} s, $((m / 1024)) MB |"
        if [ -n "$previous" ]; then
            growth+="$(awk -v a="$e" -v b="$previous" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else printf "–" }') "
        fi
        previous=$e
    done
    echo "$row ${growth% } |"
done
