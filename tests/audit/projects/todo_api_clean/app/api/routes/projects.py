"""Projects: the include_router call requires the 'projects' scope."""

from fastapi import APIRouter, HTTPException
from sqlalchemy import func, select

from app.api.deps import CurrentUser
from app.db import SessionDep
from app.models import Project

router = APIRouter(tags=["projects"])


@router.get("/stats")
def project_stats(db: SessionDep) -> dict[str, int]:
    return {"projects": db.scalar(select(func.count(Project.id))) or 0}


@router.get("/{project_id}")
def read_project(project_id: int, user: CurrentUser, db: SessionDep) -> Project:
    project = db.get(Project, project_id)
    if project is None or project.owner_id != user.id:
        raise HTTPException(404, "Not found")
    return project
