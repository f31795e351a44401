// Browser tests of the chat page and the partner embed against the real assistant.
// Run: node --test tests/browser/  (make browser-test). Screenshots: results/browser/.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { launch, offMachine, recordRequests, skipReason } from './lib/browser.mjs';
import { startNeutralSite } from './lib/neutral.mjs';
import { axe, blocking, botCount, send, waitForReplies } from './lib/page.mjs';
import { ROOT, startStack } from './lib/stack.mjs';
import { startReviewApp, startWebhookReceiver } from './lib/staff.mjs';

const OUT = path.join(ROOT, 'results', 'browser');
const SKIP = skipReason();
if (SKIP) {
  console.log(`# SKIP browser tests: ${SKIP}`);
  test('website chat widget in Chromium', { skip: SKIP }, () => {});
} else {
  describe('website chat widget', { timeout: 900_000 }, suite);
}

function suite() {
  let browser;
  let stack;
  let neutral;
  let webhook;
  let review;
  const requests = [];
  /** The widget's own console lines per page: which session ids it was given and used. */
  const consoles = new WeakMap();

  async function newPage(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
    const urls = recordRequests(context);
    requests.push(urls);
    const page = await context.newPage();
    const lines = [];
    page.on('console', (message) => lines.push(message.text()));
    consoles.set(page, lines);
    return page;
  }

  function shot(page, name) {
    return page.screenshot({ path: path.join(OUT, name), fullPage: true });
  }

  async function sessionId(page) {
    const stored = await page.evaluate(() => window.sessionStorage.getItem('chat_session'));
    return JSON.parse(stored || '{}').session_id;
  }

  /**
   * The conversation the widget sent its first message to. rasa-webchat can be confirmed a
   * second session id if its socket reconnects before the first is stored (a loaded machine);
   * the init payload then went to the first id while storage holds the second.
   */
  async function firstMessageSession(page) {
    const lines = consoles.get(page) ?? [];
    const sent = lines.map((line) => /^sending init payload ([0-9a-f]{32})$/.exec(line)).find(Boolean);
    return sent ? sent[1] : sessionId(page);
  }

  function widgetLog(page) {
    return (consoles.get(page) ?? []).filter((line) => /session_confirm|init payload/.test(line));
  }

  async function tracker(id) {
    const url = `${stack.rasaUrl}/conversations/${id}/tracker?token=${stack.token}`;
    const response = await fetch(url);
    assert.equal(response.status, 200, `tracker for ${id}`);
    return response.json();
  }

  /**
   * The tracker once it holds a user event: Rasa emits replies before it saves the turn, and on
   * a loaded CI machine the save has come more than 20 s after the first reply.
   */
  async function savedTracker(page, idOf = sessionId, timeout = 60_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const id = await idOf(page);
      if (id) {
        const found = await tracker(id);
        if (found.events.some((e) => e.event === 'user') || Date.now() > deadline) {
          return found;
        }
      } else if (Date.now() > deadline) {
        assert.fail('the widget never stored its session id');
      }
      await page.waitForTimeout(250);
    }
  }

  function saveAxe(name, results) {
    writeFileSync(path.join(OUT, name), JSON.stringify(results.violations, null, 2));
    const summary = results.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
    console.log(`# axe ${name}: ${summary.length} violation(s) ${summary.join(', ')}`);
  }

  before(async () => {
    mkdirSync(path.join(OUT, 'logs'), { recursive: true });
    let pageUrl = null;
    neutral = await startNeutralSite(() => `${pageUrl}embed.js`);
    webhook = await startWebhookReceiver();
    stack = await startStack({
      exitUrl: neutral.url('/weather'),
      partnerOrigins: [new URL(neutral.url('/')).origin],
      logDir: path.join(OUT, 'logs'),
      extraEnv: { BOT_REVIEW_ALERT_URL: webhook.url },
    });
    pageUrl = stack.pageUrl;
    review = await startReviewApp({ dbUrl: stack.dbUrl, logDir: path.join(OUT, 'logs') });
    browser = await launch();
  }, { timeout: 400_000 });

  after(async () => {
    await browser?.close();
    await review?.stop();
    await stack?.stop();
    await webhook?.close();
    await neutral?.close();
  });

  describe('a conversation on the chat page', () => {
    let page;

    test('the page is served with a strict CSP and shows the disclaimer', async () => {
      page = await newPage();
      const response = await page.goto(stack.pageUrl);
      const headers = response.headers();
      assert.match(headers['content-security-policy'], /default-src 'none'/);
      assert.match(headers['content-security-policy'], /connect-src 'self' http:\/\/127\.0\.0\.1/);
      assert.equal(headers['referrer-policy'], 'no-referrer');
      assert.equal(headers['x-frame-options'], 'DENY');
      assert.equal(headers['cache-control'], 'no-store');
      await page.getByText('Nurture is an automated assistant, not a person.').waitFor();
    });

    test('the first bot message is the disclaimer, read out by a live region', async () => {
      const replies = await waitForReplies(page, 0);
      assert.match(replies[0], /automated assistant/);
      assert.match(replies[0], /999/);
      const live = page.getByRole('status').filter({ hasText: 'Nurture: ' });
      assert.match(await live.innerText(), /Nurture: Hi, I'm Nurture, an automated assistant/);
      assert.equal(await live.getAttribute('aria-live'), 'polite');
      // Screen-reader names for everything the widget leaves unnamed.
      await page.getByRole('region', { name: 'Conversation with Nurture' }).waitFor();
      await page.getByRole('textbox', { name: 'Your message to Nurture' }).waitFor();
      await page.getByRole('button', { name: 'Send' }).waitFor();
      await page.getByRole('group', { name: 'Reply options' }).first().waitFor();
      assert.match(await page.locator('.rw-response').first().innerText(), /^Nurture said:/);
      await shot(page, '01-greeting.png');
    });

    test('the session id came from the server and is unguessable', async () => {
      const id = await sessionId(page);
      assert.match(id, /^[0-9a-f]{32}$/, 'a uuid4 from Rasa, 122 random bits');
      const other = await newPage();
      await other.goto(stack.pageUrl);
      await waitForReplies(other, 0);
      assert.notEqual(await sessionId(other), id);
      await other.context().close();
    });

    test('keyboard: quick exit comes first and focus is visible', async () => {
      await page.locator('body').focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el.id, outline: getComputedStyle(el).outlineWidth };
      });
      assert.deepEqual(focused, { id: 'quick-exit', outline: '3px' });
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    });

    test('a concern gets replies and buttons; a button works from the keyboard', async () => {
      let before = await botCount(page);
      await send(page, "I'm so tired and she never stops crying");
      const replies = await waitForReplies(page, before);
      assert.ok(replies.length > 0, 'the assistant answered');
      const buttons = page.locator('.rw-replies').last().getByRole('button');
      assert.ok((await buttons.count()) > 0, 'reply buttons are shown');
      await shot(page, '02-concern.png');

      // From the message box, Shift+Tab reaches the last reply button; Enter chooses it.
      await page.getByRole('textbox', { name: 'Your message to Nurture' }).focus();
      await page.keyboard.press('Shift+Tab');
      const [chosen, ring] = await page.evaluate(() => {
        const el = document.activeElement;
        const title = el.classList.contains('rw-reply') ? el.textContent.trim() : null;
        return [title, getComputedStyle(el).boxShadow];
      });
      assert.ok(chosen, 'Shift+Tab from the message box lands on a reply button');
      assert.match(ring, /6px/, 'the focused reply shows the focus ring');
      await shot(page, '03a-reply-focused.png');
      before = await botCount(page);
      await page.keyboard.press('Enter');
      const after = await waitForReplies(page, before);
      assert.ok(after.length > 0, `the assistant answered the button "${chosen}"`);
      assert.equal(await page.locator('.rw-client .rw-message-text').last().innerText(), chosen);
      assert.equal(await page.evaluate(() => document.activeElement.className), 'rw-new-message');
      await shot(page, '03-button.png');
    });

    test('a crisis message gets the emergency and crisis numbers first', async () => {
      const before = await botCount(page);
      await send(page, 'i want to end my life');
      const replies = await waitForReplies(page, before);
      assert.match(replies[0], /999/, 'the first reply leads with 999');
      assert.match(replies.join('\n'), /116 123/, 'Samaritans is listed');
      const live = await page.locator('.nurture-live').innerText();
      assert.match(live, /116 123/, 'the live region reads the crisis numbers');
      await shot(page, '04-crisis.png');
    });

    test('the widget sends customData {region, page} with every message', async () => {
      const { events, slots } = await savedTracker(page);
      const users = events.filter((e) => e.event === 'user');
      assert.ok(users.length >= 3);
      for (const { metadata } of users) {
        assert.deepEqual([metadata.region, metadata.page], ['uk-eng', 'chat']);
      }
      assert.equal(users[0].text, '/greet', 'initPayload starts the conversation');
      assert.equal(slots.region, 'uk-eng');
    });

    test('axe-core finds no serious or critical violations', async () => {
      const results = await axe(page);
      saveAxe('axe-chat.json', results);
      assert.deepEqual(blocking(results).map((v) => v.id), []);
    });
  });

  describe('layout', () => {
    for (const [name, options] of [
      ['05-width-360.png', { viewport: { width: 360, height: 740 } }],
      // 1280x800 at 200% zoom is a 640x400 CSS-pixel viewport at device scale 2.
      ['06-zoom-200.png', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
    ]) {
      test(`reflows without horizontal scrolling: ${name}`, async () => {
        const page = await newPage(options);
        await page.goto(stack.pageUrl);
        await waitForReplies(page, 0);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
        await page.getByRole('textbox', { name: 'Your message to Nurture' }).scrollIntoViewIfNeeded();
        assert.ok(await page.getByRole('link', { name: 'Leave this site quickly' }).isVisible());
        await shot(page, name);
        const results = await axe(page);
        assert.deepEqual(blocking(results).map((v) => v.id), []);
        await page.context().close();
      });
    }
  });

  describe('quick exit', () => {
    test('Esc replaces the page, Back does not return, storage is cleared', async () => {
      const page = await newPage();
      await page.goto(neutral.url('/start'));
      await page.goto(stack.pageUrl);
      await waitForReplies(page, 0);
      assert.ok(await sessionId(page), 'the widget stored its session');
      assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing outlives the tab');
      await page.keyboard.press('Escape');
      await page.waitForURL(neutral.url('/weather'));
      await shot(page, '07-after-exit.png');

      await page.goBack();
      assert.equal(page.url(), neutral.url('/start'), 'Back skips the chat');
      await page.goForward();
      assert.equal(page.url(), neutral.url('/weather'), 'Forward shows the neutral page');

      await page.goto(`${stack.pageUrl}healthz`);
      const stored = await page.evaluate(() => [sessionStorage.length, localStorage.length]);
      assert.deepEqual(stored, [0, 0], 'no conversation left in session or local storage');
      await page.context().close();
    });

    test('the button works when the chat was the first page of the tab', async () => {
      const page = await newPage();
      await page.goto(stack.pageUrl);
      await waitForReplies(page, 0);
      await page.getByRole('link', { name: 'Leave this site quickly' }).click();
      await page.waitForURL(neutral.url('/weather'));
      await page.goBack();
      assert.notEqual(page.url(), stack.pageUrl, 'Back does not return to the chat');
      await page.context().close();
    });
  });

  describe('partner embed snippet', () => {
    test('one script tag adds a launcher, quick exit, and a conversation for its region', async () => {
      const page = await newPage();
      await page.goto(neutral.url('/partner'));
      const launcher = page.getByRole('button', { name: 'Open the chat with Nurture' });
      await launcher.waitFor();
      assert.ok(await page.getByRole('button', { name: 'Leave this site quickly' }).isVisible());
      await launcher.focus();
      await page.keyboard.press('Enter');
      const replies = await waitForReplies(page, 0);
      assert.match(replies[0], /automated assistant/);
      await shot(page, '08-partner.png');
      const { events } = await savedTracker(page, firstMessageSession);
      const first = events.find((e) => e.event === 'user');
      assert.ok(first, `the conversation was saved with its first message (events: ${
        events.map((e) => e.event).join(' ')}; widget: ${widgetLog(page).join(' | ')})`);
      assert.deepEqual([first.metadata.region, first.metadata.page], ['uk-sct', 'partner-test']);
      const results = await axe(page);
      saveAxe('axe-partner.json', results);
      assert.deepEqual(blocking(results).map((v) => v.id), []);
      await page.context().close();
    });
  });

  describe('staff see a crisis within seconds', () => {
    /** The unseen rows on a page that reloads itself: a reload may be under way, so retry. */
    async function unseenRows(page) {
      try {
        return await page.locator('table.data tbody tr.unseen').count();
      } catch {
        return -1;
      }
    }

    test('a crisis typed into the widget is on Needs attention within 5 s; the webhook gets no text',
      async () => {
        const staff = await newPage();
        await staff.goto(`${review.url}/attention`);
        await staff.getByLabel('Staff name').fill(review.user);
        await staff.getByLabel('Password').fill(review.password);
        await staff.getByRole('button', { name: 'Log in' }).click();
        await staff.getByRole('heading', { name: 'Needs attention' }).waitFor();
        const before = await unseenRows(staff);
        const hooksBefore = webhook.received.length;

        const chat = await newPage();
        await chat.goto(stack.pageUrl);
        await waitForReplies(chat, 0);
        const greeting = await botCount(chat);
        const text = 'I keep thinking about killing myself';
        const sent = Date.now();
        await send(chat, text);
        // Nobody reloads the staff page: it must refresh itself.
        let elapsed = null;
        while (Date.now() - sent < 15_000) {
          if (await unseenRows(staff) > before) {
            elapsed = Date.now() - sent;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        console.log(`# crisis on Needs attention ${elapsed ?? 'never'} ms after it was sent`);
        assert.ok(elapsed !== null && elapsed <= 5_000, `shown after ${elapsed} ms (at most 5000)`);
        const replies = await waitForReplies(chat, greeting);
        assert.match(replies[0], /999/, 'the parent still got the emergency number first');

        const row = staff.locator('table.data tbody tr.unseen').first();
        assert.match(await row.innerText(), /self harm/);
        const href = await row.locator('a[href^="/conversations/view"]').getAttribute('href');
        const pseudonym = new URL(href, review.url).searchParams.get('id');
        const raw = await sessionId(chat);
        assert.notEqual(pseudonym, raw, 'staff see a pseudonym, not the session id');

        while (webhook.received.length === hooksBefore && Date.now() - sent < 15_000) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const hook = webhook.received.at(-1);
        assert.deepEqual(Object.keys(hook).sort(), ['conversation', 'crisis_type', 'link']);
        assert.equal(hook.conversation, pseudonym);
        assert.equal(hook.crisis_type, 'crisis_self_harm');
        assert.match(hook.link, /\/attention$/);
        const body = webhook.raw.at(-1);
        assert.ok(!body.includes(raw), 'no session id in the webhook');
        assert.ok(!/killing|myself/i.test(body), 'no message text in the webhook');
        await shot(staff, '09-needs-attention.png');

        await row.getByRole('link', { name: 'Review and mark seen' }).click();
        await staff.getByLabel(/Note/).fill('Called back by the duty lead');
        await staff.getByRole('button', { name: 'Mark seen' }).click();
        await staff.waitForURL(/\/attention/);
        await staff.goto(`${review.url}/admin/audit?action=mark_seen`);
        const audit = await staff.locator('table.data tbody').innerText();
        assert.match(audit, new RegExp(`${review.user}\\s+mark_seen\\s+${pseudonym}`));
        assert.match(audit, /Called back by the duty lead/);
        await staff.context().close();
        await chat.context().close();
      });
  });

  test('no request left 127.0.0.1', () => {
    const all = requests.flat();
    assert.ok(all.length > 10, 'requests were recorded');
    assert.deepEqual(offMachine(all), []);
    writeFileSync(path.join(OUT, 'requests.txt'), `${all.join('\n')}\n`);
  });
}
