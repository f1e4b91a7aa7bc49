"""Score `jwtscope audit` on the evaluation corpus of real public projects.

Not a test (pytest does not collect ``bench/``). Run it from the repository root::

    python bench/corpus_score.py [--brief]

For each project under ``tests/corpus/`` (byte-exact copies of public FastAPI projects
with an expert ``truth.json``) it runs ``audit_project(src, git=False, now=fixed)``,
matches routes by (method, path) and findings by (code, file, line ±3), and prints the
route outcomes and the findings' precision and recall, per project and in total. The
scoring is ``tests/corpus/corpus_scoring.py``, shared with ``test_corpus_floor.py``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus.corpus_scoring import format_score, score_corpus


def main() -> int:
    """Print the corpus score."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brief", action="store_true", help="counts only, no per-route lines")
    args = parser.parse_args()
    scores, total = score_corpus()
    for score in scores:
        print(format_score(score, details=not args.brief))
        print()
    print(format_score(total, details=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
