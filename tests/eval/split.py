#!/usr/bin/env python3
"""Split the policy evaluation set once into a tuning part and a held-out part, and check it.

    python3 tests/eval/split.py --from SINGLES.jsonl CONVERSATIONS.jsonl   # write the four files (done once)
    python3 tests/eval/split.py --check                                     # re-split and validate, change nothing

The split is stratified: single questions by topic x aspect (multi-topic, clarify and out-of-scope questions are
strata of their own), conversations by county. Inside a stratum the cases are shuffled with a fixed seed and
dealt to the two parts half and half, each case to the part that has fewer cases of its style so far (so each part
gets about half of every style too); when a stratum has an odd number of cases the extra one goes alternately to the
tuning and the held-out part.

--check merges the four committed files, splits them again and fails if the result differs from what is committed
(so nobody moves a case from one part to the other by hand). It also checks every label against the packs: each
expected or accepted entry id exists and is one the asking county can answer (its own pack, the national pack minus
what the county overrides, or the other county's pack when the question names that county), and that every
topic x aspect cell the packs answer has at least 8 phrasings. It prints counts only, never questions.
"""
import argparse
import collections
import glob
import json
import os
import random
import sys

import yaml

SEED = 20261204
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PACKS = os.path.join(ROOT, "knowledge", "data", "packs")
FILES = {
    "singles": ("policy-qa-tune.jsonl", "policy-qa-heldout.jsonl"),
    "conversations": ("policy-conversations-tune.jsonl", "policy-conversations-heldout.jsonl"),
}
COUNTY_NAMES = {"xinfeng": "信丰", "yuzhou": "禹州"}
SPECIAL = {"fallback", "clarify"}
STYLES = {"plain", "colloquial", "dialect", "voice", "typo", "traditional", "yesno", "multi", "crosscounty", "outofscope"}
MIN_PER_CELL = 8


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def stratum(row):
    if row["style"] in ("multi", "outofscope"):
        return row["style"]
    if row["expect"] == "clarify":
        return "clarify"
    return f'{row["topic"]}|{row["aspect"]}'


