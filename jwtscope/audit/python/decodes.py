"""Judge the project's ``jwt.decode`` calls once every file has been read.

The verdict depends on the project: whether the issuer is Better Auth (its tokens carry
``aud`` and are EdDSA), which algorithm the project signs with, which JWKS and base URL
it names, and constants defined in other modules (``algorithms=[settings.ALGORITHM]``).
Each finding's fix is the corrected call with those values filled in.
"""

from __future__ import annotations

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.python.resolve import Project
from jwtscope.audit.python.summary import DecodeCall, ModuleSummary
from jwtscope.core.pyjwt_fix import jwks_url_for, pyjwt_call

__all__ = ["judge_decodes"]

_ASYMMETRIC = ("RS", "PS", "ES", "EdDSA", "Ed")
_BA_SECRET_NAMES = ("BETTER_AUTH_SECRET", "AUTH_SECRET")
_GUESS_ORIGIN = "http://localhost:3000"


def _own_tokens(project: Project, call: DecodeCall, algs: list[str] | None) -> bool:
    """True when the decode checks tokens the project mints itself (``jwt.encode`` with the
    same algorithms, no JWKS key): Better Auth's rules (``aud``, EdDSA) do not apply."""
    facts = project.facts
    if not facts.minted or not algs or _ba_secret(call):
        return False
    jwks = any("jwk" in n.lower() for n in call.key_names)
    return not jwks and set(algs) <= facts.sign_algorithms


def _corrected(project: Project, call: DecodeCall, algs: list[str] | None) -> str:
    facts = project.facts
    own_hmac = bool(algs) and all(a.upper().startswith("HS") for a in algs or ())
    own = own_hmac or _own_tokens(project, call, algs)
    better_auth = facts.is_better_auth and (not own or _ba_secret(call))
    real = {a for a in algs or () if a.lower() != "none"}
    if better_auth:
        alg = facts.issuer_alg or "EdDSA"
    elif len(real) == 1:
        alg = next(iter(real))
    elif len(facts.sign_algorithms) == 1:
        alg = next(iter(facts.sign_algorithms))
    else:
        alg = "HS256"
    payload = None
    if better_auth:
        origin = facts.base_url or _GUESS_ORIGIN
        payload = {"aud": origin, "iss": origin}
    jwks = facts.jwks_url or (jwks_url_for(payload) if better_auth else None)
    hmac = alg.startswith("HS")
    keep_key = (hmac and not _ba_secret(call)) or (not hmac and not jwks)
    key = call.key_src if keep_key and call.key_src else None
    text = pyjwt_call(payload, alg, jwks_url=jwks, key=key, token=call.token_src)
    if better_auth and not facts.base_url:
        text += f"\n# {_GUESS_ORIGIN}: put your BETTER_AUTH_URL (the Better Auth base URL) here"
    return text


def _aud_off(where: str) -> tuple[str, str]:
    """The detail and fix of AUDIT-DECODE-AUD-OFF."""
    return (
        f"jwt.decode{where} has verify_aud off: a token issued for another audience "
        "(another service of the same issuer) is accepted here.",
        "Remove verify_aud from options= and pass audience=<the aud your issuer puts "
        "in this API's tokens>.",
    )


def _type_unchecked(minted: str, where: str) -> tuple[str, str]:
    """The detail and fix of AUDIT-TOKEN-TYPE-UNCHECKED."""
    return (
        f"The project mints refresh tokens too ({minted}), and jwt.decode{where} never "
        "reads the token's type: a long-lived refresh token is accepted where an access "
        "token is expected.",
        'Check the type after decoding: if payload.get("type") != "access": raise 401.',
    )


def _ba_secret(call: DecodeCall) -> bool:
    return any(name in n for n in call.key_names for name in _BA_SECRET_NAMES)


def _env_names(project: Project, module: str, names: tuple[str, ...]) -> set[str]:
    """The environment variables that names used in ``module`` were read from, through
    imports (``from app.config import SECRET`` where ``SECRET = os.environ["X"]``)."""
    out: set[str] = set()
    for name in names:
        sym = project.resolve(module, (name,))
        if sym is not None and sym.kind == "env" and isinstance(sym.obj, tuple):
            out.update(str(v) for v in sym.obj)
    return out


