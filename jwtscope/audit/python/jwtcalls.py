"""PyJWT / python-jose calls, ``int(sub)`` casts and swallowed token errors.

Per-file checks that need no other file are emitted at once (``int(payload["sub"])``,
``except Exception`` around a decode; secret literals and defaults through
:mod:`jwtscope.audit.python.secret_literals`). ``jwt.decode``
calls are recorded as :class:`DecodeCall` and judged at the end, because their verdict
and fix depend on the whole project (is the issuer Better Auth? which algorithm does it
sign with? is an ``ALGORITHMS`` constant defined in another module?).
"""

from __future__ import annotations

import ast
import re

from jwtscope.audit.python.astutil import call_name, dotted, keyword, literal_str, pieces
from jwtscope.audit.python.facts import ProjectFacts
from jwtscope.audit.python.secret_literals import (
    ENV_NAME,
    Emit,
    SecretChecks,
    env_var_read,
    redact,
)
from jwtscope.audit.python.summary import DecodeCall, Piece, Ref
from jwtscope.audit.python.token_config import TokenConfig, type_facts

__all__ = ["JwtChecker", "env_reads"]

#: A project helper that checks a token: ``decode_access_token``, ``verify_jwt``, ``parse_claims``.
_TOKEN_HELPER = re.compile(r"(?i)((decode|verify|validate|parse|check)_?\w*(token|jwt|claims)|jwt)")
_AUTH_STATUS = frozenset({401, 403})


def _segment(text: str, node: ast.expr | None) -> str:
    if node is None:
        return ""
    seg = ast.get_source_segment(text, node) or ""
    return seg if len(seg) <= 80 and "\n" not in seg else "token"


def _false_keys(node: ast.expr | None) -> set[str]:
    if not isinstance(node, ast.Dict):
        return set()
    return {
        k.value
        for k, v in zip(node.keys, node.values, strict=True)
        if isinstance(k, ast.Constant)
        and isinstance(k.value, str)
        and isinstance(v, ast.Constant)
        and v.value is False
    }


