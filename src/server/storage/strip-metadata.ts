/**
 * Removes what a photo says about where and when it was taken (EXIF with GPS, XMP, text chunks)
 * before it is stored, without decoding the image: JPEG segments, PNG chunks and WebP chunks are
 * copied except the metadata ones. A JPEG keeps only its orientation, so phone photos stay upright.
 */
export function stripPhotoMetadata(file: Buffer, mime: string): Buffer {
  if (mime === 'image/jpeg') return stripJpeg(file);
  if (mime === 'image/png') return stripPng(file);
  if (mime === 'image/webp') return stripWebp(file);
  return file;
}

const APP1 = 0xe1; // Exif or XMP
const APP13 = 0xed; // Photoshop / IPTC: captions, places, names

function stripJpeg(file: Buffer): Buffer {
  if (file.length < 4 || file[0] !== 0xff || file[1] !== 0xd8) return file;
  const parts: Buffer[] = [file.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= file.length && file[i] === 0xff) {
    const marker = file[i + 1];
    if (marker === 0xda || marker === 0xd9) break; // the image data follows: copied as is
    const end = i + 2 + file.readUInt16BE(i + 2);
    if (end > file.length) return file; // damaged: leave it for the type check to judge
    const segment = file.subarray(i, end);
    if (marker === APP1) {
      const orientation = segment.subarray(4, 10).toString('latin1') === 'Exif\0\0' ? exifOrientation(segment.subarray(10)) : undefined;
      if (orientation && orientation !== 1) parts.push(orientationOnlyExif(orientation));
    } else if (marker !== APP13) {
      parts.push(segment);
    }
    i = end;
  }
  parts.push(file.subarray(i));
  return Buffer.concat(parts);
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF block, or undefined. */
function exifOrientation(tiff: Buffer): number | undefined {
  if (tiff.length < 8) return undefined;
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let n = 0; n < count && ifd + 2 + n * 12 + 12 <= tiff.length; n++) {
    const entry = ifd + 2 + n * 12;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return undefined;
}

/** An APP1 Exif segment holding one tag: Orientation. */
function orientationOnlyExif(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM\0*', 0, 'latin1');
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, APP1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

const PNG_METADATA = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function stripPng(file: Buffer): Buffer {
  const parts: Buffer[] = [file.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= file.length) {
    const end = i + 12 + file.readUInt32BE(i);
    if (end > file.length) return file;
    if (!PNG_METADATA.has(file.toString('latin1', i + 4, i + 8))) parts.push(file.subarray(i, end));
    i = end;
  }
  parts.push(file.subarray(i));
  return Buffer.concat(parts);
}

function stripWebp(file: Buffer): Buffer {
  if (file.length < 12 || file.toString('latin1', 0, 4) !== 'RIFF' || file.toString('latin1', 8, 12) !== 'WEBP') return file;
  const parts: Buffer[] = [];
  let i = 12;
  while (i + 8 <= file.length) {
    const size = file.readUInt32LE(i + 4);
    const end = Math.min(file.length, i + 8 + size + (size % 2));
    const fourcc = file.toString('latin1', i, i + 4);
    if (fourcc === 'VP8X') {
      const chunk = Buffer.from(file.subarray(i, end));
      chunk[8] &= ~0x0c; // no EXIF (0x08) or XMP (0x04) any more
      parts.push(chunk);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      parts.push(file.subarray(i, end));
    }
    i = end;
  }
  const body = Buffer.concat(parts);
  const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}
