// Report strings. Fixed strings go through t() with typed keys; names whose keys come from data
// (criteria, stages, emotions, elements) go through tOr(), which falls back to the English text
// when the key is missing from the locale.
import type { Audit } from '../domain/model.ts';
import { t, type MessageKey } from '../i18n/t.ts';

/** t() for a key computed at run time; `fallback` when the locale has no such message. */
export function tOr(key: string, fallback: string, ...subs: Array<string | number>): string {
  if (!/^[A-Za-z0-9_]+$/.test(key)) return fallback;
  const text = t(key as MessageKey, ...subs);
  return text === '' || text === key ? fallback : text;
}

/** "cared-for" -> "cared_for": message names allow only [A-Za-z0-9_]. */
export const keyPart = (id: string): string => id.replace(/[^A-Za-z0-9]+/g, '_');

const humanise = (id: string): string => {
  const text = id.replace(/[-_]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export const elementName = (element: string): string => tOr(`element_${keyPart(element)}`, humanise(element));
export const emotionName = (emotion: string): string => tOr(`emotion_${keyPart(emotion)}`, humanise(emotion));
export const clusterName = (cluster: string): string => tOr(`cluster_${keyPart(cluster)}`, humanise(cluster));
export { humanise };

/** Masking as the audit ran it: off, on, or on for fields with the text switch off (absent: on). */
export const maskingState = (audit: Pick<Audit, 'masking' | 'maskText'>): string =>
  !audit.masking
    ? t('report_maskingOff')
    : audit.maskText === false
      ? t('report_maskingOnFieldsOnly')
      : t('report_maskingOn');
