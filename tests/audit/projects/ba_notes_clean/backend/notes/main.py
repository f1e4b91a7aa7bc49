"""Notes API behind a Next.js + Better Auth frontend."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from notes.routers import notes

app = FastAPI(title="Notes")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:3000"],
    allow_credentials=True,
    allow_methods=["GET", "POST", "DELETE"],
    allow_headers=["Authorization", "Content-Type"],
)
app.include_router(notes.router)


@app.get("/healthz")
def healthz() -> dict[str, bool]:
    return {"ok": True}


@app.get("/version")
def version() -> dict[str, str]:
    return {"version": "1.0.0"}
