"""Hypothesis strategies for hostile input: tokens, curl, raw HTTP, HAR, JWKS, ``.env``.

Every strategy is bounded (sizes, depths), so one example never takes long; what it
generates is what an attacker would paste: non-finite and huge numbers, lone
surrogates, terminal escape sequences, deep JSON, wrong types, mutated real inputs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from hypothesis import strategies as st

__all__ = [
    "CANARY_SECRET",
    "HOSTILE_TOKENS",
    "curl_texts",
    "env_texts",
    "har_texts",
    "hostile_tokens",
    "jwks_documents",
    "key_file_bytes",
    "raw_texts",
    "request_texts",
]

#: The secret the generated HS256 tokens are signed with.
CANARY_SECRET = "fuzz-canary-secret-7f3a9c1e5b2d4068"

#: Terminal escapes and other characters a terminal or an encoder chokes on.
NASTY = (
    "\x1b]0;pwned\x07",
    "\x1b[2J",
    "\x1b]52;c;SGVsbG8=\x07",
    "\x9b31m",
    "\x85",
    "\x00",
    "\x7f",
    "\r",
    "\ud800",
    "\udfff",
    "\u202e",
    "\ufeff",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl",
)
#: Numbers as JSON text: non-finite, overflowing, negative zero, huge integers.
NUMBERS = (
    "1e400",
    "-1e400",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e308",
    "-0",
    "0.5",
    "1750000000",
    "99999999999999999999999999999",
    "-99999999999999999999",
    "1" * 400,
    "true",
    "null",
    '"1750000000"',
    "[]",
    "{}",
)
_TIME_CLAIMS = ("exp", "iat", "nbf")

nasty_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(NASTY),
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=5)), max_size=6).map("".join),
)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    nasty_text,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(nasty_text, inner, max_size=4)
    ),
    max_leaves=20,
)


def b64url(data: bytes) -> str:
    """base64url without padding, as in a JWT."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _seg(text: str) -> str:  # a JSON text with escaped lone surrogates stays encodable
    return b64url(text.encode("utf-8", "surrogatepass"))


def _sign(header: str, payload: str) -> str:
    signing_input = f"{_seg(header)}.{_seg(payload)}"
    mac = hmac.new(CANARY_SECRET.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


@st.composite
def _payload_text(draw: st.DrawFn) -> str:
    """A payload object as JSON text, with raw number text in its time claims."""
    claims = draw(st.dictionaries(nasty_text, json_values, max_size=5))
    body = json.dumps(claims, ensure_ascii=draw(st.booleans()), allow_nan=True)
    parts = [body[1:-1]] if len(body) > 2 else []
    for name in draw(st.lists(st.sampled_from(_TIME_CLAIMS), max_size=3, unique=True)):
        parts.append(f'"{name}": {draw(st.sampled_from(NUMBERS))}')
    for name in draw(st.lists(st.sampled_from(("aud", "iss", "sub", "kid")), max_size=3)):
        value = draw(st.one_of(nasty_text, st.lists(nasty_text, max_size=3), json_scalars))
        parts.append(f"{json.dumps(name)}: {json.dumps(value, allow_nan=True)}")
    return "{" + ", ".join(parts) + "}"


@st.composite
def _header_text(draw: st.DrawFn) -> str:
    alg = draw(
        st.one_of(
            st.sampled_from(("HS256", "HS512", "RS256", "EdDSA", "none", "NONE", "ES256")),
            nasty_text,
            json_scalars,
        )
    )
    header: dict[str, Any] = {"alg": alg, "typ": "JWT"}
    header.update(
        draw(
            st.dictionaries(st.sampled_from(("kid", "jku", "x5u", "crit")), json_values, max_size=2)
        )
    )
    return json.dumps(header, ensure_ascii=draw(st.booleans()), allow_nan=True)


def _deep(depth: int, kind: str) -> str:
    return "[" * depth + "]" * depth if kind == "list" else '{"a":' * depth + "1" + "}" * depth


@st.composite
def _structured_token(draw: st.DrawFn) -> str:
    header = draw(_header_text())
    payload = draw(
        st.one_of(
            _payload_text(),
            json_values.map(lambda v: json.dumps(v, allow_nan=True)),
            st.builds(_deep, st.integers(1, 5000), st.sampled_from(("list", "dict"))),
            st.text(max_size=40),
        )
    )
    token = _sign(header, payload)
    if draw(st.booleans()):
        return token
    return draw(
        st.sampled_from(
            (
                "Bearer {}",
                "Authorization: Bearer {}",
                '{{"token": "{}"}}',
                "Cookie: better-auth.session_data={}",
                "{}\n",
                "  {}  ",
            )
        )
    ).format(token)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = list(draw(_structured_token()))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(("insert", "delete", "replace")))
        char = draw(st.one_of(st.sampled_from(list(".=%\\\"'- \n\x1b\x9b\ud800")), st.characters()))
        if op == "insert" or not text:
            text.insert(at, char)
        elif op == "delete":
            del text[min(at, len(text) - 1)]
        else:
            text[min(at, len(text) - 1)] = char
    return "".join(text)


