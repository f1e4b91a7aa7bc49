from pydantic import BaseModel


class User(BaseModel):
    id: int
    email: str
    is_superuser: bool = False


class Item(BaseModel):
    id: int
    title: str
    owner_id: int
