"""AUDIT-ROLE-MISSING: a backend route the UI only calls from role-gated pages, while the
backend checks only that the caller is signed in.

Each case is a small synthetic project: a FastAPI backend (an authenticated router) and
a Next.js App Router frontend whose admin area is gated by a layout, calling the backend
through a project wrapper.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jwtscope.audit import audit_project
from jwtscope.core.findings import Severity

DEPS = """
import jwt
from fastapi import Depends, HTTPException
from fastapi.security import HTTPBearer

bearer = HTTPBearer()


def current_user(creds=Depends(bearer)) -> dict:
    try:
        return jwt.decode(creds.credentials, "k" * 40, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        raise HTTPException(401, "invalid token")
"""

REPORTS = """
from fastapi import APIRouter, Depends

from backend.deps import current_user

router = APIRouter(prefix="/reports", dependencies=[Depends(current_user)])


@router.get("")
def list_reports():
    return []


@router.delete("/{report_id}")
def delete_report(report_id: int):
    CHECK
    return None
"""

NOTES = """
from fastapi import APIRouter, Depends

from backend.deps import current_user

router = APIRouter(prefix="/notes")


@router.get("")
def list_notes(user=Depends(current_user)):
    return []
"""

MAIN = """
from fastapi import FastAPI

from backend import notes, reports

app = FastAPI()
app.include_router(reports.router)
app.include_router(notes.router)
"""

API_CLIENT = """
export async function callApi<T>(endpoint: string, options: RequestInit = {}): Promise<T> {
  const res = await fetch(`/api/proxy${endpoint}`, { ...options, credentials: "include" });
  return (await res.json()) as T;
}
"""

REPORTS_API = """
import { callApi } from "@/lib/api-client";

export const listReports = () => callApi("/reports");
export const deleteReport = (id: string) => callApi(`/reports/${id}`, { method: "DELETE" });
"""

NOTES_API = """
import { callApi } from "../lib/api-client";

export const listNotes = () => callApi("/notes");
"""

ADMIN_GUARD = """
"use client";
import { useSession } from "@/lib/session";

export function AdminGuard({ children }: { children: React.ReactNode }) {
  const { data: session } = useSession();
  const isAuthorized = session?.user?.role === "admin";
  if (!isAuthorized) {
    return <p>Access denied</p>;
  }
  return <>{children}</>;
}
"""

ADMIN_LAYOUT = """
import { AdminGuard } from "./guard";

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <AdminGuard>{children}</AdminGuard>;
}
"""

REPORTS_PAGE = """
"use client";
import { deleteReport, listReports } from "@/lib/reports";

export default function ReportsPage() {
  return <button onClick={() => deleteReport("1")}>{String(listReports)}</button>;
}
"""

NOTES_PAGE = """
import { listNotes } from "@/lib/notes";

