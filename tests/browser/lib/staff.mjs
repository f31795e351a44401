// The staff side of the stack for browser tests: the review app on the assistant's own database,
// and a local stand-in for a team chat tool's incoming webhook that records what it is sent.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';

import { freePort, ROOT, start, stop, waitFor } from './stack.mjs';

const PYTHON = path.join(ROOT, '.venv', 'bin', 'python');

/** Records every POST body; resolves to { url, received: [parsed JSON], raw: [text], close() }. */
export function startWebhookReceiver() {
  const received = [];
  const raw = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      raw.push(body);
      try {
        received.push(JSON.parse(body));
      } catch {
        received.push(null);
      }
      res.writeHead(204);
      res.end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/hook`,
        received,
        raw,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/** Adds a staff account with `bot review add-user` (the password on stdin), as an admin would. */
function addUser(dbUrl, name, role, password) {
  const result = spawnSync(PYTHON, ['-m', 'bot.cli', 'review', 'add-user', name, '--role', role,
    '--db', dbUrl], { cwd: ROOT, input: `${password}\n`, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`add-user failed: ${result.stderr}`);
  }
}

/** Starts `bot review serve` on `dbUrl` with one admin; resolves to { url, user, password, stop() }. */
export async function startReviewApp({ dbUrl, logDir }) {
  const user = 'duty-lead';
  const password = randomBytes(12).toString('hex');
  addUser(dbUrl, user, 'admin', password);
  const port = await freePort();
  const proc = start('review', [PYTHON, '-m', 'bot.cli', 'review', 'serve', '--port', String(port),
    '--db', dbUrl], { BOT_REVIEW_SECRET: randomBytes(24).toString('hex') }, logDir);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/login`, proc, 'review app', 60_000);
  } catch (error) {
    await stop(proc);
    throw error;
  }
  return { url, user, password, stop: () => stop(proc) };
}
