from fastapi import APIRouter, Depends
from fastapi_pagination import Params
from ratelimitx import throttle

router = APIRouter(prefix="/profiles")


@router.get("/popular")
async def popular(params: Params = Depends()) -> list:  # noqa: B008
    return []


@router.get("/search")
async def search(limit: None = Depends(throttle(per_minute=10))) -> list:
    return []
