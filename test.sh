#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian machine with the .NET SDK,
# starts a private Redis and a private 3-master Redis Cluster on free loopback ports, runs every test project against
# them, and stops them.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

echo "== checking prerequisites"
command -v redis-server >/dev/null || { echo "installing redis-server"; apt_install redis-server; }
command -v redis-cli >/dev/null || apt_install redis-tools
# Web chat browser test: Debian's Chromium (Playwright drives it; no browser download) and CJK fonts for its screenshot.
command -v chromium >/dev/null || { echo "installing chromium"; apt_install chromium fonts-noto-cjk; }
[ -n "$(fc-list :lang=zh 2>/dev/null || true)" ] || apt_install fonts-noto-cjk
# Reverse-proxy test: Debian's nginx runs the repository's site file (deploy/nginx) on loopback; openssl makes its certificate.
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "installing nginx"; apt_install nginx; }
command -v openssl >/dev/null || apt_install openssl
# Direct Line client test: Node + npm (the test runs `npm ci` in tests/directline-client when node_modules is missing).
command -v node >/dev/null && command -v npm >/dev/null || { echo "installing nodejs"; apt_install nodejs npm; }

echo "== starting a private Redis"
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free port for Redis" >&2; exit 1; }
redis_dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" --dir "$redis_dir"
stop_redis() {
  redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$redis_dir"
}
trap stop_redis EXIT
for _ in $(seq 1 50); do
  [ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ] && break
  sleep 0.1
done
[ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ] || { echo "Redis did not start" >&2; cat "$redis_dir/redis.log" >&2; exit 1; }
echo "Redis on 127.0.0.1:$port ($(redis-server --version | cut -d' ' -f3))"

echo "== starting a private 3-master Redis Cluster"
# Three masters on free loopback ports (each also needs its bus port, port + 10000); the contract suite and the
# two-instance month simulation run against it too (ASSISTBOT_TEST_REDIS_CLUSTER).
cluster_ports=()
for _ in $(seq 1 200); do
  [ "${#cluster_ports[@]}" -ge 3 ] && break
  candidate=$((20000 + RANDOM % 30000))
  [ "$candidate" = "$port" ] && continue
  for taken in "${cluster_ports[@]}"; do [ "$taken" = "$candidate" ] && continue 2; done
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$((candidate + 10000))") 2>/dev/null; then
    cluster_ports+=("$candidate")
  fi
done
[ "${#cluster_ports[@]}" -eq 3 ] || { echo "no free ports for the Redis Cluster" >&2; exit 1; }
for p in "${cluster_ports[@]}"; do
  mkdir -p "$redis_dir/cluster-$p"
  redis-server --port "$p" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --cluster-enabled yes \
    --cluster-config-file "$redis_dir/cluster-$p/nodes.conf" --cluster-node-timeout 5000 \
    --pidfile "$redis_dir/cluster-$p/redis.pid" --logfile "$redis_dir/cluster-$p/redis.log" --dir "$redis_dir/cluster-$p"
done
stop_redis() {
  for p in "${cluster_ports[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
  redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$redis_dir"
}
for p in "${cluster_ports[@]}"; do
  for _ in $(seq 1 50); do [ "$(redis-cli -p "$p" ping 2>/dev/null)" = "PONG" ] && break; sleep 0.1; done
done
redis-cli --cluster create $(printf '127.0.0.1:%s ' "${cluster_ports[@]}") --cluster-replicas 0 --cluster-yes >"$redis_dir/cluster-create.log" 2>&1 \
  || { echo "redis-cli --cluster create failed" >&2; cat "$redis_dir/cluster-create.log" >&2; exit 1; }
cluster_ok=0
for _ in $(seq 1 300); do
  ok=0
  for p in "${cluster_ports[@]}"; do redis-cli -p "$p" cluster info 2>/dev/null | grep -q '^cluster_state:ok' && ok=$((ok + 1)); done
  [ "$ok" -eq 3 ] && { cluster_ok=1; break; }
  sleep 0.1
done
[ "$cluster_ok" = 1 ] || { echo "the Redis Cluster did not reach cluster_state:ok" >&2; exit 1; }
echo "Redis Cluster on $(printf '127.0.0.1:%s,' "${cluster_ports[@]}" | sed 's/,$//')"

export ASSISTBOT_TEST_REDIS="127.0.0.1:$port"
ASSISTBOT_TEST_REDIS_CLUSTER=$(printf '127.0.0.1:%s,' "${cluster_ports[@]}" | sed 's/,$//')
export ASSISTBOT_TEST_REDIS_CLUSTER
ASSISTBOT_REDIS_SERVER=$(command -v redis-server)
export ASSISTBOT_REDIS_SERVER
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== dotnet test"
log=$(mktemp)
set +e
# ASSISTBOT_TEST_FILTER narrows the run, e.g. 'Category!=HeldOut' while tuning (the held-out policy set is the lead's).
dotnet test AssistBot.sln --logger "console;verbosity=normal" ${ASSISTBOT_TEST_FILTER:+--filter "$ASSISTBOT_TEST_FILTER"} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

if [ "$status" -eq 0 ]; then
  echo "== load harness smoke run (WeChat hot path, embedded and Redis)"
  set +e
  dotnet build -v q --nologo tests/AssistBot.LoadTest >/dev/null && dotnet run --no-build --project tests/AssistBot.LoadTest -- --smoke --storage both --redis "$ASSISTBOT_TEST_REDIS"
  smoke=$?
  set -e
  if [ "$smoke" -ne 0 ]; then echo "Load harness smoke run failed." >&2; status=$smoke; fi
fi

if [ "$status" -eq 0 ]; then
  echo "== reminder sweep smoke run (20,000 synthetic loans on Redis: pointers claimed, a re-run that must claim nothing, then all expanded into messages)"
  set +e
  dotnet build -v q --nologo tests/AssistBot.Benchmarks >/dev/null && dotnet run --no-build --project tests/AssistBot.Benchmarks -- sweep --smoke --redis "$ASSISTBOT_TEST_REDIS"
  smoke=$?
  set -e
  if [ "$smoke" -ne 0 ]; then echo "Reminder sweep smoke run failed." >&2; status=$smoke; fi
fi

redis_ran=$(grep -E '^[[:space:]]+Passed AssistBot\.Bot\.Tests\.Storage\.Redis' "$log" | grep -cv 'Storage\.RedisCluster' || true)
cluster_ran=$(grep -cE '^[[:space:]]+Passed AssistBot\.Bot\.Tests\.Storage\.RedisCluster' "$log" || true)
echo "== Redis contract tests passed: $redis_ran"
echo "== Redis Cluster contract tests passed: $cluster_ran"
# One closing line for CI: the sum of every test project's "Passed: N" / "Failed: N" / "Skipped: N" lines.
awk '
  /^[[:space:]]*Passed:[[:space:]]*[0-9]+[[:space:]]*$/  { p += $2 }
  /^[[:space:]]*Failed:[[:space:]]*[0-9]+[[:space:]]*$/  { f += $2 }
  /^[[:space:]]*Skipped:[[:space:]]*[0-9]+[[:space:]]*$/ { s += $2 }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
if [ "$status" -ne 0 ]; then exit "$status"; fi
if [ "$redis_ran" -eq 0 ]; then echo "The Redis contract tests did not run." >&2; exit 1; fi
if [ "$cluster_ran" -eq 0 ]; then echo "The Redis Cluster contract tests did not run." >&2; exit 1; fi