class JwtChecker:
    """Checks one module's JWT calls and secrets, given its imports.

    Args:
        imports: the module's imports (local name → module, attribute).
        text: the module's source, for argument text in fixes.
        lines: the source split into lines.
        facts: project facts to feed (signing algorithms).
        emit: where findings go.
    """

    def __init__(
        self,
        imports: dict[str, tuple[str, str | None]],
        text: str,
        lines: list[str],
        facts: ProjectFacts,
        emit: Emit,
        path: str = "",
    ) -> None:
        self.imports = imports
        self.path = path
        self.text = text
        self.lines = lines
        self.facts = facts
        self.emit = emit
        self.dicts: dict[str, ast.Dict] = {}  # name = {...} seen so far (options=OPTIONS)
        #: name = os.environ["X"] / getenv("X", ...) seen so far: the variables it reads.
        self.env_refs: dict[str, tuple[str, ...]] = {}
        self.secrets = SecretChecks(lines, emit)
        self.config = TokenConfig(self.secrets, emit)
        #: per function: whether it reads a token type claim or deals with refresh tokens.
        self.type_checked: dict[str, bool] = {}

    def line(self, lineno: int) -> str:
        """Source line ``lineno`` (1-based)."""
        return self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""

    def jwt_call(self, func: ast.expr) -> tuple[str, str] | None:
        """``(library, function)`` for a PyJWT/python-jose call, else None."""
        ref = dotted(func)
        if not ref or ref[-1] not in ("decode", "decode_complete", "encode"):
            return None
        head = self.imports.get(ref[0])
        if head is None:
            return None
        module, attr = head
        full = [*module.split("."), *([attr] if attr else []), *ref[1:]]
        if full[0] == "jwt" and len(full) in (2, 3):
            return "pyjwt", full[-1]
        if full[:2] == ["jose", "jwt"] and len(full) == 3:
            return "jose", full[-1]
        return None

    # --- calls -----------------------------------------------------------------------

    def on_call(self, node: ast.Call, function: str) -> DecodeCall | Ref | None:
        """Check one call; return a decode record for ``jwt.decode(...)``, or the name
        holding the algorithm of a ``jwt.encode(..., algorithm=ALGORITHM)``."""
        self.config.on_call(node)
        which = self.jwt_call(node.func)
        if which is not None:
            lib, name = which
            self._key_literal(node, name)
            if name == "encode":
                alg = keyword(node, "algorithm")
                alg = alg if alg is not None else (node.args[2] if len(node.args) > 2 else None)
                value = literal_str(alg)
                if value:
                    self.facts.sign_algorithms.add(value)
                where = f"jwt.encode at {self.path}:{node.lineno}"
                self.facts.remember(self.facts.minted, where)
                return dotted(alg) if alg is not None else None
            return self._decode(node, lib, function)
        self.secrets.env_default(node, node)
        self._int_sub(node, set())
        self.secrets.keyword_literals(node)
        return None

    def _key_literal(self, node: ast.Call, name: str) -> None:
        key = keyword(node, "key")
        key = key if key is not None else (node.args[1] if len(node.args) > 1 else None)
        value = literal_str(key)
        if key is not None and value:
            self.secrets.literal(key, value, f"passed as the key of jwt.{name}")

    def _decode(self, node: ast.Call, lib: str, function: str) -> DecodeCall:
        def arg(name: str, index: int) -> ast.expr | None:
            value = keyword(node, name)
            if value is None and len(node.args) > index:
                value = node.args[index]
            return value

        algs_node = arg("algorithms", 2)
        if isinstance(algs_node, ast.Constant) and algs_node.value is None:
            algs_node = None  # algorithms=None is the same as leaving it out
        algorithms: tuple[Piece, ...] | None
        if isinstance(algs_node, ast.List | ast.Tuple | ast.Set):
            parts = [pieces(e) for e in algs_node.elts]
            flat = [p[0] for p in parts if p is not None and len(p) == 1]
            algorithms = tuple(flat) if len(flat) == len(parts) else None
        else:
            single = pieces(algs_node) if algs_node is not None else None
            algorithms = single if single is not None and len(single) == 1 else None
        options_node = arg("options", 3)
        if isinstance(options_node, ast.Name):
            options_node = self.dicts.get(options_node.id, options_node)
        options = _false_keys(options_node)
        verify = keyword(node, "verify")
        key = arg("key", 1)
        key_names = tuple(
            sorted(
                {n.id for n in ast.walk(key) if isinstance(n, ast.Name)}
                | {n.attr for n in ast.walk(key) if isinstance(n, ast.Attribute)}
                | {
                    n.value  # variable names only (os.environ["X"]), never a literal secret
                    for n in ast.walk(key)
                    if isinstance(n, ast.Constant)
                    and isinstance(n.value, str)
                    and ENV_NAME.match(n.value)
                }
                | {
                    env
                    for n in ast.walk(key)
                    if isinstance(n, ast.Name)
                    for env in self.env_refs.get(n.id, ())
                }
            )
            if key is not None
            else ()
        )
        source = self.line(node.lineno)
        secret = literal_str(key)
        if key is not None and secret and key.lineno == node.lineno:
            source = redact(source, key, secret)
        return DecodeCall(
            line=node.lineno,
            source=source,
            lib=lib,
            algorithms=algorithms,
            algorithms_given=algs_node is not None,
            verify_off="verify_signature" in options
            or (isinstance(verify, ast.Constant) and verify.value is False),
            exp_off="verify_exp" in options,
            aud_off="verify_aud" in options,
            audience_given=arg("audience", 6 if lib == "pyjwt" else 4) is not None,
            splat=any(kw.arg is None for kw in node.keywords)
            or any(isinstance(a, ast.Starred) for a in node.args),
            key_names=key_names,
            key_src="" if secret or key is None else _segment(self.text, key),
            token_src=_segment(self.text, node.args[0] if node.args else keyword(node, "jwt"))
            or "token",
            in_function=function,
            type_checked=self.type_checked.get(function, False),
            audience=_single(arg("audience", 6 if lib == "pyjwt" else 4)),
            issuer=_single(keyword(node, "issuer")),
        )

    # --- assignments, functions, try -------------------------------------------------

    def on_bool_or(self, node: ast.BoolOp) -> None:
        """``os.getenv("JWT_SECRET") or "dev"``."""
        self.secrets.on_bool_or(node)

    def on_assign(self, target: str, value: ast.expr, settings_class: bool) -> None:
        """An assignment of a literal to a secret-like name (a Settings field is a default);
        a dict is remembered for ``options=NAME`` of a later decode."""
        self.config.on_field(target, value)
        if isinstance(value, ast.Dict) and len(self.dicts) < 1000:
            self.dicts[target] = value
        reads = env_reads(value) | {
            env
            for n in ast.walk(value)
            if isinstance(n, ast.Name)
            for env in self.env_refs.get(n.id, ())
        }
        if reads and len(self.env_refs) < 1000:
            self.env_refs[target] = tuple(sorted(reads))
        self.secrets.on_assign(target, value, settings_class)

    def _int_sub(self, node: ast.Call, bound: set[str]) -> None:
        if not (isinstance(node.func, ast.Name) and node.func.id == "int" and node.args):
            return
        arg = node.args[0]
        if _is_sub(arg) or (isinstance(arg, ast.Name) and arg.id in bound):
            self.emit(
                "AUDIT-SUB-INT-CAST",
                node.lineno,
                "The token's subject is cast to int. 'sub' is a string: Better Auth's user "
                "ids are random strings (ValueError → 500), and PyJWT 2.10+ rejects a "
                "numeric sub.",
                'Keep it a string: user_id: str = payload["sub"], and look the user up by '
                "that string (store integer ids as strings in tokens you issue).",
            )

    def on_function(self, fn: ast.FunctionDef | ast.AsyncFunctionDef, nodes: list[ast.AST]) -> None:
        """``sub = payload.get("sub")`` … ``int(sub)`` within one function (its nodes);
        its scope claims and token types (:mod:`jwtscope.audit.python.token_config`)."""
        self.config.on_function(fn, nodes)
        name = fn.name
        mints_refresh, reads_type, refresh = type_facts(nodes)
        refresh = refresh or "refresh" in name.lower()
        if mints_refresh:
            self.facts.remember(self.facts.refresh_minted, f"{self.path}:{name}")
        self.type_checked[name] = reads_type or refresh or self.type_checked.get(name, False)
        bound: set[str] = set()
        for n in nodes:
            if isinstance(n, ast.Assign) and _is_sub(n.value):
                bound.update(t.id for t in n.targets if isinstance(t, ast.Name))
            elif (
                isinstance(n, ast.AnnAssign)
                and n.value is not None
                and _is_sub(n.value)
                and isinstance(n.target, ast.Name)
            ):
                bound.add(n.target.id)
        if bound:
            for n in nodes:
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
                    arg = n.args[0] if n.args else None
                    if isinstance(arg, ast.Name) and arg.id in bound:
                        self._int_sub(n, bound)

    def _checks_token(self, node: ast.Call) -> bool:
        """A call that verifies a token: a PyJWT/jose decode that verifies, or a helper.

        ``data.decode("utf-8")`` and ``base64.b64decode`` are not; neither is a decode
        with the signature check off (a harmless peek at the claims).
        """
        which = self.jwt_call(node.func)
        if which is not None or (call_name(node) == "decode" and _owner_is_jwt(node.func)):
            if which is not None and which[1] == "encode":
                return False
            options = keyword(node, "options")
            if isinstance(options, ast.Name):
                options = self.dicts.get(options.id, options)
            return "verify_signature" not in _false_keys(options)
        name = call_name(node)
        return name not in ("decode", "encode") and bool(_TOKEN_HELPER.search(name))

    def on_try(self, node: ast.Try | ast.TryStar) -> None:
        """A broad ``except`` around a token decode that does not raise or answer 401."""
        if not any(
            isinstance(n, ast.Call) and self._checks_token(n)
            for stmt in node.body
            for n in ast.walk(stmt)
        ):
            return
        for handler in node.handlers:
            if not _broad(handler.type):
                continue
            inner = [n for stmt in handler.body for n in ast.walk(stmt)]
            if any(isinstance(n, ast.Raise) for n in inner) or any(
                (isinstance(n, ast.Constant) and n.value in _AUTH_STATUS)
                or (isinstance(n, ast.Attribute) and n.attr.startswith(("HTTP_401", "HTTP_403")))
                or (isinstance(n, ast.Call) and "Redirect" in call_name(n))
                for n in inner
            ):
                continue
            what = "except:" if handler.type is None else "except Exception:"
            self.emit(
                "AUDIT-EXCEPT-SWALLOW",
                handler.lineno,
                f"{what} around a token decode neither raises nor answers 401: an invalid, "
                "expired or forged token is turned into a normal value.",
                "Catch the JWT error and refuse the request:\n"
                "    except jwt.InvalidTokenError as exc:\n"
                '        raise HTTPException(401, "Invalid token",\n'
                '                            headers={"WWW-Authenticate": "Bearer"}) from exc',
            )


