/**
 * Text clean-up shared by the readers of the annotated résumé datasets (bench/real-text.ts scores on them,
 * scripts/train-phrase-roles.ts trains on dotin): XML entities, the Kaggle CVs' byte escapes, and the
 * white-space-free form two copies of one résumé are matched in.
 */

export const unescapeXml = (s: string): string =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Over half the dotin CVs (the Kaggle ones) were stored from Python byte strings, so their text holds literal
 * "\xe2\x80\xa2" where the résumé had "•". Decoded, so the text holds the characters a real document has
 * rather than an artefact of the dataset.
 */
export const decodeByteEscapes = (s: string): string =>
  s.replace(/(?:\\x[0-9a-f]{2})+/gi, (m) => Buffer.from(m.replace(/\\x/gi, ''), 'hex').toString('utf8'));

/** White space collapsed and lower case: the form in which a résumé's text is looked for in another copy. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
