"""Table tests of the frontend checks: each mistake, and the near-misses that must stay quiet."""

from __future__ import annotations

import textwrap

import pytest

from jwtscope.audit.frontend.frontend_scan import scan_script
from jwtscope.audit.frontend.scripttree import Script


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
    "betterAuth secret with a placeholder fallback": (
        """
        import { betterAuth } from "better-auth";
        export const auth = betterAuth({
          secret: process.env.BETTER_AUTH_SECRET || "change-me",
        });
        """,
        {("AUDIT-SECRET-DEFAULT", 3)},
    ),
    "betterAuth secret through a const with a fallback": (
        """
        import { betterAuth } from "better-auth";
        const secret = process.env.BETTER_AUTH_SECRET! ?? "change-me";
        export const auth = betterAuth({ secret, baseURL: process.env.BETTER_AUTH_URL });
        """,
        {("AUDIT-SECRET-DEFAULT", 2)},
    ),
    "betterAuth secret through a const literal, reported once": (
        """
        import { betterAuth } from "better-auth";
        const authKey = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        export const auth = betterAuth({ secret: authKey });
        """,
        {("AUDIT-SECRET-LITERAL", 2)},
    ),
    "an env secret with a placeholder fallback, anywhere": (
        'const key = process.env.JWT_SECRET || "changeme";\n',
        {("AUDIT-SECRET-DEFAULT", 1)},
    ),
    "an env secret with an empty or computed fallback": (
        'const a = process.env.JWT_SECRET || "";\nconst b = process.env.JWT_SECRET ?? gen();\n',
        set(),
    ),
    "betterAuth in a comment or a string": (
        '/* betterAuth({ secret: "9f8e7d6c5b4a39281706f5e4d3c2b1a0" }) */\n'
        "const doc = 'betterAuth({ secret: \"9f8e7d6c5b4a39281706f5e4d3c2b1a0\" })';\n",
        set(),
    ),
    "a TypeScript cast is not JSX": (
        'const token = <string>localStorage.getItem("jwt");\n'
        "const h = { Authorization: `Bearer ${token}` };\n",
        {("AUDIT-BEARER-UNGUARDED", 2)},
    ),
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


def test_jsx_files_are_read_with_the_tsx_grammar():
    source = (
        "export function Notes({ token }: { token?: string }) {\n"
        '  localStorage.setItem("token", token ?? "");\n'
        "  return <div onClick={() => fetch(`${API_URL}/notes`)}>{token}</div>;\n"
        "}\n"
    )
    for path in ("web/Notes.tsx", "web/Notes.jsx", "web/notes.js"):
        facts, findings = scan_script(source, path)
        assert [(f.code, f.line) for f in findings] == [("AUDIT-TOKEN-WEBSTORAGE", 2)], path
        assert [(f.line, f.url_path) for f in facts.fetches] == [(3, "/notes")], path


def test_fallback_literals_are_never_printed():
    source = (
        'import { betterAuth } from "better-auth";\n'
        'const secret = process.env.BETTER_AUTH_SECRET || "change-me-please-42";\n'
        "export const auth = betterAuth({ secret });\n"
    )
    facts, findings = scan_script(source, "auth.ts")
    (finding,) = findings
    assert "change-me-please-42" not in repr(finding)
    assert finding.source_line.startswith('const secret = process.env.BETTER_AUTH_SECRET || "<')
    assert "redacted" in finding.source_line
    (config,) = facts.configs
    assert (config.secret_given, config.secret_env) == (True, "BETTER_AUTH_SECRET")


def test_config_values_through_consts_of_the_file():
    facts, _ = scan_script(
        'import { betterAuth } from "better-auth";\n'
        'import { jwt } from "better-auth/plugins";\n'
        'const BASE = "https://app.example.com";\n'
        'const ISSUER = "https://issuer.example.com";\n'
        "export const auth = betterAuth({\n"
        "  baseURL: BASE,\n"
        "  plugins: [jwt({ jwt: { issuer: ISSUER, audience: aud() } })],\n"
        "} satisfies Options);\n",
        "auth.ts",
    )
    (config,) = facts.configs
    assert (config.base_url, config.line, config.plugins_literal) == (BASE_URL, 5, True)
    (plugin,) = facts.jwt_calls
    assert (plugin.issuer, plugin.audience, plugin.claims_unknown, plugin.alg) == (
        "https://issuer.example.com",
        None,
        True,
        "EdDSA",
    )


BASE_URL = "https://app.example.com"


def test_test_files_give_facts_but_no_findings():
    facts, findings = scan_script('localStorage.setItem("token", t);\n', "x.test.ts", is_test=True)
    assert findings == [] and facts.fetches == []
    source = 'export const auth = betterAuth({ secret: "9f8e7d6c5b4a39281706f5e4d3c2b1a0" });\n'
    facts, findings = scan_script(source, "auth.test.ts", is_test=True)
    assert findings == [] and [c.secret_given for c in facts.configs] == [True]
    assert [f.code for f in scan_script(source, "auth.ts")[1]] == ["AUDIT-SECRET-LITERAL"]


