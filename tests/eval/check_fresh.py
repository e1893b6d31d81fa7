#!/usr/bin/env python3
"""Check a fresh single-county evaluation set against the packs and the vocabulary (labels only, no bot).

    python3 tests/eval/check_fresh.py --county xinfeng \
        tests/eval/policy-qa-fresh-xinfeng.jsonl tests/eval/policy-conversations-fresh-xinfeng.jsonl

Checks: every line parses; ids are unique; styles, topics and aspects come from the vocabulary; every expected,
accepted or chosen entry id exists and can answer in the asking county (its own pack plus the national pack minus
what that pack overrides, or the other county's pack when the question or an earlier turn names that county);
must_include groups are non-empty lists; conversations have 2-4 turns; and every topic x aspect cell that an entry
answering in the county declares has at least --min phrasings among that county's own (not cross-county) single
questions. A "fallback" about a policy no vocabulary topic names (残疾人两项补贴) may carry topic and aspect null; it has
no cell. Prints counts by style and by cell, never questions. Exits 1 on any problem.
"""
import argparse
import collections
import glob
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PACKS = os.path.join(ROOT, "knowledge", "data", "packs")
VOCAB = os.path.join(ROOT, "knowledge", "data", "vocab")
COUNTY_NAMES = {"xinfeng": "信丰", "yuzhou": "禹州"}
SPECIAL = {"fallback", "clarify"}
STYLES = {"plain", "colloquial", "dialect", "voice", "typo", "traditional", "yesno", "multi", "crosscounty", "outofscope"}
NO_CELL_STYLES = {"multi", "outofscope"}


def as_list(value):
    return value if isinstance(value, list) else [value]


def load_packs():
    packs = {}
    for manifest in glob.glob(os.path.join(PACKS, "*", "pack.yaml")):
        with open(manifest, encoding="utf-8") as f:
            county = yaml.safe_load(f)["county"]
        entries = []
        for path in sorted(glob.glob(os.path.join(os.path.dirname(manifest), "entries", "*.yaml"))):
            with open(path, encoding="utf-8") as f:
                entries += (yaml.safe_load(f) or {}).get("entries") or []
        packs[county] = {e["id"]: e for e in entries}
    national = packs.pop("national")
    answering = {}
    for county, own in packs.items():
        overridden = {o for e in own.values() for o in as_list(e.get("overrides") or [])}
        answering[county] = {**{k: v for k, v in national.items() if k not in overridden}, **own}
    return answering


def load_vocab():
    with open(os.path.join(VOCAB, "topics.yaml"), encoding="utf-8") as f:
        topics = {t["id"] for t in yaml.safe_load(f)["topics"]}
    with open(os.path.join(VOCAB, "aspects.yaml"), encoding="utf-8") as f:
        aspects = {a["id"] if isinstance(a, dict) else a for a in yaml.safe_load(f)["aspects"]}
    return topics, aspects


