#!/usr/bin/env bash
# Runs the shell in tmux at 60, 80 and 120 columns, as an official would use it (sign in, list the
# courses, open one, read a lesson with a table, the next one, start the pre-test, ask for help,
# answer, pause), and saves what each screen showed to OUT/shell-COLUMNS.txt.
# Usage: scripts/shell-in-tmux.sh [OUT]   (after swift build; OUT defaults to .build/tmux-screens)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/.build/tmux-screens}
binary=$root/.build/debug/papi-train
mkdir -p "$out"
for columns in 60 80 120; do
  session=papi-tmux-$$-$columns
  results=$(mktemp -d)
  tmux new-session -d -s "$session" -x "$columns" -y 50 -c "$root" \
    "NO_COLOR=1 XDG_STATE_HOME=$results/state $binary --results $results/Results; sleep 30"
  send() { tmux send-keys -t "$session" -l "$1"; tmux send-keys -t "$session" Enter; sleep 0.7; }
  sleep 1.5
  send "03390"; send "Lò Văn Tú"; send "c"; send "3"
  send "khoá học"; send "khoá học 3"; send "đọc 2"
  # Page through a long lesson.
  for _ in 1 2 3 4 5 6; do send ""; done
  send "bài tiếp"; for _ in 1 2 3 4 5 6; do send ""; done
  send "tien do"; send "kiem tra oss-pretest"; send "help"; send "a"; send "tạm dừng"
  send "quiz oss-pretest"; send "k"; send "quit"
  tmux capture-pane -p -S -3000 -t "$session" > "$out/shell-$columns.txt"
  tmux kill-session -t "$session"
  rm -rf "$results"
  python3 - "$columns" "$out/shell-$columns.txt" <<'PY'
import sys, unicodedata
width, path = int(sys.argv[1]), sys.argv[2]
lines = open(path, encoding="utf-8").read().splitlines()
def columns(text):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
wide = [line for line in lines if columns(line) > width]
print(f"{width} columns: {len(lines)} lines, {len(wide)} wider than the terminal")
PY
done
