"""Tags, kept in memory per user."""

from collections import defaultdict

from fastapi import APIRouter, HTTPException

from app.api.deps import CurrentUser

router = APIRouter(prefix="/tags", tags=["tags"])
TAGS: dict[str, dict[str, str]] = defaultdict(dict)


@router.get("/{tag_id}")
def read_tag(tag_id: str, user: CurrentUser) -> dict[str, str]:
    tags = TAGS[user.id]
    if tag_id not in tags:
        raise HTTPException(404, "Not found")
    return {"id": tag_id, "name": tags[tag_id]}