def read_jsonl(path, problems):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                problems.append(f"{os.path.basename(path)}:{n}: not JSON ({e})")
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--county", required=True)
    parser.add_argument("--min", type=int, default=3, help="phrasings per declared cell")
    parser.add_argument("singles")
    parser.add_argument("conversations")
    args = parser.parse_args()

    answering = load_packs()
    topics, aspects = load_vocab()
    problems = []
    singles = read_jsonl(args.singles, problems)
    conversations = read_jsonl(args.conversations, problems)

    def named_in(text):
        return {c for c, name in COUNTY_NAMES.items() if name in text}

    def check_labels(case_id, county, turn, named):
        allowed = set().union(*(answering[c].keys() for c in named | {county}))
        ids = [turn.get("expect"), *turn.get("accept", [])]
        if turn.get("choose"):
            ids.append(turn["choose"])
        for entry_id in ids:
            if entry_id in SPECIAL:
                continue
            if entry_id not in allowed:
                problems.append(f"{case_id}: '{entry_id}' cannot answer in {sorted(named | {county})}")
        for group in turn.get("must_include", []):
            if not isinstance(group, list) or not group or not all(isinstance(s, str) and s for s in group):
                problems.append(f"{case_id}: must_include groups must be non-empty lists of strings")
        if not all(isinstance(s, str) and s for s in turn.get("must_not_include", [])):
            problems.append(f"{case_id}: must_not_include must be a list of strings")
        if turn.get("choose") and "expect" not in turn:
            problems.append(f"{case_id}: a choose turn needs an expect")

    ids = collections.Counter(r.get("id") for r in singles) + collections.Counter(c.get("id") for c in conversations)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]

    cells = collections.Counter()
    for row in singles:
        rid = row.get("id")
        for key in ("id", "county", "question", "expect", "style"):
            if key not in row:
                problems.append(f"{rid}: missing {key}")
        if row.get("county") != args.county:
            problems.append(f"{rid}: county {row.get('county')} (expected {args.county})")
        if row.get("style") not in STYLES:
            problems.append(f"{rid}: unknown style {row.get('style')}")
        # An honest "not in our documents" about a policy the vocabulary has no topic for (残疾人两项补贴) has no cell.
        unnamed_fallback = row.get("expect") == "fallback" and row.get("topic") is None and row.get("aspect") is None
        special = row.get("style") in NO_CELL_STYLES or row.get("expect") == "clarify" or unnamed_fallback
        if special:
            if row.get("topic") is not None or row.get("aspect") is not None:
                problems.append(f"{rid}: multi/out-of-scope/clarify cases carry topic and aspect null")
        else:
            if row.get("topic") not in topics:
                problems.append(f"{rid}: unknown topic {row.get('topic')}")
            if row.get("aspect") not in aspects:
                problems.append(f"{rid}: unknown aspect {row.get('aspect')}")
        named = named_in(row.get("question", ""))
        if row.get("style") == "crosscounty" and not (named - {args.county}):
            problems.append(f"{rid}: cross-county case does not name the other county")
        if row.get("style") != "crosscounty" and named - {args.county}:
            problems.append(f"{rid}: names another county but is not styled crosscounty")
        check_labels(rid, args.county, row, named)
        if not special and row.get("style") != "crosscounty" and row.get("topic") in topics and row.get("aspect") in aspects:
            cells[(row.get("topic"), row.get("aspect"))] += 1

    for conv in conversations:
        cid = conv.get("id")
        if conv.get("county") != args.county:
            problems.append(f"{cid}: county {conv.get('county')} (expected {args.county})")
        turns = conv.get("turns", [])
        if not 2 <= len(turns) <= 4:
            problems.append(f"{cid}: {len(turns)} turns (2-4 expected)")
        named = set()
        for n, turn in enumerate(turns, 1):
            if "question" not in turn or "expect" not in turn:
                problems.append(f"{cid} turn {n}: needs question and expect")
            named |= named_in(turn.get("question", ""))
            check_labels(f"{cid} turn {n}", args.county, turn, named)

    declared = collections.defaultdict(list)
    for entry_id, entry in answering[args.county].items():
        for topic in as_list(entry.get("topic")):
            for aspect in entry.get("aspects") or []:
                declared[(topic, aspect)].append(entry_id)
    for cell in sorted(declared):
        if cells[cell] < args.min:
            problems.append(f"cell {cell[0]} x {cell[1]} (declared by {', '.join(declared[cell])}): "
                            f"{cells[cell]} phrasings, fewer than {args.min}")

    styles = collections.Counter(r.get("style") for r in singles)
    expects = collections.Counter("fallback" if r.get("expect") == "fallback" else
                                  "clarify" if r.get("expect") == "clarify" else "entry" for r in singles)
    print(f"single questions: {len(singles)} ({dict(expects)}); conversations: {len(conversations)}, "
          f"turns: {sum(len(c.get('turns', [])) for c in conversations)}")
    print("by style: " + ", ".join(f"{s} {styles[s]} ({100 * styles[s] / max(1, len(singles)):.0f}%)"
                                   for s in sorted(STYLES, key=lambda s: -styles[s])))
    print(f"declared cells: {len(declared)}; cells with questions: {len(cells)}; "
          f"undeclared cells asked: {sorted(f'{t}x{a}' for t, a in cells if (t, a) not in declared)}")
    for cell in sorted(cells):
        print(f"  {cell[0]} x {cell[1]}: {cells[cell]}{'' if cell in declared else '  (not declared by any entry)'}")
    for p in problems:
        print("PROBLEM", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
