/**
 * The report as a complete HTML document for a VS Code webview. Nothing remote: the Content Security
 * Policy allows only the webview's own resources, data: images, and the nonce'd style and script
 * elements. No inline event handlers. Every log-derived string (excerpts, messages, file and machine
 * names) is HTML-escaped, in text and in attributes alike (attributes are always double-quoted).
 *
 * The script turns clicks on evidence links (`<a href="#" data-file data-line>`) into
 * `postMessage({type: 'open', file, line})` and the export button into
 * `postMessage({type: 'exportMarkdown', redact})`.
 */
import type { Diagnosis, DiagnosisFinding } from '../diagnosis/model';
import { escapeHtml } from './escape';
import { countByCode, formatDelta, formatOffset, formatUtc, location, summariseMachines } from './format';
import { reportLabels } from './labels';
import { renderTimelineSvg } from './timelineSvg';

export interface HtmlOptions {
  readonly nonce: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** An href for an evidence link (a standalone export); `#` when absent. Unsafe schemes become `#`. */
  readonly linkFor?: (file: string, line: number) => string;
}

/** Evidence items listed before "… and N more". */
export const HTML_EVIDENCE_LIMIT = 2000;

const SAFE_SCHEMES: ReadonlySet<string> = new Set(['file', 'vscode', 'vscode-file', 'command']);

/** An href that cannot run script or load anything remote; anything doubtful becomes `#`. */
export function safeHref(written: string): string {
  // Browsers strip leading and trailing spaces and controls from an href before reading its scheme.
  const href = written.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (href === '' || /[\u0000-\u001F\u007F\s]/.test(href.replace(/ /g, '%20'))) return '#';
  if (href.startsWith('#')) return href;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(href);
  if (scheme) return SAFE_SCHEMES.has((scheme[1] ?? '').toLowerCase()) ? href.replace(/ /g, '%20') : '#';
  // A relative reference; `//host` and `\\host` would be another origin.
  return /^[/\\]{2}/.test(href) || href.startsWith('/\\') || href.startsWith('\\/') ? '#' : href.replace(/ /g, '%20');
}

/**
 * The source expressions of `webview.cspSource` (`'self' https://*.vscode-cdn.net`, or a scheme such
 * as `vscode-webview-resource:`); anything else (`*`, keywords, `;`) is dropped so it cannot widen
 * or end the policy.
 */
function cspSources(cspSource: string): string {
  const SOURCE = /^(?:'self'|[A-Za-z][A-Za-z0-9+.-]*:|(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5}|:\*)?(?:\/[A-Za-z0-9\-._~/%]*)?)$/;
  return cspSource
    .split(/\s+/)
    .filter((token) => SOURCE.test(token))
    .join(' ');
}

const STYLE = `
:root{color-scheme:light dark}
body{font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:var(--vscode-font-size,13px);color:var(--vscode-foreground,#333);background:var(--vscode-editor-background,#fff);line-height:1.45;margin:0;padding:0 24px 32px;max-width:1200px}
h1{font-size:1.5em;font-weight:600;margin:20px 0 8px}
h2{font-size:1.15em;font-weight:600;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--vscode-panel-border,rgba(128,128,128,.35))}
.verdict{display:inline-block;padding:2px 10px;border-radius:10px;font-weight:600;border:1px solid transparent}
.verdict-likely{background:var(--vscode-inputValidation-errorBackground,#f8d7da);border-color:var(--vscode-inputValidation-errorBorder,#be1100)}
.verdict-possible{background:var(--vscode-inputValidation-warningBackground,#fff3cd);border-color:var(--vscode-inputValidation-warningBorder,#b89500)}
.verdict-unlikely{background:var(--vscode-badge-background,#ddd);color:var(--vscode-badge-foreground,#333)}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid var(--vscode-panel-border,rgba(128,128,128,.35));padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--vscode-editorWidget-background,transparent);font-weight:600}
code{font-family:var(--vscode-editor-font-family,monospace);font-size:var(--vscode-editor-font-size,12px);background:var(--vscode-textCodeBlock-background,rgba(128,128,128,.12));padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
a{color:var(--vscode-textLink-foreground,#006ab1)}
a:hover{color:var(--vscode-textLink-activeForeground,#006ab1)}
a:focus-visible,button:focus-visible,input:focus-visible{outline:1px solid var(--vscode-focusBorder,#0078d4);outline-offset:1px}
button{font:inherit;background:var(--vscode-button-background,#0078d4);color:var(--vscode-button-foreground,#fff);border:1px solid var(--vscode-button-border,transparent);border-radius:2px;padding:4px 12px;cursor:pointer}
button:hover{background:var(--vscode-button-hoverBackground,#026ec1)}
.toolbar{display:flex;flex-wrap:wrap;gap:16px;align-items:center;margin:12px 0}
.muted{color:var(--vscode-descriptionForeground,#717171)}
.steps li{margin-bottom:8px}
.evidence{padding-left:1.5em}
.evidence li{margin:6px 0}
.excerpt{display:block;margin-top:2px;white-space:pre-wrap}
.tag{display:inline-block;padding:0 6px;border-radius:8px;border:1px solid var(--vscode-panel-border,rgba(128,128,128,.35));font-size:.92em}
.tag-error{border-color:var(--vscode-errorForeground,#e51400)}
.tag-warning{border-color:var(--vscode-editorWarning-foreground,#bf8803)}
.timeline{overflow-x:auto}
.timeline svg{max-width:100%;height:auto}
`;

