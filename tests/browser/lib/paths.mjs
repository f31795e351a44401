// Where things are: the repository root and the front end's node_modules (web/).
import { createRequire } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** require() that resolves packages installed by `npm ci` in web/. */
export const webRequire = createRequire(path.join(ROOT, 'web', 'package.json'));
