/**
 * A copy of a string that shares no memory with the text it was cut from.
 *
 * V8 keeps a `slice` of a large string as a view on it, and a concatenation as a tree of its parts, so
 * a 300-character excerpt can keep a whole 50 MB log alive. What the diagnosis keeps of a file after
 * `addFile` goes through here, which bounds memory by one file at a time.
 */
export function detach(text: string): string {
  const chunk = 8192;
  let out = '';
  for (let start = 0; start < text.length; start += chunk) {
    const end = Math.min(text.length, start + chunk);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) codes[i - start] = text.charCodeAt(i);
    out += String.fromCharCode(...codes);
  }
  return out;
}

export function detachOrNull(text: string | null): string | null {
  return text === null ? null : detach(text);
}

const shared = new Map<string, string>();
const MAX_SHARED = 4096;

/**
 * One copy of a text that many findings repeat (the message of a code in a context): a folder with
 * tens of thousands of failures then holds each message once, not once per failure.
 */
export function share(text: string): string {
  let copy = shared.get(text);
  if (copy === undefined) {
    if (shared.size >= MAX_SHARED) shared.clear();
    copy = detach(text);
    shared.set(copy, copy);
  }
  return copy;
}
