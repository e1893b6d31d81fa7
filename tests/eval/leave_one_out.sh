#!/usr/bin/env bash
# Validation for the labelled-question model without touching a judge set: for each named set, a copy of the packs gets
# a bank without that set (and without the judges), and the set is scored against it. Sets in the bank answer
# themselves almost perfectly, so only this kind of figure says how the engine does on questions it has not learned.
#
#   tests/eval/leave_one_out.sh [--explain] fresh5 fresh6 fresh7 fresh8      # prints each fold's summary lines
#
# BIN (default /tmp/assistbot-loo) is where the bot is built; OUT (default /tmp/assistbot-loo-out) keeps each fold's
# full eval output (fold-NAME.txt) for reading the misses.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${BIN:-/tmp/assistbot-loo}
out=${OUT:-/tmp/assistbot-loo-out}
extra=()
if [[ "${1:-}" == "--explain" ]]; then extra=(--explain); shift; fi
[[ $# -gt 0 ]] || { echo "usage: $0 [--explain] SET..." >&2; exit 2; }
dotnet build -c Release "$root/bot" -o "$bin" -v q -nologo > "$out.build.log" 2>&1 || { grep -m5 error "$out.build.log" >&2; exit 1; }
mkdir -p "$out"
for set in "$@"; do
  fold="$out/fold-$set"
  rm -rf "$fold" && mkdir -p "$fold" && cp -r "$root/knowledge/data/packs" "$fold/packs"
  python3 "$here/make_labelled_questions.py" --leave-out "$set" --packs "$fold/packs" >/dev/null
  files=("$here"/policy-qa-"$set"-*.jsonl "$here"/policy-conversations-"$set"-*.jsonl)
  (cd "$fold" && Knowledge__PacksDirectory="$fold/packs" dotnet "$bin/AssistBot.Bot.dll" eval --min 0 "${extra[@]}" "${files[@]}" > "$out/fold-$set.txt" 2>&1) || true
  echo "== $set"
  grep -E '^(== |   correct|   turns|[^ ].*\.jsonl)' "$out/fold-$set.txt" | grep -vE '^(PASS|FAIL)' || tail -5 "$out/fold-$set.txt"
done
