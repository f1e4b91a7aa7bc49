from fastapi import APIRouter, Depends

from app.api.dependencies.authentication import get_current_user_authorizer
from app.api.dependencies.factories import get_repository, lookup_dependency, make_auth

router = APIRouter(prefix="/articles")


class ArticlesRepository:
    pass


@router.get("/feed")
async def feed(user: dict = Depends(get_current_user_authorizer())) -> list[str]:  # noqa: B008
    return []


@router.post("")
async def create_article(
    user: dict = Depends(get_current_user_authorizer(required=True)),  # noqa: B008
    repo: ArticlesRepository = Depends(get_repository(ArticlesRepository)),  # noqa: B008
) -> dict:
    return {}


@router.delete("/{slug}")
async def delete_article(slug: str, user: dict = Depends(make_auth(required=True))) -> None:  # noqa: B008
    return None


@router.get("/export")
async def export(repo: ArticlesRepository = Depends(get_repository(ArticlesRepository))) -> list:  # noqa: B008
    return []


@router.get("/drafts")
async def drafts(user: dict = Depends(lookup_dependency("drafts"))) -> list:  # noqa: B008
    return []
