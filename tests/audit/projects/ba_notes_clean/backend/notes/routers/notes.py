"""Notes, kept in memory per user."""

from collections import defaultdict
from uuid import uuid4

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from notes.auth import Me

router = APIRouter(prefix="/notes", tags=["notes"])
NOTES: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)


class NoteIn(BaseModel):
    text: str


@router.get("")
def list_notes(me: Me) -> list[dict[str, str]]:
    return list(NOTES[me.sub].values())


@router.post("", status_code=201)
def create_note(body: NoteIn, me: Me) -> dict[str, str]:
    note = {"id": str(uuid4()), "owner_id": me.sub, "text": body.text}
    NOTES[me.sub][note["id"]] = note
    return note


@router.get("/{note_id}")
def get_note(note_id: str, me: Me) -> dict[str, str]:
    note = NOTES[me.sub].get(note_id)
    if note is None:
        raise HTTPException(404, "Not found")
    return note


@router.delete("/{note_id}", status_code=204)
def delete_note(note_id: str, me: Me) -> None:
    if NOTES[me.sub].pop(note_id, None) is None:
        raise HTTPException(404, "Not found")
