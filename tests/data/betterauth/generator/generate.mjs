// Real Better Auth output for jwtscope's tests. Run BY HAND (never in CI):
//
//   cd tests/data/betterauth/generator && npm ci && node generate.mjs
//
// Every scenario starts Better Auth in-process (memory adapter, no network: requests go
// straight to `auth.handler`), signs up a user and writes what Better Auth answered into
// ../<scenario>/ (see ../README.md). The outputs are committed; re-running replaces them
// with new keys, ids and times, so the tests' constants must be updated after a re-run.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { bearer, jwt } from "better-auth/plugins";

const OUT = dirname(dirname(fileURLToPath(import.meta.url)));
const SECRET = "xxxxxxxx0123456789abcdefghijklmnopqrstuvwxyz";
const OTHER_SECRET = "yyyyyyyy9876543210zyxwvutsrqponmlkjihgfedcba";
const USER = { email: "alice@example.com", password: "correct horse battery", name: "Alice" };

function newDb() {
  return { user: [], session: [], account: [], verification: [], jwks: [] };
}

function makeAuth(db, cfg) {
  return betterAuth({
    database: memoryAdapter(db),
    secret: cfg.secret ?? SECRET,
    baseURL: cfg.baseURL,
    basePath: cfg.basePath ?? "/api/auth",
    emailAndPassword: { enabled: true },
    session: cfg.cookieCache ? { cookieCache: { enabled: true, ...cfg.cookieCache } } : {},
    plugins: [jwt(cfg.jwt ?? {}), bearer()],
    logger: { disabled: true },
    telemetry: { enabled: false },
  });
}

async function call(auth, cfg, path, { method = "GET", body, cookie } = {}) {
  const base = cfg.baseURL.replace(/\/$/, "") + (cfg.basePath ?? "/api/auth");
  const headers = { origin: cfg.baseURL };
  if (body) headers["content-type"] = "application/json";
  if (cookie) headers.cookie = cookie;
  const res = await auth.handler(
    new Request(base + path, { method, headers, body: body && JSON.stringify(body) }),
  );
  const text = await res.text();
  return { res, text, json: text.startsWith("{") ? JSON.parse(text) : null };
}

