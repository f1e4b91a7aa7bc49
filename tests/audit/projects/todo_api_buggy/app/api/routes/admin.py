"""Admin endpoints: every route needs an admin."""

from fastapi import APIRouter, Depends
from sqlalchemy import delete, select

from app.api.deps import require_admin
from app.db import SessionDep
from app.models import User

router = APIRouter(prefix="/admin", dependencies=[Depends(require_admin)])


@router.get("/users")
def list_users(db: SessionDep) -> list[User]:
    return list(db.scalars(select(User)))


@router.delete("/users/{user_id}", status_code=204)
def delete_user(user_id: int, db: SessionDep) -> None:
    db.execute(delete(User).where(User.id == user_id))
    db.commit()
