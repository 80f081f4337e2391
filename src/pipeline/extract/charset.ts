/**
 * Decoding text by its WHATWG encoding label.
 *
 * Node 20's TextDecoder decodes windows-1252 (also when asked for "latin1", "iso-8859-1" or "ascii", which
 * name it) as ISO-8859-1: bytes 80–9F come out as C1 control characters instead of the curly quotes, dashes,
 * bullets and € that Windows text uses them for. The decoder made here puts them right.
 */
const CP1252_80_9F = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** A decoder for `label`; throws a RangeError for a label TextDecoder does not know. */
export function textDecoder(label: string): (bytes: Uint8Array) => string {
  const decoder = new TextDecoder(label);
  if (decoder.encoding !== 'windows-1252') return (bytes) => decoder.decode(bytes);
  return (bytes) => decoder.decode(bytes).replace(/[\x80-\x9f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}
