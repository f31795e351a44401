// Debian's Chromium, headless, driven by playwright-core (which never downloads a browser).
import { existsSync } from 'node:fs';

import { webRequire } from './paths.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why the browser tests cannot run here, or null when they can. Fails in CI instead. */
export function skipReason() {
  let reason = null;
  if (!existsSync(CHROMIUM)) {
    reason = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
  } else if (!installed('playwright-core') || !installed('axe-core')) {
    reason = 'web/node_modules is not installed (cd web && npm ci --ignore-scripts)';
  }
  if (reason && process.env.CI === 'true') {
    throw new Error(`${reason}: browser tests must run in CI`);
  }
  return reason;
}

function installed(name) {
  try {
    webRequire.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** A fresh browser (Playwright gives it a new temporary user-data-dir). */
export function launch() {
  const { chromium } = webRequire('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Records every URL a context requests, WebSockets included. */
export function recordRequests(context) {
  const urls = [];
  context.on('request', (request) => urls.push(request.url()));
  context.on('page', (page) => page.on('websocket', (ws) => urls.push(ws.url())));
  return urls;
}

/** The requests that left 127.0.0.1 (data: and about: URLs stay in the browser). */
export function offMachine(urls) {
  return urls.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'about:' || protocol === 'blob:') {
      return false;
    }
    return hostname !== '127.0.0.1';
  });
}
