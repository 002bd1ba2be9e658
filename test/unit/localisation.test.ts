import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './support/repoRoot';

const root = repoRoot();
const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

describe('localisation of what the user sees', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] ?? '');
  for (const file of ['package.nls.json', 'package.nls.ja.json']) {
    it(`${file} has every %key% of package.json`, () => {
      const nls = json(file);
      assert.ok(keys.length > 20);
      assert.deepEqual(keys.filter((k) => typeof nls[k] !== 'string'), []);
    });
  }
  it('package.nls.ja.json is Japanese, not a copy', () => {
    const en = json('package.nls.json');
    const ja = json('package.nls.ja.json');
    const copied = Object.keys(en).filter((k) => k !== 'displayName' && en[k] === ja[k]);
    assert.deepEqual(copied, []);
  });
  it('every vscode.l10n.t string of the client has a Japanese translation', () => {
    const bundle = json('l10n/bundle.l10n.ja.json');
    const dir = join(root, 'client', 'src');
    const strings = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] ?? '').replace(/\\'/g, "'")));
    assert.ok(strings.length >= 3);
    assert.deepEqual(strings.filter((s) => typeof bundle[s] !== 'string'), []);
  });
});
