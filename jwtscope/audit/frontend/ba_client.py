"""The browser side of Better Auth's JWT: who may read ``set-auth-jwt``, and a JWT fetched
once and reused.

Per script file (through its syntax tree, :mod:`jwtscope.audit.frontend.scripttree`):

- the auth server's CORS settings: Hono ``cors({ exposeHeaders })`` (``hono/cors``),
  Express ``cors({ exposedHeaders })`` (``cors``) and ``Access-Control-Expose-Headers``
  set by hand (``headers.set(…)``, a Next.js ``headers()`` entry), in files that serve
  Better Auth (they mention ``/api/auth``, ``auth.handler`` or ``toNodeHandler``);
- where the frontend reads ``set-auth-jwt`` from a response;
- ``authClient.token()`` / ``fetch("/api/auth/token")`` run once — at module load or in a
  ``useEffect`` with ``[]`` deps, the result kept (a state setter, Web Storage, a ref) —
  in a file with no refresh path (another fetch of the token, a 401 branch, a timer, an
  ``exp`` check): AUDIT-BA-JWT-CACHED-ONCE.

The CORS records are judged project-wide in :mod:`jwtscope.audit.frontend.crosscheck`.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from jwtscope.audit.codes import make
from jwtscope.audit.frontend.scriptfacts import CorsExpose, HeaderRead
from jwtscope.audit.frontend.scripttree import Script
from jwtscope.audit.model import AuditFinding

__all__ = [
    "cached_once",
    "cors_exposes",
    "header_hidden",
    "jwt_header_reads",
    "next_config_exposes",
]

_HEADER = "set-auth-jwt"
_SERVES_AUTH = re.compile(r"/api/auth|auth\.handler|toNodeHandler|toNextJsHandler")
_EXPOSE = "access-control-expose-headers"
_FUNCTIONS = frozenset(
    {
        "arrow_function",
        "function_declaration",
        "function_expression",
        "function",
        "method_definition",
        "generator_function_declaration",
    }
)
#: Signs that the file gets a fresh token when it needs one.
_REFRESH = re.compile(
    r"\b401\b|setInterval|setTimeout|refetchInterval|useSWR|useQuery|jwtDecode|decodeJwt"
    r"|jwt-decode|\.exp\b|expiresAt|onSuccess|addEventListener|visibilitychange"
)
_TOKEN_URL = re.compile(r"/auth/token(?:[?\"'`]|$)")


def _strings(js: Script, node: Node | None) -> tuple[tuple[str, ...] | None, bool]:
    """The header names of a literal (string, comma list or array); (None, True) if unknown."""
    node = js.resolve(node)
    if node is None:
        return None, True
    lit = js.literal(node)
    if lit is not None:
        return tuple(p.strip().lower() for p in lit.value.split(",") if p.strip()), False
    if node.type == "array":
        out: list[str] = []
        for item in node.named_children:
            one = js.literal(item)
            if one is None:
                return None, True
            out.append(one.value.strip().lower())
        return tuple(out), False
    return None, True


def cors_exposes(js: Script, path: str) -> list[CorsExpose]:
    """The CORS expose settings of a file that serves Better Auth."""
    if not _SERVES_AUTH.search(js.text):
        return []
    imports = {local: module for local, (module, _) in js.imports().items()}
    default_cors = re.search(
        r"import\s+(\w+)\s+from\s+[\"']cors[\"']|(\w+)\s*=\s*require\(\s*[\"']cors[\"']\s*\)",
        js.text,
    )
    express = {g for g in (default_cors.groups() if default_cors else ()) if g}
    out: list[CorsExpose] = []
    for call in js.of("call"):
        name = js.text_of(call.child_by_field_name("function"))
        line = js.line_of(call)
        source = js.line(line).strip()
        if imports.get(name) == "hono/cors" or name in express:
            key = "exposeHeaders" if name not in express else "exposedHeaders"
            args = js.args(call)
            options = js.resolve(args[0]) if args else None
            pairs = js.pairs(options)
            if options is not None and options.type != "object":
                out.append(CorsExpose(path, line, source, f"{name}()", None, unknown=True))
                continue
            got, unknown = _strings(js, pairs[key]) if key in pairs else (None, False)
            out.append(CorsExpose(path, line, source, f"{name}({{ {key} }})", got, unknown))
        elif name.rsplit(".", 1)[-1] in ("set", "header", "setHeader", "append"):
            args = js.args(call)
            first = js.literal(args[0]) if args else None
            if first is not None and first.value.lower() == _EXPOSE and len(args) > 1:
                got, unknown = _strings(js, args[1])
                out.append(
                    CorsExpose(path, line, source, "Access-Control-Expose-Headers", got, unknown)
                )
    return out


def jwt_header_reads(js: Script, path: str) -> list[HeaderRead]:
    """``….get("set-auth-jwt")`` in a file that is not server code."""
    if _HEADER not in js.text.lower() or '"use server"' in js.text or "betterAuth(" in js.text:
        return []
    out = []
    for call in js.of("call"):
        if not js.text_of(call.child_by_field_name("function")).endswith(".get"):
            continue
        args = js.args(call)
        lit = js.literal(args[0]) if args else None
        if lit is not None and lit.value.lower() == _HEADER:
            out.append(HeaderRead(path, js.line_of(call)))
    return out


def next_config_exposes(js: Script, path: str) -> list[CorsExpose]:
    """``{ key: "Access-Control-Expose-Headers", value: "…" }`` entries (Next.js
    ``headers()``), in a file that also sets ``Access-Control-Allow-Origin`` (cross-origin)."""
    low = js.text.lower()
    if _EXPOSE not in low or "access-control-allow-origin" not in low:
        return []
    out: list[CorsExpose] = []
    stack = [js.root]
    while stack:
        node = stack.pop()
        if node.type == "object":
            pairs = js.pairs(node)
            key = js.literal(pairs.get("key"))
            if key is not None and key.value.lower() == _EXPOSE:
                got, unknown = _strings(js, pairs.get("value"))
                line = js.line_of(node)
                out.append(CorsExpose(path, line, js.line(line).strip(), "headers()", got, unknown))
        stack.extend(node.named_children)
    return out


def _enclosing_functions(node: Node) -> list[Node]:
    out = []
    current = node.parent
    while current is not None:
        if current.type in _FUNCTIONS:
            out.append(current)
        current = current.parent
    return out


def _effect_once(js: Script, fn: Node) -> bool:
    """Is ``fn`` the callback of ``useEffect(fn, [])``?"""
    args = fn.parent
    call = args.parent if args is not None else None
    if call is None or call.type != "call_expression":
        return False
    if js.text_of(call.child_by_field_name("function")) not in ("useEffect", "React.useEffect"):
        return False
    given = js.args(call)
    return (
        len(given) == 2
        and given[0] == fn
        and given[1].type == "array"
        and not given[1].named_children
    )


def _is_token_fetch(js: Script, call: Node) -> bool:
    func = call.child_by_field_name("function")
    text = js.text_of(func).replace(" ", "")
    if text.endswith(".token") and re.search(r"(?i)(?<!o)auth", text.rsplit(".", 1)[0]):
        return True
    if text in ("fetch", "window.fetch"):
        args = js.args(call)
        return bool(args) and bool(_TOKEN_URL.search(js.text_of(args[0])))
    return False


#: The token kept beyond the effect: a setter or ref given the token, Web Storage.
_KEEPS = re.compile(
    r"(?i)\bset\w*\(\s*[^()]*\b(?:token|jwt)\b|\bset\w*(?:token|jwt)\w*\s*\("
    r"|storage\.setItem\([^)]*(?:token|jwt)|(?:token|jwt)\w*\.current\s*="
)


def _memoized(js: Script, fn: Node, code: str) -> str | None:
    """The module ``let`` that ``fn`` fills once and returns from then on
    (``if (cached) return cached; … cached = data.token``), assigned nowhere else."""
    body = js.code(fn)
    for node in js.root.named_children:
        if node.type not in ("lexical_declaration", "variable_declaration"):
            continue
        if js.text_of(node).split(None, 1)[0] == "const":
            continue
        for decl in node.named_children:
            name = js.text_of(decl.child_by_field_name("name"))
            if not re.fullmatch(r"[\w$]+", name):
                continue
            assigned = re.compile(rf"(?<![\w$.])\b{re.escape(name)}\s*(?:=(?!=)|\?\?=|\|\|=)")
            guarded = re.search(rf"if\s*\(\s*{re.escape(name)}\s*\)\s*(?:\{{\s*)?return", body)
            count = len(assigned.findall(code)) - len(assigned.findall(js.text_of(node)))
            if guarded and count == 1 and assigned.search(body):
                return name
    return None


def cached_once(js: Script) -> list[tuple[int, str]]:
    """``(line, how)`` of each one-time JWT fetch of a file with no refresh path."""
    fetches = [c for c in js.of("call") if _is_token_fetch(js, c)]
    if not fetches:
        return []
    code = "\n".join(js.code_line(n) for n in range(1, len(js.lines) + 1))
    if _REFRESH.search(code):
        return []
    out: list[tuple[int, str]] = []
    for call in fetches:
        chain = _enclosing_functions(call)
        if not chain:
            decl = call.parent
            while decl is not None and decl.type not in (
                "lexical_declaration",
                "variable_declaration",
                "program",
            ):
                decl = decl.parent
            if decl is None or decl.type == "program":
                return []
            out.append((js.line_of(call), "at module load, kept in a module variable"))
            continue
        memo = _memoized(js, chain[0], code)
        if memo is not None:
            out.append((js.line_of(call), f"kept in the module variable {memo} and returned"))
            continue
        effect = next((f for f in chain if _effect_once(js, f)), None)
        if effect is None or not _KEEPS.search(js.code(effect)):
            return []  # fetched when needed (or used once, not kept): a refresh path
        out.append((js.line_of(call), "in a useEffect with [] deps, kept in state"))
    return out


def header_hidden(cors: list[CorsExpose], reads: list[HeaderRead]) -> list[AuditFinding]:
    """AUDIT-BA-JWT-HEADER-HIDDEN: the frontend reads ``set-auth-jwt`` and every CORS
    setting of the auth server leaves it out (nothing when one exposes it, ``*`` or an
    expression: the evidence cannot decide)."""
    if not reads or not cors:
        return []
    if any(c.unknown or (c.exposes and (_HEADER in c.exposes or "*" in c.exposes)) for c in cors):
        return []
    read = reads[0]
    return [
        make(
            "AUDIT-BA-JWT-HEADER-HIDDEN",
            path=c.path,
            line=c.line,
            source_line=c.source,
            detail=f"{read.path}:{read.line} reads the set-auth-jwt header, but this "
            f"{c.kind} on the auth server "
            + (
                f"exposes only {', '.join(c.exposes)}"
                if c.exposes
                else "exposes no header (the option is not set)"
            )
            + ": cross-origin the browser hides set-auth-jwt, the read returns null and "
            "the API gets 'Bearer null'.",
            fix='Expose it next to the other headers: cors({ …, exposeHeaders: ["set-auth-jwt"] })'
            ' (Hono), cors({ …, exposedHeaders: ["set-auth-jwt"] }) (Express), or '
            '"Access-Control-Expose-Headers: set-auth-jwt".',
        )
        for c in cors
    ]
