"""Todo endpoints: every query is scoped to the current user."""

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel
from sqlalchemy import select

from app import crud
from app.api.deps import ActiveUser, CurrentUser
from app.db import SessionDep
from app.models import Todo

router = APIRouter(prefix="/todos", tags=["todos"])


class TodoUpdate(BaseModel):
    title: str


@router.get("")
def list_todos(user: CurrentUser, db: SessionDep) -> list[Todo]:
    return list(db.scalars(select(Todo).where(Todo.owner_id == user.id)))


@router.get("/{todo_id}")
def read_todo(todo_id: int, user: CurrentUser, db: SessionDep) -> Todo:
    stmt = select(Todo).where(Todo.id == todo_id, Todo.owner_id == user.id)
    todo = db.scalars(stmt).first()
    if todo is None:
        raise HTTPException(404, "Not found")
    return todo


@router.put("/{todo_id}")
def update_todo(todo_id: int, body: TodoUpdate, user: CurrentUser, db: SessionDep) -> Todo:
    todo = crud.get_todo(db, todo_id, owner_id=user.id)
    if todo is None:
        raise HTTPException(404, "Not found")
    todo.title = body.title
    db.commit()
    return todo


@router.delete("/{todo_id}", status_code=204)
def delete_todo(todo_id: int, user: ActiveUser, db: SessionDep) -> None:
    todo = db.get(Todo, todo_id)
    if todo is None or todo.owner_id != user.id:
        raise HTTPException(404, "Not found")
    db.delete(todo)
    db.commit()