def env_reads(node: ast.expr) -> set[str]:
    """The environment variables an expression reads: ``os.environ["X"]`` and the calls
    :func:`~jwtscope.audit.python.secret_literals.env_var_read` knows."""
    out: set[str] = set()
    for n in ast.walk(node):
        name: str | None = None
        if isinstance(n, ast.Subscript):
            head = dotted(n.value)
            if head and head[-1] == "environ":
                name = literal_str(n.slice)
        elif isinstance(n, ast.Call):
            name = env_var_read(n)
        if name and ENV_NAME.match(name):
            out.add(name)
    return out


def _single(node: ast.expr | None) -> tuple[Piece, ...] | None:
    """A string argument as pieces; None for lists, non-strings and missing arguments."""
    if node is None or isinstance(node, ast.List | ast.Tuple | ast.Set):
        return None
    return pieces(node)


def _owner_is_jwt(func: ast.expr) -> bool:
    owner = dotted(func.value) if isinstance(func, ast.Attribute) else None
    return owner is not None and any(p.lower() in ("jwt", "jose", "jws", "pyjwt") for p in owner)


def _is_sub(node: ast.expr) -> bool:
    if isinstance(node, ast.Subscript):
        return literal_str(node.slice) == "sub"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "get" and bool(node.args) and literal_str(node.args[0]) == "sub"
    if isinstance(node, ast.Attribute):
        return node.attr == "sub"
    return False


def _broad(node: ast.expr | None) -> bool:
    if node is None:
        return True
    if isinstance(node, ast.Tuple):
        return any(_broad(e) for e in node.elts)
    ref = dotted(node)
    return ref is not None and ref[-1] in ("Exception", "BaseException")
