// Record one HAR with a real Chromium (Debian's /usr/bin/chromium) driven by
// playwright-core: open URL, wait until the page sets its title to "done", save the HAR.
// Usage: node record.mjs URL OUT.har   (run by make_hars.py; not run by CI)
import { chromium } from "playwright-core";

const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const context = await browser.newContext({ recordHar: { path: out, content: "embed", mode: "full" } });
const page = await context.newPage();
await page.goto(url);
await page.waitForFunction(() => document.title === "done", null, { timeout: 30000 });
await context.close();
await browser.close();
