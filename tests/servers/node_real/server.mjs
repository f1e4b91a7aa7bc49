// Backends on real Node auth libraries at their documented defaults; GET /todos needs a
// token. Config (JSON in JWTSCOPE_TEST_CONFIG): port, lib (express-jwt | passport-jwt |
// fastify-jwt | hono), secret, audience and issuer (optional). The libraries read the
// wall clock. Each error body is the library's own (or its README's error handler).
const config = JSON.parse(process.env.JWTSCOPE_TEST_CONFIG);
const { port, lib, secret, audience, issuer } = config;
const todos = (user) => ({ owner: user?.sub ?? null, todos: [] });
// The test fixture waits for this line: the server accepts connections from then on, on
// the port it names (port 0: the one the OS chose).
const listening = (actual) => console.log(`listening on ${actual}`);

if (lib === "express-jwt") {
  const { default: express } = await import("express");
  const { expressjwt } = await import("express-jwt");
  const app = express();
  app.get(
    "/todos",
    expressjwt({ secret, algorithms: ["HS256"], audience, issuer }),
    (req, res) => res.json(todos(req.auth)),
  );
  // The README's error handler.
  app.use((err, req, res, next) => {
    if (err.name === "UnauthorizedError") {
      res.status(401).send("invalid token...");
    } else {
      next(err);
    }
  });
  const server = app.listen(port, "127.0.0.1", () => listening(server.address().port));
} else if (lib === "passport-jwt") {
  const { default: express } = await import("express");
  const { default: passport } = await import("passport");
  const { Strategy, ExtractJwt } = await import("passport-jwt");
  passport.use(
    new Strategy(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        secretOrKey: secret,
        audience,
        issuer,
      },
      (payload, done) => done(null, payload),
    ),
  );
  const app = express();
  app.use(passport.initialize());
  app.get("/todos", passport.authenticate("jwt", { session: false }), (req, res) =>
    res.json(todos(req.user)),
  );
  const server = app.listen(port, "127.0.0.1", () => listening(server.address().port));
} else if (lib === "fastify-jwt") {
  const { default: Fastify } = await import("fastify");
  const { default: fastifyJwt } = await import("@fastify/jwt");
  const app = Fastify();
  const verify = {};
  if (audience) verify.allowedAud = audience;
  if (issuer) verify.allowedIss = issuer;
  app.register(fastifyJwt, { secret, verify });
  app.get(
    "/todos",
    {
      onRequest: async (request, reply) => {
        try {
          await request.jwtVerify();
        } catch (err) {
          reply.send(err);
        }
      },
    },
    async (request) => todos(request.user),
  );
  await app.listen({ port, host: "127.0.0.1" });
  listening(app.server.address().port);
} else if (lib === "hono") {
  const { Hono } = await import("hono");
  const { jwt } = await import("hono/jwt");
  const { serve } = await import("@hono/node-server");
  const app = new Hono();
  app.use("/todos", jwt({ secret, alg: "HS256" }));
  app.get("/todos", (c) => c.json(todos(c.get("jwtPayload"))));
  serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) => listening(info.port));
} else {
  throw new Error(`unknown lib ${lib}`);
}
