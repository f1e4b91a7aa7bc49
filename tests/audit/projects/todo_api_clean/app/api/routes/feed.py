"""The public feed: signed-in users also see their private items."""

from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import or_, select

from app.api.deps import get_optional_user
from app.db import SessionDep
from app.models import Todo, User

router = APIRouter(prefix="/public", tags=["feed"])


@router.get("/feed")
def feed(db: SessionDep, user: Annotated[User | None, Depends(get_optional_user)]) -> list[Todo]:
    stmt = select(Todo).limit(50)
    if user is not None:
        stmt = stmt.where(or_(Todo.owner_id == user.id, Todo.title != ""))
    return list(db.scalars(stmt))
