/**
 * The redacted PDF: one picture per page and nothing else — no text layer, no fonts, no annotations, no outline,
 * nothing of the original file carried over — so the hidden values exist nowhere in it, not even invisibly.
 * Each page is an RGB image XObject (Flate, deflated by node:zlib rather than pdf-lib's JavaScript deflate),
 * drawn over the whole page at the page's size in points. The document information is empty unless `info`
 * is given (the original's, when the caller keeps metadata).
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';

export interface PdfPage {
  /** Page size in points. */
  width: number;
  height: number;
  /** The picture: RGBA pixels (alpha ignored), `pixelWidth` × `pixelHeight`. */
  rgba: Uint8Array | Uint8ClampedArray;
  pixelWidth: number;
  pixelHeight: number;
}

/** Document information entries copied as text (pdf.js `getMetadata().info` names them so). */
export type PdfInfo = Partial<Record<'Title' | 'Author' | 'Subject' | 'Keywords' | 'Creator' | 'Producer' | 'CreationDate' | 'ModDate', string>>;

const INFO_KEYS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate'] as const;

export async function imagePdf(pages: PdfPage[], info: PdfInfo | null): Promise<Uint8Array> {
  // updateMetadata: false, else pdf-lib writes its own Producer, Creator and dates into an Info dictionary.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const page of pages) {
    const pixels = deflateSync(rgbOf(page.rgba, page.pixelWidth * page.pixelHeight), { level: 6 });
    const image = pdf.context.register(
      pdf.context.stream(pixels, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: page.pixelWidth,
        Height: page.pixelHeight,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
      }),
    );
    const added = pdf.addPage([page.width, page.height]);
    const name = added.node.newXObject('Page', image);
    added.pushOperators(pushGraphicsState(), concatTransformationMatrix(page.width, 0, 0, page.height, 0, 0), drawObject(name), popGraphicsState());
  }
  if (info) {
    const dict = pdf.context.obj({});
    for (const key of INFO_KEYS) {
      const value = info[key];
      if (typeof value === 'string' && value) dict.set(PDFName.of(key), PDFHexString.fromText(value));
    }
    if (dict.keys().length) pdf.context.trailerInfo.Info = pdf.context.register(dict);
  }
  // No object streams: a plain file any reader opens; the pictures are compressed already.
  return pdf.save({ useObjectStreams: false });
}

/** RGBA → RGB: PDF images have no alpha here (pages are drawn on white, so alpha is always opaque). */
function rgbOf(rgba: Uint8Array | Uint8ClampedArray, pixels: number): Uint8Array {
  const rgb = new Uint8Array(pixels * 3);
  for (let i = 0, j = 0; i < pixels; i++, j += 3) {
    const k = i * 4;
    rgb[j] = rgba[k]!;
    rgb[j + 1] = rgba[k + 1]!;
    rgb[j + 2] = rgba[k + 2]!;
  }
  return rgb;
}
