/** Command-line arguments of `configmgr-log-doctor`, with clear messages for anything unusable. */
import { parseUtcOffsetText } from '../core/text/utcOffset';

export class UsageError extends Error {}

export type CheckFormat = 'text' | 'json';
export type DiagnoseFormat = 'text' | 'markdown' | 'json' | 'sarif';

export interface CliOptions {
  readonly command: 'check' | 'diagnose';
  readonly format: string;
  readonly locale: string | undefined;
  readonly windowSeconds: number;
  readonly redact: boolean;
  /** Minutes, local = UTC + offset, for console logs whose machine's offset is unknown. */
  readonly utcOffsetMinutes: number | null;
  /** Worker threads that read the evidence; undefined: one per core but one (1 to 4) for big inputs. */
  readonly workers: number | undefined;
  readonly paths: readonly string[];
}

export const USAGE = `Usage:
  configmgr-log-doctor diagnose [options] <files or folders...>
  configmgr-log-doctor check [--format text|json] [--locale en|ja] <files or folders...>

  diagnose      correlate the evidence of several machines (ConfigMgr logs, .lo_, event XML
                exports, .reg exports) and say whether DCOM hardening (KB5004442) is the cause
  check         list the findings of each file, as the editor's Problems panel does

Options:
  --format F       diagnose: text (default), markdown, json or sarif; check: text or json
  --window T       diagnose: how far apart a log failure and a DCOM event may be to pair,
                   in seconds or with a unit (90, 90s, 2m); default 2m
  --redact         diagnose: replace user names, SIDs and IP addresses in the output
  --utc-offset O   diagnose: UTC offset of console logs that write none and whose machine's
                   other logs cannot tell, e.g. +09:00 or -7
  --workers N      diagnose: threads that read the files, 0 to 16; 0 reads on the main thread
                   (default: one per core but one, 1 to 4, when there is more than 8 MB to read)
  --locale L       language of the output: en or ja (default: from LANG)
  -h, --help       this text

Exit code: 0 whatever is found; 2 on unusable arguments or unreadable paths.
`;

const FORMATS: Readonly<Record<CliOptions['command'], readonly string[]>> = {
  check: ['text', 'json'],
  diagnose: ['text', 'markdown', 'json', 'sarif'],
};

function parseWindow(text: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|sec|m|min|h)?$/i.exec(text ?? '');
  if (!m) throw new UsageError(`--window needs a duration such as 120, 90s or 2m, not ${text ?? 'nothing'}`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  const seconds = unit.startsWith('m') ? n * 60 : unit === 'h' ? n * 3600 : n;
  if (seconds <= 0 || seconds > 86_400) throw new UsageError('--window must be between 1 second and 24 hours');
  return seconds;
}

function parseWorkers(text: string): number {
  const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 16)) throw new UsageError(`--workers needs a number from 0 to 16, not ${text}`);
  return n;
}

export function parseUtcOffset(text: string | undefined): number {
  const minutes = parseUtcOffsetText(text ?? '');
  if (minutes === null) throw new UsageError(`--utc-offset needs an offset within ±14:00 such as +09:00 or -7, not ${text ?? 'nothing'}`);
  return minutes;
}

export function parseCliArguments(argv: readonly string[]): CliOptions {
  let command: CliOptions['command'] | undefined;
  let format: string | undefined;
  let locale: string | undefined;
  let windowSeconds = 120;
  let redact = false;
  let utcOffsetMinutes: number | null = null;
  let workers: number | undefined;
  const paths: string[] = [];
  const value = (i: number, name: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--format') format = value(++i, '--format');
    else if (arg === '--locale') locale = value(++i, '--locale');
    else if (arg === '--window') windowSeconds = parseWindow(value(++i, '--window'));
    else if (arg === '--utc-offset') utcOffsetMinutes = parseUtcOffset(value(++i, '--utc-offset'));
    else if (arg === '--redact') redact = true;
    else if (arg === '--workers') workers = parseWorkers(value(++i, '--workers'));
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (!command) {
      if (arg !== 'check' && arg !== 'diagnose') throw new UsageError(`unknown command ${arg}`);
      command = arg;
    } else paths.push(arg);
  }
  if (!command) throw new UsageError('no command given');
  const chosen = format ?? 'text';
  if (!FORMATS[command].includes(chosen)) {
    throw new UsageError(`--format for ${command} must be ${FORMATS[command].join(', ')}, not ${chosen}`);
  }
  if (paths.length === 0) throw new UsageError('no files or folders given');
  return { command, format: chosen, locale, windowSeconds, redact, utcOffsetMinutes, workers, paths };
}
