"""Notes API behind a Next.js + Better Auth frontend."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.routers import notes, sessions

app = FastAPI(title="Notes")
app.add_middleware(
    CORSMiddleware,
    allow_origins=["http://localhost:3000"],
    allow_credentials=True,
    allow_methods=["*"],
)
app.include_router(notes.router)
app.include_router(sessions.router, prefix="/session")
