"""Reports."""

from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import func, select

from app.api.deps import CurrentUser, get_current_user
from app.db import SessionDep
from app.models import Report, Todo

router = APIRouter()


@router.get("/summary")
def summary(user: CurrentUser, db: SessionDep) -> dict[str, int]:
    count = db.scalar(select(func.count()).where(Todo.owner_id == user["id"]))
    return {"todos": count or 0}


@router.post("/export")
def export_all(db: SessionDep) -> dict[str, int]:
    return {"exported": db.scalar(select(func.count(Todo.id))) or 0}


@router.get("/{report_id}")
def get_report(
    report_id: int,
    user: Annotated[dict, Depends(get_current_user)],
    db: SessionDep,
) -> Report | None:
    stmt = select(Report).where(Report.id == report_id, Report.owner_id == user["id"])
    return db.scalars(stmt).first()
