import { betterAuth } from "better-auth";
import { jwt as jwtPlugin } from "better-auth/plugins";
import { nextCookies } from "better-auth/next-js";
import { db } from "./db";

export const auth = betterAuth({
  database: db,
  baseURL: process.env.BETTER_AUTH_URL,
  secret: process.env.BETTER_AUTH_SECRET,
  emailAndPassword: { enabled: true },
  plugins: [
    jwtPlugin({
      jwks: { keyPairConfig: { alg: "ES256" } },
    }),
    nextCookies(),
  ],
});
