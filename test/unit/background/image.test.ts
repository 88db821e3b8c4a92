import { describe, expect, it } from 'vitest';
import { dataUrlToBlob, sha256Hex } from '../../../src/background/capture/image.ts';
import { jpegSize } from '../../../src/domain/jpeg.ts';

// A minimal JPEG header: SOI, an APP0 segment, then SOF0 with height 800 and width 1280.
const header = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x20, 0x05, 0x00, 0x03, 0x01,
  0x22, 0x00,
]);

describe('capture image helpers', () => {
  it('turns a data URL into a typed Blob byte for byte, and hashes it as SHA-256 hex', async () => {
    const blob = dataUrlToBlob(`data:image/jpeg;base64,${Buffer.from(header).toString('base64')}`);
    expect(blob.type).toBe('image/jpeg');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([...header]);
    expect(await sha256Hex(new TextEncoder().encode('abc').buffer)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('jpegSize', () => {
  it('reads the size from the start-of-frame header, past other segments', () => {
    expect(jpegSize(header)).toEqual({ width: 1280, height: 800 });
    // A Huffman table (C4) sits in the SOF range without being a frame header.
    const withTable = new Uint8Array([
      0xff, 0xd8, 0xff, 0xc4, 0x00, 0x03, 0x00, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x01, 0x40, 0x03,
    ]);
    expect(jpegSize(withTable)).toEqual({ width: 320, height: 200 });
  });

  it('says null for bytes that are not a JPEG with a frame header', () => {
    expect(jpegSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(jpegSize(header.slice(0, 12))).toBeNull();
    // Scan data before any frame header: malformed.
    expect(
      jpegSize(
        new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x20, 0x05, 0x00]),
      ),
    ).toBeNull();
  });
});