def _algorithm_problems(algs: list[str] | None, where: str) -> list[tuple[str, str]]:
    """``none`` allowed, or HMAC mixed with public-key algorithms for one key."""
    if algs is None:
        return []
    out = []
    if any(a.lower() == "none" for a in algs):
        out.append(
            ("AUDIT-ALG-NONE-ALLOWED", f"algorithms={algs!r}{where} accepts unsigned tokens.")
        )
    hs = [a for a in algs if a.upper().startswith("HS")]
    asym = [a for a in algs if a.startswith(_ASYMMETRIC)]
    if hs and asym:
        out.append(
            (
                "AUDIT-ALG-MIXED",
                f"algorithms={algs!r}{where} mixes HMAC ({', '.join(hs)}) with public-key "
                f"algorithms ({', '.join(asym)}) for one key.",
            )
        )
    return out


def _judge(project: Project, m: ModuleSummary, call: DecodeCall) -> list[AuditFinding]:
    facts = project.facts
    imported = _env_names(project, m.name, call.key_names) - set(call.key_names)
    if imported:
        call.key_names = tuple(sorted({*call.key_names, *imported}))
    algs = project.strings(m.name, call.algorithms) if call.algorithms is not None else None
    out: list[AuditFinding] = []

    def add(code: str, detail: str, fix: str | None = None) -> None:
        out.append(
            make(
                code,
                path=m.path,
                line=call.line,
                source_line=call.source,
                detail=detail,
                fix=fix if fix is not None else _corrected(project, call, algs),
            )
        )

    where = f" in {call.in_function}()" if call.in_function else ""
    if call.verify_off and call.peek:
        return out  # read for kid/alg/iss or a log line, then verified: judged by its use
    if call.verify_off:
        add(
            "AUDIT-DECODE-NO-VERIFY",
            f"jwt.decode{where} skips the signature check: any forged token is accepted.",
        )
        return out
    pinned_eddsa = algs is not None and "EdDSA" in algs
    if call.lib == "jose" and (pinned_eddsa or (algs is None and facts.is_eddsa)):
        why = (facts.better_auth or facts.eddsa or ["algorithms=['EdDSA']"])[0]
        add(
            "AUDIT-JOSE-EDDSA",
            f"python-jose decodes the tokens{where}, but they are EdDSA (evidence: {why}) "
            "and python-jose cannot verify EdDSA.",
            "Switch to PyJWT (pip install 'pyjwt[crypto]'):\n" + _corrected(project, call, algs),
        )
    if not call.algorithms_given and not call.splat:
        add(
            "AUDIT-DECODE-NO-ALGORITHMS",
            f"jwt.decode{where} has no algorithms=: "
            + (
                "PyJWT 2 raises DecodeError on every token."
                if call.lib == "pyjwt"
                else "python-jose then accepts whatever algorithm the token names."
            ),
        )
    for code, detail in _algorithm_problems(algs, where):
        add(code, detail)
    if call.exp_off:
        add("AUDIT-DECODE-NO-EXP", f"jwt.decode{where} has verify_exp off: expired tokens pass.")
    all_hmac = algs is not None and bool(algs) and all(a.upper().startswith("HS") for a in algs)
    if _ba_secret(call) and (algs is None or all_hmac):
        add(
            "AUDIT-DECODE-BA-SECRET",
            f"jwt.decode{where} verifies with {call.key_src}, but Better Auth's JWT plugin "
            "signs with the keys published at /api/auth/jwks (EdDSA by default), never "
            "with BETTER_AUTH_SECRET.",
        )
    elif (
        facts.is_better_auth
        and not call.audience_given
        and not call.splat
        and not all_hmac
        and not _own_tokens(project, call, algs)
    ):
        why = facts.better_auth[0]
        off = " (verify_aud is off, so any audience passes)" if call.aud_off else ""
        add(
            "AUDIT-DECODE-NO-AUDIENCE",
            f"The issuer is Better Auth (evidence: {why}); its tokens carry aud, and "
            f"jwt.decode{where} passes no audience={off}.",
        )
    elif call.aud_off:
        add("AUDIT-DECODE-AUD-OFF", *_aud_off(where))
    if facts.refresh_minted and not call.type_checked and not call.verify_off:
        add("AUDIT-TOKEN-TYPE-UNCHECKED", *_type_unchecked(facts.refresh_minted[0], where))
    return out


def judge_decodes(project: Project) -> list[AuditFinding]:
    """Findings for every recorded ``jwt.decode`` call of the project."""
    out: list[AuditFinding] = []
    for m in project.modules.values():
        for ref in m.sign_algorithms:
            value = project.string(m.name, ref)
            if value:
                project.facts.sign_algorithms.add(value)
    for m in project.modules.values():
        for call in m.decodes:
            out += _judge(project, m, call)
    return out
