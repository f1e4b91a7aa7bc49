"""Admin endpoints: the router requires the admin role."""

from fastapi import APIRouter, Depends, HTTPException

from app.api.deps import RoleChecker
from app.db import SessionDep
from app.models import User

router = APIRouter(prefix="/admin", dependencies=[Depends(RoleChecker("admin"))])


@router.delete("/users/{user_id}", status_code=204)
def delete_user(user_id: str, db: SessionDep) -> None:
    user = db.get(User, user_id)
    if user is None:
        raise HTTPException(404, "Not found")
    db.delete(user)
    db.commit()