/** The `name=value` pairs of every Set-Cookie, as a browser would send them back. */
function cookiePairs(res) {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

function write(dir, name, text) {
  mkdirSync(join(OUT, dir), { recursive: true });
  writeFileSync(join(OUT, dir, name), text);
}

async function signUp(auth, cfg) {
  const up = await call(auth, cfg, "/sign-up/email", { method: "POST", body: USER });
  if (up.res.status !== 200) throw new Error(`sign-up: ${up.res.status} ${up.text}`);
  return { up, pairs: cookiePairs(up.res) };
}

/** One scenario: sign up, get-session, /token, JWKS; write everything to ../<dir>/. */
async function scenario(dir, cfg, db = newDb()) {
  const auth = makeAuth(db, cfg);
  const { up, pairs } = await signUp(auth, cfg);
  const cookie = pairs.join("; ");
  const session = await call(auth, cfg, "/get-session", { cookie });
  const token = await call(auth, cfg, "/token", { cookie });
  const jwks = await call(auth, cfg, cfg.jwt?.jwks?.jwksPath ?? "/jwks");
  const tokenName = pairs.find((p) => p.includes("session_token="));
  const dataPairs = pairs.filter((p) => p.includes("session_data"));
  write(dir, "token.jwt", `${token.json.token}\n`);
  write(dir, "set_auth_jwt.txt", `${session.res.headers.get("set-auth-jwt")}\n`);
  write(dir, "jwks.json", `${JSON.stringify(jwks.json, null, 2)}\n`);
  write(dir, "session_cookie.txt", `${tokenName}\n`);
  write(dir, "set_auth_token.txt", `${up.res.headers.get("set-auth-token")}\n`);
  if (dataPairs.length) write(dir, "session_data.txt", `${dataPairs.join("; ")}\n`);
  write(dir, "set_cookie.txt", `${up.res.headers.getSetCookie().join("\n")}\n`);
  write(dir, "config.json", `${JSON.stringify({ ...cfg, secret: "secret.txt" }, null, 2)}\n`);
  write(dir, "secret.txt", `${cfg.secret ?? SECRET}\n`);
  return { auth, db, cookie, token: token.json.token };
}

const LOCAL = { baseURL: "http://localhost:3000" };

async function rotated(dir, keyPairConfig) {
  // Key A signs the first token; A is then expired (rotationInterval passed), so the
  // plugin mints key B for the next token and serves both while A is in its grace
  // period; once A is past its grace period the JWKS no longer lists it.
  const jwks = { rotationInterval: 3600, gracePeriod: 86400, ...(keyPairConfig && { keyPairConfig }) };
  const cfg = { ...LOCAL, jwt: { jwks } };
  const { auth, db, cookie, token } = await scenario(dir, cfg);
  write(dir, "token_kid_a.jwt", `${token}\n`);
  db.jwks[0].expiresAt = new Date(Date.now() - 1000);
  const second = await call(auth, cfg, "/token", { cookie });
  write(dir, "token_kid_b.jwt", `${second.json.token}\n`);
  const both = await call(auth, cfg, "/jwks");
  write(dir, "jwks_both.json", `${JSON.stringify(both.json, null, 2)}\n`);
  db.jwks[0].expiresAt = new Date(Date.now() - 2 * 86400 * 1000);
  const later = await call(auth, cfg, "/jwks");
  write(dir, "jwks_later.json", `${JSON.stringify(later.json, null, 2)}\n`);
}

async function secretChanged() {
  // The same database served with another BETTER_AUTH_SECRET: the stored private key no
  // longer decrypts, /token answers 500 and no JWT is issued.
  const db = newDb();
  const { cookie } = await scenario("secret_changed", LOCAL, db);
  const cfg = { ...LOCAL, secret: OTHER_SECRET };
  const other = makeAuth(db, cfg);
  const up = await call(other, cfg, "/sign-in/email", {
    method: "POST",
    body: { email: USER.email, password: USER.password },
  });
  const fresh = cookiePairs(up.res).join("; ") || cookie;
  const token = await call(other, cfg, "/token", { cookie: fresh });
  write("secret_changed", "token_after_change.txt", `${token.res.status}\n${token.text}\n`);
  write("secret_changed", "other_secret.txt", `${OTHER_SECRET}\n`);
}

const CACHE = { maxAge: 300 };

await scenario("plugin_default", LOCAL);
await scenario("rs256", { ...LOCAL, jwt: { jwks: { keyPairConfig: { alg: "RS256" } } } });
await scenario("es256", { ...LOCAL, jwt: { jwks: { keyPairConfig: { alg: "ES256" } } } });
await rotated("rotated");
await rotated("rotated_rs256", { alg: "RS256" });
await rotated("rotated_es256", { alg: "ES256" });
await scenario("cache_compact", { ...LOCAL, cookieCache: { ...CACHE, strategy: "compact" } });
await scenario("cache_jwt", { ...LOCAL, cookieCache: { ...CACHE, strategy: "jwt" } });
await scenario("cache_jwe", { ...LOCAL, cookieCache: { ...CACHE, strategy: "jwe" } });
await scenario("cache_jwt_plugin", {
  ...LOCAL,
  cookieCache: { ...CACHE, strategy: "jwt" },
  jwt: { sessionCookieCache: true },
});
await scenario("https", {
  baseURL: "https://auth.example.com",
  cookieCache: { ...CACHE, strategy: "compact" },
});
await scenario("custom_claims", {
  ...LOCAL,
  jwt: { jwt: { issuer: "https://auth.example.com", audience: "https://api.example.com" } },
});
await scenario("custom_paths", {
  ...LOCAL,
  basePath: "/auth",
  jwt: { jwks: { jwksPath: "/.well-known/jwks.json" } },
});
await scenario("trailing_slash", { baseURL: "http://localhost:3000/" });
await secretChanged();
console.log(`wrote ${OUT}`);
