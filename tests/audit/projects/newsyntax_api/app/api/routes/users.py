from fastapi import APIRouter

from app.api.deps import CurrentUser
from app.models import User

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me")
def read_user_me(current_user: CurrentUser) -> User:
    return current_user


@router.patch("/me")
def update_user_me(current_user: CurrentUser, email: str) -> User:
    return current_user.model_copy(update={"email": email})


@router.get("/stats")
def user_stats() -> dict[str, int]:
    return {"users": 3}
