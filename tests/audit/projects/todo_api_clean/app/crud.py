"""Queries shared by several routes."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.security import verify_password
from app.models import Todo, User


def get_todo(db: Session, todo_id: int, owner_id: str) -> Todo | None:
    stmt = select(Todo).where(Todo.id == todo_id, Todo.owner_id == owner_id)
    return db.scalars(stmt).first()


def authenticate(db: Session, email: str, password: str) -> User | None:
    user = db.scalars(select(User).where(User.email == email)).first()
    if user is None or not verify_password(password, user.hashed_password):
        return None
    return user
