"""Score the source audit against the evaluation corpus's expert ground truth.

Each project under ``tests/corpus/<owner>__<name>/`` holds a byte-exact copy of a public
project's files (``src/``), its ``LICENSE``, ``SOURCE`` and ``truth.json``: every route
with the expert verdict (``protected`` / ``public`` / ``unprotected``, or ``conditional``:
protected only once something is configured, open with the default configuration — the
right answer is ``unknown`` with a reason that says it depends on configuration) and the defects
with the finding code expected. ``kind: "advisory"`` marks a true observation that is
not a defect: reporting it is not a false positive, missing it is not a miss.

A public route with ``intent_not_in_code`` (and why) is public by the expert's judgement
of what it does (a demo endpoint, an intent stated only in a comment or an external
spec), with no convention or declaration the audit reads that could tell it from a
route the project means to protect: calling it "unprotected" is a true fact, counted
apart (``public?->unprotected``), and its AUDIT-ROUTE-UNPROTECTED finding is an advisory.

Used by ``bench/corpus_score.py`` (prints the numbers) and ``test_corpus_floor.py``
(holds the floor).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jwtscope.audit import audit_project

CORPUS = Path(__file__).resolve().parent
# A fixed clock: leaked tokens' exp is judged against it, so the score never drifts.
FIXED_NOW = 1_780_000_000.0
LINE_SLACK = 3

# The route outcomes printed, in order: (key, label).
ROUTE_OUTCOMES = (
    ("correct", "correct"),
    ("protected->unprotected", "protected called unprotected"),
    ("unprotected->protected", "unprotected called protected (missed holes)"),
    ("public->protected", "public called protected (overclaimed protection)"),
    ("public->unprotected", "public called unprotected (false alarm)"),
    (
        "public?->unprotected",
        "intended public, but nothing the audit reads says so, called unprotected (accepted)",
    ),
    ("unprotected->public", "unprotected called public (missed holes)"),
    ("protected->public", "protected called public"),
    ("conditional->protected", "open by default (auth off until configured) called protected"),
    ("conditional->public", "open by default called public"),
    ("conditional->unprotected", "open by default called unprotected"),
    ("unknown", "unknown"),
    ("missing", "in the truth, not in the route table"),
    ("extra", "in the route table, not in the truth"),
)


@dataclass
class ProjectScore:
    """One project's score: route outcomes and defect matches.

    Args:
        name: the corpus folder's name (``owner__name``).
        routes: route outcome → count (keys of :data:`ROUTE_OUTCOMES`).
        route_misses: one line per route that is not ``correct``.
        defects_expected: truth entries of kind ``defect``.
        defects_found: those matched by a reported finding.
        reported: findings the audit reported.
        reported_true: reported findings matching a truth entry (defect or advisory).
        false_findings: one line per reported finding matching no truth entry.
        missed_defects: one line per truth defect not reported.
    """

    name: str
    routes: Counter[str] = field(default_factory=Counter)
    route_misses: list[str] = field(default_factory=list)
    defects_expected: int = 0
    defects_found: int = 0
    reported: int = 0
    reported_true: int = 0
    false_findings: list[str] = field(default_factory=list)
    missed_defects: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Reported findings that are true, over all reported (1.0 when none reported)."""
        return self.reported_true / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        """Truth defects reported, over all truth defects (1.0 when none expected)."""
        return self.defects_found / self.defects_expected if self.defects_expected else 1.0

    def add(self, other: ProjectScore) -> None:
        """Add another project's counts to this one (for the total)."""
        self.routes.update(other.routes)
        self.defects_expected += other.defects_expected
        self.defects_found += other.defects_found
        self.reported += other.reported
        self.reported_true += other.reported_true


def projects() -> list[Path]:
    """Every corpus project folder (those with a ``truth.json``), sorted."""
    return sorted(p.parent for p in CORPUS.glob("*/truth.json"))


def load_truth(project: Path) -> dict[str, Any]:
    """The project's ``truth.json``."""
    truth: dict[str, Any] = json.loads((project / "truth.json").read_text(encoding="utf-8"))
    return truth


