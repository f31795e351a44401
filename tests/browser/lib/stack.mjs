// Starts the real assistant for browser tests: action server, `rasa run` with the trained model
// and the socketio channel, and the chat page server, each on a free port of 127.0.0.1.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

import { ROOT } from './paths.mjs';

export { ROOT };
const BIN = path.join(ROOT, '.venv', 'bin');
const MODEL = path.join(ROOT, 'models', 'nurture.tar.gz');

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// The project's endpoints.yml (tracker store and all), with the action server on our port.
function endpointsFor(actionPort, work) {
  const source = readFileSync(path.join(ROOT, 'endpoints.yml'), 'utf8');
  const contract = 'http://127.0.0.1:5055/webhook';
  if (!source.includes(contract)) {
    throw new Error(`endpoints.yml no longer names ${contract}; update tests/browser/lib/stack.mjs`);
  }
  const file = path.join(work, 'endpoints.yml');
  writeFileSync(file, source.replace(contract, `http://127.0.0.1:${actionPort}/webhook`));
  return file;
}

export async function waitFor(url, proc, name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) {
      throw new Error(`${name} exited with ${proc.exitCode}; see its log`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

export function start(name, args, env, logDir) {
  const log = openSync(path.join(logDir, `${name}.log`), 'w');
  const proc = spawn(args[0], args.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  return proc;
}

export async function stop(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the stack; `exitUrl` is the quick-exit destination, `partnerOrigins` the other
 * origins allowed to embed the widget (Rasa's --cors), `extraEnv` more settings for every part.
 * Logs go to `logDir`. Returns { pageUrl, rasaUrl, token, dbUrl, stop() }.
 */
export async function startStack({ exitUrl, logDir, partnerOrigins = [], model = MODEL, extraEnv = {} }) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'nurture-browser-'));
  // A private copy: another process may replace models/nurture.tar.gz while we run.
  const modelCopy = path.join(work, 'nurture.tar.gz');
  copyFileSync(model, modelCopy);
  const [actionPort, rasaPort, pagePort] = [await freePort(), await freePort(), await freePort()];
  const endpoints = endpointsFor(actionPort, work);
  const token = randomBytes(24).toString('hex');
  const pageUrl = `http://127.0.0.1:${pagePort}/`;
  const rasaUrl = `http://127.0.0.1:${rasaPort}`;
  const env = {
    SANIC_HOST: '127.0.0.1',
    RASA_TELEMETRY_ENABLED: 'false',
    TF_CPP_MIN_LOG_LEVEL: '2',
    BOT_REGION: 'uk-eng',
    BOT_PSEUDONYM_KEY: process.env.BOT_PSEUDONYM_KEY || randomBytes(24).toString('hex'),
    // The project's tracker store, on a throw-away database.
    BOT_DB_URL: `sqlite:///${path.join(work, 'nurture.db')}`,
    ...extraEnv,
  };
  const procs = [];
  const stopAll = async () => {
    await Promise.all(procs.reverse().map(stop));
    rmSync(work, { recursive: true, force: true });
  };
  try {
    procs.push(start('actions', [path.join(BIN, 'rasa'), 'run', 'actions', '--actions', 'actions',
      '-p', String(actionPort)], env, logDir));
    procs.push(start('rasa', [path.join(BIN, 'rasa'), 'run', '--enable-api', '--auth-token', token,
      '-i', '127.0.0.1', '-p', String(rasaPort), '--model', modelCopy, '--endpoints', endpoints,
      '--credentials', path.join(ROOT, 'credentials.yml'), '--cors', new URL(pageUrl).origin, ...partnerOrigins],
    env, logDir));
    procs.push(start('page', [path.join(BIN, 'python'), '-m', 'bot.web.server', '--port',
      String(pagePort), '--socket-url', rasaUrl, '--exit-url', exitUrl, '--region', 'uk-eng'],
    env, logDir));
    await waitFor(`${pageUrl}healthz`, procs[2], 'page server', 30_000);
    await waitFor(`http://127.0.0.1:${actionPort}/health`, procs[0], 'action server', 120_000);
    await waitFor(`${rasaUrl}/status?token=${token}`, procs[1], 'rasa server', 240_000);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { pageUrl, rasaUrl, token, dbUrl: env.BOT_DB_URL, stop: stopAll };
}
