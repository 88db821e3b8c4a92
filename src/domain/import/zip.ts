// Reading a zip bundle safely, in pure JS (fflate's Inflate for deflated entries, no browser API).
// Nothing is decompressed before the whole table of contents (the central directory) has been
// read and every limit checked against the sizes it declares: entry count, each entry's size,
// their total, the compression ratio (a "zip bomb" declares or packs far more than it holds), and
// safe names. Then only the entries asked for are decompressed, each into a buffer of its
// declared size that it may not overflow, and checked against its CRC-32.
import { Inflate } from 'fflate';
import { refuse } from './errors.ts';
import type { ImportLimits } from './limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: Map<string, ZipEntry>;
  /** Start of the central directory: every entry's data lies before it. */
  directoryOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const END_MIN = 22;
const MAX_COMMENT = 0xffff;

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/** True when the bytes start like a zip (a local file header, or an empty zip's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

function findEnd(bytes: Uint8Array): number {
  const last = bytes.length - END_MIN;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (u32(bytes, i) === SIG_END && i + END_MIN + u16(bytes, i + 20) <= bytes.length) return i;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** A name that could escape a folder or confuse a file system. */
export function unsafeName(name: string): boolean {
  return (
    name.length === 0 ||
    name.length > 512 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes(':') ||
    // oxlint-disable-next-line no-control-regex -- control characters are what this refuses
    /[\u0000-\u001f\u007f]/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.')
  );
}

/** Reads and checks the table of contents; decompresses nothing. */
export function readZipDirectory(bytes: Uint8Array, limits: ImportLimits): ZipDirectory {
  const end = findEnd(bytes);
  if (end < 0) refuse({ code: 'zip-truncated' });
  if (end >= 20 && u32(bytes, end - 20) === SIG_ZIP64_LOCATOR) refuse({ code: 'zip-unsupported', feature: 'zip64' });
  const disk = u16(bytes, end + 4);
  const directoryDisk = u16(bytes, end + 6);
  const onDisk = u16(bytes, end + 8);
  const total = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== total) refuse({ code: 'zip-unsupported', feature: 'multi-disk' });
  if (total === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    refuse({ code: 'zip-unsupported', feature: 'zip64' });
  }
  if (total > limits.maxEntries) refuse({ code: 'zip-too-many-files', count: total, limit: limits.maxEntries });
  if (directoryOffset + directorySize > end) refuse({ code: 'zip-truncated' });

  const entries = new Map<string, ZipEntry>();
  let totalSize = 0;
  let p = directoryOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > end || u32(bytes, p) !== SIG_CENTRAL) refuse({ code: 'zip-corrupt', reason: 'table of contents' });
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc32 = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const localHeaderOffset = u32(bytes, p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > end) refuse({ code: 'zip-corrupt', reason: 'table of contents' });
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p = next;

    if (compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff) {
      refuse({ code: 'zip-unsupported', feature: 'zip64', name });
    }
    if (flags & 0x1) refuse({ code: 'zip-unsupported', feature: 'encrypted', name });
    if (unsafeName(name)) refuse({ code: 'zip-unsafe-name', name });
    if (entries.has(name)) refuse({ code: 'zip-duplicate-name', name });
    if (size > limits.maxEntryBytes) refuse({ code: 'zip-entry-too-large', name, size, limit: limits.maxEntryBytes });
    totalSize += size;
    if (totalSize > limits.maxTotalUncompressed) {
      refuse({ code: 'zip-total-too-large', size: totalSize, limit: limits.maxTotalUncompressed });
    }
    entries.set(name, { name, method, flags, crc32, compressedSize, size, localHeaderOffset });
  }
  // Sizes first (above), so a file that declares too much says so; then how each entry packs.
  for (const { name, method, compressedSize, size, localHeaderOffset } of entries.values()) {
    if (size > limits.ratioFloorBytes && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      refuse({ code: 'zip-bomb', name, ratio: Math.round(size / Math.max(compressedSize, 1)), limit: limits.maxRatio });
    }
    if (method !== 0 && method !== 8) refuse({ code: 'zip-unsupported', feature: 'method', name });
    if (method === 0 && compressedSize !== size) refuse({ code: 'zip-corrupt', reason: name });
    if (localHeaderOffset + 30 + compressedSize > directoryOffset) refuse({ code: 'zip-truncated' });
  }
  return { entries, directoryOffset };
}

let crcTable: Uint32Array | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (table[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

class Overflow extends Error {}

const CHUNK = 64 * 1024;

/** Inflates into a buffer of exactly `expected` bytes; more or fewer is a corrupt entry. */
function inflateBounded(data: Uint8Array, expected: number, name: string): Uint8Array {
  const out = new Uint8Array(expected);
  let written = 0;
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > expected) throw new Overflow();
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch (error) {
    if (error instanceof Overflow) refuse({ code: 'zip-corrupt', reason: `${name} is larger than it says` });
    refuse({ code: 'zip-corrupt', reason: name });
  }
  if (written !== expected) refuse({ code: 'zip-corrupt', reason: name });
  return out;
}

/** The bytes of one entry, checked against its declared size and CRC-32. */
export function readZipEntry(bytes: Uint8Array, dir: ZipDirectory, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (u32(bytes, at) !== SIG_LOCAL) refuse({ code: 'zip-corrupt', reason: entry.name });
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const stop = start + entry.compressedSize;
  if (stop > dir.directoryOffset) refuse({ code: 'zip-truncated' });
  const data = bytes.subarray(start, stop);
  const out = entry.method === 0 ? data.slice() : inflateBounded(data, entry.size, entry.name);
  if (crc32(out) !== entry.crc32) refuse({ code: 'zip-corrupt', reason: `${entry.name} does not match its checksum` });
  return out;
}
