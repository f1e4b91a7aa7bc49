"""Session-cookie endpoints (Better Auth's get-session)."""

from fastapi import APIRouter, Depends

from api.auth import get_session_user

router = APIRouter()


@router.get("/me")
async def me(user: dict = Depends(get_session_user)) -> dict:  # noqa: B008
    return user


@router.get("/stats")
async def stats() -> dict[str, int]:
    return {"active_sessions": 3}