_JWE = st.lists(st.text("ABCDEFabcdef0123456789-_", max_size=20), min_size=5, max_size=5).map(
    lambda parts: _seg('{"alg":"dir","enc":"A256GCM"}') + "." + ".".join(parts[1:])
)
_SESSION = st.builds(
    lambda a, b: f"better-auth.session_token={a}.{b}",
    st.text("abcdefABCDEF0123456789", min_size=32, max_size=32),
    st.text("abcdefABCDEF0123456789%+/=", min_size=20, max_size=60),
)

#: Hostile pasted tokens: structured, mutated, JWE, session cookies, junk.
hostile_tokens = st.one_of(
    _structured_token(),
    _mutated(),
    _JWE,
    _SESSION,
    st.text(max_size=300),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.text("eyJ.-_=abcXYZ019 \n%", max_size=300),
)

_URLS = st.one_of(
    st.sampled_from(
        (
            "https://api.example.com/todos",
            "http://user:pw@127.0.0.1:8000/x?access_token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
            "https://[::1]:99999/",
            "http://%zz/",
            "ftp://x",
            "https://a.b/" + "a" * 3000,
            "",
        )
    ),
    st.text(max_size=40),
)
_HEADER_LINES = st.one_of(
    st.sampled_from(
        (
            "Authorization: Bearer {t}",
            "Cookie: a=b; token={t}",
            "Origin: {u}",
            "Referer: {u}",
            "Content-Type: application/json",
            "X: \x1b[2J",
            "Host: {u}",
            ": bad",
            "Content-Length: 9999999999999",
        )
    ),
    st.builds(lambda n, v: f"{n}: {v}", nasty_text, nasty_text),
)


@st.composite
def _header(draw: st.DrawFn) -> str:
    token = draw(st.one_of(_structured_token(), st.text(max_size=20)))
    return draw(_HEADER_LINES).replace("{t}", token).replace("{u}", draw(_URLS))


def _shell_quote(draw: st.DrawFn, word: str) -> str:
    style = draw(st.sampled_from(("'", '"', "$'", "^", "", "\\")))
    if style == "'":
        return "'" + word.replace("'", "'\\''") + "'"
    if style == '"':
        return '"' + word + '"'
    if style == "$'":
        return "$'" + word + "'"
    return word


@st.composite
def _curl(draw: st.DrawFn) -> str:
    words = ["curl"]
    from jwtscope.core.request.curl_options import ARG_OPTIONS, FLAG_OPTIONS

    options = sorted(ARG_OPTIONS)[:40] + sorted(FLAG_OPTIONS)[:20] + ["H", "X", "d", "b", "u"]
    for _ in range(draw(st.integers(0, 8))):
        name = draw(st.sampled_from(options))
        words.append(("-" if len(name) == 1 else "--") + name)
        if draw(st.booleans()):
            words.append(_shell_quote(draw, draw(st.one_of(_header(), nasty_text, _URLS))))
    words.insert(draw(st.integers(1, len(words))), _shell_quote(draw, draw(_URLS)))
    sep = draw(st.sampled_from((" ", " \\\n  ", " ^\n  ", "  ", " | ", " && ", "\t")))
    return sep.join(words)


#: curl commands: real options, hostile values, every quoting style, pipes.
curl_texts = st.one_of(_curl(), st.text(max_size=200).map(lambda t: "curl " + t))


@st.composite
def _raw(draw: st.DrawFn) -> str:
    method = draw(st.sampled_from(("GET", "POST", "DELETE", "g\x1bT", ":method: GET")))
    target = draw(st.one_of(st.sampled_from(("/", "/todos", "*", "https://x.y/z")), _URLS))
    version = draw(st.sampled_from((" HTTP/1.1", "", " HTTP/2", " HTTP/9.9")))
    lines = [f"{method} {target}{version}", *draw(st.lists(_header(), max_size=6))]
    if draw(st.booleans()):
        lines.append(f"Host: {draw(st.sampled_from(('api.example.com', '', 'a:b:c', '[::1]')))}")
    eol = draw(st.sampled_from(("\r\n", "\n")))
    body = draw(st.one_of(st.none(), nasty_text))
    return eol.join(lines) + (eol + eol + body if body is not None else "")


#: Raw HTTP requests, well- and ill-formed.
raw_texts = st.one_of(_raw(), st.text(max_size=200).map(lambda t: "GET / HTTP/1.1\n" + t))


@st.composite
def _har(draw: st.DrawFn) -> str:
    request = {
        "method": draw(st.one_of(st.sampled_from(("GET", "POST")), json_scalars)),
        "url": draw(st.one_of(_URLS, json_scalars)),
        "headers": draw(
            st.one_of(
                st.lists(
                    st.fixed_dictionaries({"name": nasty_text, "value": nasty_text}), max_size=4
                ),
                json_values,
            )
        ),
        "cookies": draw(json_values),
        "postData": draw(st.one_of(st.fixed_dictionaries({"text": nasty_text}), json_values)),
    }
    entry = {
        "request": request,
        "response": {"status": draw(st.one_of(st.just(401), json_scalars))},
    }
    entries = draw(st.one_of(st.lists(st.just(entry), min_size=1, max_size=3), json_values))
    doc = draw(st.sampled_from(("log", "entries", "bare")))
    data: Any = {"log": {"entries": entries}} if doc == "log" else entries
    return json.dumps(data, allow_nan=True, ensure_ascii=draw(st.booleans()))


