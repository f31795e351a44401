// Helpers that read and drive the chat widget as a person would.
import { readFileSync } from 'node:fs';

import { webRequire } from './paths.mjs';


export const BOT_TEXT = '.rw-response .rw-message-text';

/** Number of bot messages on screen. */
export function botCount(page) {
  return page.locator(BOT_TEXT).count();
}

/** Waits until more than `before` bot messages show, then until they stop arriving. */
export async function waitForReplies(page, before, timeout = 30_000) {
  await page.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector).length > n,
    [BOT_TEXT, before],
    { timeout },
  );
  let count = await botCount(page);
  for (;;) {
    await page.waitForTimeout(1500);
    const now = await botCount(page);
    if (now === count) {
      break;
    }
    count = now;
  }
  const texts = await page.locator(BOT_TEXT).allInnerTexts();
  return texts.slice(before);
}

/** Types a message with the keyboard into the widget's input and sends it with Enter. */
export async function send(page, text) {
  const input = page.getByRole('textbox', { name: 'Your message to Nurture' });
  await input.focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** axe-core over the whole page (WCAG 2.x A and AA rules); returns its results. */
export async function axe(page) {
  await page.evaluate(readFileSync(webRequire.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(() => window.axe.run(document, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    resultTypes: ['violations'],
  }));
}

/** The violations that block: impact serious or critical. */
export function blocking(results) {
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
