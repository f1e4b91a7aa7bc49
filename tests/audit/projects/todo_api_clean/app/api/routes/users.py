"""The current user, and other users for admins."""

from fastapi import APIRouter, HTTPException

from app.api.deps import ActiveUser
from app.db import SessionDep
from app.models import User

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me")
def read_me(user: ActiveUser) -> User:
    return user


@router.get("/{user_id}")
def read_user(user_id: str, user: ActiveUser, db: SessionDep) -> User:
    if user_id != user.id and user.role != "admin":
        raise HTTPException(403, "Not allowed")
    found = db.get(User, user_id)
    if found is None:
        raise HTTPException(404, "Not found")
    return found
