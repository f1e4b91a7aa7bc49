// An Express + jose todo API, configured by the JSON in JWTSCOPE_TEST_CONFIG:
// {port, now, jwks | secret, issuer?, audience?}. Written the way Express apps verify
// Better Auth JWTs: jwtVerify with a local JWKS (or an HS256 secret), errors as
// 401 {"error": err.message}. The clock is `now` (jose's currentDate, and Date header).
import express from "express";
import { createLocalJWKSet, jwtVerify } from "jose";

const config = JSON.parse(process.env.JWTSCOPE_TEST_CONFIG);
const key = config.jwks
  ? createLocalJWKSet(config.jwks)
  : new TextEncoder().encode(config.secret);
const options = {
  algorithms: config.jwks ? ["EdDSA"] : ["HS256"],
  currentDate: new Date(config.now * 1000),
};
if (config.issuer) options.issuer = config.issuer;
if (config.audience) options.audience = config.audience;

const app = express();
app.use((req, res, next) => {
  res.setHeader("Date", new Date(config.now * 1000).toUTCString());
  next();
});

async function auth(req, res, next) {
  const [scheme, token] = (req.headers.authorization || "").split(" ");
  if (scheme !== "Bearer" || !token) {
    return res.status(401).json({ error: "Missing bearer token" });
  }
  try {
    const { payload } = await jwtVerify(token, key, options);
    req.userId = payload.sub;
    next();
  } catch (err) {
    res.status(401).json({ error: err.message });
  }
}

app.get("/todos", auth, (req, res) => {
  res.json([{ id: 1, owner: req.userId, title: "Buy oat milk" }]);
});

const server = app.listen(config.port, "127.0.0.1", () => {
  console.log(`listening on ${server.address().port}`); // port 0: the one the OS chose
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
