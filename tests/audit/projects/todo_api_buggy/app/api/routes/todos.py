"""Todo endpoints."""

from fastapi import APIRouter, HTTPException
from sqlalchemy import delete, select

from app.api.deps import CurrentUser
from app.db import SessionDep
from app.models import Todo
from app.schemas import TodoCreate, TodoUpdate

router = APIRouter(prefix="/todos", tags=["todos"])


@router.get("/")
def list_todos(user: CurrentUser, db: SessionDep) -> list[Todo]:
    return list(db.scalars(select(Todo).where(Todo.owner_id == user["id"])))


@router.post("")
def create_todo(body: TodoCreate, user: CurrentUser, db: SessionDep) -> Todo:
    todo = Todo(title=body.title, owner_id=user["id"])
    db.add(todo)
    db.commit()
    return todo


@router.get("/{todo_id}")
def read_todo(todo_id: int, user: CurrentUser, db: SessionDep) -> Todo:
    todo = db.get(Todo, todo_id)
    if todo is None:
        raise HTTPException(404, "Not found")
    return todo


@router.patch("/{todo_id}")
def update_todo(todo_id: int, body: TodoUpdate, user: CurrentUser, db: SessionDep) -> Todo:
    todo = db.get(Todo, todo_id)
    if todo is None or todo.owner_id != user["id"]:
        raise HTTPException(404, "Not found")
    todo.title = body.title
    todo.done = body.done
    db.commit()
    return todo


@router.delete("/{todo_id}", status_code=204)
def delete_todo(todo_id: int, user: CurrentUser, db: SessionDep) -> None:
    db.execute(delete(Todo).where(Todo.id == todo_id))
    db.commit()
