// What every section renderer gets: the data, the derived model, the image source and the
// formatter. Sections are pure functions of a RenderContext returning SafeHtml.
import type { ImageSource, ReportData } from '../data.ts';
import { deriveModel, type ReportModel } from '../derive.ts';
import { makeFormatter, type Formatter } from '../format.ts';

export interface RenderOptions {
  /** Number and date locale (BCP 47); default 'en'. */
  locale?: string;
  /** Language of the report text for <html lang>; default the locale. */
  lang?: string;
  /** Text direction of the report text; default that of `lang`. */
  dir?: 'ltr' | 'rtl';
}

export interface RenderContext {
  data: ReportData;
  model: ReportModel;
  images: ImageSource;
  fmt: Formatter;
}

export function makeContext(data: ReportData, images: ImageSource, opts: RenderOptions = {}): RenderContext {
  return { data, model: deriveModel(data), images, fmt: makeFormatter(opts.locale ?? 'en') };
}