def test_comments_strings_and_regexes_are_not_code():
    src = 'a = "x { y"; // c }\nb = `t ${c ? "}" : d} {` /* z */ / 2;\nr = /["{]/g;\n'
    script = Script(src, "x.ts")
    assert not script.root.has_error
    assert [script.code_line(n) for n in (1, 2)] == [
        'a = "x { y";       ',
        'b = `t ${c ? "}" : d} {`         / 2;',
    ]
    assert [s.type for s in script.of("template")] == ["template_string"]
    assert script.error_line is None
    assert Script("const a = (;\n", "x.ts").error_line == 1


def test_a_script_that_does_not_parse_is_listed_and_judges_nothing(tmp_path):
    from jwtscope.audit import audit_project

    (tmp_path / "api.py").write_text(
        'import os\n\nimport jwt\n\nclaims = jwt.decode(t, os.environ["BETTER_AUTH_SECRET"], '
        'algorithms=["HS256"])\n'
    )
    (tmp_path / "auth.ts").write_text(
        'import { betterAuth } from "better-auth";\nexport const auth = betterAuth({});\n'
    )
    plugin_missing = ("AUDIT-BA-NO-JWT-PLUGIN", "auth.ts")
    before = audit_project(tmp_path, git=False)
    assert plugin_missing in {(f.code, f.path) for f in before.findings} and not before.skipped
    # the plugin may be configured in a file the audit cannot read: no verdict on it
    (tmp_path / "plugins.ts").write_text(
        'import { jwt } from "better-auth/plugins";\n'
        'localStorage.setItem("token", t);\n'
        "export const plugins = [jwt({ jwks: { keyPairConfig: { alg: ",
    )
    after = audit_project(tmp_path, git=False)
    assert plugin_missing not in {(f.code, f.path) for f in after.findings}
    assert not any(f.path == "plugins.ts" for f in after.findings)
    (skipped,) = after.skipped
    assert skipped.path == "plugins.ts"
    assert skipped.reason.startswith("could not parse plugins.ts line 3: syntax error")


def test_axios_calls_are_recorded_like_fetches():
    facts, _ = scan_script(
        "await axios.get(`${API_URL}/notes/${id}`);\n"
        "await axios.post(`${API_URL}/notes`, body, { withCredentials: true });\n"
        "await axios({ url: `${API_URL}/notes`, headers: { Authorization: `Bearer ${t}` } });\n"
        "await axios.get(`${API_URL}/notes`, config);\n"
        "await api.get(`${API_URL}/notes`);\n",
        "x.ts",
    )
    assert [
        (f.client, f.line, f.url_path, f.has_auth, f.has_credentials) for f in facts.fetches
    ] == [
        ("axios", 1, "/notes/{}", False, False),
        ("axios", 2, "/notes", False, True),
        ("axios", 3, "/notes", True, False),
    ]  # line 4: the config is built elsewhere; line 5: an instance, not followed
    assert not facts.axios_defaults


_BACKEND = (
    "import os\n\nimport jwt\nfrom fastapi import Depends, FastAPI, Header\n\n"
    "app = FastAPI()\n\n\ndef user(authorization: str = Header()) -> dict:\n"
    '    return jwt.decode(authorization, os.environ["JWT_SECRET"], algorithms=["HS256"])\n\n\n'
    '@app.get("/notes")\ndef notes(u: dict = Depends(user)) -> list:\n    return []\n'
)


@pytest.mark.parametrize("defaults", [False, True], ids=["no defaults", "axios.defaults set"])
def test_axios_without_a_token_to_a_protected_route(tmp_path, defaults):
    from jwtscope.audit import audit_project

    (tmp_path / "main.py").write_text(_BACKEND)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "notes.ts").write_text(
        "export const list = () => axios.get(`${process.env.NEXT_PUBLIC_API_URL}/notes`);\n"
    )
    if defaults:
        (tmp_path / "web" / "http.ts").write_text(
            'axios.defaults.headers.common["Authorization"] = `Bearer ${token}`;\n'
        )
    found = [(f.code, f.path, f.line) for f in audit_project(tmp_path, git=False).findings]
    expected = [] if defaults else [("AUDIT-FETCH-NO-AUTH", "web/notes.ts", 1)]
    assert [f for f in found if f[0] == "AUDIT-FETCH-NO-AUTH"] == expected


def test_base_url_imported_from_another_module(tmp_path):
    from jwtscope.audit import audit_project

    (tmp_path / "web" / "lib").mkdir(parents=True)
    (tmp_path / "web" / "config.ts").write_text(
        'export const APP_URL = "https://notes.example.com";\nexport const N = 3;\n'
    )
    (tmp_path / "web" / "lib" / "auth.ts").write_text(
        'import { betterAuth } from "better-auth";\nimport { jwt } from "better-auth/plugins";\n'
        'import { APP_URL as base } from "../config";\n\n'
        "export const auth = betterAuth({ baseURL: base, plugins: [jwt()] });\n"
    )
    issuer = audit_project(tmp_path, git=False).issuer
    assert issuer is not None
    assert (issuer.base_url, issuer.jwks_url) == (
        "https://notes.example.com",
        "https://notes.example.com/api/auth/jwks",
    )
    assert "baseURL 'https://notes.example.com' (APP_URL of web/config)" in issuer.evidence