export default function NotesPage() {
  return <div>{String(listNotes)}</div>;
}
"""

# The dashboard sends admins away: that keeps no one out, it is not a gate.
DASHBOARD_LAYOUT = """
"use client";
import { useRouter } from "next/navigation";
import { useSession } from "@/lib/session";

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const { data: session } = useSession();
  if (session?.user?.role === "admin") {
    router.push("/admin");
  }
  return <main>{children}</main>;
}
"""

SESSION = """
export function useSession() {
  return { data: null as null | { user?: { role?: string } } };
}
"""


def _project(tmp_path: Path, check: str = "pass", **extra: str) -> Path:
    files = {
        "backend/__init__.py": "",
        "backend/deps.py": DEPS,
        "backend/reports.py": REPORTS.replace("CHECK", check),
        "backend/notes.py": NOTES,
        "backend/main.py": MAIN,
        "web/lib/api-client.ts": API_CLIENT,
        "web/lib/reports.ts": REPORTS_API,
        "web/lib/notes.ts": NOTES_API,
        "web/lib/session.ts": SESSION,
        "web/app/admin/guard.tsx": ADMIN_GUARD,
        "web/app/admin/layout.tsx": ADMIN_LAYOUT,
        "web/app/admin/reports/page.tsx": REPORTS_PAGE,
        "web/app/dashboard/layout.tsx": DASHBOARD_LAYOUT,
        "web/app/dashboard/notes/page.tsx": NOTES_PAGE,
        **extra,
    }
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _gaps(root: Path) -> list:
    result = audit_project(root, git=False)
    return [f for f in result.findings if f.code == "AUDIT-ROLE-MISSING"]


def test_routes_called_only_behind_an_admin_layout_are_reported_at_the_router(tmp_path):
    [gap] = _gaps(_project(tmp_path))
    assert (gap.path, gap.line) == ("backend/reports.py", 6)  # router = APIRouter(…)
    assert "GET /reports" in gap.detail and "DELETE /reports/{report_id}" in gap.detail
    assert "web/app/admin/guard.tsx:" in gap.detail  # where the UI checks the role
    assert "/notes" not in gap.detail  # called from the ungated dashboard
    assert gap.severity is Severity.ERROR  # one of them deletes


def test_read_only_routes_are_a_warning(tmp_path):
    reports_page = REPORTS_PAGE.replace("deleteReport", "listReports").replace(
        "import { listReports, listReports }", "import { listReports }"
    )
    root = _project(tmp_path, **{"web/app/admin/reports/page.tsx": reports_page})
    (root / "web/lib/reports.ts").write_text(
        'import { callApi } from "@/lib/api-client";\n'
        'export const listReports = () => callApi("/reports");\n',
        encoding="utf-8",
    )
    [gap] = _gaps(root)
    assert gap.severity is Severity.WARNING
    assert "DELETE" not in gap.detail


@pytest.mark.parametrize(
    "check",
    [
        'if user["role"] != "admin": raise HTTPException(403)',  # the endpoint reads a role
        "require_admin()",  # it calls a role check
    ],
)
def test_a_backend_role_check_silences_it(tmp_path, check):
    reports = REPORTS.replace("CHECK", check).replace(
        "def delete_report(report_id: int):", "def delete_report(report_id: int, user=None):"
    )
    reports = reports.replace(
        "def list_reports():", "def list_reports(user=None):\n    require_admin()"
    )
    root = _project(tmp_path)
    (root / "backend/reports.py").write_text(reports, encoding="utf-8")
    assert _gaps(root) == []


def test_a_role_dependency_on_the_router_silences_it(tmp_path):
    root = _project(tmp_path)
    text = (root / "backend/reports.py").read_text(encoding="utf-8")
    text = text.replace(
        "dependencies=[Depends(current_user)]", "dependencies=[Depends(get_current_superuser)]"
    ).replace("from backend.deps import current_user", "from backend.deps import *")
    (root / "backend/reports.py").write_text(text, encoding="utf-8")
    (root / "backend/deps.py").write_text(
        DEPS + "\n\ndef get_current_superuser(user=Depends(current_user)):\n    return user\n",
        encoding="utf-8",
    )
    assert _gaps(root) == []


def test_a_route_also_called_from_an_ungated_page_is_not_reported(tmp_path):
    other = REPORTS_PAGE.replace("ReportsPage", "PublicReports")
    root = _project(tmp_path, **{"web/app/dashboard/reports/page.tsx": other})
    assert _gaps(root) == []


def test_a_gate_that_sends_admins_away_is_not_a_gate(tmp_path):
    # the reports page moved under the dashboard, whose layout only redirects admins
    root = _project(tmp_path)
    page = root / "web/app/admin/reports/page.tsx"
    target = root / "web/app/dashboard/reports/page.tsx"
    target.parent.mkdir(parents=True)
    page.rename(target)
    assert _gaps(root) == []


def test_a_role_check_that_only_hides_a_button_is_not_a_gate(tmp_path):
    layout = """
import { useSession } from "@/lib/session";

function AdminLink() {
  const { data } = useSession();
  if (data?.user?.role !== "admin") return null;
  return <a href="/admin">Admin</a>;
}

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <div><AdminLink />{children}</div>;
}
"""
    root = _project(tmp_path, **{"web/app/admin/layout.tsx": layout})
    (root / "web/app/admin/guard.tsx").unlink()
    assert _gaps(root) == []


def test_a_server_layout_redirect_is_a_gate(tmp_path):
    layout = """
import { redirect } from "next/navigation";
import { auth } from "@/lib/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  if (!session || session.user.role !== "admin") redirect("/login");
  return <>{children}</>;
}
"""
    root = _project(tmp_path, **{"web/app/admin/layout.tsx": layout})
    (root / "web/app/admin/guard.tsx").unlink()
    [gap] = _gaps(root)
    assert "web/app/admin/layout.tsx:7" in gap.detail


def test_a_module_nothing_imports_counts_as_ungated(tmp_path):
    # a file outside the app router (a story, a SPA entry) that nothing imports calls
    # GET /reports too: that call is not behind the admin layout
    story = 'import { callApi } from "../lib/api-client";\ncallApi("/reports");\n'
    [gap] = _gaps(_project(tmp_path, **{"web/stories/reports.stories.ts": story}))
    assert "DELETE /reports/{report_id}" in gap.detail
    assert "GET /reports" not in gap.detail


def test_no_frontend_no_finding(tmp_path):
    root = _project(tmp_path)
    for path in sorted((root / "web").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    assert _gaps(root) == []


def test_a_call_to_better_auths_own_routes_is_not_a_backend_call(tmp_path):
    reports = REPORTS + '\n\n@router.get("/stats")\ndef stats():\n    return {}\n'
    page = REPORTS_PAGE.replace(
        "export default", 'export const s = () => fetch("/api/auth/reports/stats");\nexport default'
    )
    root = _project(tmp_path, **{"web/app/admin/reports/page.tsx": page})
    (root / "backend/reports.py").write_text(reports.replace("CHECK", "pass"), encoding="utf-8")
    [gap] = _gaps(root)
    assert "GET /reports " in gap.detail + " " and "/reports/stats" not in gap.detail
