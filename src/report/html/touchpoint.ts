// A touchpoint step in the report: its channel where a page has its address, and what the auditor
// attached where a page has its screenshots.
import type { Step } from '../../domain/model.ts';
import { formatBytes } from '../../i18n/errors.ts';
import { t, type MessageKey } from '../../i18n/t.ts';
import { html, join, type SafeHtml } from '../escape.ts';
import type { RenderContext } from './context.ts';

export const channelText = (channel: string): string => t(`channel_${channel.replace('-', '_')}_name` as MessageKey);

/** "Phone call · Happened 5 Dec 2026, 14:20". */
export function touchpointLine(ctx: RenderContext, step: Step): SafeHtml {
  const when =
    typeof step.occurredAt === 'number' && Number.isFinite(step.occurredAt)
      ? html` · <span>${t('touchpointOccurred', ctx.fmt.dateTime(new Date(step.occurredAt).toISOString()))}</span>`
      : '';
  return html`<p class="step-channel" data-channel="${step.channel ?? 'other'}"><span class="chip channel">${channelText(step.channel ?? 'other')}</span>${when}</p>`;
}

export function attachmentFigures(ctx: RenderContext, step: Step): SafeHtml {
  const attached = ctx.data.attachments.filter((a) => a.stepId === step.id);
  if (attached.length === 0) return html`<div class="img-missing small">${t('report_noAttachments')}</div>`;
  return join(
    attached.map((a) => {
      const caption = html`<figcaption><bdi>${a.name}</bdi> · ${formatBytes(a.bytes)}${
        a.redactions > 0 ? html` · ${t('attachmentRedacted', String(a.redactions))}` : ''
      }</figcaption>`;
      const src = a.mime.startsWith('image/') ? ctx.images(a.id, 'full') : null;
      if (!src) {
        return html`<figure class="attachment file" data-attachment-id="${a.id}"><div class="img-missing small">${a.mime === 'application/pdf' ? 'PDF' : t('report_imageUnavailable')}</div>${caption}</figure>`;
      }
      const w = a.width && a.width > 0 ? a.width : 400;
      const h = a.height && a.height > 0 ? a.height : 300;
      return html`<figure class="shot attachment" data-attachment-id="${a.id}"><div class="shot-frame" style="--ar: ${String(w / h)}"><img src="${src}" width="${String(w)}" height="${String(h)}" alt="${t('attachmentAlt', a.name)}" decoding="async"/></div>${caption}</figure>`;
    }),
  );
}
