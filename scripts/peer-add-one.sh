#!/usr/bin/env bash
# Times Broadsheet's rebuild after adding one article against the peer's cold build (Hugo +
# Pagefind, as ../shared/bench/peer-vs-broadsheet.sh runs it), alternating, in one run.
# usage: scripts/peer-add-one.sh INBOX [RUNS]   (run from the project's root after npm ci)
set -euo pipefail
inbox=$(cd "$1" && pwd); runs=${2:-3}
root=$(pwd)
peer=${PEER_BENCH_DIR:-$root/../shared/bench}
command -v hugo >/dev/null || { echo "hugo is missing: apt-get install -y hugo" >&2; exit 2; }
pagefind=$root/node_modules/.bin/pagefind
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 "$peer/hugo-site.py" "$inbox" "$work/hugo"
cp -R "$inbox" "$work/inbox"
measure() { # label, command...
  local label=$1; shift
  local t=$work/time.$label
  /usr/bin/time -f '%e %U %S %M %x' -o "$t" "$@" >"$work/log.$label" 2>&1 || true
  read -r wall user sys rss code < <(tail -n 1 "$t") || true
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v c="$code" \
    'BEGIN { printf "%-11s wall %7.2f s  cpu %7.2f s  peak %6.0f MB  exit %s\n", l, w, u + s, r / 1024, c }'
  echo "$wall" >>"$work/walls.$label"
}
build=(node bin/broadsheet.js build --inbox "$work/inbox" --articles "$work/articles" --out "$work/site" --quiet)
echo "cold build of Broadsheet first (not timed)"; "${build[@]}" >/dev/null 2>&1 || true
for i in $(seq "$runs"); do
  rm -rf "$work/hugo/public"
  measure peer-cold bash -c "cd '$work/hugo' && hugo --quiet && '$pagefind' --site public >/dev/null"
  node --import tsx -e "
    const { generateArticle } = await import('$root/src/bench/generate-archive.ts');
    const { createVocabulary } = await import('$root/src/bench/vocabulary.ts');
    const fs = await import('node:fs');
    const a = generateArticle(createVocabulary('peer-add-one'), { layout: 'flat', seed: 'peer-add-one' }, $i);
    // Dated as a new article: the inbox's newest date (its present), or now when it has none.
    const dates = fs.existsSync('$work/inbox/meta.jsonl') ? fs.readFileSync('$work/inbox/meta.jsonl', 'utf8').split('\\n').filter(Boolean).map((line) => JSON.parse(line).date).filter(Boolean).sort() : [];
    a.meta.file = 'added-$i.txt'; a.meta.date = dates.at(-1) ?? new Date().toISOString();
    fs.writeFileSync('$work/inbox/added-$i.txt', a.text);
    fs.appendFileSync('$work/inbox/meta.jsonl', JSON.stringify(a.meta) + '\n');"
  measure add-one "${build[@]}"
done
paste "$work/walls.add-one" "$work/walls.peer-cold" | awk '{ printf "%.4f\n", $1 / $2 }' | sort -n |
  awk '{ r[NR] = $1 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    printf "median wall ratio broadsheet add-one / peer cold: %.2f\n", m }'
