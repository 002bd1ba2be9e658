/** The languages the server writes in. VS Code sends its display language as `locale` in `initialize`. */
export type Locale = 'en' | 'ja';

export function localeFromTag(tag: string | null | undefined): Locale {
  return tag && /^ja(?:$|[-_])/i.test(tag.trim()) ? 'ja' : 'en';
}

/** A text in every supported language. */
export type Localized<T> = Readonly<Record<Locale, T>>;
