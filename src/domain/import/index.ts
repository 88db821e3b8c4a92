// Importing an audit (a JSON export or a zip bundle): checks only, no store and no browser API.
export * from './errors.ts';
export * from './limits.ts';
export { validateExportJson, recordsOf, ID_PATTERN } from './validate.ts';
export {
  readZipDirectory,
  readZipEntry,
  looksLikeZip,
  unsafeName,
  crc32,
  type ZipDirectory,
  type ZipEntry,
} from './zip.ts';
export { detectImage, IMAGE_MIMES, type ImageMime } from './images.ts';
export * from './prepare.ts';
export { reidentify, type IdMaker } from './reid.ts';
export { planOf } from './plan.ts';
