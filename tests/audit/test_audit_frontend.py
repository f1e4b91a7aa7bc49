"""Table tests of the frontend checks: each mistake, and the near-misses that must stay quiet."""

from __future__ import annotations

import textwrap

import pytest

from jwtscope.audit.frontend.frontend_scan import scan_script
from jwtscope.audit.frontend.jstext import lex


def found(source: str) -> set[tuple[str, int]]:
    _, findings = scan_script(textwrap.dedent(source).lstrip("\n"), "web/lib/x.ts")
    return {(f.code, f.line) for f in findings}


CASES = {
    "token in localStorage": (
        'localStorage.setItem("token", jwt);\n',
        {("AUDIT-TOKEN-WEBSTORAGE", 1)},
    ),
    "token in sessionStorage by index": (
        'sessionStorage["access_token"] = data.token;\n',
        {("AUDIT-TOKEN-WEBSTORAGE", 1)},
    ),
    "token as a property": ("localStorage.authToken = t;\n", {("AUDIT-TOKEN-WEBSTORAGE", 1)}),
    "theme is not a credential": ('localStorage.setItem("theme", "dark");\n', set()),
    "author and design tokens are not credentials": (
        'localStorage.setItem("authorName", n);\nlocalStorage.setItem("designTokens", t);\n',
        set(),
    ),
    "a token value under any key": (
        'localStorage.setItem("x", session?.accessToken);\n',
        {("AUDIT-TOKEN-WEBSTORAGE", 1)},
    ),
    "reading is not storing": ('const t = localStorage.getItem("token");\n', set()),
    "storage call inside a comment or string": (
        '// localStorage.setItem("token", t)\nconst doc = "localStorage.setItem(\'token\', t)";\n',
        set(),
    ),
    "bearer from getItem, unguarded": (
        """
        const token = localStorage.getItem("jwt");
        fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        """,
        {("AUDIT-BEARER-UNGUARDED", 2)},
    ),
    "bearer from an optional chain": (
        'const h = { Authorization: "Bearer " + session?.token };\n',
        {("AUDIT-BEARER-UNGUARDED", 1)},
    ),
    "bearer from an optional parameter": (
        """
        export function headers(token?: string) {
          return { Authorization: `Bearer ${token}` };
        }
        """,
        {("AUDIT-BEARER-UNGUARDED", 2)},
    ),
    "bearer with string | null type": (
        """
        let token: string | null = null;
        const h = { Authorization: `Bearer ${token}` };
        """,
        {("AUDIT-BEARER-UNGUARDED", 2)},
    ),
    "guarded by if (!token)": (
        """
        async function f() {
          const token = localStorage.getItem("jwt");
          if (!token) throw new Error("not signed in");
          return { Authorization: `Bearer ${token}` };
        }
        """,
        set(),
    ),
    "guarded by a ternary": (
        """
        const token = localStorage.getItem("jwt");
        const headers = token ? { Authorization: `Bearer ${token}` } : {};
        """,
        set(),
    ),
    "guarded by &&": (
        """
        const token = localStorage.getItem("jwt");
        const headers = { ...(token && { Authorization: `Bearer ${token}` }) };
        """,
        set(),
    ),
    "typed string parameter": (
        "export const h = (token: string) => ({ Authorization: `Bearer ${token}` });\n",
        set(),
    ),
    "a call's result: cannot tell": (
        "const token = await getToken();\nconst h = { Authorization: `Bearer ${token}` };\n",
        set(),
    ),
    "an env constant": ("const h = { Authorization: `Bearer ${API_KEY}` };\n", set()),
    "bearer in a comment": ("// Authorization: `Bearer ${token}`\n", set()),
    "fetch to the API without credentials": (
        "const r = await fetch(`${process.env.NEXT_PUBLIC_API_URL}/notes`);\n",
        set(),  # judged against the routes at project level; scan_script only records it
    ),
    "secret literal in betterAuth": (
        """
        import { betterAuth } from "better-auth";
        export const auth = betterAuth({
          secret: "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        });
        """,
        {("AUDIT-SECRET-LITERAL", 3)},
    ),
    "secret from env with a fallback": (
        """
        import { betterAuth } from "better-auth";
        export const auth = betterAuth({
          secret: process.env.BETTER_AUTH_SECRET ?? "fallback-secret",
        });
        """,
        {("AUDIT-SECRET-DEFAULT", 3)},
    ),
    "secret from env only": (
        'import { betterAuth } from "better-auth";\n'
        "export const auth = betterAuth({ secret: process.env.BETTER_AUTH_SECRET });\n",
        set(),
    ),
    "placeholder secret": (
        'import { betterAuth } from "better-auth";\n'
        'export const auth = betterAuth({ secret: "your-secret-here" });\n',
        set(),
    ),
    "an env secret with a literal fallback, anywhere": (
        'const key = new TextEncoder().encode(process.env.JWT_SECRET || "dev-secret-123");\n'
        'const k2 = process.env["SESSION_SECRET"] ?? "x7Qp2Lr9";\n'
        'const name = process.env.APP_NAME || "notes";\n',
        {("AUDIT-SECRET-DEFAULT", 1), ("AUDIT-SECRET-DEFAULT", 2)},
    ),
    "a SECRET constant": (
        'export const JWT_SECRET = "a8Kd93jfQ0pLm27XvB5n";\n',
        {("AUDIT-SECRET-LITERAL", 1)},
    ),
    "a secret NAME constant": ('export const JWT_SECRET_ENV_NAME = "JWT_SECRET";\n', set()),
}


