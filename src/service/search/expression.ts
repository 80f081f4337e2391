/**
 * Search expressions over a résumé's raw text: words and "quoted phrases", combined with AND (also implied
 * by a space), OR, NOT (or a leading "-") and parentheses — `python AND (django OR flask) -php`. Terms match
 * whole words of the folded text (projection.ts `fold`), so "java" does not match "javascript". Pure.
 */
import { fold } from './projection.ts';

export type Expr = { term: string } | { not: Expr } | { and: Expr[] } | { or: Expr[] };

export class ExpressionError extends Error {}

type Token = { kind: 'term'; text: string } | { kind: 'and' | 'or' | 'not' | 'open' | 'close' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\()|(\))|"([^"]*)"?|(-)(?=\S)|([^\s()"]+))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < source.length && (m = re.exec(source))) {
    if (m[1]) tokens.push({ kind: 'open' });
    else if (m[2]) tokens.push({ kind: 'close' });
    else if (m[3] !== undefined) {
      const text = fold(m[3]);
      if (text) tokens.push({ kind: 'term', text });
    } else if (m[4]) tokens.push({ kind: 'not' });
    else if (m[5]) {
      // Operators are upper case, as in most search boxes: "and" in a phrase-less query is a word like any other.
      if (m[5] === 'AND' || m[5] === '&&') tokens.push({ kind: 'and' });
      else if (m[5] === 'OR' || m[5] === '||') tokens.push({ kind: 'or' });
      else if (m[5] === 'NOT') tokens.push({ kind: 'not' });
      else {
        const text = fold(m[5]);
        if (text) tokens.push({ kind: 'term', text });
      }
    }
    if (m[0] === '') break;
  }
  return tokens;
}

export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const or = (): Expr => {
    const parts = [and()];
    while (peek()?.kind === 'or') {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : { or: parts };
  };
  const and = (): Expr => {
    const parts = [unary()];
    for (;;) {
      const t = peek();
      if (t?.kind === 'and') {
        i++;
        parts.push(unary());
      } else if (t && (t.kind === 'term' || t.kind === 'not' || t.kind === 'open')) parts.push(unary());
      else break;
    }
    return parts.length === 1 ? parts[0]! : { and: parts };
  };
  const unary = (): Expr => {
    const t = tokens[i++];
    if (!t) throw new ExpressionError('The search expression ends where a term was expected.');
    if (t.kind === 'not') return { not: unary() };
    if (t.kind === 'term') return { term: t.text };
    if (t.kind === 'open') {
      const inner = or();
      if (tokens[i++]?.kind !== 'close') throw new ExpressionError('A "(" in the search expression is not closed.');
      return inner;
    }
    throw new ExpressionError(`Unexpected ${t.kind === 'close' ? '")"' : t.kind.toUpperCase()} in the search expression.`);
  };
  if (!tokens.length) throw new ExpressionError('The search expression has no terms.');
  const expr = or();
  if (i < tokens.length) throw new ExpressionError('Unexpected ")" in the search expression.');
  return expr;
}

/** Whole-word (or whole-phrase) presence in folded text. */
export function hasTerm(foldedText: string, term: string): boolean {
  let at = foldedText.indexOf(term);
  while (at >= 0) {
    const before = at === 0 || foldedText[at - 1] === ' ';
    const end = at + term.length;
    if (before && (end === foldedText.length || foldedText[end] === ' ')) return true;
    at = foldedText.indexOf(term, at + 1);
  }
  return false;
}

/** `has` answers whether a term is present (default: looked up in the text), so callers can reuse lookups. */
export function evaluate(expr: Expr, foldedText: string, has: (term: string) => boolean = (term) => hasTerm(foldedText, term)): boolean {
  if ('term' in expr) return has(expr.term);
  if ('not' in expr) return !evaluate(expr.not, foldedText, has);
  if ('and' in expr) return expr.and.every((e) => evaluate(e, foldedText, has));
  return expr.or.some((e) => evaluate(e, foldedText, has));
}

/** The terms a match is made of (not those under NOT), each once. */
export function positiveTerms(expr: Expr, negated = false, out = new Set<string>()): string[] {
  if ('term' in expr) {
    if (!negated) out.add(expr.term);
  } else if ('not' in expr) positiveTerms(expr.not, !negated, out);
  else for (const e of 'and' in expr ? expr.and : expr.or) positiveTerms(e, negated, out);
  return [...out];
}
