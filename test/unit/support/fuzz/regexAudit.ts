/**
 * The regular-expression audit: finds every pattern the core writes (regex literals, read from the
 * sources with the TypeScript parser, and `new RegExp(…)` sites, whose patterns are captured when they
 * are built), makes adversarial inputs for each from its own atoms (long runs of each character it can
 * loop on, of each adjacent pair, of each prefix of a string that almost matches, of its literal
 * tokens), and times a full scan (every match, as a global search would) on a small and an eight times
 * larger input. Linear work grows about 8x; quadratic 64x. A pattern that backtracks exponentially would
 * never finish, so the scans run in a worker thread that a watchdog ends.
 *
 * Nothing here imports the core: the audit test must load the core only after it starts capturing
 * `new RegExp` calls.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import ts from 'typescript';

export interface AuditedPattern {
  /** Where it is written: `server/src/core/…ts:line` (1-based). */
  readonly site: string;
  readonly source: string;
  readonly flags: string;
}

export interface DynamicSite {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export interface PatternResult {
  readonly site: string;
  readonly source: string;
  /** Inputs tried at the small size. */
  readonly inputs: number;
  /** The input that grew worst, when any was slow enough to measure twice. */
  readonly worst: { readonly input: string; readonly smallMs: number; readonly largeMs: number; readonly ratio: number } | null;
  /** Set when the pattern is super-linear (or did not finish). */
  readonly failure: string | null;
}

// --- finding the patterns ----------------------------------------------------------------------------

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsFilesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every regex literal and every `RegExp(…)` construction in the core's sources. */
export function scanCoreSources(root: string): { literals: AuditedPattern[]; dynamicSites: DynamicSite[] } {
  const literals: AuditedPattern[] = [];
  const dynamicSites: DynamicSite[] = [];
  for (const file of tsFilesUnder(join(root, 'server', 'src', 'core')).sort()) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const name = relative(root, file).split('\\').join('/');
    const lineOf = (node: ts.Node): number => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sourceFile);
        const cut = text.lastIndexOf('/');
        literals.push({ site: `${name}:${lineOf(node)}`, source: text.slice(1, cut), flags: text.slice(cut + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(sourceFile) === 'RegExp') {
        dynamicSites.push({ file: name, line: lineOf(node), text: node.getText(sourceFile).slice(0, 80) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { literals, dynamicSites };
}

// --- adversarial inputs ------------------------------------------------------------------------------

/** Characters an atom is tested against: ASCII, the controls and the non-ASCII the logs carry. */
const POOL: readonly string[] = (() => {
  const chars: string[] = [];
  for (let c = 0x20; c < 0x7f; c++) chars.push(String.fromCharCode(c));
  chars.push('\t', '\n', '\r', '\u0000', '\u0001', '\u000b', '\u0085', '\u00a0', '\u00e9', '\u200b', '\u202e', '\u3000', '\ufeff', '\ufffd', '漢', 'あ', 'ア', 'ー', '場', '\ud800', '\udc00', '🙂');
  return chars;
})();

interface Atom {
  /** Characters that match the atom (a few, spread over what it accepts). */
  readonly chars: readonly string[];
  /** Whether the atom is a plain literal character (part of a literal token). */
  readonly literal: boolean;
}

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

/** Splits a pattern into its single-character atoms (escapes, classes, literals), ignoring structure. */
export function atomsOf(source: string, flags: string): Atom[] {
  const matchFlags = flags.replace(/[gy]/g, '');
  const atoms: Atom[] = [];
  const push = (text: string, literal: boolean): void => {
    let chars: string[];
    try {
      const re = new RegExp(`^(?:${text})$`, matchFlags);
      chars = POOL.filter((c) => re.test(c));
    } catch {
      chars = [];
    }
    if (literal && chars.length === 0 && text.length > 0) chars = [text];
    if (chars.length === 0) return; // zero-width (\b, a back-reference) or unmatched
    // A few representatives spread over the class, first and last included.
    const picked = chars.length <= 4 ? chars : [0, 1, 2, 3].map((k) => chars[Math.round((k * (chars.length - 1)) / 3)] as string);
    atoms.push({ chars: [...new Set(picked)], literal });
  };
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === '\\') {
      const next = source.charAt(i + 1);
      let length = 2;
      if (next === 'u' && source.charAt(i + 2) === '{') length = source.indexOf('}', i) - i + 1;
      else if (next === 'u') length = 6;
      else if (next === 'x') length = 4;
      else if (next === 'c') length = 3;
      else if ((next === 'p' || next === 'P') && source.charAt(i + 2) === '{') length = source.indexOf('}', i) - i + 1;
      else if (next === 'k' && source.charAt(i + 2) === '<') length = source.indexOf('>', i) - i + 1;
      const text = source.slice(i, i + length);
      push(text, /^\\[^dDwWsSbBpPkc1-9]/.test(text));
      i += length;
    } else if (c === '[') {
      let j = i + 1;
      if (source.charAt(j) === '^') j++;
      if (source.charAt(j) === ']') j++;
      while (j < source.length && source.charAt(j) !== ']') j += source.charAt(j) === '\\' ? 2 : 1;
      push(source.slice(i, j + 1), false);
      i = j + 1;
    } else if (c === '(') {
      const prefix = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>))?/.exec(source.slice(i))?.[0] ?? '(';
      i += prefix.length;
    } else if (c === ')' || c === '|' || c === '^' || c === '$') {
      i++;
    } else if (QUANTIFIER.test(source.slice(i))) {
      i += QUANTIFIER.exec(source.slice(i))?.[0].length ?? 1;
    } else {
      push(c === '.' ? '.' : c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), c !== '.');
      i++;
    }
  }
  return atoms;
}

