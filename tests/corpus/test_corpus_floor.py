"""The evaluation corpus's floor: the audit's score on real public projects never slides back.

The numbers are today's (see ``bench/corpus_score.py``); when the audit improves,
raise the floor here in the same commit.
"""

from __future__ import annotations

import pytest
from corpus.corpus_scoring import ProjectScore, format_score, projects, score_corpus

# Per project: the route outcomes allowed at most (bad ones) or at least ("correct"), and
# the findings: true ones reported at least, false ones at most, truth defects found at least.
FLOOR: dict[str, dict[str, int]] = {
    "fastapi__full-stack-fastapi-template": {
        "correct": 23,
        "public->protected": 0,
        "public->unprotected": 0,
        "unknown": 0,
        "reported_true": 9,
        "false_findings": 0,
        "defects_found": 1,
    },
    "nsidnev__fastapi-realworld-example-app": {
        "correct": 18,
        "public->protected": 0,
        "public->unprotected": 1,
        "unknown": 0,
        "reported_true": 1,
        "false_findings": 1,
        "defects_found": 1,
    },
}
# Holes and hidden holes: never allowed, in any project.
NEVER = ("protected->unprotected", "unprotected->protected", "unprotected->public")
AT_LEAST = ("correct", "reported_true", "defects_found")


@pytest.fixture(scope="module")
def scores() -> dict[str, ProjectScore]:
    per_project, _total = score_corpus()
    return {s.name: s for s in per_project}


def _value(score: ProjectScore, key: str) -> int:
    if key == "reported_true":
        return score.reported_true
    if key == "false_findings":
        return len(score.false_findings)
    if key == "defects_found":
        return score.defects_found
    return score.routes[key]


def test_every_corpus_project_has_a_floor() -> None:
    assert sorted(p.name for p in projects()) == sorted(FLOOR)


@pytest.mark.parametrize("name", sorted(FLOOR))
def test_no_protected_route_called_unprotected(scores: dict[str, ProjectScore], name: str) -> None:
    score = scores[name]
    for key in NEVER:
        assert score.routes[key] == 0, format_score(score)
    assert score.routes["missing"] == 0 and score.routes["extra"] == 0, format_score(score)


@pytest.mark.parametrize("name", sorted(FLOOR))
def test_score_holds_the_floor(scores: dict[str, ProjectScore], name: str) -> None:
    score = scores[name]
    for key, bound in FLOOR[name].items():
        value = _value(score, key)
        if key in AT_LEAST:
            assert value >= bound, f"{key}: {value} < {bound}\n{format_score(score)}"
        else:
            assert value <= bound, f"{key}: {value} > {bound}\n{format_score(score)}"
