# Sourced by the on ÷ off scripts (politeness.sh, observability.sh): builds salvo-benchmarks and defines
# on_off CLASS OUTPUT [transport] [seconds per round] [rounds] [more arguments], which runs
# dev.salvo.benchmarks.CLASS (an AbRounds program) at c=64 on /get and writes its output, between lines with
# the time and load average before and after, to the terminal and docs/benchmarks/OUTPUT.
. bench/benchmarks-java.sh
on_off() {
  local class="$1" output="$2"
  mkdir -p docs/benchmarks
  {
    echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    "${JAVA[@]}" -cp "$CP" "dev.salvo.benchmarks.$class" 64 "${4:-5}" "${5:-5}" /get "${3:-netty}" "${@:6}"
    echo "# done $(date -u '+%H:%M UTC'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  } | tee "docs/benchmarks/$output"
}
