import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { createCustomItem, uploadForm } from '../../../tests/helpers/factories.js';
import { as, signUp } from '../../../tests/helpers/session.js';
import { stripPhotoMetadata } from './strip-metadata.js';

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** A big-endian TIFF block: IFD0 with Orientation 6 and a GPS IFD pointer; the GPS IFD holds latitude N 48/1. */
function exifWithGps(): Buffer {
  const t = Buffer.alloc(8 + 2 + 2 * 12 + 4 + 2 + 2 * 12 + 4 + 8);
  t.write('MM\0*', 0, 'latin1');
  t.writeUInt32BE(8, 4);
  t.writeUInt16BE(2, 8);
  t.writeUInt16BE(0x0112, 10); // Orientation: rotate 90
  t.writeUInt16BE(3, 12);
  t.writeUInt32BE(1, 14);
  t.writeUInt16BE(6, 18);
  const gpsIfd = 8 + 2 + 24 + 4;
  t.writeUInt16BE(0x8825, 22); // GPS IFD pointer
  t.writeUInt16BE(4, 24);
  t.writeUInt32BE(1, 26);
  t.writeUInt32BE(gpsIfd, 30);
  t.writeUInt32BE(0, 34);
  t.writeUInt16BE(2, gpsIfd);
  t.writeUInt16BE(0x0001, gpsIfd + 2); // GPSLatitudeRef 'N'
  t.writeUInt16BE(2, gpsIfd + 4);
  t.writeUInt32BE(2, gpsIfd + 6);
  t.write('N\0', gpsIfd + 10, 'latin1');
  const rational = gpsIfd + 2 + 24 + 4;
  t.writeUInt16BE(0x0002, gpsIfd + 14); // GPSLatitude, one RATIONAL
  t.writeUInt16BE(5, gpsIfd + 16);
  t.writeUInt32BE(1, gpsIfd + 18);
  t.writeUInt32BE(rational, gpsIfd + 22);
  t.writeUInt32BE(48, rational);
  t.writeUInt32BE(1, rational + 4);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t]);
}

describe('stripPhotoMetadata', () => {
  const jfif = segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
  const xmp = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Home, 12 Elm Road</x:xmpmeta>', 'latin1'));
  const icc = segment(0xe2, Buffer.from('ICC_PROFILE\0colours', 'latin1'));
  const quant = segment(0xdb, Buffer.alloc(65, 1));
  const scan = Buffer.concat([segment(0xda, Buffer.alloc(10, 2)), Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9])]);

  it('removes the GPS EXIF and XMP from a JPEG, keeps its orientation, colours and image data', () => {
    const exif = segment(0xe1, exifWithGps());
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, exif, xmp, icc, quant, scan]);
    expect(photo.includes(exifWithGps())).toBe(true);
    const out = stripPhotoMetadata(photo, 'image/jpeg');
    expect(out.includes(Buffer.from([0x88, 0x25]))).toBe(false); // no GPS IFD pointer
    expect(out.includes(Buffer.from('N\0', 'latin1'))).toBe(false);
    expect(out.includes(Buffer.from('Elm Road'))).toBe(false);
    expect(out.includes(Buffer.from('Exif\0\0MM\0*', 'latin1'))).toBe(true);
    expect(out.includes(Buffer.from([0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, 6]))).toBe(true); // Orientation 6
    expect(out.subarray(0, 2 + jfif.length)).toEqual(photo.subarray(0, 2 + jfif.length));
    expect(out.includes(icc)).toBe(true);
    expect(out.subarray(out.length - scan.length - quant.length)).toEqual(Buffer.concat([quant, scan]));
  });

  it('leaves a JPEG without metadata byte for byte', () => {
    const plain = Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, quant, scan]);
    expect(stripPhotoMetadata(plain, 'image/jpeg')).toEqual(plain);
  });

  it('removes eXIf and text chunks from a PNG and keeps the image chunks', () => {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ihdr = chunk('IHDR', Buffer.alloc(13, 1));
    const idat = chunk('IDAT', Buffer.alloc(20, 3));
    const iend = chunk('IEND', Buffer.alloc(0));
    const png = Buffer.concat([
      sig,
      ihdr,
      chunk('eXIf', exifWithGps().subarray(6)),
      chunk('tEXt', Buffer.from('Location\0Home')),
      idat,
      iend,
    ]);
    expect(stripPhotoMetadata(png, 'image/png')).toEqual(Buffer.concat([sig, ihdr, idat, iend]));
  });

  it('removes EXIF and XMP chunks from a WebP and fixes its sizes and flags', () => {
    const chunk = (fourcc: string, data: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return Buffer.concat([Buffer.from(fourcc, 'latin1'), size, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x0c;
    const image = chunk('VP8 ', Buffer.alloc(30, 5));
    const body = Buffer.concat([chunk('VP8X', vp8x), image, chunk('EXIF', exifWithGps().subarray(6)), chunk('XMP ', Buffer.from('<x/>'))]);
    const head = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1');
    head.writeUInt32LE(body.length + 4, 4);
    const out = stripPhotoMetadata(Buffer.concat([head, body]), 'image/webp');
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out[20]).toBe(0);
    expect(out.subarray(out.length - image.length)).toEqual(image);
    expect(out.includes(Buffer.from('EXIF'))).toBe(false);
  });
});

describeEachDatabase('a photo uploaded to the library', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
  });
  afterAll(() => app.http.close());

  it('is stored and served without its GPS EXIF', async () => {
    const owner = await signUp(app.http);
    const item = await createCustomItem(app.http, owner);
    const jfif = segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
    const scan = Buffer.concat([segment(0xda, Buffer.alloc(10, 2)), Buffer.from([0x12, 0x34, 0xff, 0xd9])]);
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, segment(0xe1, exifWithGps()), segment(0xdb, Buffer.alloc(65, 1)), scan]);
    const ok = await as(
      app.http,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/exercises/${item.id}/media`,
      payload: uploadForm(photo, 'photo.jpg', 'image/jpeg'),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const served = await as(app.http, owner)({ method: 'GET', url: ok.json().url });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.includes(Buffer.from([0x88, 0x25]))).toBe(false);
    expect(served.rawPayload.length).toBe(ok.json().bytes);
    expect(served.rawPayload.subarray(served.rawPayload.length - scan.length)).toEqual(scan);
  });
});
