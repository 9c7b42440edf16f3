#!/usr/bin/env bash
#SBATCH --job-name=nue-toys
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#
# Toys as a Slurm job array: one shard per array task, then a dependent merge job.
#
# Submit (from a login node, with nue built):
#
#   macros/slurm/toys-array.sh OUTDIR SHARDS [nue toys options...]
#   e.g. macros/slurm/toys-array.sh out/toys 16 --detector kamland --events 3000 --toys 100000 --seed 7
#
# This submits `sbatch --array=0-(SHARDS-1)` of this same script; array task K runs
#
#   nue toys OPTIONS --shard K/SHARDS --output OUTDIR/shard-K.json --resume --json > OUTDIR/summary-shard-K.json
#
# (SLURM_ARRAY_TASK_ID = K, SLURM_ARRAY_TASK_COUNT = SHARDS), and a merge job that starts
# after every task succeeded (--dependency=afterok) runs
#
#   nue merge OUTDIR/shard-*.json --output OUTDIR/toys.json --json > OUTDIR/summary.json
#
# Toy k always uses the random stream (seed, k), so OUTDIR/toys.json is byte-identical to the
# unsharded run (`nue toys OPTIONS --output FILE`). Shard files are written toy by toy: a
# cancelled or timed-out task keeps its finished toys; a requeued task continues its file
# (--resume: only the missing toys run, the result is byte-identical), and `nue merge` refuses
# an incomplete set, naming the shard (or merges it with --allow-partial, labelled partial).
# Prints "ARRAY_JOB_ID MERGE_JOB_ID" on stdout.
#
# Environment: NUE (the nue binary; default: `nue` on PATH, else .build/release/nue),
# NUE_THREADS (threads per task, default 1), SBATCH_EXTRA (more sbatch options, e.g. a partition).
set -euo pipefail

nue_binary() {
    if [[ -n "${NUE:-}" ]]; then echo "$NUE"
    elif command -v nue >/dev/null 2>&1; then command -v nue
    else echo "$(pwd)/.build/release/nue"
    fi
}

if [[ -n "${SLURM_ARRAY_TASK_ID:-}" ]]; then
    # --- inside one array task ---
    : "${NUE_OUTDIR:?NUE_OUTDIR not set (submit through this script)}"
    : "${NUE_SHARDS:?NUE_SHARDS not set}"
    k="$SLURM_ARRAY_TASK_ID"
    n="${SLURM_ARRAY_TASK_COUNT:-$NUE_SHARDS}"
    read -r -a options <<< "${NUE_TOYS_OPTIONS:-}"
    exec "$(nue_binary)" toys "${options[@]}" --threads "${NUE_THREADS:-1}" --quiet \
        --shard "$k/$n" --output "$NUE_OUTDIR/shard-$k.json" --resume --json > "$NUE_OUTDIR/summary-shard-$k.json"
fi

# --- submission ---
if [[ $# -lt 2 ]]; then
    sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
outdir="$1"; shards="$2"; shift 2
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "SHARDS must be a positive integer, got '$shards'" >&2; exit 2; }
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
nue="$(nue_binary)"
[[ -x "$nue" ]] || { echo "nue not found at $nue (build it: swift build -c release, or set NUE)" >&2; exit 2; }
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"

# shellcheck disable=SC2086
array_job=$(NUE="$nue" NUE_OUTDIR="$outdir" NUE_SHARDS="$shards" NUE_TOYS_OPTIONS="$*" \
    sbatch --parsable --export=ALL ${SBATCH_EXTRA:-} --array="0-$((shards - 1))" \
    --output="$outdir/slurm-%A_%a.log" "$script")
array_job="${array_job%%;*}"
# shellcheck disable=SC2086
merge_job=$(sbatch --parsable ${SBATCH_EXTRA:-} --job-name=nue-toys-merge --dependency="afterok:$array_job" \
    --output="$outdir/slurm-merge-%j.log" \
    --wrap="\"$nue\" merge \"$outdir\"/shard-*.json --output \"$outdir/toys.json\" --json > \"$outdir/summary.json\"")
merge_job="${merge_job%%;*}"
echo "$array_job $merge_job"
