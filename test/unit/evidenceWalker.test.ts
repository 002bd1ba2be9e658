/**
 * The evidence walker (`collectEvidenceFiles`) on folders built to break it: symlink loops, links to
 * themselves and to nothing, the same folder and file reached twice, 100,000 files in one folder, a
 * chain 2,000 folders deep, entries that vanish while it runs, folders it may not read. Each must end
 * within a bound far above its real cost, list every evidence file once, in a stable order, and fail
 * only for a path the user gave that cannot be read.
 *
 * The folders are built under os.tmpdir() and removed afterwards. `bench/walkerBench.mjs` times the
 * walker on a million files.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EVIDENCE_FILE, UnreadablePathError, collectEvidenceFiles } from '../../server/src/node/evidenceFiles';

const isWindows = process.platform === 'win32';
/** The order the walker lists the entries of one folder in. */
const byName = new Intl.Collator().compare;

let base = '';
before(() => {
  // Canonical from the start, so the listed paths can be compared with paths built here.
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cmld-walker-')));
});
after(() => removeTree(base));

/** `rm -rf` where there is one: Node's recursive rmSync takes tens of seconds on 100,000 files. */
function removeTree(dir: string): void {
  if (!dir) return;
  if (isWindows || spawnSync('rm', ['-rf', dir]).status !== 0) fs.rmSync(dir, { recursive: true, force: true });
}

