#!/usr/bin/env node
/**
 * Terminal entry, `configmgr-log-doctor` (see `USAGE`): `check` prints each file's findings as the
 * editor shows them; `diagnose` correlates a whole folder of evidence and says what to do, as text,
 * Markdown, the JSON of DESIGN.md's contract, or SARIF 2.1.0.
 */
import { readFile } from 'node:fs/promises';
import { getLanguageService, localeFromTag } from './core/languageService';
import { redactDiagnosis } from './core/report/redact';
import { toContractJson } from './core/report/json';
import { toMarkdown } from './core/report/markdown';
import { toSarif } from './core/report/sarif';
import { toText } from './core/report/text';
import { decodeText } from './core/text/decode';
import { USAGE, UsageError, parseCliArguments, type CliOptions } from './node/cliArguments';
import { diagnoseFiles } from './node/evidence';
import { UnreadablePathError, collectEvidenceFiles } from './node/evidenceFiles';
import { writeJson } from './node/jsonOutput';

declare const PACKAGE_VERSION: string;
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

async function check(options: CliOptions, files: readonly string[]): Promise<void> {
  const service = getLanguageService({ locale: localeFromTag(options.locale ?? process.env['LANG']) });
  const results = [];
  for (const file of files) {
    const doc = service.analyze(decodeText(await readFile(file)), file);
    results.push({ file, format: doc.model.format, diagnostics: service.getDiagnostics(doc) });
  }
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return;
  }
  let total = 0;
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      total++;
      const where = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      process.stdout.write(`${where}: ${SEVERITY_NAMES[d.severity ?? 1]} ${String(d.code)}: ${d.message}\n`);
    }
  }
  process.stdout.write(`${total} finding(s) in ${results.length} file(s)\n`);
}

async function diagnose(options: CliOptions, files: readonly string[]): Promise<void> {
  const raw = await diagnoseFiles(files, {
    locale: localeFromTag(options.locale ?? process.env['LANG']),
    windowSeconds: options.windowSeconds,
    defaultUtcOffsetMinutes: options.utcOffsetMinutes,
  }, options.workers === undefined ? {} : { workers: options.workers });
  if (!raw) return;
  const diagnosis = options.redact ? redactDiagnosis(raw) : raw;
  const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0';
  switch (options.format) {
    case 'json':
      await writeJson(process.stdout, toContractJson(diagnosis));
      break;
    case 'sarif':
      await writeJson(process.stdout, toSarif(diagnosis, version));
      break;
    case 'markdown':
      process.stdout.write(toMarkdown(diagnosis));
      break;
    default:
      process.stdout.write(toText(diagnosis));
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const options = parseCliArguments(argv);
    const files = await collectEvidenceFiles(options.paths);
    if (options.command === 'check') await check(options, files);
    else await diagnose(options, files);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnreadablePathError) {
      process.stderr.write(`configmgr-log-doctor: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`configmgr-log-doctor: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
