// Shared first step of `npm start` and `npm test`: on a fresh clone, install the npm dependencies
// (exactly as locked) so that either command alone does all the set-up.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function ensureDependencies(root) {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs - 1000;
  if (!stale && sameVersions(marker, lock)) return;
  console.log('Installing npm dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}

/** True when every locked package is installed at its locked version. */
function sameVersions(installedFile, lockFile) {
  try {
    const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
    const locked = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
    return Object.entries(locked).every(([name, p]) => name === '' || p.optional || installed[name]?.version === p.version);
  } catch {
    return false;
  }
}
