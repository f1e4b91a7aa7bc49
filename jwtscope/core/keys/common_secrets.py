"""Built-in list of default, sample and placeholder secrets that people actually ship.

Every entry is a literal that appears as a JWT / HMAC / signed-cookie secret in a
framework default, an official README or docs page, a widely copied tutorial, or an
``.env.example`` that people deploy unchanged.  The list is used for an exact HMAC
dictionary search, so each value is the exact string from its source (whitespace,
case and punctuation included).

The list is grouped by origin; a comment names the project or document each group
comes from.  A value that several projects share appears once, in the first group
that uses it, and the comment names the others.

The module is pure: no I/O, no environment, no clock.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator

__all__ = ["COMMON_SECRETS", "COMMON_SECRET_SET", "candidates", "is_common"]

COMMON_SECRETS: tuple[str, ...] = (
    # --- Better Auth: built-in development fallback when BETTER_AUTH_SECRET is unset
    # (current releases), and the shorter fallback of earlier releases.
    "better-auth-secret-12345678901234567890",
    "better-auth-secret-123456789",
    # --- jwt.io debugger: pre-filled HS256/HS384/HS512 secrets, and the newer sample.
    "your-256-bit-secret",
    "your-384-bit-secret",
    "your-512-bit-secret",
    "a-string-secret-at-least-256-bits-long",
    # --- Supabase: CLI local development JWT secret (`supabase start` prints it),
    # and the self-hosting docker/.env.example default.
    "super-secret-jwt-token-with-at-least-32-characters-long",
    "your-super-secret-jwt-token-with-at-least-32-characters-long",
    # --- PostgREST: tutorial / test-suite jwt-secret.
    "reallyreallyreallyreallyverysafe",
    # --- Hasura: JWT key of Hasura's JWT auth-server examples, the HS256 key baked
    # into community Hasura auth servers' docker-compose/test configs, and the Nhost
    # CLI's local default HASURA_GRAPHQL_JWT_SECRET key.
    "this-is-a-generic-HS256-secret-key-and-you-should-really-change-it",
    "3EK6FD+o0+c7tzBNVfjpMkNDi2yARAAKzQlk8O2IKoxQu4nF7EdAh8s3TwpHwrdWT6R",
    "0f987876650b4a085e64594fae9219e7781b17506bec02489ad061fba8cb22db",
    # --- Strapi: create-strapi-app .env.example values (ADMIN_JWT_SECRET, JWT_SECRET,
    # APP_KEYS) and the `example-token` admin secret of Strapi's example configs.
    "tobemodified",
    "toBeModified",
    "toBeModified1",
    "toBeModified2",
    "example-token",
    # --- Directus: SECRET of the docs' docker-compose example, and the current
    # quickstart's placeholder.
    "6116487b-cda1-52c2-b5b5-c8022c45e263",
    "replace-with-secure-random-value",
    # --- Payload CMS .env.example; Keystone 6 examples' session secret.
    "YOUR_SECRET_HERE",
    "-- DEV COOKIE SECRET; CHANGE ME --",
    # --- Medusa: medusa-config fallback for jwtSecret/cookieSecret; @fastify/jwt README
    # uses the same value.
    "supersecret",
    # --- Umami and Twenty docker-compose / .env.example APP_SECRET.
    "replace-me-with-a-random-string",
    "replace_me_with_a_random_string",
    # --- Authelia configuration.template.yml jwt_secret.
    "a_very_important_secret",
    # --- LibreChat .env.example JWT_SECRET / JWT_REFRESH_SECRET.
    "16f8c0ef4a5d391b26034086c628469d3f9f497f08163ab9b40137092f2909ef",
    "eaa5191f2914e30b9387fd84e254e4ba6fc51b4654968a9b0803b456a54b8418",
    # --- Open WebUI WEBUI_SECRET_KEY default; Dify .env.example SECRET_KEY.
    "t0p-s3cr3t",
    "sk-9f73s3ljTXVcMT3Blb3ljTqtsKiGHXVcMT3BlbkFJLK7U",
    # --- Apache Superset: SECRET_KEY defaults (CVE-2023-27524) -- the pre-1.4.1 default
    # as Python evaluates it and as the source text people paste, the later default, the
    # Helm chart, docs and docker-compose values -- and GUEST_TOKEN_JWT_SECRET.
    "\x02\x01thisismyscretkey\x01\x02\\e\\y\\y\\h",
    r"\2\1thisismyscretkey\1\2\e\y\y\h",
    "CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET",
    "thisISaSECRET_1234",
    "YOUR_OWN_RANDOM_GENERATED_SECRET_KEY",
    "TEST_NON_DEV_SECRET",
    "test-guest-secret-change-me",
    # --- Apache Airflow: airflow.cfg [webserver] secret_key default (CVE-2020-17526).
    "temporary_key",
    # --- jsonwebtoken (node-jsonwebtoken) README.
    "shhhhh",
    # --- express-jwt README; koa-jwt README.
    "shhhhhhared-secret",
    "shared-secret",
    # --- jwt-simple README (string secret, and the hex example secret).
    "xxx",
    "fe1a1915a379f3be5394b64d14794932",
    # --- express-session and Passport docs.
    "keyboard cat",
    # --- passport-jwt README (secretOrKey) and PyJWT README both use "secret".
    "secret",
    # --- NestJS authentication docs (auth/constants.ts).
    "DO NOT USE THIS VALUE. INSTEAD, CREATE A COMPLEX SECRET AND KEEP IT SAFE OUTSIDE"
    " OF THE SOURCE CODE.",
    # --- Hono JWT middleware docs; Elysia @elysiajs/jwt docs.
    "it-is-very-secret",
    "Fischl von Luftschloss Narfidort",
    # --- iron-session README; Remix createCookieSessionStorage docs.
    "complex_password_at_least_32_characters_long",
    "s3cret1",
    # --- NextAuth.js v3 docs / example app (jwt.secret).
    "INp8IvdIyeMcoGAgFGoA61DdBglwwSqnXJZkgz8PSnw",
    # --- Langfuse docker-compose NEXTAUTH_SECRET (also a generic placeholder).
    "mysecret",
    # --- Flask: tutorial `SECRET_KEY='dev'`; quickstart bytes key (as Python evaluates
    # it and as the text people paste into .env); older quickstart keys; the
    # `secrets.token_hex()` output shown in the quickstart.
    "dev",
    '_5#y2L"F4Q8z\n\xec]/',
    r'_5#y2L"F4Q8z\n\xec]/',
    "A0Zr98j/3yX R~XHH!jmN]LWX/,?RT",
    '\xfd{H\xe5<\x95\xf9\xe3\x96.5\xd1\x01O<!\xd5\xa2\xa0\x9fR"\xa1\xa8',
    r'\xfd{H\xe5<\x95\xf9\xe3\x96.5\xd1\x01O<!\xd5\xa2\xa0\x9fR"\xa1\xa8',
    "192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbf",
    # --- Flask-JWT-Extended docs (JWT_SECRET_KEY, "Change this!").
    "super-secret",
    # --- FastAPI docs, OAuth2 with JWT tutorial (SECRET_KEY).
    "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7",
    # --- Django: the django-insecure-prefixed placeholder used as a settings.py default
    # (`config("SECRET_KEY", default=...)`).
    "django-insecure-change-me",
    # --- golang-jwt examples ("AllYourBase"; "my_secret_key" in the parse example);
    # gin-jwt / hertz-jwt README.
    "AllYourBase",
    "my_secret_key",
    "secret key",
    # --- ruby-jwt README; firebase/php-jwt README.
    "my$ecretK3y",
    "example_key",
    # --- Spring Boot tutorials: BezKoder (old and new), JavaInUse, and the
    # allkeysgenerator-style hex keys of widely copied Spring Security JWT tutorials
    # (used via Decoders.BASE64), plus the ASCII text the first one hex-decodes to.
    "bezKoderSecretKey",
    "======================BezKoder=Spring===========================",
    "javainuse",
    "404E635266556A586E3272357538782F413F4428472B4B6250645367566B5970",
    "404E635266556A586E3272357538782F413F4428472B4B6250645367566B5970337336763979244226452948"
    "404D635166546A576E5A7234753778214125442A47",
    "5367566B59703373367639792F423F4528482B4D6251655468576D5A71347437",
    "@NcRfUjXn2r5u8x/A?D(G+KbPdSgVkYp",
    # --- ASP.NET Core JWT tutorials (SymmetricSecurityKey literals).
    "this is my custom Secret key for authentication",
    "superSecretKey@345",
    # --- Node.js tutorials: BezKoder auth.config.js, scotch.io's node-token-authentication
    # ("superSecret" config value), the mongoose-encryption course secret.
    "bezkoder-secret-key",
    "ilovescotchyscotch",
    "Thisisourlittlesecret.",
    # --- Generic "secret" spellings, with the casings people really use.
    "Secret",
    "SECRET",
    "secret1",
    "secret123",
    "secret1234",
    "secretkey",
    "SecretKey",
    "secretKey",
    "SECRETKEY",
    "secret-key",
    "secret_key",
    "SECRET_KEY",
    "secret key here",
    "secret_key_here",
    "secret-key-here",
    "s3cr3t",
    "s3cret",
    "secr3t",
    "my-secret",
    "my_secret",
    "MySecret",
    "mySecret",
    "mysecretkey",
    "MySecretKey",
    "mySecretKey",
    "my-secret-key",
    "MySuperSecretKey",
    "mysupersecretkey",
    "thisismysecretkey",
    "ThisIsMySecretKey",
    "thisisasecret",
    "super-secret-key",
    "super_secret",
    "super_secret_key",
    "supersecretkey",
    "SuperSecret",
    "SuperSecretKey",
    "supersecretpassword",
    "topsecret",
    "top-secret",
    "top secret",
    "verysecret",
    "very-secret",
    "very_secret_key",
    # --- Variable names that end up as the value itself: a quoted name instead of the
    # lookup (`jwt.sign(p, 'process.env.JWT_SECRET')`, `secret: "JWT_SECRET"`), or a
    # `${VAR}` reference that was never expanded (Node's dotenv does not interpolate).
    "process.env.JWT_SECRET",
    "process.env.SECRET",
    "process.env.SECRET_KEY",
    "process.env.TOKEN_SECRET",
    "process.env.NEXTAUTH_SECRET",
    "${JWT_SECRET}",
    "$JWT_SECRET",
    "${SECRET_KEY}",
    "${SECRET}",
    # --- JWT-flavoured words and config-key names used verbatim as the secret.
    "jwt",
    "JWT",
    "jwtsecret",
    "jwtSecret",
    "jwt_secret",
    "jwt-secret",
    "JWT_SECRET",
    "JwtSecret",
    "jwt_secret_key",
    "jwt-secret-key",
    "JWT_SECRET_KEY",
    "jwtSecretKey",
    "jwtkey",
    "jwt_key",
    "jwt-key",
    "jwt-token-secret",
    "hmac",
    "hmac-secret",
    "hmac_secret",
    "hs256",
    "HS256",
    "hs256-secret",
    "token",
    "token_secret",
    "TOKEN_SECRET",
    "access_token_secret",
    "refresh_token_secret",
    "auth_secret",
    "AUTH_SECRET",
    "session_secret",
    "SESSION_SECRET",
    "cookie_secret",
    "app_secret",
    "APP_SECRET",
    "NEXTAUTH_SECRET",
    "key",
    "Key",
    "KEY",
    "private",
    "private_key",
    "privatekey",
    "signing-key",
    "signing_key",
    # --- Placeholders from READMEs and .env.example files, kept verbatim.
    "changeme",
    "ChangeMe",
    "CHANGEME",
    "change-me",
    "change_me",
    "CHANGE_ME",
    "CHANGE-ME",
    "changeit",
    "changethis",
    "change-this",
    "change_this",
    "CHANGE_THIS",
    "changeme123",
    "change-me-in-production",
    "change_me_in_production",
    "change-this-in-production",
    "change-this-secret",
    "replace-me",
    "replace_me",
    "REPLACE_ME",
    "replaceme",
    "replace-this",
    "replace-with-your-secret",
    "TODO",
    "todo",
    "FIXME",
    "TBD",
    "XXX",
    "xxxx",
    "xxxxxx",
    "xxxxxxxx",
    "placeholder",
    "PLACEHOLDER",
    "your-secret-key",
    "your_secret_key",
    "YOUR_SECRET_KEY",
    "yoursecretkey",
    "your-secret",
    "your_secret",
    "YOUR_SECRET",
    "yoursecret",
    "your-secret-here",
    "your_secret_here",
    "your-secret-key-here",
    "your_secret_key_here",
    "your-secret-key-change-in-production",
    "your-secret-key-change-this",
    "your-super-secret-key",
    "your_super_secret_key",
    "your-jwt-secret",
    "your_jwt_secret",
    "YOUR_JWT_SECRET",
    "your-jwt-secret-key",
    "your_jwt_secret_key",
    "your-jwt-secret-here",
    "your_jwt_secret_here",
    "your_jwt_secret_key_here",
    "your-own-jwt-secret",
    "your-top-secret-key",
    "your-session-secret",
    "your_session_secret",
    "your-nextauth-secret",
    "your-auth-secret",
    "insert-secret-here",
    "put-your-secret-here",
    "default",
    "default-secret",
    "default_secret",
    "default-key",
    "defaultsecret",
    "example",
    "example-secret",
    "example-key",
    "sample",
    "demo",
    "dummy",
    "fake",
    "none",
    "empty",
    "notasecret",
    "not-a-secret",
    "insecure",
    "unsafe",
    # --- Environment names and dev/test values used as the secret.
    "test",
    "Test",
    "TEST",
    "testing",
    "test-secret",
    "test_secret",
    "testsecret",
    "test-key",
    "testkey",
    "development",
    "dev-secret",
    "dev_secret",
    "devsecret",
    "dev-key",
    "dev_key",
    "development-secret",
    "development_secret",
    "local",
    "local-secret",
    "localhost",
    "staging",
    "prod",
    "production",
    "foo",
    "bar",
    "foobar",
    "foo-bar",
    "hello",
    "hello world",
    "helloworld",
    # --- Common passwords that double as secrets.
    "password",
    "Password",
    "PASSWORD",
    "password1",
    "password123",
    "Password123",
    "Password1",
    "passw0rd",
    "P@ssw0rd",
    "p@ssw0rd",
    "pass",
    "pass123",
    "admin",
    "Admin",
    "admin123",
    "administrator",
    "root",
    "toor",
    "user",
    "guest",
    "qwerty",
    "qwerty123",
    "letmein",
    "welcome",
    "abc",
    "abc123",
    "abcd1234",
    "abcdef",
    "abcdefg",
    "abcdefgh",
    "abcdefghijklmnopqrstuvwxyz",
    "123",
    "1234",
    "12345",
    "123456",
    "1234567",
    "12345678",
    "123456789",
    "1234567890",
    "0123456789",
    "12345678901234567890123456789012",
    "111111",
    "000000",
    "00000000000000000000000000000000",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "iloveyou",
    "monkey",
    "dragon",
    "master",
    "trustno1",
    # --- Stringified missing values: what an unset env var or config field becomes
    # after string coercion in JavaScript (`${undefined}`, String(null), objects) and
    # Python (str(None)).
    "undefined",
    "null",
    "None",
    "[object Object]",
)

COMMON_SECRET_SET: frozenset[str] = frozenset(COMMON_SECRETS)

# Entries made only of ASCII letters, digits, spaces and "-_." are "plain words": for
# those, `is_common` also matches regardless of case ("ChangeMe", "SECRET", ...).
# Entries with any other character (random-looking keys, the Superset and Flask byte
# strings, ...) only match exactly.
_PLAIN_WORD = re.compile(r"[A-Za-z0-9 ._-]+")
_PLAIN_WORDS_LOWER: frozenset[str] = frozenset(
    s.lower() for s in COMMON_SECRETS if _PLAIN_WORD.fullmatch(s)
)

_QUOTES = ('"', "'", "`")

# Standard-alphabet base64 of at least 32 characters (padding optional): candidates for
# the "decode the configured string as base64" pattern (jjwt Decoders.BASE64,
# PostgREST jwt-secret-is-base64, ...).
_BASE64 = re.compile(r"[A-Za-z0-9+/]{32,}={0,2}")
# Even-length hex of at least 32 characters: candidates for bytes.fromhex(...) /
# Buffer.from(..., "hex").
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2}){16,}")


def _unquote(secret: str) -> str:
    """Strip surrounding whitespace, then one matching pair of quotes, then whitespace."""
    s = secret.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in _QUOTES:
        s = s[1:-1].strip()
    return s


def is_common(secret: str) -> bool:
    """Return True if ``secret`` is one of the built-in known secrets.

    Matching, in order:

    1. exact membership in :data:`COMMON_SECRET_SET`;
    2. the same after stripping surrounding whitespace and one pair of matching
       surrounding quotes (``"..."``, ``'...'`` or backticks), as left by a
       hand-written ``.env`` line such as ``JWT_SECRET="changeme" ``;
    3. case-insensitively, but only against "plain word" entries (ASCII letters,
       digits, spaces and ``-_.``), so ``ChangeMe`` or ``SECRET_KEY`` match while
       random-looking keys still need an exact match.
    """
    if secret in COMMON_SECRET_SET:
        return True
    stripped = _unquote(secret)
    if not stripped:
        return False
    if stripped in COMMON_SECRET_SET:
        return True
    return stripped.lower() in _PLAIN_WORDS_LOWER


def _latin1(entry: str) -> bytes | None:
    """The raw bytes of a ``b'...'`` literal, for entries with U+0080..U+00FF only."""
    if entry.isascii() or any(ord(c) > 0xFF for c in entry):
        return None
    return entry.encode("latin-1")


def _base64_decoded(entry: str) -> bytes | None:
    if not _BASE64.fullmatch(entry):
        return None
    body = entry.rstrip("=")
    if len(body) % 4 == 1:
        return None
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _hex_decoded(entry: str) -> bytes | None:
    return bytes.fromhex(entry) if _HEX.fullmatch(entry) else None


def _variants() -> Iterator[bytes | None]:
    for entry in COMMON_SECRETS:
        yield entry.encode("utf-8")
    for convert in (_latin1, _base64_decoded, _hex_decoded):
        for entry in COMMON_SECRETS:
            yield convert(entry)
    for entry in COMMON_SECRETS:
        yield (entry + "\n").encode("utf-8")


def candidates() -> Iterator[bytes]:
    """Yield HMAC key candidates for a dictionary search, best first, without repeats.

    1. Every entry of :data:`COMMON_SECRETS`, UTF-8 encoded, in list order.
    2. For entries with characters U+0080..U+00FF (the Flask docs keys), the
       Latin-1 encoding: the raw bytes of the ``b'...'`` literal the docs show.
    3. For entries that look like base64 (32+ characters), the decoded bytes: Spring
       tutorials pass the configured string through ``Decoders.BASE64`` and
       PostgREST can treat the secret as base64.
    4. For entries that are hex (32+ digits), the hex-decoded bytes
       (``bytes.fromhex``, ``Buffer.from(s, "hex")``).
    5. Every entry followed by ``"\\n"``: the secret read from a file (a Docker or
       Kubernetes secret file, ``open(...).read()``, ``fs.readFileSync``) without
       stripping the newline that ``echo`` or an editor appended -- a classic mistake.

    Variants are cheap (a few hundred extra HMACs) and come after all the plain
    entries, so a search that stops at the first hit finds the likeliest one first.
    """
    seen: set[bytes] = set()
    for value in _variants():
        if value and value not in seen:
            seen.add(value)
            yield value
