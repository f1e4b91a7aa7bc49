from fastapi import APIRouter, HTTPException

from app.api.deps import CurrentUser
from app.models import Item

router = APIRouter(prefix="/items", tags=["items"])
ITEMS: dict[int, Item] = {}


@router.get("/")
def read_items(current_user: CurrentUser) -> list[Item]:
    return [i for i in ITEMS.values() if i.owner_id == current_user.id]


@router.delete("/{item_id}")
def delete_item(current_user: CurrentUser, item_id: int) -> None:
    item = ITEMS.get(item_id)
    if item is None or item.owner_id != current_user.id:
        raise HTTPException(status_code=404, detail="Not found")
    del ITEMS[item_id]
