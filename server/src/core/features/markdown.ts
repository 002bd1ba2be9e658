/**
 * Markdown for hovers and reports. Log and event text is untrusted: it is only ever put into Markdown
 * through `escapeMarkdown` or `code`, so a message cannot inject links, images, HTML or command URIs.
 */

import { mdCode } from '../report/escape';

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&"'=:]/g;

/** Escapes text so Markdown renders it literally (no emphasis, links, HTML or entities). */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(MARKDOWN_SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}

/** Inline code span around untrusted text (the report's `mdCode`), cut to `maxLength` characters. */
export function code(text: string, maxLength = 200): string {
  return mdCode(text.length > maxLength ? text.slice(0, maxLength) + '…' : text);
}

/** Collects Markdown blocks and joins them with blank lines. Trusted text only in `line`/`bullet`. */
export class MarkdownBuilder {
  private readonly blocks: string[] = [];
  heading(text: string): this {
    this.blocks.push(`**${text}**`);
    return this;
  }
  line(text: string): this {
    this.blocks.push(text);
    return this;
  }
  bullets(items: readonly string[]): this {
    if (items.length > 0) this.blocks.push(items.map((i) => `- ${i}`).join('\n'));
    return this;
  }
  rule(): this {
    this.blocks.push('---');
    return this;
  }
  toString(): string {
    return this.blocks.join('\n\n');
  }
}
