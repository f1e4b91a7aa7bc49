"""Ownership judged by sibling routes: on one resource, a write route behind the same
user dependency checks the record's owner and another does not (the model unread)."""

from __future__ import annotations

from audit.test_audit_snippets import run

APP = """
from fastapi import Depends, FastAPI
from app.models import Hero  # not in the tree: whether Hero has an owner is unknown
from app import crud
from app.authz import is_authorized
from app.deps import get_current_user

app = FastAPI()
GATE = ["admin", "manager"]


@app.put("/heroes/{hero_id}")
async def update_hero(hero_id: int, current_user=Depends(get_current_user(roles=GATE))):
    hero = await crud.hero.get(id=hero_id)
    if not is_authorized(current_user, "update", hero):
        raise PermissionError("not yours")
    return hero


@app.delete("/heroes/{hero_id}")
async def remove_hero(hero_id: int, current_user=Depends(DELETE_GATE)):
    hero = await crud.hero.get(id=hero_id)
    REMOVE
    return await crud.hero.remove(id=hero_id)
"""

DEPS = """
import jwt
def get_current_user(roles=()):
    def dep(token: str):
        return jwt.decode(token, "k" * 40, algorithms=["HS256"])
    return dep
"""


def _missing(tmp_path, gate: str, remove: str) -> list[tuple[int, str]]:
    text = APP.replace("DELETE_GATE", gate).replace("REMOVE", remove)
    result = run(tmp_path, {"app/main.py": text, "app/deps.py": DEPS})
    return [(f.line, f.detail) for f in result.findings if f.code == "AUDIT-OWNERSHIP-MISSING"]


def test_a_delete_without_the_owner_check_its_update_sibling_makes_is_reported(tmp_path):
    found = _missing(tmp_path, "get_current_user(roles=GATE)", "pass")
    assert [line for line, _ in found] == [21]
    assert "update_hero" in found[0][1] and "app/main.py:11" in found[0][1]


def test_the_same_check_on_the_delete_is_silent(tmp_path):
    check = "assert is_authorized(current_user, 'delete', hero)"
    assert _missing(tmp_path, "get_current_user(roles=GATE)", check) == []


def test_a_stricter_gate_on_the_delete_is_silent(tmp_path):
    assert _missing(tmp_path, 'get_current_user(roles=["admin"])', "pass") == []
