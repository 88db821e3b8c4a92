// Escaping for every export. Audit text (page titles, URLs, notes, finding titles, site names,
// comments) is untrusted: it comes from the audited site or from the auditor's typing. The report
// markup is built with the `html` tagged template, which escapes every interpolated value unless
// it is already SafeHtml, so untrusted text can only ever become literal text.

/** Markup that is safe to insert as is: built by `html`, or trusted constant markup. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an HTML text node (and for a quoted attribute: the same five characters are escaped). */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Text for a double- or single-quoted attribute value. Always quote attributes. */
export const escapeAttr = escapeHtml;

/** Trusted markup (constants of this module only; never audit text). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/** Tagged template: the literal parts are trusted markup, every `${value}` is escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Joins values (escaping strings) with a trusted separator. */
export function join(values: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(values.map(render).join(separator));
}

/**
 * The href of a link to an untrusted URL, or null when the URL is not http(s). The result is the
 * parsed, normalised URL; escape it with escapeAttr (the `html` template does) like any value.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

/** A fragment id made only of [A-Za-z0-9_-], for in-document anchors. */
export function anchorId(prefix: string, key: string | number): string {
  return `${prefix}-${String(key).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