#: HAR files: the real shape with hostile values and wrong types, deep JSON, junk.
har_texts = st.one_of(
    _har(),
    st.builds(_deep, st.integers(1, 5000), st.sampled_from(("list", "dict"))),
    st.text(max_size=200).map(lambda t: "{" + t),
)

#: Any text a user pastes on the Replay screen or pipes to ``replay``.
request_texts = st.one_of(curl_texts, raw_texts, har_texts, st.text(max_size=200))

_B64 = st.one_of(
    st.binary(max_size=80).map(b64url), st.text(max_size=30), json_scalars, st.just("A" * 3000)
)
_JWK = st.fixed_dictionaries(
    {"kty": st.one_of(st.sampled_from(("RSA", "EC", "OKP", "oct", "")), json_scalars)},
    optional={
        "n": _B64,
        "e": _B64,
        "crv": st.one_of(st.sampled_from(("P-256", "Ed25519", "X")), json_scalars),
        "x": _B64,
        "y": _B64,
        "k": _B64,
        "kid": nasty_text,
        "alg": nasty_text,
        "use": st.sampled_from(("sig", "enc", "\x1b")),
        "d": _B64,
        "x5c": json_values,
    },
)
#: JWKS documents: real key types with hostile members.
jwks_documents = st.one_of(
    st.fixed_dictionaries({"keys": st.lists(st.one_of(_JWK, json_values), max_size=4)}),
    _JWK,
    st.dictionaries(nasty_text, json_values, max_size=4),
)
_PEM = st.builds(
    lambda kind, body: f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----\n",
    st.sampled_from(("PUBLIC KEY", "CERTIFICATE", "RSA PUBLIC KEY", "PRIVATE KEY", "X")),
    st.one_of(st.binary(max_size=300).map(lambda b: base64.b64encode(b).decode()), nasty_text),
)
#: Key files as bytes: PEM-ish, JWK/JWKS JSON, deep JSON, binary junk.
key_file_bytes = st.one_of(
    _PEM.map(lambda t: t.encode("utf-8", "surrogatepass")),
    jwks_documents.map(lambda d: json.dumps(d, allow_nan=True).encode()),
    st.builds(_deep, st.integers(1, 5000), st.sampled_from(("list", "dict"))).map(
        lambda t: ("{" + '"k":' + t + "}").encode()
    ),
    st.binary(max_size=300),
    st.binary(max_size=300).map(lambda b: b"{" + b),
)

_ENV_LINE = st.one_of(
    st.builds(
        lambda export, name, q, value, comment: f"{export}{name}={q}{value}{q}{comment}",
        st.sampled_from(("", "export ", "  ")),
        st.one_of(
            st.sampled_from(("JWT_SECRET", "BETTER_AUTH_SECRET", "BETTER_AUTH_URL")), nasty_text
        ),
        st.sampled_from(("", "'", '"', "`")),
        st.one_of(nasty_text, st.just("${JWT_SECRET}"), st.just("a\\nb")),
        st.sampled_from(("", " # note", "#")),
    ),
    nasty_text,
    st.just('JWT_SECRET="multi\nline'),
)
#: ``.env`` texts: assignments with every quoting, interpolation, junk lines.
env_texts = st.lists(_ENV_LINE, max_size=8).map("\n".join)


_HS = '{"alg":"HS256","typ":"JWT"}'
#: The issue's reproducers, by name: each must analyse, render and show without a crash.
HOSTILE_TOKENS = {
    **{f"exp {n}": _sign(_HS, f'{{"sub":"u","exp":{n}}}') for n in NUMBERS[:6]},
    **{f"iat {n}": _sign(_HS, f'{{"sub":"u","iat":{n}}}') for n in NUMBERS[:5]},
    **{f"nbf {n}": _sign(_HS, f'{{"sub":"u","nbf":{n}}}') for n in NUMBERS[:5]},
    "lone surrogate claim": _sign(_HS, '{"sub":"\\ud800","name":"\\udfff x"}'),
    "ESC in aud and iss": _sign(
        _HS, '{"sub":"u","aud":"\\u001b]0;pwned\\u0007","iss":"\\u001b[2Jx\\u009b31m"}'
    ),
    "ESC in alg": _sign('{"alg":"HS256\\u001b]52;c;SGk=\\u0007","typ":"JWT"}', '{"sub":"u"}'),
    "C1 in claims": _sign(_HS, '{"sub":"\\u0085\\u009b2J","role":["\\u001b[31mred"]}'),
    "deep payload": _sign(_HS, _deep(3000, "list")),
    "JWE": _seg('{"alg":"dir","enc":"A256GCM"}') + ".a.b.c.d",
}