@pytest.mark.parametrize(("source", "expected"), CASES.values(), ids=CASES.keys())
def test_frontend_checks(source, expected):
    assert found(source) == expected


def test_fetch_records_carry_the_url_path():
    facts, _ = scan_script(
        "const r = await fetch(`${API_URL}/notes/${id}?full=1`, { method: 'DELETE' });\n"
        "const s = await fetch(`${API_URL}/notes`, { credentials: 'include' });\n"
        "const t = await fetch(`${API_URL}/notes`, init);\n"
        'const u = await fetch("/api/auth/get-session");\n',
        "x.ts",
    )
    assert [(f.line, f.url_path, f.has_auth, f.has_credentials) for f in facts.fetches] == [
        (1, "/notes/{}", False, False),
        (2, "/notes", False, True),
    ]  # line 3: options built elsewhere; line 4: Better Auth's own route


def test_only_api_names_outside_strings_make_a_fetch_an_api_call():
    facts, _ = scan_script(
        'await fetch("https://api.github.com/repos/x");\n'
        "await fetch(`https://api.stripe.com/${path}`);\n"
        "await fetch(`${process.env.NEXT_PUBLIC_API_URL}/notes`);\n"
        'await fetch("http://localhost:8000/notes");\n',
        "x.ts",
    )
    assert [f.line for f in facts.fetches] == [3, 4]


def test_better_auth_config_facts():
    facts, _ = scan_script(
        textwrap.dedent(
            """
            import { betterAuth } from "better-auth";
            import { jwt as jwtPlugin, bearer } from "better-auth/plugins";
            export const auth = betterAuth({
              baseURL: "https://app.example.com",
              basePath: "/auth",
              plugins: [
                bearer(),
                jwtPlugin({
                  jwks: { keyPairConfig: { alg: "RS256" }, jwksPath: "/keys" },
                  jwt: { issuer: "https://issuer.example.com", audience: "notes-api" },
                }),
              ],
            });
            """
        ),
        "auth.ts",
    )
    (config,) = facts.configs
    assert (config.base_url, config.base_path, config.line) == (
        "https://app.example.com",
        "/auth",
        4,
    )
    (plugin,) = facts.jwt_calls
    assert (plugin.alg, plugin.issuer, plugin.audience, plugin.jwks_path, plugin.line) == (
        "RS256",
        "https://issuer.example.com",
        "notes-api",
        "/keys",
        9,
    )


def test_test_files_give_facts_but_no_findings():
    facts, findings = scan_script('localStorage.setItem("token", t);\n', "x.test.ts", is_test=True)
    assert findings == [] and facts.fetches == []


def test_lexer_keeps_offsets_and_blanks_comments_and_strings():
    src = 'a = "x { y"; // c }\nb = `t ${c ? "}" : d} {` /* z */ / 2;\nr = /["{]/g;\n'
    lexed = lex(src)
    assert len(lexed.shape) == len(src)
    assert lexed.shape.count("{") == lexed.shape.count("}") == 1  # only the ${ … } pair
    assert "c" in lexed.code and "z" not in lexed.code and "// c" not in lexed.code
    assert [s.value for s in lexed.strings] == ["x { y", "}"]
