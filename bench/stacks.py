"""Sum py-spy's collapsed stacks (``py-spy record -f raw``) by function: inclusive and own samples.

    python bench/stacks.py FILE [--top 40] [--match hotline/]
"""
from __future__ import annotations

import argparse
import collections
import sys


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("file")
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--match", default="", help="only frames whose text contains this")
    args = p.parse_args()
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    with open(args.file, encoding="utf-8") as fh:
        for line in fh:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            n = int(count)
            total += n
            frames = [f.rsplit(":", 1)[0] for f in stack.split(";")]   # drop line numbers
            for frame in set(frames):
                inclusive[frame] += n
            own[frames[-1]] += n
    print(f"{total} samples")
    for frame, n in inclusive.most_common():
        if args.match in frame:
            print(f"{100 * n / total:5.1f}% incl {100 * own[frame] / total:5.1f}% own  {frame}")
            args.top -= 1
            if not args.top:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
