/**
 * Downloads a `url` upload without letting it reach this machine or its network (SSRF): http(s) only, every
 * address the name resolves to must be public, the connection goes to the address that was checked (so a
 * second DNS answer cannot swap in a private one), and each of at most 5 redirects is checked the same way.
 * Size and time are capped. Every failure is a `UrlDownloadError` whose message is the document's errorDetail.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import path from 'node:path';

export class UrlDownloadError extends Error {
  override name = 'UrlDownloadError';
}

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
  /**
   * Resolves a host name to every address it has (default: the system resolver, `dns.lookup` with `all`). Tests
   * give one that answers private addresses for a public-looking name, as a hostile DNS server would.
   */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
  /**
   * Which addresses may be reached when `allowPrivate` is false (default `isPublicAddress`). Tests let one
   * loopback server stand for "the internet" to check that every redirect hop is checked again.
   */
  isAllowed?: (address: string) => boolean;
}

export interface Download {
  bytes: Buffer;
  /** From Content-Disposition, else the last path segment; null when neither names a file. */
  fileName: string | null;
}

const MAX_REDIRECTS = 5;

/** Non-public ranges (RFC 6890 and friends). IPv4-mapped IPv6 addresses are checked as the IPv4 they carry. */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/** True for an address a URL upload may reach. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !BLOCKED.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = mappedIpv4(address);
  return mapped ? isPublicAddress(mapped) : !BLOCKED.check(address, 'ipv6');
}

/** `::ffff:a.b.c.d` or `::ffff:XXXX:XXXX` (any spelling) → `a.b.c.d`; else null. */
function mappedIpv4(address: string): string | null {
  const groups = expandIpv6(address);
  if (!groups || groups.slice(0, 5).some((g) => g !== 0) || groups[5] !== 0xffff) return null;
  return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
}

function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

export async function downloadUrl(url: string, options: DownloadOptions): Promise<Download> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = parseUrl(url);
  for (let hop = 0; ; hop++) {
    const address = await checkedAddress(current, options);
    const response = await get(current, address, signal, options.timeoutMs);
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.resume();
      if (hop >= MAX_REDIRECTS) throw new UrlDownloadError(`Too many redirects (more than ${MAX_REDIRECTS}) from ${url}.`);
      current = parseUrl(new URL(location, current).href);
      continue;
    }
    if (response.statusCode !== 200) {
      response.resume();
      throw new UrlDownloadError(`Downloading ${current.href} failed: HTTP ${response.statusCode}.`);
    }
    const bytes = await readBody(response, options.maxBytes, current);
    return { bytes, fileName: fileNameOf(response.headers['content-disposition'], current) };
  }
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UrlDownloadError(`Not a valid URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlDownloadError(`Only http and https URLs can be downloaded, not ${url.protocol}`);
  return url;
}

/**
 * Resolves the host (all its addresses) and returns one to connect to, once every one is allowed. IP literals in
 * any spelling (decimal `2130706433`, octal `0177.0.0.1`, hex `0x7f.1`, short `127.1`) arrive here already in
 * dotted form: the WHATWG URL parser normalises them, so they cannot slip past the check as "names".
 */
async function checkedAddress(url: URL, options: DownloadOptions): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const resolve = options.resolve ?? ((name: string) => dnsLookup(name, { all: true, verbatim: true }));
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch (err) {
    throw new UrlDownloadError(`Cannot resolve ${host}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (addresses.length === 0) throw new UrlDownloadError(`Cannot resolve ${host}.`);
  const allowed = options.isAllowed ?? isPublicAddress;
  const refused = addresses.find((a) => !allowed(a.address));
  if (refused && !options.allowPrivate) throw new UrlDownloadError(`Refusing to download from ${host}: ${refused.address} is not a public address.`);
  return addresses[0]!;
}

function get(url: URL, target: { address: string; family: number }, signal: AbortSignal, timeoutMs: number): Promise<http.IncomingMessage> {
  // The connection uses the checked address whatever DNS says now; TLS still verifies the certificate for the host name.
  const lookup: LookupFunction = (_host, opts, callback) => {
    if (opts.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // `agent: false`: a fresh connection every time, never a pooled socket opened for an earlier check.
    const request = client.get(url, { lookup, agent: false, signal, headers: { 'user-agent': 'vitae', accept: '*/*' } }, resolve);
    request.on('error', (err) =>
      reject(new UrlDownloadError(signal.aborted ? `Downloading ${url.href} took longer than ${timeoutMs} ms.` : `Downloading ${url.href} failed: ${err.message}`)),
    );
  });
}

async function readBody(response: http.IncomingMessage, maxBytes: number, url: URL): Promise<Buffer> {
  const tooLarge = () => new UrlDownloadError(`The file at ${url.href} is larger than ${maxBytes} bytes.`);
  if (Number(response.headers['content-length']) > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof UrlDownloadError) throw err;
    throw new UrlDownloadError(`Downloading ${url.href} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  return Buffer.concat(chunks);
}

function fileNameOf(disposition: string | undefined, url: URL): string | null {
  const quoted = disposition && /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  if (quoted) return path.basename(decoded(quoted[1]!)) || null;
  return decoded(url.pathname.split('/').pop() ?? '') || null;
}

/** Percent-decoded, or as is when malformed ("100%.pdf"). */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
