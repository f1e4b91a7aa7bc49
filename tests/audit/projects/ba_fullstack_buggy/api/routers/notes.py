"""Notes of the signed-in user."""

from typing import Annotated

from fastapi import APIRouter, Depends

from api.auth import current_user

router = APIRouter(prefix="/notes", tags=["notes"])
User = Annotated[dict, Depends(current_user)]
NOTES: dict[str, list[str]] = {}


@router.get("")
def list_notes(user: User) -> list[str]:
    return NOTES.get(user["sub"], [])


@router.delete("/{note_id}")
def delete_note(note_id: int, user: User) -> None:
    NOTES.get(user["sub"], []).pop(note_id)
