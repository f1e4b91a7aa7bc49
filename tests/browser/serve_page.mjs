// Open `jwtscope serve`'s page in a real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) and report, as one JSON line on stdout, what the app drew.
//
// Usage: node serve_page.mjs URL EXPECTED TIMEOUT_MS
//
// It prints a first JSON line once the app's screen is there (or the deadline passed) and
// keeps the page open until its stdin sees a line or closes (the test stops the server in
// between); it then waits for the page to show that its session ended (body.-closed, set
// when the websocket closes) and prints a second JSON line: {"closed": true|false}.
//
// The page's terminal (xterm.js) paints on a WebGL or 2D canvas, so the app's text is not
// in the DOM. What the terminal draws is exactly the bytes the page's websocket receives
// (textual.js hands every binary frame to terminal.write), so the script reads those
// frames, drops the escape sequences and waits — up to TIMEOUT_MS, no fixed sleeps — until
// EXPECTED appears; then it waits for textual.js to reveal the terminal (body.-first-byte,
// set when it wrote the first bytes) and records what the page loaded.
import { chromium } from "playwright-core";

const [url, expected, timeoutText] = process.argv.slice(2);
const timeout = Number(timeoutText || "30000");
const deadline = Date.now() + timeout;
const left = () => Math.max(1, deadline - Date.now());

// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other two-byte ESC sequences.
const ESCAPES = /\x1b\[[0-?]*[ -\/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
const strip = (text) => text.replace(ESCAPES, "");

const result = {
  found: false,
  text: "",
  frames: 0,
  websocket: null,
  requests: [],
  bodyClass: "",
  warning: "",
  terminalBox: null,
  pageErrors: [],
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--metrics-recording-only",
  ],
  timeout: left(),
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("request", (request) => result.requests.push(request.url()));
  page.on("pageerror", (error) => result.pageErrors.push(String(error)));
  let screen = "";
  let seen;
  const appeared = new Promise((resolve) => (seen = resolve));
  page.on("websocket", (ws) => {
    result.websocket = ws.url();
    ws.on("framereceived", ({ payload }) => {
      if (typeof payload === "string") return; // textual-serve's JSON messages (pong …)
      result.frames += 1;
      screen += payload.toString("utf8");
      if (strip(screen).includes(expected)) seen(true);
    });
  });
  await page.goto(url, { timeout: left() });
  let timer;
  result.found = await Promise.race([
    appeared,
    new Promise((resolve) => (timer = setTimeout(() => resolve(false), left()))),
  ]);
  clearTimeout(timer);
  if (result.found) {
    await page.waitForFunction(() => document.body.classList.contains("-first-byte"), null, {
      timeout: left(),
    });
  }
  result.text = strip(screen);
  result.bodyClass = await page.evaluate(() => document.body.className);
  result.warning = (await page.textContent("#local-warning")) || "";
  result.terminalBox = await page.locator(".xterm-screen").boundingBox();
  console.log(JSON.stringify(result));
  let wait;
  await new Promise((resolve) => {
    process.stdin.once("data", resolve);
    process.stdin.once("end", resolve);
    wait = setTimeout(resolve, left());
  });
  clearTimeout(wait);
  process.stdin.destroy();
  const closed = await page
    .waitForFunction(() => document.body.classList.contains("-closed"), null, { timeout: left() })
    .then(() => true, () => false);
  console.log(JSON.stringify({ closed }));
} finally {
  await browser.close();
}
