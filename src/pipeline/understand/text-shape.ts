/**
 * The shape of a piece of text, whatever field it is read for: a clause of a sentence, or a name or a title.
 * Names and titles are capitalised and have no verbs; sentences have lower-case words beyond a name's joiners,
 * pronouns and auxiliary verbs. Used by the entry splitter and the work and education readers alike.
 */

/**
 * A clause rather than a name: a first-person pronoun, or a lower-case auxiliary or modal verb ("Work as much
 * as i can do", "I want full time jobs", "Acme is a leading…", "Acme had"). Names and titles have neither.
 * ("am" alone is not counted: it is German for "at the", as in "Gymnasium am Rotenbühl"; "I am" is a clause
 * by its pronoun.)
 */
export function clauseLike(text: string): boolean {
  return /(?:^|\s)(?:I|My|We|Our)\s+\p{Ll}|\b(?:i|my|me|we|our|us|is|are|was|were|has|had|have|can|could|will|would|shall|should|want|wants|wanted)\b(?![-'’])/u.test(text.replace(/\b(?:[A-Z][\w.&'’-]*)\b/g, (w) => (/^(?:I|My|We|Our)$/.test(w) ? w : 'X')));
}

/** Small words that join the parts of a name ("Bank of India", "Marks and Spencer", "Banco de Chile"). */
export const JOINERS = new Set(['of', 'and', 'the', 'for', 'in', 'at', 'de', 'du', 'des', 'da', 'do', 'la', 'le', 'del', 'di', 'van', 'von', 'y', 'e', 'und', 'et']);

/** A word of a proper name: it opens with a capital, a digit, "&" or a bracket ("3M", "(India)"), or joins the name's parts. */
export const nameWord = (word: string): boolean => /^[\p{Lu}\d&(]/u.test(word) || JOINERS.has(word);

/**
 * How many lower-case words a text has beyond the joiners of a name: "SLA's to provide quality services to
 * end users" has seven, "Bank of India" none, "Fidelity national financial" two. Names and titles are mostly
 * capitalised; a run of lower-case words is a piece of a sentence. A bracket is a note, not counted
 * ("Quality Assurance Intern (40 hours per week)").
 */
export function proseWords(text: string): number {
  return text.replace(/\([^)]*\)/g, ' ').split(/[\s,/]+/).filter((w) => /^\p{Ll}/u.test(w) && !JOINERS.has(w.replace(/\W+$/, ''))).length;
}
