/**
 * Signed links: URLs that open one thing without an API key, for a limited time — as Affinda answers with S3
 * pre-signed URLs, so that an `<img src>` works. A link carries `expires` (Unix seconds) and `token`, the
 * HMAC-SHA256, base64url, of (purpose, workspace, identifier, page, expires) under the deployment's secret:
 * changing any of them, or using the link for another document, page, workspace or purpose, breaks it. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a link is for; a token made for one purpose never opens another. */
export type LinkPurpose = 'page-image' | 'review' | 'redacted-pdf' | 'pdf';

/** What a link opens: a document's resource, in its workspace; `page` is null for a purpose without pages. */
export interface LinkSubject {
  purpose: LinkPurpose;
  workspaceId: string;
  identifier: string;
  page: number | null;
}

export interface LinkSignature {
  expires: number;
  token: string;
}

export function signLink(secret: string, subject: LinkSubject, expires: number): string {
  // JSON keeps the fields apart: no value can pass for a neighbour by containing a separator.
  const message = JSON.stringify([subject.purpose, subject.workspaceId, subject.identifier, subject.page, expires]);
  return createHmac('sha256', secret).update(message).digest('base64url');
}

/** True when `token` was made by `signLink` for exactly this subject and expiry, and the expiry is still ahead. */
export function verifyLink(secret: string, subject: LinkSubject, signature: LinkSignature, nowSeconds: number): boolean {
  if (!Number.isSafeInteger(signature.expires) || signature.expires <= nowSeconds) return false;
  const expected = Buffer.from(signLink(secret, subject, signature.expires));
  const given = Buffer.from(signature.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * When a link made now expires: `ttlSeconds` ahead, rounded down to a step (a minute, or a tenth of a short
 * lifetime), so that links made within one step are the same URL and a browser's cache can keep the image.
 */
export function linkExpiry(nowSeconds: number, ttlSeconds: number): number {
  const step = Math.max(1, Math.min(60, Math.floor(ttlSeconds / 10)));
  return Math.floor((nowSeconds + ttlSeconds) / step) * step;
}

/** The query string of a link: `expires=…&token=…`. */
export function signedQuery(secret: string, subject: LinkSubject, expires: number): string {
  return new URLSearchParams({ expires: String(expires), token: signLink(secret, subject, expires) }).toString();
}

/** Where a page image is served (api/routes/page-images.ts): the path of its link, under the public origin. */
export function pageImagePath(identifier: string, pageIndex: number): string {
  return `/v2/resumes/${encodeURIComponent(identifier)}/pages/${pageIndex}.png`;
}

/**
 * A review link carries its whole permission in one path segment, `<identifier>.<expires>.<token>`, so that the
 * page and its JSON endpoints share it as a prefix (`/review/<segment>/data`). None of the parts contains a dot:
 * identifiers are [A-Za-z0-9_-], `expires` is digits and the token base64url.
 */
export function reviewSegment(secret: string, workspaceId: string, identifier: string, expires: number): string {
  return `${identifier}.${expires}.${signLink(secret, reviewSubject(workspaceId, identifier), expires)}`;
}

/** The parts of a review segment, or null when it is not shaped like one (then it is a bad link). */
export function parseReviewSegment(segment: string): { identifier: string; signature: LinkSignature } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,15})\.([A-Za-z0-9_-]{1,100})$/.exec(segment);
  return match ? { identifier: match[1]!, signature: { expires: Number(match[2]), token: match[3]! } } : null;
}

export function reviewSubject(workspaceId: string, identifier: string): LinkSubject {
  return { purpose: 'review', workspaceId, identifier, page: null };
}

/** Where the review page of a document is served (api/routes/review.ts), under the public origin. */
export function reviewPath(segment: string): string {
  return `/review/${segment}`;
}

/** Where a redacted résumé's PDF is served (api/routes/redacted-resumes.ts), under the public origin. */
export function redactedPdfPath(identifier: string): string {
  return `/v2/redacted_resumes/${encodeURIComponent(identifier)}/redacted.pdf`;
}

/** Where a document's PDF (`meta.pdf`: the original PDF, or its rendition) is served (api/routes/document-pdf.ts). */
export function documentPdfPath(identifier: string): string {
  return `/v2/resumes/${encodeURIComponent(identifier)}/document.pdf`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