/** A new empty folder under the test's temp folder. */
function folder(name: string): string {
  const dir = path.join(base, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function write(file: string, text = 'x'): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Runs the walker, failing when it takes longer than `boundMs` (a hang shows as a failure, not a stuck run). */
async function walk(paths: string[], boundMs = 10_000): Promise<string[]> {
  const start = performance.now();
  const files = await collectEvidenceFiles(paths);
  const ms = performance.now() - start;
  assert.ok(ms < boundMs, `the walk took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  return files;
}

type AsyncCall = (...args: unknown[]) => Promise<unknown>;

/** Wraps `fs.promises[name]` (which the walker calls) while `run` runs: a fault where the test wants it. */
async function patched(name: 'readdir' | 'stat', wrap: (original: AsyncCall) => AsyncCall, run: () => Promise<void>): Promise<void> {
  const promises = fs.promises as unknown as Record<string, AsyncCall>;
  const original = promises[name] as AsyncCall;
  promises[name] = wrap(original);
  try {
    await run();
  } finally {
    promises[name] = original;
  }
}

describe('evidence walker: symlinks', { skip: isWindows && 'symlinks need a privilege on Windows' }, () => {
  it('a loop to the parent, a loop to itself through a subfolder, a link to itself, a dangling link', async () => {
    const outer = folder('loops');
    const root = path.join(outer, 'root');
    const top = write(path.join(root, 'top.log'));
    const inner = write(path.join(root, 'b', 'inner.log'));
    fs.symlinkSync('..', path.join(root, 'a')); // a -> .. (the folder holding root: root again, one level up)
    fs.symlinkSync('../b', path.join(root, 'b', 'c')); // b/c -> ../b
    fs.symlinkSync('self', path.join(root, 'self')); // a link to itself: ELOOP
    fs.symlinkSync('self.log', path.join(root, 'self.log'));
    fs.symlinkSync('nowhere.log', path.join(root, 'dangling.log')); // a link to nothing
    fs.symlinkSync(path.join(outer, 'missing'), path.join(root, 'dangling-folder'));
    assert.deepEqual(await walk([root]), [inner, top]);
    // Given through the loop itself, and given as the loop's target: the same files, once.
    assert.deepEqual(await walk([path.join(root, 'b', 'c', 'c', 'c')]), [path.join(root, 'b', 'c', 'c', 'c', 'inner.log')]);
    assert.deepEqual(await walk([outer]), [inner, top]);
  });

  it('a link to a file already listed lists it once; a link to a file elsewhere is listed under its own name', async () => {
    const root = folder('file-links');
    const real = write(path.join(root, 'm.log'));
    fs.symlinkSync('m.log', path.join(root, 'z.log')); // met after m.log: not listed again
    fs.symlinkSync('z.log', path.join(root, 'b.log')); // b.log -> z.log -> m.log, met before m.log: listed, m.log not
    const elsewhere = write(path.join(base, 'elsewhere', 'other.log'));
    fs.symlinkSync(elsewhere, path.join(root, 'other-link.log'));
    fs.symlinkSync(elsewhere, path.join(root, 'not-evidence.dat')); // a link's own name decides, as a file's does
    const linkB = path.join(root, 'b.log');
    assert.deepEqual(await walk([root]), [linkB, path.join(root, 'other-link.log')]);
    // The file given first: it is listed, and no link to it after.
    assert.deepEqual(await walk([real, root]), [real, path.join(root, 'other-link.log')]);
  });

  it('a given path that is a dangling link or a loop is an error naming it', async () => {
    const root = folder('bad-given');
    fs.symlinkSync('nowhere', path.join(root, 'dangling'));
    fs.symlinkSync('loop', path.join(root, 'loop'));
    for (const name of ['dangling', 'loop']) {
      const given = path.join(root, name);
      await assert.rejects(collectEvidenceFiles([given]), (error: unknown) => error instanceof UnreadablePathError && error.message.includes(given));
    }
  });
});

describe('evidence walker: the same thing twice', () => {
  it('the same folder given twice, in other spellings, and inside a folder given before', async () => {
    const root = folder('twice');
    const files = [write(path.join(root, 'a.log')), write(path.join(root, 'sub', 'b.log'))];
    assert.deepEqual(await walk([root, root]), files);
    const relative = path.relative(process.cwd(), root);
    assert.deepEqual(await walk([root, relative, root + path.sep, path.join(root, 'sub', '..')]), files);
    assert.deepEqual(await walk([root, path.join(root, 'sub')]), files);
    // The subfolder first: its files first, then the rest of the parent, the subfolder not again.
    assert.deepEqual(await walk([path.join(root, 'sub'), root]), [files[1], files[0]]);
  });

  it('a file given twice, and given and inside a folder given: listed once, where first met', async () => {
    const root = folder('file-twice');
    const [a, b] = [write(path.join(root, 'a.log')), write(path.join(root, 'b.log'))];
    assert.deepEqual(await walk([b, b]), [b]);
    assert.deepEqual(await walk([b, root]), [b, a]);
    assert.deepEqual(await walk([root, b]), [a, b]);
    // A file given by name is read whatever it is called.
    const notes = write(path.join(root, 'notes.dat'));
    assert.deepEqual(await walk([notes, root]), [notes, a, b]);
  });

  it('a relative folder lists paths as a join would', async () => {
    const root = folder('relative');
    write(path.join(root, 'x', 'y.log'));
    const relative = path.relative(process.cwd(), root);
    assert.deepEqual(await walk([relative + path.sep]), [path.join(relative, 'x', 'y.log')]);
    assert.deepEqual(await walk([[relative, '.', 'x', '..'].join(path.sep)]), [path.join(relative, 'x', 'y.log')]);
  });
});

describe('evidence walker: size and depth', () => {
  it('100,000 tiny files in one folder (a tenth not evidence): all listed, in order, in bounded time', async () => {
    const root = folder('hundred-thousand');
    const expected: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const name = `f${String(i).padStart(6, '0')}.${i % 10 === 9 ? 'dat' : 'log'}`;
      // Empty: an open and a close, twice as fast as writing a byte (the walker never opens a file).
      fs.closeSync(fs.openSync(path.join(root, name), 'w'));
      if (EVIDENCE_FILE.test(name)) expected.push(path.join(root, name));
    }
    // Real cost: under a second. The walker once took a stat per file (about 3 s here, a minute for a million).
    const files = await walk([root], 20_000);
    assert.equal(files.length, 90_000);
    assert.deepEqual(files, expected);
    removeTree(root);
  });

  // 2,000 levels of `d/` make paths of 4,000 characters: under the 4,096 of Linux from a short temp folder.
  const deepSkip = isWindows ? 'paths past 260 characters need long-path support on Windows' : os.tmpdir().length > 40 && `the temp folder path (${os.tmpdir()}) is too long for 2,000 levels`;
  it('a chain 2,000 folders deep, with files at every hundredth level and a loop at the bottom', { skip: deepSkip }, async () => {
    const root = folder('deep');
    const expected: string[] = [];
    let dir = root;
    for (let level = 1; level <= 2000; level++) {
      dir = path.join(dir, 'd');
      // Files before the subfolder in the listing order, so each level's file comes before the deeper ones.
      if (level % 100 === 0) expected.push(path.join(dir, `0-level${level}.log`));
    }
    fs.mkdirSync(dir, { recursive: true });
    for (const file of expected) fs.writeFileSync(file, 'x');
    fs.symlinkSync(root, path.join(dir, 'back-to-the-top'));
    assert.deepEqual(await walk([root]), expected);
  });

  it('a stable order: each folder sorted by name, subfolders walked where they sort, skipped folders and non-files left out', async () => {
    const root = folder('order');
    const names = ['b.log', 'A.log', 'a.TXT', 'C.reg', 'c.lo_', 'Events.xml', 'readme.md', '10.log', '9.log'];
    for (const name of names) write(path.join(root, name));
    write(path.join(root, 'B', 'inner.log'));
    write(path.join(root, 'node_modules', 'dep.log'));
    write(path.join(root, '.git', 'HEAD.log'));
    // A FIFO named like a log would block the reader forever: not a file, so not listed.
    if (!isWindows) spawnSync('mkfifo', [path.join(root, 'pipe.log')]);
    const entries = [...names.filter((n) => EVIDENCE_FILE.test(n)), 'B'].sort(byName);
    const expected = entries.map((n) => (n === 'B' ? path.join(root, 'B', 'inner.log') : path.join(root, n)));
    assert.deepEqual(await walk([root]), expected);
    assert.deepEqual(await walk([root]), expected, 'the same order on a second walk');
  });
});

describe('evidence walker: entries that vanish or cannot be read', () => {
  it('a folder that vanishes between its parent being read and its own reading is skipped silently', async () => {
    const root = folder('vanish-folder');
    const kept = write(path.join(root, 'a', 'kept.log'));
    write(path.join(root, 'gone', 'lost.log'));
    const last = write(path.join(root, 'z.log'));
    await patched(
      'readdir',
      (original) => async (...args) => {
        const result = await original(...args);
        if (args[0] === root) fs.rmSync(path.join(root, 'gone'), { recursive: true });
        return result;
      },
      async () => assert.deepEqual(await walk([root]), [kept, last]),
    );
  });

  it('a link whose target vanishes between the folder being read and the stat is skipped silently', { skip: isWindows && 'symlinks need a privilege on Windows' }, async () => {
    const root = folder('vanish-link');
    const target = write(path.join(base, 'vanish-target', 'target.log'));
    fs.symlinkSync(target, path.join(root, 'link.log'));
    fs.symlinkSync(path.dirname(target), path.join(root, 'link-folder'));
    const kept = write(path.join(root, 'z.log'));
    await patched(
      'stat',
      (original) => async (...args) => {
        if (typeof args[0] === 'string' && args[0].startsWith(root + path.sep)) fs.rmSync(path.dirname(target), { recursive: true, force: true });
        return original(...args);
      },
      async () => assert.deepEqual(await walk([root]), [kept]),
    );
  });

  it('a folder that cannot be read (permission denied) is skipped, the rest listed', async () => {
    const root = folder('unreadable');
    const before = write(path.join(root, 'a.log'));
    write(path.join(root, 'locked', 'secret.log'));
    const afterIt = write(path.join(root, 'z', 'after.log'));
    const locked = path.join(root, 'locked');
    // Root reads any folder whatever its mode, so the denial is injected where the walker reads it.
    await patched(
      'readdir',
      (original) => async (...args) => {
        if (args[0] === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), { code: 'EACCES' });
        return original(...args);
      },
      async () => {
        assert.deepEqual(await walk([root]), [before, afterIt]);
        await assert.rejects(collectEvidenceFiles([locked]), (error: unknown) => error instanceof UnreadablePathError && error.message.includes('permission denied'));
      },
    );
  });

  it('a given path that does not exist is an error naming it', async () => {
    const missing = path.join(base, 'no-such-folder');
    await assert.rejects(collectEvidenceFiles([folder('exists'), missing]), (error: unknown) => error instanceof UnreadablePathError && error.message.includes(missing));
  });
});
