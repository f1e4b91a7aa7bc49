"""The product catalogue, shared by every signed-in user."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from app.api.deps import get_current_active_user
from app.db import SessionDep
from app.models import Product, User

router = APIRouter(prefix="/products", tags=["products"])


@router.get("/{product_id}")
def read_product(
    product_id: int,
    user: Annotated[User, Depends(get_current_active_user)],
    db: SessionDep,
) -> Product:
    product = db.get(Product, product_id)
    if product is None:
        raise HTTPException(404, "Not found")
    return product