/** Maximal runs of literal atoms, two characters or more: the pattern's words (`<![LOG[`, `$$<`, `PID:`). */
function literalTokens(atoms: readonly Atom[]): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const atom of atoms) {
    if (atom.literal) current += atom.chars[0] ?? '';
    else {
      if (current.length >= 2) tokens.push(current);
      current = '';
    }
  }
  if (current.length >= 2) tokens.push(current);
  return tokens;
}

const repeatTo = (unit: string, size: number): string => (unit.length === 0 ? '' : unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size));

/** One adversarial input, at any size: the large run uses the same recipe as the small one. */
export interface InputRecipe {
  readonly label: string;
  make(size: number): string;
}

/** Adversarial inputs for a pattern. */
export function adversarialInputs(source: string, flags: string): InputRecipe[] {
  const atoms = atomsOf(source, flags);
  const recipes = new Map<string, InputRecipe>();
  const add = (label: string, make: (size: number) => string): void => {
    if (!recipes.has(label)) recipes.set(label, { label, make });
  };
  const chars = [...new Set(atoms.flatMap((a) => a.chars))].slice(0, 48);
  for (const c of chars) {
    add(`run of ${JSON.stringify(c)}`, (n) => repeatTo(c, n)); // a run of one character the pattern may loop on
    add(`run of ${JSON.stringify(c)} then \u0001`, (n) => repeatTo(c, n - 1) + '\u0001'); // …that fails at its very end
    add(`run of ${JSON.stringify(c + ' ')}`, (n) => repeatTo(c + ' ', n)); // …broken up
  }
  for (let k = 0; k + 1 < atoms.length && k < 64; k++) {
    const a = atoms[k] as Atom;
    const b = atoms[k + 1] as Atom;
    for (const pair of [(a.chars[0] ?? '') + (b.chars[0] ?? ''), (a.chars[a.chars.length - 1] ?? '') + (b.chars[b.chars.length - 1] ?? '')]) {
      add(`run of ${JSON.stringify(pair)}`, (n) => repeatTo(pair, n));
    }
  }
  // Prefixes of a near match, repeated: many starts, each getting far before it fails; and a prefix
  // followed by a long run of the atom after it: one start that loops long.
  const skeleton = atoms.map((a) => a.chars[0] ?? '');
  const alternate = atoms.map((a) => a.chars[a.chars.length - 1] ?? '');
  const steps = Math.min(atoms.length, 40);
  for (let s = 1; s <= steps; s++) {
    const k = Math.round((s * atoms.length) / steps);
    for (const prefix of [skeleton.slice(0, k).join(''), alternate.slice(0, k).join('')]) {
      add(`run of ${JSON.stringify(prefix)}`, (n) => repeatTo(prefix, n));
      const next = atoms[k]?.chars[0];
      if (next !== undefined) add(`${JSON.stringify(prefix)} then a run of ${JSON.stringify(next)}`, (n) => prefix + repeatTo(next, n));
    }
  }
  for (const token of literalTokens(atoms)) {
    add(`run of ${JSON.stringify(token)}`, (n) => repeatTo(token, n));
    add(`run of ${JSON.stringify(token + ' ')}`, (n) => repeatTo(token + ' ', n));
  }
  // Line-structured text for multi-line and anchored patterns.
  for (const c of chars.slice(0, 8)) add(`lines of ${JSON.stringify(c)}`, (n) => repeatTo(c.repeat(31) + '\n', n));
  return [...recipes.values()];
}

// --- timing ------------------------------------------------------------------------------------------

/**
 * Every match of the pattern over the input, as the core reads it: a global search for ordinary
 * patterns (a pattern used with `test` or `exec` once costs at most that), token after token for
 * sticky ones (a `y` pattern is a tokenizer step: it is tried where the last token ended, not everywhere).
 */