const SCRIPT = `(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('a[data-file]') : null;
    if (!target || !vscode) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', file: target.getAttribute('data-file'), line: Number(target.getAttribute('data-line')) });
  });
  var button = document.getElementById('export-markdown');
  var redact = document.getElementById('export-redact');
  if (button && vscode) {
    button.addEventListener('click', function () {
      vscode.postMessage({ type: 'exportMarkdown', redact: redact instanceof HTMLInputElement && redact.checked });
    });
  }
})();`;

const e = escapeHtml;

function section(id: string, heading: string, body: string): string {
  return `<section id="${id}"><h2>${e(heading)}</h2>${body}</section>`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<thead><tr>${header.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>`;
  return `<table>${head}<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const codeList = (values: readonly string[], none: string): string =>
  values.length === 0 ? `<span class="muted">${e(none)}</span>` : values.map((v) => `<code>${e(v)}</code>`).join(', ');

export function toHtml(d: Diagnosis, opts: HtmlOptions): string {
  const l = reportLabels(d.locale);
  const nonce = opts.nonce.replace(/[^A-Za-z0-9+/=_-]/g, '');
  const cspSource = cspSources(opts.cspSource);
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;

  const link = (file: string, line: number, text = `${file}:${line}`): string => {
    let href = '#';
    if (opts.linkFor) {
      try {
        href = safeHref(opts.linkFor(file, line));
      } catch {
        href = '#';
      }
    }
    return `<a href="${e(href)}" data-file="${e(file)}" data-line="${Number.isFinite(line) ? Math.max(1, Math.trunc(line)) : 1}">${e(text)}</a>`;
  };
  const machine = (id: string | null): string => (id === null ? `<span class="muted">${e(l.unknownMachine)}</span>` : `<code>${e(id)}</code>`);

  const parts: string[] = [];
  parts.push(
    `<header><h1>${e(l.title)}</h1>`,
    `<p><strong>${e(l.verdict)}:</strong> <span class="verdict verdict-${d.verdict}">${e(l.verdictText[d.verdict])}</span></p>`,
  );
  if (d.reasons.length > 0) parts.push(`<h2>${e(l.why)}</h2><ul class="reasons">${d.reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul>`);
  parts.push(
    `<div class="toolbar"><button type="button" id="export-markdown">${e(l.exportMarkdown)}</button>`,
    `<label><input type="checkbox" id="export-redact" checked> ${e(l.redactOption)}</label></div></header>`,
  );

  parts.push(
    section(
      'steps',
      l.steps,
      d.recommendations.length === 0
        ? `<p>${e(l.noSteps)}</p>`
        : `<ol class="steps">${d.recommendations
            .map(
              (r) =>
                `<li><strong>${e(r.title)}</strong>${r.detail.trim() === '' ? '' : `<div>${e(r.detail)}</div>`}` +
                `${r.machines.length === 0 ? '' : `<div class="muted">${e(l.appliesTo)}: ${codeList(r.machines, l.none)}</div>`}</li>`,
            )
            .join('')}</ol>`,
    ),
  );

  const summaries = summariseMachines(d);
  const unattributed = d.findings.filter((f) => f.machine === null);
  const machineRows = summaries.map((s) => {
    const m = s.machine;
    const offset = formatOffset(m.utcOffsetMinutes, l.none) + (m.utcOffsetSource === 'eventAlignment' ? ` (${l.offsetFromEvents})` : '');
    const peers = [
      m.refusedActivationsFrom.length > 0 ? `<div>${e(l.refusedFrom)}: ${codeList(m.refusedActivationsFrom, l.none)}</div>` : '',
      m.activatedBelowIntegrity.length > 0 ? `<div>${e(l.activatedBelow)}: ${codeList(m.activatedBelowIntegrity, l.none)}</div>` : '',
    ].join('');
    return [
      `<code>${e(m.id)}</code>`,
      m.roles.length === 0 ? `<span class="muted">${e(l.none)}</span>` : e(m.roles.map((r) => l.roleNames[r]).join(l.sep)),
      `${codeList(m.names, l.none)}<div>${codeList(m.addresses, l.none)}</div><div class="muted">${e(offset)}</div>`,
      (s.counts.length === 0 ? `<span class="muted">${e(l.none)}</span>` : s.counts.map(([c, n]) => `${n} × ${e(l.codeNames[c])}`).join('<br>')) +
        peers +
        `<div class="muted">${e(l.eventExport)}: ${e(m.hasEventExport ? l.yes : l.no)}</div>`,
      s.toInstall.length === 0 ? `<span class="muted">${e(l.none)}</span>` : s.toInstall.map((r) => e(r.title)).join('<br>'),
    ];
  });
  if (unattributed.length > 0) {
    machineRows.push([
      `<span class="muted">${e(l.unknownMachine)}</span>`,
      '',
      '',
      countByCode(unattributed).map(([c, n]) => `${n} × ${e(l.codeNames[c])}`).join('<br>'),
      '',
    ]);
  }
  parts.push(
    section(
      'machines',
      l.machines,
      machineRows.length === 0
        ? `<p>${e(l.noMachines)}</p>`
        : table([l.machine, l.roles, `${l.names} / ${l.addresses}`, l.evidenceCount, l.toInstall], machineRows),
    ),
  );

  parts.push(section('timeline', l.timeline, `<div class="timeline">${renderTimelineSvg(d, { locale: d.locale, nonce, width: 1000 })}</div>`));

  parts.push(
    section(
      'correlations',
      l.correlations,
      `<p class="muted">${e(l.pairingWindow(d.windowSeconds))}</p>` +
        (d.correlations.length === 0
          ? `<p>${e(l.noCorrelations)}</p>`
          : table(
              [l.logFailure, l.dcomEvent, l.delta, l.kind, l.machines],
              d.correlations.map((c) => [
                link(c.log.file, c.log.line),
                link(c.event.file, c.event.line),
                e(formatDelta(c.deltaSeconds)),
                e(l.correlationKinds[c.kind]) + (c.peerMatched ? '' : `<div class="muted">${e(l.weakPairing)}</div>`),
                `${machine(c.logMachine)} → ${machine(c.target)}`,
              ]),
            )),
    ),
  );

  parts.push(
    section(
      'registry',
      l.registry,
      d.registry.length === 0
        ? `<p>${e(l.noRegistry)}</p>`
        : table(
            [l.location, l.machine, l.key, l.valueName, l.value, l.assessment],
            d.registry.map((s) => [
              link(s.file, s.line),
              machine(s.machine),
              `<code>${e(s.key)}</code>`,
              `<code>${e(s.name)}</code>`,
              s.value === null ? `<span class="muted">${e(l.none)}</span>` : e(String(s.value)),
              `<strong>${e(l.registryVerdicts[s.verdict])}</strong><div>${e(s.message)}</div>`,
            ]),
          ),
    ),
  );

  const evidenceItem = (f: DiagnosisFinding): string => {
    const time = f.time === null ? `<span class="muted">${e(l.unknownTime)}</span>` : `<time datetime="${e(f.time)}">${e(formatUtc(f.time, l.unknownTime))}</time>`;
    const source = f.timeSource !== null && f.timeSource !== 'bias' && f.timeSource !== 'event' ? ` <span class="muted">(${e(l.timeSources[f.timeSource])})</span>` : '';
    const context = f.context !== null && f.context !== 'unknown' ? ` <span class="muted">${e(l.contexts[f.context])}</span>` : '';
    const peer = f.peer !== null && f.peer !== '' ? ` → <code>${e(f.peer)}</code>` : '';
    const excerpt = f.excerpt === '' ? '' : `<code class="excerpt">${e(f.excerpt)}</code>`;
    const tag = `<span class="tag tag-${f.severity}" title="${e(f.message)}">${e(l.codeNames[f.code])}</span>`;
    return `<li>${link(f.file, f.line, location(f))} ${time}${source} ${tag} ${machine(f.machine)}${context}${peer}${excerpt}</li>`;
  };
  const shown = d.findings.slice(0, HTML_EVIDENCE_LIMIT);
  parts.push(
    section(
      'evidence',
      `${l.evidence} (${d.findings.length})`,
      d.findings.length === 0
        ? `<p>${e(l.noEvidence)}</p>`
        : `<ol class="evidence">${shown.map(evidenceItem).join('')}</ol>` +
            (d.findings.length > shown.length ? `<p class="muted">${e(l.omitted(d.findings.length - shown.length))}</p>` : ''),
    ),
  );

  if (d.files.length > 0) {
    parts.push(
      section(
        'files',
        l.filesExamined,
        table(
          [l.file, l.format, l.machine, l.records, l.findings, l.problems],
          d.files.map((f) => [
            `<code>${e(f.path)}</code>${f.error === undefined ? '' : `<div class="muted">${e(l.error)}: ${e(f.error)}</div>`}`,
            e(f.format),
            machine(f.machine),
            String(f.records),
            f.findingsNotRead ? `${f.findings} (+${f.findingsNotRead})` : String(f.findings),
            String(f.problems),
          ]),
        ),
      ),
    );
  }

  return [
    '<!DOCTYPE html>',
    `<html lang="${d.locale === 'ja' ? 'ja' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Single quotes stay as written (the attribute is double-quoted and the source has no `"<>`).
    `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;')}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`${l.title} — ${l.toolName}`)}</title>`,
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head>',
    '<body>',
    ...parts,
    `<script nonce="${nonce}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
