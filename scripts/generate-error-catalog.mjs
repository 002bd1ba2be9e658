// Generates server/src/core/knowledge/generated/errorCatalogData.ts, the error-code catalogue, from a
// folder of sources (in CI: /work/shared/knowledge/sources; see its README.md):
//   - winerror.h, wbemcli.h                 mingw-w64 headers (public domain): symbols and values
//   - system-error-codes--*.md              MicrosoftDocs/win32 (CC BY 4.0): Win32 codes, messages
//   - com-error-codes-*.md                  MicrosoftDocs/win32: HRESULTs, messages
//   - wmi-error-constants.md                MicrosoftDocs/win32: WMI codes, messages
//   - optional: wininet.h, winhttp.h, bitsmsg.h, wuerror.h (mingw-w64), read when present
//
// Usage:  node scripts/generate-error-catalog.mjs <sources-folder> [--out <file>] [--check]
//   --check  writes nothing; exits 1 when the committed file differs from what would be generated.
//
// The parsers are TypeScript (server/src/core/knowledge/catalogSources.ts, unit-tested with the rest
// of the project); this script bundles that one module with esbuild in memory and imports it, so it
// needs no build step and no loader. Only Node built-ins and the esbuild devDependency are used.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PARSERS = join(root, 'server/src/core/knowledge/catalogSources.ts');
const DEFAULT_OUT = join(root, 'server/src/core/knowledge/generated/errorCatalogData.ts');
const COMMAND = 'node scripts/generate-error-catalog.mjs <sources-folder>  (npm run generate:errors)';

function usage(message) {
  console.error(`${message}\nusage: node scripts/generate-error-catalog.mjs <sources-folder> [--out <file>] [--check]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let sourcesDir;
let outFile = DEFAULT_OUT;
let check = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--check') check = true;
  else if (a === '--out') outFile = resolve(args[++i] ?? usage('--out needs a file'));
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else if (sourcesDir === undefined) sourcesDir = resolve(a);
  else usage(`unexpected argument ${a}`);
}
if (sourcesDir === undefined) usage('missing the sources folder');
if (!existsSync(sourcesDir)) usage(`no such folder: ${sourcesDir}`);

/** Loads catalogSources.ts: bundled in memory by esbuild, imported from a data: URL. */
async function loadParsers() {
  const result = await esbuild.build({
    entryPoints: [PARSERS],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node18',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const files = readdirSync(sourcesDir);
const read = (name) => readFileSync(join(sourcesDir, name), 'utf8');
const need = (name) => {
  if (!files.includes(name)) usage(`${name} is missing from ${sourcesDir}`);
  return name;
};
/** Pages named like `system-error-codes--1000-1299-.md` / `com-error-codes-10.md`, in numeric order. */
const pages = (re) =>
  files
    .filter((f) => re.test(f))
    .sort((a, b) => Number(re.exec(a)[1]) - Number(re.exec(b)[1]));

const headerNames = [need('winerror.h'), ...['wininet.h', 'winhttp.h', 'bitsmsg.h', 'wuerror.h'].filter((f) => files.includes(f))];
const enumNames = [need('wbemcli.h')];
const systemPages = pages(/^system-error-codes--(\d+)-\d+-\.md$/);
const comPages = pages(/^com-error-codes-(\d+)\.md$/);
const wmiPages = [need('wmi-error-constants.md')];
if (systemPages.length === 0 || comPages.length === 0) usage(`no system-error-codes--*.md or com-error-codes-*.md in ${sourcesDir}`);

const { buildCatalog, renderCatalogModule, CATALOG_KINDS } = await loadParsers();
const { records, warnings, stats } = buildCatalog({
  headers: headerNames.map((name) => ({ name, text: read(name) })),
  enums: enumNames.map((name) => ({ name, text: read(name), enumName: 'tag_WBEMSTATUS', kind: 'wmi' })),
  docs: [
    ...systemPages.map((name) => ({ name, text: read(name), hresults: false })),
    ...comPages.map((name) => ({ name, text: read(name), hresults: true })),
    ...wmiPages.map((name) => ({ name, text: read(name), hresults: true })),
  ],
});

const sha = (name) => createHash('sha256').update(readFileSync(join(sourcesDir, name))).digest('hex').slice(0, 12);
const describe = (names, origin) => names.map((n) => `${n} (sha256 ${sha(n)}) — ${origin}`);
const sources = [
  ...describe(headerNames, 'mingw-w64 mingw-w64-headers/include, public domain'),
  ...describe(enumNames, 'mingw-w64 mingw-w64-headers/include, public domain (enum WBEMSTATUS)'),
  ...describe([...systemPages, ...comPages, ...wmiPages], 'MicrosoftDocs/win32 desktop-src, CC BY 4.0, messages (c) Microsoft'),
];
const output = renderCatalogModule(records, { sources, command: COMMAND });

for (const w of warnings) console.warn(`warning: ${w.symbol}: ${w.note}`);
const counts = CATALOG_KINDS.map((k) => `${k} ${records.filter((r) => r.kind === k).length}`).join(', ');
const withMessage = records.filter((r) => r.message !== null).length;
console.log(`${records.length} entries (${withMessage} with a message): ${counts}; ${Buffer.byteLength(output)} bytes`);
console.log(`from headers ${stats.fromHeaders}, only in the docs ${stats.fromDocsOnly}; messages: docs ${stats.messagesFromDocs}, same value ${stats.messagesFromSameValue}, Win32 code of a 0x8007xxxx HRESULT ${stats.messagesFromWin32}`);

if (check) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== output) {
    console.error(`${relative(root, outFile)} is out of date; run ${COMMAND}`);
    process.exit(1);
  }
  console.log(`${relative(root, outFile)} is up to date`);
} else {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, output);
  console.log(`wrote ${relative(root, outFile)}`);
}