function scanAll(re: RegExp, input: string): number {
  re.lastIndex = 0;
  let count = 0;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    count++;
    if (m[0] === '') re.lastIndex++;
  }
  return count;
}

function timeScan(re: RegExp, input: string, repeats: number): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    scanAll(re, input);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms < best) best = ms;
  }
  return best;
}

export interface AuditOptions {
  /** Small size, in characters. */
  readonly size: number;
  /** Large size = size × factor. */
  readonly factor: number;
  /** A small scan taking at least this long is measured again at the large size. */
  readonly suspectMs: number;
  /** The large scan fails when it takes at least this long and this many times the small one. */
  readonly failMs: number;
  readonly maxRatio: number;
}

/**
 * 3000 characters: a quadratic scan does millions of steps there (a millisecond or more), a linear one
 * thousands (microseconds), so the first pass separates them cheaply; suspects run again 8x larger.
 */
export const DEFAULT_AUDIT: AuditOptions = { size: 3000, factor: 8, suspectMs: 0.4, failMs: 15, maxRatio: 24 };

export function auditPattern(pattern: AuditedPattern, options: AuditOptions = DEFAULT_AUDIT): PatternResult {
  const re = new RegExp(pattern.source, pattern.flags.includes('y') ? pattern.flags : pattern.flags.replace('g', '') + 'g');
  const recipes = adversarialInputs(pattern.source, pattern.flags);
  // The first runs of a pattern are interpreted, later ones compiled: warm it up before timing.
  for (let i = 0; i < 3; i++) scanAll(re, (recipes[0]?.make(64) ?? '') + ' warm up');
  let worst: PatternResult['worst'] = null;
  let failure: string | null = null;
  for (const recipe of recipes) {
    const small = recipe.make(options.size);
    if (timeScan(re, small, 1) < options.suspectMs) continue;
    const smallMs = timeScan(re, small, 3);
    if (smallMs < options.suspectMs) continue; // a pause, not the pattern
    const largeMs = timeScan(re, recipe.make(options.size * options.factor), 2);
    const ratio = largeMs / smallMs;
    if (!worst || ratio > worst.ratio) worst = { input: recipe.label, smallMs, largeMs, ratio };
    if (largeMs >= options.failMs && ratio >= options.maxRatio) {
      failure = `${options.factor}x the input took ${ratio.toFixed(0)}x the time (${smallMs.toFixed(2)} ms -> ${largeMs.toFixed(1)} ms) on ${recipe.label}`;
      break;
    }
  }
  return { site: pattern.site, source: pattern.source, inputs: recipes.length, worst, failure };
}

// --- the worker and its watchdog -----------------------------------------------------------------------

interface WorkerData {
  readonly patterns: readonly AuditedPattern[];
  readonly start: number;
  readonly options: AuditOptions;
}

type WorkerMessage = { readonly type: 'start'; readonly index: number } | { readonly type: 'done'; readonly index: number; readonly result: PatternResult };

/** Runs in the worker: audits patterns from `start` on, saying when each begins and ends. */
export function workerMain(port: MessagePort, data: WorkerData): void {
  for (let index = data.start; index < data.patterns.length; index++) {
    const pattern = data.patterns[index] as AuditedPattern;
    port.postMessage({ type: 'start', index } satisfies WorkerMessage);
    let result: PatternResult;
    try {
      result = auditPattern(pattern, data.options);
    } catch (error) {
      result = { site: pattern.site, source: pattern.source, inputs: 0, worst: null, failure: `audit error: ${error instanceof Error ? error.message : String(error)}` };
    }
    port.postMessage({ type: 'done', index, result } satisfies WorkerMessage);
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.module).workerMain(parentPort, workerData);
`;

/**
 * Audits every pattern in a worker thread. A pattern still running after `timeoutMs` is reported as
 * not finishing (exponential backtracking), the worker is ended, and a new one goes on with the next.
 */
export async function auditInWorker(patterns: readonly AuditedPattern[], timeoutMs: number, options: AuditOptions = DEFAULT_AUDIT): Promise<PatternResult[]> {
  const results: PatternResult[] = new Array<PatternResult>(patterns.length);
  let start = 0;
  while (start < patterns.length) {
    start = await new Promise<number>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: __filename, patterns, start, options } });
      let current = start;
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const pattern = patterns[current] as AuditedPattern;
          results[current] = { site: pattern.site, source: pattern.source, inputs: 0, worst: null, failure: `did not finish within ${timeoutMs} ms (exponential backtracking?)` };
          void worker.terminate();
          resolve(current + 1);
        }, timeoutMs);
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'start') {
          current = message.index;
          arm();
        } else {
          results[message.index] = message.result;
          clearTimeout(timer);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.on('exit', () => {
        clearTimeout(timer);
        resolve(patterns.length);
      });
    });
  }
  return results;
}
