#!/usr/bin/env python3
"""Seed each county pack's labelled-questions.yaml from the evaluation sets that are tuning data.

    python3 tests/eval/make_labelled_questions.py            # writes knowledge/data/packs/*/labelled-questions.yaml
    python3 tests/eval/make_labelled_questions.py --leave-out fresh8 --packs /tmp/fold/packs
                                                             # a validation bank without a set (tests/eval/leave_one_out.sh)

A labelled question is a farmer's or cadre's wording with the entry that answers it (or `fallback` / `clarify`). The
answerer learns from them (naive Bayes over characters) and answers a question its rules would not, when the labelled
questions most like it agree (knowledge/Understanding/LabelledQuestionModel.cs). Only sets that no longer judge an
engine are read: the judge sets (JUDGES below) must never be added, or their score says nothing.
Single questions and the first turn of each conversation are used (later turns depend on what was said before).
A question goes to the pack of the county whose entry answers it; a national answer to a question naming the other
county goes to that county's pack; fallback, clarify and national answers otherwise to the asking county's pack.
Labels that no longer answer in that pack (an entry removed or replaced by a county one) are left out and counted.
"""
import argparse, glob, json, os, sys, collections
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PACKS = os.path.join(ROOT, "knowledge", "data", "packs")
JUDGES = ("fresh42",)
PACK_OF = {"xinfeng": "xinfeng-2024", "yuzhou": "yuzhou-2023"}
NAMES = {"xinfeng": ("信丰",), "yuzhou": ("禹州",)}
SPECIAL = ("fallback", "clarify")


def answerable(pack, packs=PACKS):
    """Entry ids that answer in a county pack: its own plus the national ones it does not override."""
    own, overridden = set(), set()
    for f in glob.glob(os.path.join(packs, pack, "entries", "*.yaml")):
        for e in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("entries") or []:
            own.add(e["id"]); overridden.update(e.get("overrides") or [])
    national = set()
    for f in glob.glob(os.path.join(packs, "national", "entries", "*.yaml")):
        for e in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("entries") or []:
            national.add(e["id"])
    return own | (national - overridden)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leave-out", nargs="*", default=[], help="sets kept out of the bank too (validation folds)")
    parser.add_argument("--packs", default=PACKS, help="packs directory to write into (default: the repository's)")
    args = parser.parse_args()
    excluded = tuple(JUDGES) + tuple(args.leave_out)
    files = sorted(f for f in glob.glob(os.path.join(HERE, "*.jsonl")) if not any(j + "-" in os.path.basename(f) for j in excluded))
    valid = {c: answerable(p, args.packs) for c, p in PACK_OF.items()}
    bank = {c: collections.defaultdict(list) for c in PACK_OF}
    dropped = collections.Counter()
    for path in files:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            case = json.loads(line)
            asking = case.get("county")
            if asking not in PACK_OF:
                continue
            if "turns" in case:
                case = dict(case["turns"][0], county=asking)
            label, question = case.get("expect"), case.get("question", "").strip()
            if not label or not question:
                continue
            county = asking
            if label.startswith("xf-"):
                county = "xinfeng"
            elif label.startswith("yz-"):
                county = "yuzhou"
            else:
                other = [c for c in PACK_OF if c != asking and any(n in question for n in NAMES[c])]
                if other and label not in SPECIAL:
                    county = other[0]
            if label not in SPECIAL and label not in valid[county]:
                dropped[label] += 1
                continue
            if question not in bank[county][label]:
                bank[county][label].append(question)
    for county, by_label in bank.items():
        out = os.path.join(args.packs, PACK_OF[county], "labelled-questions.yaml")
        with open(out, "w", encoding="utf-8") as f:
            f.write("# 农户和干部的真实问法，每组写明该由哪一条政策回答（条目 id；fallback = 文件里没有、如实说不知道；clarify = 问得太笼统、要反问）。\n"
                    "# 规则没读懂的问题，问答会参考这里最像的问法来回答（见 knowledge/data/packs/README.md“问法样本”）。\n"
                    "# 可以直接在对应的 id 下面加一行新的问法；id 写错或条目已删，`knowledge check` 会报出文件和行号。\n"
                    "# 初版由 tests/eval/make_labelled_questions.py 从已用于调优的评测集生成（不含正在做评判的集合）。\n")
            yaml.safe_dump({"questions": {k: by_label[k] for k in sorted(by_label)}}, f, allow_unicode=True,
                           sort_keys=False, width=1000, default_flow_style=False)
        print(f"{out}: {sum(len(v) for v in by_label.values())} questions, {len(by_label)} labels")
    if dropped:
        print("left out (label no longer answers in that pack):", dict(dropped))


if __name__ == "__main__":
    main()
