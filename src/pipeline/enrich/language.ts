/**
 * The document's own language (`meta.language`, ISO 639-1) when the caller did not give it: the
 * language whose most frequent function words occur most often in the text. Résumés are terse, so the
 * word lists hold the words résumés do use (articles, prepositions, conjunctions, "and"/"with"/"for").
 */
import type { Component } from '../doc.ts';

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'for', 'with', 'on', 'a', 'an', 'by', 'at', 'from', 'as', 'my', 'i', 'is', 'are', 'using', 'including', 'through', 'across', 'over'],
  fr: ['le', 'la', 'les', 'des', 'et', 'de', 'du', 'en', 'pour', 'avec', 'dans', 'sur', 'un', 'une', 'au', 'aux', 'par', 'est', 'mes', 'à'],
  de: ['der', 'die', 'das', 'und', 'mit', 'für', 'von', 'im', 'in', 'bei', 'zur', 'zum', 'den', 'dem', 'des', 'ein', 'eine', 'auf', 'als', 'ist'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'del', 'en', 'para', 'con', 'por', 'un', 'una', 'al', 'como', 'es', 'sobre', 'mis'],
  pt: ['o', 'a', 'os', 'as', 'e', 'de', 'do', 'da', 'dos', 'das', 'em', 'para', 'com', 'por', 'um', 'uma', 'no', 'na', 'como'],
  it: ['il', 'la', 'lo', 'gli', 'le', 'e', 'di', 'del', 'della', 'in', 'per', 'con', 'da', 'un', 'una', 'nel', 'nella', 'come', 'ed'],
  nl: ['de', 'het', 'een', 'en', 'van', 'in', 'voor', 'met', 'op', 'bij', 'aan', 'als', 'naar', 'ik', 'is', 'zijn', 'tot', 'door'],
};

const INDEX: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(FUNCTION_WORDS)) for (const w of words) m.set(w, [...(m.get(w) ?? []), lang]);
  return m;
})();

/** ISO 639-1 code of the text's language, or null when the text gives too little evidence. */
export function detectLanguage(text: string): string | null {
  const score = new Map<string, number>();
  let evidence = 0;
  for (const token of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const langs = INDEX.get(token);
    if (!langs) continue;
    evidence++;
    // A word shared by several languages counts a share to each.
    for (const l of langs) score.set(l, (score.get(l) ?? 0) + 1 / langs.length);
  }
  if (evidence < 5) return null;
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  return ranked[0]![0];
}

export const language: Component = {
  name: 'language',
  stage: 'enrich',
  creates: 'doc.language (meta.language): given, or detected from the text',
  run(doc) {
    doc.language ??= detectLanguage(doc.layout.text);
  },
};
