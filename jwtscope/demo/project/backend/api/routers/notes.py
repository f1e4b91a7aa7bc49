"""Notes, kept in memory for the demo."""

from uuid import uuid4

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from api.auth import get_user_id

router = APIRouter(prefix="/notes", tags=["notes"])
NOTES: dict[str, dict] = {}


class NoteIn(BaseModel):
    text: str


@router.post("")
def create_note(body: NoteIn, user_id: int = Depends(get_user_id)) -> dict:
    note = {"id": str(uuid4()), "owner_id": user_id, "text": body.text}
    NOTES[note["id"]] = note
    return note


@router.get("/{note_id}")
def get_note(note_id: str, user_id: int = Depends(get_user_id)) -> dict:
    note = NOTES.get(note_id)
    if note is None:
        raise HTTPException(404, "Not found")
    return note


@router.put("/{note_id}")
def update_note(note_id: str, body: NoteIn, user_id: int = Depends(get_user_id)) -> dict:
    note = NOTES.get(note_id)
    if note is None or note["owner_id"] != user_id:
        raise HTTPException(404, "Not found")
    note["text"] = body.text
    return note
