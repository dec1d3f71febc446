// Drive `assess serve` in Debian's headless chromium, as a planner would.
//
//   node drive.mjs URL SHOT_BEFORE SHOT_AFTER [--watch=FILE] [--second] [KEY ...]
//
// Opens URL, waits for the served app's first output (body.-first-byte) and for the
// screen to settle, reports the page's title and whether its font loaded, clicks the
// terminal, screenshots it; with --second opens URL in a second tab and reports the
// message its closed-session dialog shows (the server's cap); presses the keys
// (Playwright key names: 2 ArrowRight + Control+s ...), waits until FILE changes on disk
// (if given) and the screen settles again, screenshots again, and closes the browser.
// Every request and WebSocket the pages open, and every console error, is reported.
// Progress goes to stderr as JSON lines; exit 1 on any failure.
// The terminal is drawn on a canvas, its text is not in the DOM: the caller checks
// the screenshots and the files.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const watch = args.find((a) => a.startsWith('--watch='))?.slice('--watch='.length);
const second = args.includes('--second');
const [url, shotBefore, shotAfter, ...keys] = args.filter((a) => !a.startsWith('--'));
if (!url || !shotBefore || !shotAfter) {
  console.error('usage: node drive.mjs URL SHOT_BEFORE SHOT_AFTER [--watch=FILE] [--second] [KEY ...]');
  process.exit(2);
}
const started = Date.now();
const log = (step, extra = {}) =>
  console.error(JSON.stringify({ step, ms: Date.now() - started, ...extra }));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const read = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
};

// Runs in the page: whether xterm's text canvas shows at least `min` colours (every 7th
// pixel sampled). Before the app paints it shows a handful; the app's screen, hundreds.
function painted(min) {
  const canvas = document.querySelector('#terminal canvas.xterm-text-layer');
  if (!canvas || !canvas.width) return false;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length && seen.size < min; i += 4 * 7) {
    seen.add((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]);
  }
  return seen.size >= min;
}

// The screen has settled when two screenshots in a row, `gap` ms apart, are the same.
async function settle(page, { gap = 400, timeout = 10000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = await page.screenshot();
  while (Date.now() < deadline) {
    await sleep(gap);
    const shot = await page.screenshot();
    if (shot.equals(last)) return;
    last = shot;
  }
  throw new Error(`the screen did not settle within ${timeout} ms`);
}

// Runs in the page: whether the page's own Roboto Mono (a local file) has loaded.
function fontLoaded() {
  return [...document.fonts].some(
    (face) => face.family.replace(/["']/g, '') === 'Roboto Mono' && face.status === 'loaded');
}

// Every request, WebSocket and console error of a page, reported at the end.
const seen = { requests: [], websockets: [], errors: [] };
function watchPage(page) {
  page.on('websocket', (ws) => seen.websockets.push(ws.url()));
  page.on('console', (msg) => { if (msg.type() === 'error') seen.errors.push(msg.text()); });
  page.on('pageerror', (err) => seen.errors.push(String(err)));
}

const profile = mkdtempSync(join(tmpdir(), 'assess-chromium-'));
let browser;
let failed = false;
try {
  // launchPersistentContext: the way to give Playwright a user-data dir of our own.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    timeout: 15000,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  log('launched', { profile });
  browser.on('request', (request) => seen.requests.push(request.url()));
  const page = browser.pages()[0] ?? (await browser.newPage());
  watchPage(page);
  page.setDefaultTimeout(15000);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body.-first-byte');
  log('first-byte');
  // The app paints shortly after its first byte (which is only its prelude).
  await page.waitForFunction(painted, 50, { polling: 200, timeout: 15000 });
  log('painted');
  await settle(page);
  log('settled', { title: await page.title(), font: await page.evaluate(fontLoaded) });
  await page.click('#terminal');
  await settle(page);
  await page.screenshot({ path: shotBefore });
  log('screenshot', { path: shotBefore });
  if (second) {
    const other = await browser.newPage();
    watchPage(other);
    await other.goto(url, { waitUntil: 'load' });
    await other.waitForSelector('body.-closed', { timeout: 15000 });
    const message = await other.textContent('.closed-dialog .message');
    log('second', { message, visible: await other.isVisible('.closed-dialog .message') });
    await other.close();
    await page.click('#terminal');
  }

  const original = watch ? read(watch) : null;
  for (const key of keys) {
    await page.keyboard.press(key);
    await sleep(30);
  }
  log('keys', { keys });
  if (watch) {
    const deadline = Date.now() + 10000;
    const unchanged = () => { const now = read(watch); return !now || (original && now.equals(original)); };
    while (Date.now() < deadline && unchanged()) await sleep(100);
    if (unchanged()) throw new Error(`${watch} did not change within 10 s`);
    log('file-changed', { path: watch });
  }
  await settle(page);
  await page.screenshot({ path: shotAfter });
  log('screenshot', { path: shotAfter });
} catch (err) {
  failed = true;
  log('error', { message: String(err && err.stack ? err.stack : err) });
} finally {
  // Closing the browser closes the websocket, and the server stops the served app.
  log('seen', seen);
  if (browser) await browser.close().catch((err) => log('close-error', { message: String(err) }));
  rmSync(profile, { recursive: true, force: true });
  log('closed');
}
process.exit(failed ? 1 : 0);
