#!/usr/bin/env bash
# Issue 2's client benchmarks, one after another on this machine:
#   1. 10,000 requests to /delay/1 all at once: wall time, failures, client peak RSS; over HTTP/1.1
#      (Netty, a connection per call), h2c (Netty, streams multiplexed; issue 13) and the JDK
#      transport, each in a JVM of its own; h2c once more with the client's heap capped at 64 MB;
#      then 100,000 at once over h2c
#   2. Salvo over the JDK transport vs the bare JDK transport at concurrency 64 (ratio of medians)
#   3. JMH: the dispatch path in ns per request
#   4. (only when asked for) wake: what one cross-thread wake-up costs here (issue 12's floor at c=1)
# Usage: bench/client.sh [all|allatonce|overhead|jmh|wake] [JMH benchmark regex, for jmh]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/benchmarks-java.sh
what="${1:-all}"
if [[ $what == all || $what == allatonce ]]; then
  for transport in netty netty-h2c jdk; do
    echo "== 10,000 × /delay/1 at once ($transport transport)"
    "${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.AllAtOnce 10000 /delay/1 $transport
  done
  # the same h2c run with the client's heap capped: what the client needs, where the default heap
  # (a quarter of the machine's memory) lets the JVM grow its young generation far past it
  echo "== 10,000 × /delay/1 at once (netty-h2c transport, client -Xmx64m)"
  "${JAVA[@]}" -Xmx64m -cp "$CP" dev.salvo.benchmarks.AllAtOnce 10000 /delay/1 netty-h2c
  echo "== 100,000 × /delay/1 at once (netty-h2c transport)"
  "${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.AllAtOnce 100000 /delay/1 netty-h2c
fi
if [[ $what == all || $what == overhead ]]; then
  for transport in jdk netty; do
    echo "== Salvo vs bare $transport transport, c=64, /get"
    "${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.OverheadRatio 64 5 5 /get $transport
  done
fi
if [[ $what == all || $what == jmh ]]; then
  echo "== JMH DispatchBenchmark"
  "${JAVA[@]}" -cp "$CP" org.openjdk.jmh.Main "${2:-DispatchBenchmark}" -rf text -rff /dev/null
fi
if [[ $what == wake ]]; then
  echo "== WakeCost (park/unpark ping-pong; a virtual thread and a Netty epoll event loop)"
  for round in 1 2 3; do
    "${JAVA[@]}" -cp "$CP" dev.salvo.benchmarks.WakeCost 50000
  done
fi