def split(rows, key):
    rng = random.Random(SEED)
    groups = collections.defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    tune, heldout, extra_to_tune = [], [], True
    style_counts = {True: collections.Counter(), False: collections.Counter()}  # True: tune
    for name in sorted(groups):
        items = sorted(groups[name], key=lambda r: r["id"])
        rng.shuffle(items)
        quota = {True: len(items) // 2, False: len(items) // 2}
        if len(items) % 2:
            quota[extra_to_tune] += 1
            extra_to_tune = not extra_to_tune
        for item in items:
            style = item.get("style", "")
            if quota[True] == 0 or quota[False] == 0:
                side = quota[True] > 0
            elif style_counts[True][style] != style_counts[False][style]:
                side = style_counts[True][style] < style_counts[False][style]
            else:
                side = rng.random() < 0.5
            quota[side] -= 1
            style_counts[side][style] += 1
            (tune if side else heldout).append(item)
    by_id = lambda r: r["id"]
    return sorted(tune, key=by_id), sorted(heldout, key=by_id)


def county_entries():
    """county -> ids it can answer from its own pack and the national pack (minus overrides)."""
    packs = {}
    for manifest in glob.glob(os.path.join(PACKS, "*", "pack.yaml")):
        folder = os.path.dirname(manifest)
        with open(manifest, encoding="utf-8") as f:
            meta = yaml.safe_load(f)
        entries = []
        for path in sorted(glob.glob(os.path.join(folder, "entries", "*.yaml"))):
            with open(path, encoding="utf-8") as f:
                entries += (yaml.safe_load(f) or {}).get("entries") or []
        packs[meta["county"]] = entries
    national = {e["id"] for e in packs.pop("national")}
    result = {}
    for county, entries in packs.items():
        own = {e["id"] for e in entries}
        overridden = {o for e in entries for o in (e.get("overrides") or [])}
        result[county] = own | (national - overridden)
    return result


def check_labels(singles, conversations):
    available = county_entries()
    problems = []

    def check(case_id, county, question, turn, named):
        ids = [turn["expect"], *turn.get("accept", [])]
        if turn.get("choose"):
            ids.append(turn["choose"])
        allowed = set().union(*(available[c] for c in named | {county}))
        for entry_id in ids:
            if entry_id in SPECIAL:
                continue
            if entry_id not in allowed:
                problems.append(f"{case_id}: '{entry_id}' cannot answer in {sorted(named | {county})}")
        for group in turn.get("must_include", []):
            if not isinstance(group, list) or not group:
                problems.append(f"{case_id}: must_include groups must be non-empty lists")

    for row in singles:
        if row["style"] not in STYLES:
            problems.append(f'{row["id"]}: unknown style {row["style"]}')
        named = {c for c, name in COUNTY_NAMES.items() if name in row["question"]}
        check(row["id"], row["county"], row["question"], row, named)
    for conv in conversations:
        if not 2 <= len(conv["turns"]) <= 4:
            problems.append(f'{conv["id"]}: {len(conv["turns"])} turns (2-4 expected)')
        named = set()
        for turn in conv["turns"]:
            named |= {c for c, name in COUNTY_NAMES.items() if name in turn["question"]}
            check(conv["id"], conv["county"], turn["question"], turn, named)
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--from", dest="sources", nargs=2, metavar=("SINGLES", "CONVERSATIONS"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    if args.sources:
        singles, conversations = read_jsonl(args.sources[0]), read_jsonl(args.sources[1])
    else:
        singles = [r for name in FILES["singles"] for r in read_jsonl(os.path.join(HERE, name))]
        conversations = [r for name in FILES["conversations"] for r in read_jsonl(os.path.join(HERE, name))]

    parts = {
        "singles": split(singles, stratum),
        "conversations": split(conversations, lambda c: c["county"]),
    }

    if args.check:
        failed = False
        for kind, (tune_name, heldout_name) in FILES.items():
            tune, heldout = parts[kind]
            if [r["id"] for r in tune] != [r["id"] for r in read_jsonl(os.path.join(HERE, tune_name))] or \
               [r["id"] for r in heldout] != [r["id"] for r in read_jsonl(os.path.join(HERE, heldout_name))]:
                print(f"{kind}: the committed split differs from the seeded split")
                failed = True
        problems = check_labels(singles, conversations)
        for p in problems:
            print(p)
        failed |= bool(problems)
        answered = {stratum(r) for r in singles if r["expect"] not in SPECIAL}
        sizes = collections.Counter(stratum(r) for r in singles)
        thin = {c: sizes[c] for c in answered if sizes[c] < MIN_PER_CELL}
        if thin:
            print("cells with fewer than 8 phrasings:", thin)
            failed = True
        if len(singles) < 500 or len(conversations) < 80:
            print(f"too few cases: {len(singles)} single questions, {len(conversations)} conversations")
            failed = True
        report(parts)
        sys.exit(1 if failed else 0)

    for kind, (tune_name, heldout_name) in FILES.items():
        tune, heldout = parts[kind]
        write_jsonl(os.path.join(HERE, tune_name), tune)
        write_jsonl(os.path.join(HERE, heldout_name), heldout)
    report(parts)


def report(parts):
    for kind, (tune, heldout) in parts.items():
        print(f"{kind}: tune {len(tune)}, held-out {len(heldout)}")
    tune, heldout = parts["singles"]
    styles = sorted({r["style"] for r in tune + heldout})
    print("style      " + " ".join(f"{s[:6]:>6}" for s in styles))
    for name, rows in (("tune", tune), ("held-out", heldout)):
        counts = collections.Counter(r["style"] for r in rows)
        print(f"{name:<10} " + " ".join(f"{counts[s]:>6}" for s in styles))
    cells = {stratum(r) for r in tune + heldout}
    print(f"strata: {len(cells)}; in both parts: {len({stratum(r) for r in tune} & {stratum(r) for r in heldout})}")


if __name__ == "__main__":
    main()
