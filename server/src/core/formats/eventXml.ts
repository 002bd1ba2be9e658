/**
 * Exported Windows event XML to an `EventDocumentModel`, whatever tool wrote it: Event Viewer "Save as
 * XML" (`<Events>` root), `wevtutil qe /f:xml` and `Get-WinEvent | % ToXml()` (events with no root, one
 * per line), the "XML View" copied by hand (with `- ` collapse markers), forum pastes with prose around
 * the XML, python-evtx output. See `knowledge/formats.md` section 5.
 *
 * A fast scan finds each top-level `<Event>…</Event>`; each is then read by its own XML parse, so a
 * broken event costs only itself. Never throws: what cannot be read becomes a `ParseProblem`.
 */
import type { EventDocumentModel, WindowsEvent } from '../model';
import { EventReader } from './eventXml/eventReader';
import { ProblemCollector } from './eventXml/problems';
import { blankCollapseMarkers, scanEventElements, type RootState } from './eventXml/scan';

export { parseSystemTime } from './eventXml/systemTime';
export { looksLikeEventXml } from './eventXml/head';
export { MAX_PROBLEMS } from './eventXml/problems';
export { ROOT_NOT_CLOSED, type RootState } from './eventXml/scan';

/** Parses event XML text (a leading BOM is allowed) into events with exact source spans. */
export function parseEventXml(text: string): EventDocumentModel {
  return parseEventXmlWithRoot(text).model;
}

/** Prefix of the problem reported when the parse itself failed part-way. */
export const INCOMPLETE_READ = 'Event XML could not be read completely';

/**
 * `parseEventXml`, plus the `<Events>` root as the scan left it. With `resume` (the root state after the
 * last event of a document this text was appended to, in this text's offsets), the text is read as the
 * rest of that document: a parse of only the appended part then reports what a parse of the whole would.
 */
export function parseEventXmlWithRoot(text: string, resume?: RootState): { model: EventDocumentModel; root: RootState | null } {
  const problems = new ProblemCollector();
  const events: WindowsEvent[] = [];
  let root: RootState | null = null;
  try {
    const src = blankCollapseMarkers(text);
    const reader = new EventReader(problems);
    const summary = scanEventElements(
      src,
      problems,
      (range) => {
        const event = reader.read(src, range);
        if (event !== null) events.push(event);
      },
      resume,
    );
    root = summary.root;
    if (!summary.sawEventMarkup) reportNoEvents(src, problems);
  } catch (error) {
    // Nothing above should throw; if it does, the events read so far still stand.
    const detail = error instanceof Error ? error.message : String(error);
    problems.add(0, 0, `${INCOMPLETE_READ}: ${detail}`);
  }
  return { model: { kind: 'events', format: 'eventXml', events, problems: problems.finish() }, root };
}

function reportNoEvents(src: string, problems: ProblemCollector): void {
  const first = src.search(/[^\s\uFEFF]/);
  if (first < 0) return; // an empty document is not a problem
  const lineEnd = src.slice(first, first + 500).search(/[\r\n]/);
  problems.add(first, lineEnd < 0 ? Math.min(src.length, first + 500) : first + lineEnd, 'No <Event> element found: this is not Windows event XML.');
}
