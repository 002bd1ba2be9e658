#!/usr/bin/env node
/**
 * Terminal entry: `configmgr-log-doctor check <files or folders…>` prints the DCOM hardening findings of
 * each file as `file:line:column: severity code: message`, the same findings the editor shows.
 * Exit code 0 whatever is found; 2 on unusable arguments or unreadable paths.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService, localeFromTag } from './core/languageService';
import { decodeText } from './core/text/decode';

const USAGE = `Usage: configmgr-log-doctor check [--format text|json] [--locale en|ja] <files or folders...>

  check     print the DCOM hardening findings (access denied, RPC server unavailable,
            DCOM events 10036/10037/10038) of ConfigMgr logs and event XML exports
  --format  text (default) or json
  --locale  language of the messages (default: from LANG)
`;

const EVIDENCE_FILE = /\.(?:log|lo_|xml|txt)$/i;
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

class UsageError extends Error {}

interface Options {
  command: string;
  format: 'text' | 'json';
  locale: string | undefined;
  paths: string[];
}

function parseArguments(argv: readonly string[]): Options {
  const options: Options = { command: '', format: 'text', locale: undefined, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--format') {
      const value = argv[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be text or json, not ${value ?? 'nothing'}`);
      options.format = value;
    } else if (arg === '--locale') {
      options.locale = argv[++i];
      if (!options.locale) throw new UsageError('--locale needs a value (en or ja)');
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (!options.command) {
      options.command = arg;
    } else {
      options.paths.push(arg);
    }
  }
  if (options.command !== 'check') throw new UsageError(options.command ? `unknown command ${options.command}` : 'no command given');
  if (options.paths.length === 0) throw new UsageError('no files or folders given');
  return options;
}

/** Files to read: the paths given, and the evidence files under the folders given. */
function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string, explicit: boolean): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry), false);
    } else if (explicit || EVIDENCE_FILE.test(path)) {
      files.push(path);
    }
  };
  for (const path of paths) {
    try {
      visit(path, true);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return files;
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  let options: Options;
  let files: string[];
  try {
    options = parseArguments(argv);
    files = collectFiles(options.paths);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`configmgr-log-doctor: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const service = getLanguageService({ locale: localeFromTag(options.locale ?? process.env['LANG']) });
  const results = files.map((file) => {
    const doc = service.analyze(decodeText(readFileSync(file)), file);
    return { file, format: doc.model.format, diagnostics: service.getDiagnostics(doc) };
  });
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return 0;
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
  return 0;
}

process.exitCode = main(process.argv.slice(2));
