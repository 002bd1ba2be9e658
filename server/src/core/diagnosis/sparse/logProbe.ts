/**
 * Where a log's records may matter to the diagnosis, found without reading them: a few searches, each
 * cheap on its own, merged in text order. Together they find every record the per-record code could
 * use (a superset: a hit that turns out to be nothing costs one small parse):
 *
 * - `codes`: every form `scanErrorCodes` reads of the three hardening values — hex and bare hex
 *   (`8007000`, `800706`, `8004100`), signed and unsigned decimals (`21470…`, `21472…`, `21477…`,
 *   `21479…`), the catalogue's symbols and the English messages (`access` in any case covers
 *   E_ACCESSDENIED, ERROR_ACCESS_DENIED, WBEM_E_ACCESS_DENIED and "Access is denied"; `server` followed
 *   by `_` or a space covers RPC_S_SERVER_UNAVAILABLE and "The RPC server is unavailable"), and the
 *   Japanese messages (by `indexOf`, in the scan's own encoding);
 * - `status`: `STATMSG`, whose `SYS=` names the machine;
 * - `dotted`: `1.2.3` — what every address and ConfigMgr version number holds.
 *
 * Short literal alternatives keep the one regular expression fast (V8 skips ahead on them); the
 * case-insensitive words are spelt with classes, which V8 matches as fast as literals.
 */
import { needle } from './scanText';

export type HitKind = 'codes' | 'status' | 'dotted';

const CODES_OR_STATUS = /8007000|800706|8004100|21470|21472|21479|21477|[aA][cC][cC][eE][sS][sS]|[sS][eE][rR][vV][eE][rR][ _]|STATMSG/g;
const DOTTED = /\d\.\d{1,4}\.\d/g;
const JAPANESE = ['アクセスが', '利用で'];

interface Stream {
  readonly kind: HitKind | null;
  /** Next hit at or after `from`, or -1. */
  next(from: number): number;
}

function regexStream(s: string, pattern: RegExp, kind: HitKind | null): Stream {
  const re = new RegExp(pattern.source, pattern.flags);
  return {
    kind,
    next(from) {
      re.lastIndex = from;
      const m = re.exec(s);
      return m ? m.index : -1;
    },
  };
}

function literalStream(s: string, text: string, kind: HitKind): Stream {
  return { kind, next: (from) => s.indexOf(text, from) };
}

/** Walks the hits of `s[from, to)` in text order; `skipTo` jumps past a record already read. */
export class LogProbe {
  private readonly streams: Stream[];
  private readonly positions: number[];

  constructor(
    private readonly s: string,
    from: number,
    private readonly to: number,
    bytes: boolean,
  ) {
    this.streams = [
      regexStream(s, CODES_OR_STATUS, null),
      regexStream(s, DOTTED, 'dotted'),
      ...JAPANESE.map((text) => literalStream(s, needle(text, bytes), 'codes')),
    ];
    this.positions = this.streams.map((stream) => stream.next(from));
  }

  /** The next hit, or null when there is none before `to`. */
  next(): { at: number; kind: HitKind } | null {
    let best = -1;
    for (let i = 0; i < this.positions.length; i++) {
      const p = this.positions[i] ?? -1;
      if (p >= 0 && p < this.to && (best < 0 || p < (this.positions[best] ?? 0))) best = i;
    }
    if (best < 0) return null;
    const at = this.positions[best] ?? 0;
    const stream = this.streams[best] as Stream;
    this.positions[best] = stream.next(at + 1);
    return { at, kind: stream.kind ?? (this.s.startsWith('STATMSG', at) ? 'status' : 'codes') };
  }

  /** Drops the hits before `offset`. */
  skipTo(offset: number): void {
    for (let i = 0; i < this.positions.length; i++) {
      const p = this.positions[i] ?? -1;
      if (p >= 0 && p < offset) this.positions[i] = (this.streams[i] as Stream).next(offset);
    }
  }
}
