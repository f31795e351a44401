// Logs in to the staff review app in Debian's headless Chromium and walks
// login -> conversation list -> transcript -> dashboard -> logout, saving screenshots.
// Run by tests/review/test_review_browser.py; settings come from the environment.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const url = process.env.REVIEW_URL;
// The stored (pseudonymous) id of the test conversation with a fallback turn.
const fallbackId = process.env.REVIEW_FALLBACK_ID;
const shots = process.env.SCREENSHOT_DIR;
const profile = mkdtempSync(join(tmpdir(), "review-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
  ],
});
const blocked = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  // Everything must come from the app itself: no CDNs, fonts or scripts elsewhere.
  page.on("request", (request) => {
    if (!request.url().startsWith(url) && !request.url().startsWith("data:")) {
      blocked.push(request.url());
    }
  });

  await page.goto(`${url}/conversations`);
  assert.match(page.url(), /\/login\?next=/, "an anonymous visit goes to the login page");
  await page.getByLabel("Staff name").fill(process.env.REVIEW_USER);
  await page.getByLabel("Password").fill(process.env.REVIEW_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`${url}/conversations`);
  await page.getByRole("heading", { name: "Conversations" }).waitFor();
  const rows = await page.locator("table.data tbody tr").count();
  assert.equal(rows, 4, "four conversations listed");
  await page.screenshot({ path: join(shots, "review-list.png"), fullPage: true });

  await page.getByLabel("Crisis").selectOption("yes");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/crisis=yes/);
  assert.equal(await page.locator("table.data tbody tr").count(), 2, "crisis filter");
  await page.getByRole("link", { name: "Clear" }).click();

  // The list shows the first 16 characters of an id.
  await page.locator(`a[href="/conversations/view?id=${fallbackId}"]`).click();
  await page.waitForURL(`${url}/conversations/view?id=${fallbackId}`);
  const transcript = await page.locator("ol.transcript").innerText();
  assert.match(transcript, /nlu_fallback\s+confidence 0\.21/);
  assert.match(transcript, /concern_bonding\s+confidence 0\.88/);
  assert.match(transcript, /<b>asdf<\/b> qwerty/, "user text shown literally, not as HTML");
  await page.screenshot({ path: join(shots, "review-transcript.png"), fullPage: true });

  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.waitForURL(`${url}/dashboard`);
  assert.equal(await page.locator("svg.chart").count(), 10, "ten charts, the staff loop included");
  assert.equal(await page.locator("#tile-escalated").innerText(), "2");
  const perDay = await page.getByRole("img", { name: "Conversations per day" }).count();
  assert.equal(perDay, 1, "charts are images with accessible names");
  await page.screenshot({ path: join(shots, "review-dashboard.png"), fullPage: true });

  await page.getByRole("link", { name: "Needs attention" }).click();
  await page.waitForURL(`${url}/attention`);
  await page.getByRole("heading", { name: "Needs attention" }).waitFor();
  // Other tests may share this database and have marked one already: count, then compare.
  const unseen = await page.locator("table.data tbody tr.unseen").count();
  assert.ok(unseen >= 1, "the crisis conversations are waiting to be seen");
  await page.getByRole("link", { name: "Review and mark seen" }).first().click();
  await page.getByLabel(/Note/).fill("Checked by the duty lead");
  await page.getByRole("button", { name: "Mark seen" }).click();
  await page.waitForURL(`${url}/attention`);
  assert.equal(await page.locator("table.data tbody tr.unseen").count(), unseen - 1, "one fewer after marking");
  await page.screenshot({ path: join(shots, "review-attention.png"), fullPage: true });

  await page.getByRole("link", { name: "Needs review" }).click();
  await page.waitForURL(`${url}/review`);
  await page.getByRole("heading", { name: "Needs review" }).waitFor();
  assert.match(await page.locator("table.data").innerText(), /fallback/, "the fallback turn is queued");
  await page.screenshot({ path: join(shots, "review-queue.png"), fullPage: true });

  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${url}/dashboard`);
  assert.match(page.url(), /\/login\?next=/, "logged out for good");
  assert.deepEqual(blocked, [], "no requests left the app");
  console.log(JSON.stringify({ ok: true, rows }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
