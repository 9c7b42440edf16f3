#!/usr/bin/env bash
# End-to-end test of sharded toys on a real single-node Slurm (make test-slurm).
#
# As root: installs slurm-wlm and munge from Debian if missing, starts munged, slurmctld and
# slurmd with a private configuration (SLURM_CONF in a scratch folder; /etc/slurm untouched),
# submits macros/slurm/toys-array.sh (4 shards + a dependent merge), waits, and compares the
# merged toy file and summary with the unsharded run byte for byte. Stops the daemons it
# started (by the pids in their pid files) on exit. Follows ../shared/slurm-local.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARDS=${SHARDS:-4}
TOY_OPTIONS=${TOY_OPTIONS:-"--detector kamland --threshold 3 --events 3000 --toys 2000 --seed 20261125"}
TIMEOUT=${TIMEOUT:-600}

[[ $(id -u) -eq 0 ]] || { echo "test-slurm: run as root (it starts munged, slurmctld and slurmd)" >&2; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
    echo "test-slurm: installing slurm-wlm and munge" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

echo "test-slurm: building nue (release)" >&2
swift build -c release --product nue >/dev/null
NUE="$(swift build -c release --show-bin-path)/nue"
export NUE

scratch=$(mktemp -d /tmp/nue-slurm.XXXXXX)
chmod 755 "$scratch"
started_munge=""
cleanup() {
    local status=$?
    for pidfile in "$scratch/d.pid" "$scratch/ctld.pid"; do
        [[ -s "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
    if [[ -n "$started_munge" && -s /run/munge/munged.pid ]]; then kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true; fi
    sleep 1
    if [[ $status -eq 0 ]]; then rm -rf "$scratch"; else echo "test-slurm: logs kept in $scratch" >&2; fi
    exit $status
}
trap cleanup EXIT

# munge: a key and the daemon (unless one runs already).
if ! pgrep -x munged >/dev/null; then
    mkdir -p /etc/munge /run/munge /var/log/munge /var/lib/munge
    [[ -s /etc/munge/munge.key ]] || dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
    chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge
    chmod 400 /etc/munge/munge.key
    munged --force
    started_munge=yes
fi

host=$(hostname)
mkdir -p "$scratch/state" "$scratch/spool"
cat > "$scratch/slurm.conf" <<CONF
ClusterName=nuetest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldLogFile=$scratch/ctld.log
SlurmdLogFile=$scratch/d.log
SlurmctldPidFile=$scratch/ctld.pid
SlurmdPidFile=$scratch/d.pid
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
NodeName=$host CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$scratch/slurm.conf"

slurmctld -i
slurmd
for _ in $(seq 60); do
    if sinfo -h -o '%t' 2>/dev/null | grep -q idle; then break; fi
    sleep 1
done
sinfo -h -o '%t' | grep -q idle || { echo "test-slurm: the node did not become idle" >&2; sinfo >&2 || true; exit 1; }

# shellcheck disable=SC2086
echo "test-slurm: unsharded run" >&2
"$NUE" toys $TOY_OPTIONS --quiet --output "$scratch/unsharded.json" --json > "$scratch/unsharded.summary.json"

echo "test-slurm: submitting $SHARDS shards + merge" >&2
# shellcheck disable=SC2086
read -r array_job merge_job < <(macros/slurm/toys-array.sh "$scratch/out" "$SHARDS" $TOY_OPTIONS)
echo "test-slurm: array job $array_job, merge job $merge_job" >&2
deadline=$((SECONDS + TIMEOUT))
while squeue -h -j "$array_job,$merge_job" 2>/dev/null | grep -q .; do
    (( SECONDS < deadline )) || { echo "test-slurm: timed out" >&2; squeue >&2; exit 1; }
    sleep 2
done
[[ -s "$scratch/out/toys.json" ]] || { echo "test-slurm: no merged file (see $scratch/out/slurm-*.log)" >&2; exit 1; }

if cmp "$scratch/unsharded.json" "$scratch/out/toys.json" && cmp "$scratch/unsharded.summary.json" "$scratch/out/summary.json"; then
    echo "test-slurm: OK — $SHARDS Slurm shards merged equal the unsharded run byte for byte ($(($(wc -l < "$scratch/unsharded.json") - 1)) toys)"
    cat "$scratch/out/summary.json"
else
    echo "test-slurm: FAILED — merged result differs from the unsharded run" >&2
    diff <(head -c 2000 "$scratch/unsharded.json") <(head -c 2000 "$scratch/out/toys.json") >&2 || true
    exit 1
fi
