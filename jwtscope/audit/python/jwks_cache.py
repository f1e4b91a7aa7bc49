"""A JWKS loaded once and never refreshed (AUDIT-JWKS-NO-REFRESH), read from one module's
syntax tree.

A *JWKS fetch* is an HTTP GET (``httpx``/``requests``/a client's ``.get``, ``urlopen``)
whose URL mentions ``jwks``. It is a one-time load when it runs at import (module level),
in a lifespan or startup handler (or a helper only they call), or in a function behind
``@lru_cache``/``@cache`` whose ``cache_clear`` is never called. The module is left alone
when it has a refresh path: a fetch in any other function (called per request, or on an
unknown ``kid``), a function that rebinds the loaded name (``global JWKS``), or a
``PyJWKClient`` (PyJWT's client refetches the JWKS on an unknown ``kid``) — unless its
keys are copied out once (``client.get_signing_keys()``/``get_jwk_set()``/``fetch_data()``
at import or in the lifespan, and nowhere else): that copy is never refetched.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from jwtscope.audit.python.astutil import call_name, dotted

__all__ = ["JwksLoad", "jwks_loads"]

_HTTP_GETS = frozenset({"get", "urlopen", "fetch"})
#: What a ``.get(…)`` that sends a request is called on.
_HTTP_OWNER = re.compile(r"(?i)httpx|requests|client|session|http|aiohttp")
_CACHES = frozenset({"lru_cache", "cache", "cached", "alru_cache"})
#: PyJWKClient's methods that hand out the keys it holds now (a copy it never refreshes).
_CLIENT_SNAPSHOTS = frozenset({"get_signing_keys", "get_jwk_set", "fetch_data"})
_Func = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class JwksLoad:
    """One one-time JWKS load: where, and how (``at import``, ``in the lifespan``…)."""

    line: int
    how: str


def _is_fetch(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or call_name(node) not in _HTTP_GETS:
        return False
    if isinstance(node.func, ast.Attribute) and not _HTTP_OWNER.search(
        ast.unparse(node.func.value)
    ):
        return False  # os.environ.get("JWKS_URL"), settings.get(…): not a request
    url = (
        node.args[0]
        if node.args
        else next((k.value for k in node.keywords if k.arg == "url"), None)
    )
    return url is not None and "jwks" in ast.unparse(url).lower()


def _fetches(node: ast.AST) -> bool:
    return any(_is_fetch(n) for n in ast.walk(node))


def _decorators(fn: _Func) -> set[str]:
    out = set()
    for dec in fn.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        ref = dotted(target)
        if isinstance(dec, ast.Call) and "ttl" in ast.unparse(dec).lower():
            continue  # @alru_cache(ttl=300), @cached(TTLCache(…)): entries expire
        if ref:
            out.add(ref[-1])
        first = dec.args[0] if isinstance(dec, ast.Call) and dec.args else None
        if ref and ref[-1] == "on_event" and getattr(first, "value", None) == "startup":
            out.add("startup")
    return out


def _is_lifespan(fn: _Func, lifespans: set[str]) -> bool:
    decs = _decorators(fn)
    if "startup" in decs or fn.name in lifespans:
        return True
    has_yield = any(isinstance(n, ast.Yield) for n in ast.walk(fn))
    return has_yield and "asynccontextmanager" in decs and "lifespan" in fn.name.lower()


def _called_names(node: ast.AST) -> set[str]:
    return {call_name(n) for n in ast.walk(node) if isinstance(n, ast.Call)}


def jwks_loads(tree: ast.Module) -> list[JwksLoad]:
    """The one-time JWKS loads of a module with no refresh path (see the module doc)."""
    text_names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    lifespans = {
        n.value.id
        for n in ast.walk(tree)
        if isinstance(n, ast.keyword)
        and n.arg in ("lifespan", "on_startup")
        and isinstance(n.value, ast.Name)
    }
    funcs = [n for n in ast.walk(tree) if isinstance(n, _Func)]
    if "PyJWKClient" in text_names | names:
        return _client_snapshots(tree, funcs, lifespans)
    top = [n for n in tree.body if isinstance(n, _Func)]
    fetchers = [f for f in funcs if any(_is_fetch(n) for n in _own_nodes(f))]
    loads: list[JwksLoad] = []
    loaders: set[str] = set()
    for stmt in tree.body:
        if not isinstance(stmt, _Func | ast.ClassDef) and not _main(stmt) and _fetches(stmt):
            loads.append(JwksLoad(stmt.lineno, "at import (module level)"))
    for fn in fetchers:
        decs = _decorators(fn)
        if decs & _CACHES:
            if _clears(tree, fn.name):
                return []
            loads.append(JwksLoad(fn.lineno, f"behind @{sorted(decs & _CACHES)[0]} on {fn.name}()"))
            loaders.add(fn.name)
        elif _is_lifespan(fn, lifespans):
            loads.append(JwksLoad(fn.lineno, f"once, in the startup/lifespan {fn.name}()"))
            loaders.add(fn.name)
    starters = [f for f in top if _is_lifespan(f, lifespans)]
    for fn in fetchers:
        if fn.name in loaders:
            continue
        callers = [f for f in funcs if fn.name in _called_names(f) and f is not fn]
        at_import = any(
            fn.name in _called_names(s)
            for s in tree.body
            if not isinstance(s, _Func | ast.ClassDef)
        )
        if callers and all(c in starters for c in callers):
            loads.append(JwksLoad(fn.lineno, f"once, by {fn.name}() from the startup/lifespan"))
        elif at_import and not callers:
            loads.append(JwksLoad(fn.lineno, f"once, by {fn.name}() at import"))
        else:
            return []  # fetched per call, or on an unknown kid: a refresh path
    if loads and _rebinds(funcs, tree, loaders):
        return []
    return loads


def _snapshots(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Call) and call_name(n) in _CLIENT_SNAPSHOTS for n in ast.walk(node)
    )


def _client_snapshots(tree: ast.Module, funcs: list[_Func], lifespans: set[str]) -> list[JwksLoad]:
    """A module with a PyJWKClient refetches on an unknown kid through
    ``get_signing_key(_from_jwt)``, but not a copy of its keys taken once: at import or
    in the lifespan, with no other function taking a fresh one."""
    loads = [
        JwksLoad(stmt.lineno, "at import (module level), copied out of PyJWKClient")
        for stmt in tree.body
        if not isinstance(stmt, _Func | ast.ClassDef) and not _main(stmt) and _snapshots(stmt)
    ]
    for fn in funcs:
        own = _own_nodes(fn)
        if not any(isinstance(n, ast.Call) and call_name(n) in _CLIENT_SNAPSHOTS for n in own):
            continue
        if not _is_lifespan(fn, lifespans):
            return []  # a fresh copy per call: a refresh path
        loads.append(JwksLoad(fn.lineno, f"once, copied out of PyJWKClient in {fn.name}()"))
    return loads


def _main(stmt: ast.stmt) -> bool:
    """``if __name__ == "__main__":`` — a script's body, not an import-time load."""
    return isinstance(stmt, ast.If) and "__main__" in ast.unparse(stmt.test)


def _own_nodes(fn: _Func) -> list[ast.AST]:
    """The nodes of a function's body, nested functions left out."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = list(fn.body)
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, _Func))
    return out


def _clears(tree: ast.Module, name: str) -> bool:
    return any(
        isinstance(n, ast.Attribute)
        and n.attr == "cache_clear"
        and isinstance(n.value, ast.Name)
        and n.value.id == name
        for n in ast.walk(tree)
    )


def _rebinds(funcs: list[_Func], tree: ast.Module, loaders: set[str]) -> bool:
    """Does a function other than the loaders rebind a module-level JWKS name?"""
    loaded = {
        t.id
        for s in tree.body
        if isinstance(s, ast.Assign | ast.AnnAssign) and _fetches(s)
        for t in (s.targets if isinstance(s, ast.Assign) else [s.target])
        if isinstance(t, ast.Name)
    }
    for fn in funcs:
        if fn.name in loaders:
            continue
        for node in _own_nodes(fn):
            if isinstance(node, ast.Global) and any(
                "jwk" in n.lower() or n in loaded for n in node.names
            ):
                return True
    return False
