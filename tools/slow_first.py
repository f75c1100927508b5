"""Write tests/slow_first.txt from the ``--durations`` lines of a whole pytest run (stdin):
each test's setup, call and teardown added up, the longest first.

    .venv/bin/python -m pytest -q -n 6 --durations=150 | .venv/bin/python tools/slow_first.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "slow_first.txt"
KEEP = 100
HEADER = """\
# The longest tests, longest first (tests/conftest.py runs them first, and make test hands the
# tests out two at a time: a long test started near the end no longer keeps one worker busy
# after the others have finished). Order only: a test missing here or a line naming a test
# that no longer exists changes nothing else. Refresh it from a whole run:
#   .venv/bin/python -m pytest -q -n 6 --durations=150 | .venv/bin/python tools/slow_first.py
"""
LINE = re.compile(r"^([\d.]+)s (?:setup|call|teardown)\s+(\S+)")


def main() -> None:
    took: Counter[str] = Counter()
    for line in sys.stdin:
        found = LINE.match(line)
        if found:
            took[found[2]] += float(found[1])
    if not took:
        sys.exit("slow_first: no --durations lines on stdin")
    OUT.write_text(HEADER + "".join(f"{test}\n" for test, _ in took.most_common(KEEP)))


if __name__ == "__main__":
    main()
