"""Notes API behind the Next.js frontend."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.routers import notes

app = FastAPI(title="Notes")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:3000"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["Authorization", "Content-Type"],
)
app.include_router(notes.router)


@app.get("/health")
def health() -> dict:
    return {"ok": True}
