// Node todo APIs verifying JWTs with jose, with stacked faults: configured by the JSON in
// JWTSCOPE_TEST_CONFIG:
//   {port, now, skew?, framework: "express" | "http", source?: "bearer" | "cookie",
//    cookie?, secret | jwks, algorithms?, issuer?, audience?,
//    surface: "json" | "plain" | "challenge" | "login", users?: true, role?: "admin",
//    cors?: {origin, headers}, bigintSub?: true}
// Written the way Node APIs are: jwtVerify with a secret or a local JWKS, a users table
// keyed by number, a role check (403), CORS answered by hand, and `BigInt(sub)` that
// throws into Express's default error handler (500, HTML). The server's clock is
// now + skew (jose's currentDate and the Date header).
import http from "node:http";
import express from "express";
import { createLocalJWKSet, jwtVerify } from "jose";

const config = JSON.parse(process.env.JWTSCOPE_TEST_CONFIG);
const serverNow = () => new Date((config.now + (config.skew || 0)) * 1000);
const key = config.jwks
  ? createLocalJWKSet(config.jwks)
  : new TextEncoder().encode(config.secret);
const options = {
  algorithms: config.algorithms || (config.jwks ? ["EdDSA"] : ["HS256"]),
  currentDate: serverNow(),
};
if (config.issuer) options.issuer = config.issuer;
if (config.audience) options.audience = config.audience;
const USERS = new Map([[1, "alice"], [42, "bob"]]);

class AuthError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function tokenOf(headers) {
  if (config.source === "cookie") {
    const name = config.cookie || "token";
    for (const part of (headers.cookie || "").split(";")) {
      const [k, ...v] = part.trim().split("=");
      if (k === name) return decodeURIComponent(v.join("="));
    }
    throw new AuthError(401, "Missing token");
  }
  const [scheme, token] = (headers.authorization || "").split(" ");
  if (scheme !== "Bearer" || !token) throw new AuthError(401, "Missing bearer token");
  return token;
}

async function authenticate(headers) {
  const token = tokenOf(headers);
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, options));
  } catch (err) {
    throw new AuthError(401, err.message);
  }
  let user = payload.sub;
  if (config.users) {
    const id = Number(payload.sub);
    if (!USERS.has(id)) throw new AuthError(401, "User not found");
    user = id;
  }
  if (config.role && payload.role !== config.role) {
    throw new AuthError(403, `Forbidden: ${config.role} only`);
  }
  return user;
}

function refusal(err, path) {
  // [status, headers, body] in the configured surface.
  if (config.surface === "login") {
    return [302, { Location: `/login?next=${encodeURIComponent(path)}` }, ""];
  }
  if (config.surface === "plain") {
    const text = err.status === 403 ? "Forbidden" : "Unauthorized";
    return [err.status, { "Content-Type": "text/plain; charset=utf-8" }, text];
  }
  if (config.surface === "challenge") {
    const description = err.message.replaceAll('"', "'");
    const challenge = `Bearer realm="todos", error="invalid_token", error_description="${description}"`;
    return [err.status, { "WWW-Authenticate": challenge }, ""];
  }
  return [err.status, { "Content-Type": "application/json" }, JSON.stringify({ error: err.message })];
}

function corsHeaders(req) {
  const cors = config.cors;
  if (!cors || req.headers.origin !== cors.origin) return {};
  return {
    "Access-Control-Allow-Origin": cors.origin,
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": cors.headers,
  };
}

function todos(user) {
  if (config.bigintSub) user = BigInt(user).toString();
  return [{ id: 1, owner: user, title: "Buy oat milk" }];
}

function expressApp() {
  const app = express();
  app.use((req, res, next) => {
    res.setHeader("Date", serverNow().toUTCString());
    res.set(corsHeaders(req));
    if (req.method === "OPTIONS") return res.status(204).end();
    next();
  });
  app.use((req, res, next) => {
    authenticate(req.headers).then(
      (user) => {
        req.user = user;
        next();
      },
      (err) => {
        const [status, headers, body] = refusal(err, req.path);
        res.status(status).set(headers).send(body);
      },
    );
  });
  app.get("/todos", (req, res) => res.json(todos(req.user)));
  return app;
}

function httpHandler(req, res) {
  const headers = { Date: serverNow().toUTCString(), ...corsHeaders(req) };
  if (req.method === "OPTIONS") {
    res.writeHead(204, headers).end();
    return;
  }
  const path = new URL(req.url, "http://localhost").pathname;
  authenticate(req.headers).then(
    (user) => {
      if (path !== "/todos") {
        res.writeHead(404, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, "Content-Type": "application/json" });
      res.end(JSON.stringify(todos(user)));
    },
    (err) => {
      const [status, extra, body] = refusal(err, path);
      res.writeHead(status, { ...headers, ...extra }).end(body);
    },
  );
}

const server =
  config.framework === "http" ? http.createServer(httpHandler) : http.createServer(expressApp());
// Port 0: the OS chooses; the line tells the test which.
server.listen(config.port, "127.0.0.1", () => console.log(`listening on ${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
