#!/usr/bin/env python3
"""Print the entries that can answer in a county, for people writing a fresh labelled set.

    python3 tests/eval/print_entries.py xinfeng        # or yuzhou

Prints id, topic, aspects, title, answer, how and source of the county's own entries and the national entries it does
not override. It never prints `keywords` or sample `questions`: a labeller who saw them would write the questions the
engine already knows, and the set would no longer say anything about the next farmer.
"""
import glob, os, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
PACKS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "knowledge", "data", "packs")
PACK_OF = {"xinfeng": "xinfeng-2024", "yuzhou": "yuzhou-2023"}
SHOWN = ("title", "answer", "how", "source")


def entries(pack):
    for path in sorted(glob.glob(os.path.join(PACKS, pack, "entries", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            yield from (yaml.safe_load(f) or {}).get("entries") or []


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in PACK_OF:
        sys.exit("usage: print_entries.py xinfeng|yuzhou")
    own = list(entries(PACK_OF[sys.argv[1]]))
    overridden = {i for e in own for i in e.get("overrides") or []}
    national = [e for e in entries("national") if e["id"] not in overridden]
    for e in own + national:
        print(f"== {e['id']}  topic={e.get('topic')}  aspects={','.join(e.get('aspects') or [])}")
        for field in SHOWN:
            if e.get(field):
                print(f"{field}: {str(e[field]).strip()}")
        print()


if __name__ == "__main__":
    main()