#: How the audit says a route's protection depends on the configuration.
CONFIG_REASON = "depends on configuration"


def _route_outcome(
    expected: str, reported: str | None, reason: str = "", *, unseen: bool = False
) -> str:
    if reported is None:
        return "missing"
    if unseen and expected == "public" and reported == "unprotected":
        return "public?->unprotected"
    if reported == "unknown" and expected == "conditional" and reason.startswith(CONFIG_REASON):
        return "correct"
    if reported == "unknown":
        return "unknown"
    return "correct" if reported == expected else f"{expected}->{reported}"


def _score_routes(score: ProjectScore, truth: dict[str, Any], result: Any) -> None:
    reported = {(r.method, r.path): r.status.value for r in result.routes}
    reasons = {(r.method, r.path): r.reason for r in result.routes}
    expected = {(r["method"], r["path"]): r["verdict"] for r in truth["routes"]}
    unseen = {(r["method"], r["path"]) for r in truth["routes"] if "intent_not_in_code" in r}
    for key, verdict in sorted(expected.items()):
        outcome = _route_outcome(
            verdict, reported.get(key), reasons.get(key, ""), unseen=key in unseen
        )
        score.routes[outcome] += 1
        if outcome != "correct":
            score.route_misses.append(f"{outcome}: {key[0]} {key[1]}")
    for key in sorted(set(reported) - set(expected)):
        score.routes["extra"] += 1
        score.route_misses.append(f"extra: {key[0]} {key[1]} ({reported[key]})")


def _matches(entry: dict[str, Any], code: str, path: str, line: int) -> bool:
    return (
        entry["code"] == code
        and entry["file"] == path
        and abs(int(entry["line"]) - line) <= LINE_SLACK
    )


def _score_defects(score: ProjectScore, truth: dict[str, Any], result: Any) -> None:
    entries: list[dict[str, Any]] = truth["defects"]
    found: set[int] = set()
    for finding in result.findings:
        score.reported += 1
        where = (finding.code, finding.path, finding.line)
        hits = [i for i, e in enumerate(entries) if _matches(e, *where)]
        if hits:
            score.reported_true += 1
            found.update(hits)
        else:
            score.false_findings.append(f"{finding.code} {finding.path}:{finding.line}")
    for i, entry in enumerate(entries):
        if entry.get("kind", "defect") != "defect":
            continue
        score.defects_expected += 1
        if i in found:
            score.defects_found += 1
        else:
            score.missed_defects.append(f"{entry['code']} {entry['file']}:{entry['line']}")


def score_project(project: Path) -> ProjectScore:
    """Audit one corpus project (no git, fixed clock) and score it against its truth."""
    truth = load_truth(project)
    result = audit_project(project / "src", git=False, now=FIXED_NOW)
    score = ProjectScore(name=project.name)
    _score_routes(score, truth, result)
    _score_defects(score, truth, result)
    return score


def score_corpus() -> tuple[list[ProjectScore], ProjectScore]:
    """Score every project; returns the per-project scores and their total."""
    scores = [score_project(p) for p in projects()]
    total = ProjectScore(name="TOTAL")
    for s in scores:
        total.add(s)
    return scores, total


def format_score(score: ProjectScore, *, details: bool = True) -> str:
    """One project's (or the total's) score as plain text."""
    lines = [f"{score.name}", f"  routes ({sum(score.routes.values())}):"]
    for key, label in ROUTE_OUTCOMES:
        if key == "correct" or score.routes[key]:
            lines.append(f"    {score.routes[key]:3d}  {label}")
    lines.append(
        f"  defects: precision {score.precision:.2f} "
        f"({score.reported_true}/{score.reported} reported are true), "
        f"recall {score.recall:.2f} ({score.defects_found}/{score.defects_expected} found)"
    )
    if details:
        lines += [f"    route  {m}" for m in score.route_misses]
        lines += [f"    false  {m}" for m in score.false_findings]
        lines += [f"    missed {m}" for m in score.missed_defects]
    return "\n".join(lines)
