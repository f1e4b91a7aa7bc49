"""Internal endpoints for the job runner, mounted under /internal."""

import hmac
import os

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.middleware.base import BaseHTTPMiddleware

internal_app = FastAPI(title="internal")
JOBS: dict[str, dict[str, str]] = {}


class InternalTokenMiddleware(BaseHTTPMiddleware):
    """Every internal request carries the shared X-Internal-Token."""

    async def dispatch(self, request: Request, call_next):  # type: ignore[no-untyped-def]
        sent = request.headers.get("x-internal-token", "")
        if not hmac.compare_digest(sent, os.environ["INTERNAL_TOKEN"]):
            return JSONResponse({"detail": "Forbidden"}, status_code=403)
        return await call_next(request)


internal_app.add_middleware(InternalTokenMiddleware)


@internal_app.post("/jobs/{job_id}/retry")
def retry_job(job_id: str) -> dict[str, str]:
    job = JOBS.get(job_id)
    if job is None:
        raise HTTPException(404, "Unknown job")
    job["state"] = "queued"
    return job
