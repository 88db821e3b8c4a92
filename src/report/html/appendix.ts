// Method appendix: the formulas, the settings in force, the documented choices, the score
// warnings, evidence integrity (every screenshot's SHA-256) and what makes the audit incomplete.
import type { MissingItem } from '../../domain/completeness.ts';
import { ELEMENT_IDS } from '../../domain/model.ts';
import { TOUCHPOINT_DOUBLE, type ScoreWarning } from '../../domain/scores/index.ts';
import { t, tp } from '../../i18n/t.ts';
import { html, join, type SafeHtml } from '../escape.ts';
import { elementName, maskingState, tOr } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { auditDetails } from './cover.ts';
import { dl, section, stepLink } from './parts.ts';

export function missingText(ctx: RenderContext, item: MissingItem): SafeHtml {
  const step = item.stepId ? stepLink(ctx, item.stepId) : '';
  switch (item.kind) {
    case 'no-steps':
      return html`${t('report_missingNoSteps')}`;
    case 'step-ease':
      return html`${step}: ${t('report_missingEase')}`;
    case 'step-valence':
      return html`${step}: ${t('report_missingValence')}`;
    case 'step-comment':
      return html`${step}: ${t('report_missingStepComment')}`;
    case 'criterion-mark':
      return html`<strong>${item.criterionId ?? ''}</strong>: ${t('report_missingMark')}`;
    case 'criterion-comment':
      return html`<strong>${item.criterionId ?? ''}</strong>: ${t('report_missingComment')}`;
    default:
      return html`${String((item as { kind: string }).kind)}`;
  }
}

function warningText(ctx: RenderContext, w: ScoreWarning): SafeHtml {
  switch (w.kind) {
    case 'no-steps':
      return html`${t('report_missingNoSteps')}`;
    case 'steps-without-valence':
      return html`${tp('report_warnNoValence', w.count, ctx.fmt.int(w.count))} ${join(
        w.stepIds.map((id) => stepLink(ctx, id)),
        ', ',
      )}`;
    case 'steps-without-ease':
      return html`${tp('report_warnNoEase', w.count, ctx.fmt.int(w.count))} ${join(
        w.stepIds.map((id) => stepLink(ctx, id)),
        ', ',
      )}`;
    case 'criteria-unmarked':
      return html`${tp('report_warnUnmarked', w.count, ctx.fmt.int(w.count))}`;
    case 'rubric-version-mismatch':
      return html`${t('report_warnRubricMismatch', w.auditVersion, w.rubricVersion)}`;
    default:
      return html``;
  }
}

const FORMULAS: readonly (readonly [Parameters<typeof t>[0], string])[] = [
  ['report_fNormalise', 'f = (7 − ease) / 6 · v = valence / 4 · a = (arousal − 5) / 4'],
  ['report_fPeak', 'k = argmax |vᵢ|'],
  ['report_fPe', 'PE = (v_k + v_n) / 2 · PE100 = 50 × (PE + 1)'],
  ['report_fGap', 'gap = PE − mean(vᵢ)'],
  ['report_fNegPos', '(min v + v_n) / 2 · (max v + v_n) / 2'],
  ['report_fEasePe', '(min ease + ease_n) / 2  vs  5.5'],
  ['report_fNev', 'NEV = 100 × (P − N) / (P + N)'],
  ['report_fEffort', 'Effort100 = 100 × (1 − mean fᵢ)'],
  ['report_fElement', 'score = 100 × Σ(w·s) / Σw · s: pass 1, partial 0.5, fail 0'],
  ['report_fImmersion', 'Immersion = Σ(wₑ · scoreₑ) / Σwₑ'],
  ['report_fOverall', 'CX = w₁ · Immersion + w₂ · PE100 + w₃ · Effort100'],
  ['report_fCes', 'CES 2.0: 1 … 7, 5–7 positive'],
  ['report_fVitals', 'LCP ≤ 2.5 s / > 4 s · INP ≤ 200 ms / > 500 ms · CLS ≤ 0.1 / > 0.25'],
  ['report_fBaymard', '5.1 steps · 11.3 fields · 8 fields achievable'],
];

const CHOICES: readonly Parameters<typeof t>[0][] = [
  'report_choiceEnd',
  'report_choicePeakTie',
  'report_choiceUnrated',
  'report_choiceUnmarked',
  'report_choiceNotAssessed',
  'report_choiceCap',
  'report_choiceOverall',
  'report_choiceCheckout',
  'report_choiceRemembered',
  'report_choiceDwell',
  'report_choiceBands',
  'report_choiceCsv',
];

export function renderAppendix(ctx: RenderContext): SafeHtml {
  const { audit, scores, completeness, rubric } = ctx.data;
  const fmt = ctx.fmt;
  const o = scores.overall;
  const touchpoint = audit.touchpoint;
  const doubled = touchpoint ? TOUCHPOINT_DOUBLE[touchpoint].map(elementName).join(', ') : '';

  const formulas = html`<table class="formulas"><tbody>${FORMULAS.map(
    ([key, formula]) => html`<tr><th scope="row">${t(key)}</th><td><code>${formula}</code></td></tr>`,
  )}</tbody></table>`;

  const settings = dl([
    [
      t('report_settingWeights'),
      t(
        'report_weightsTriple',
        fmt.fixed(o.weights.immersion, 2),
        fmt.fixed(o.weights.peakEnd, 2),
        fmt.fixed(o.weights.effort, 2),
      ),
    ],
    [
      t('report_settingWeightsUsed'),
      t(
        'report_weightsTriple',
        fmt.fixed(o.weightsUsed.immersion, 2),
        fmt.fixed(o.weightsUsed.peakEnd, 2),
        fmt.fixed(o.weightsUsed.effort, 2),
      ),
    ],
    [
      t('report_touchpoint'),
      touchpoint
        ? html`${tOr(`report_touchpoint${touchpoint}`, String(touchpoint))} — ${t('report_weighsDoubleList', doubled)}`
        : t('report_touchpointNone'),
    ],
    [
      t('report_elementWeights'),
      ELEMENT_IDS.map((el) => `${elementName(el)} ${scores.immersion.weights[el]}`).join(' · '),
    ],
    [
      t('report_rubricVersion'),
      audit.rubric?.rubricVersion && audit.rubric.rubricVersion !== rubric.version
        ? `${rubric.version} (${audit.rubric.rubricVersion})`
        : rubric.version,
    ],
    [t('report_template'), `${ctx.model.templateName} (${audit.templateId ?? ''} v${audit.templateVersion ?? ''})`],
    [t('report_masking'), maskingState(audit)],
    [t('report_jpegQuality'), Number.isFinite(audit.jpegQuality) ? String(audit.jpegQuality) : '—'],
    [
      t('report_ratedSteps'),
      tp('report_ratedBasis', scores.stepCount, scores.rated.valence, scores.stepCount, scores.rated.ease),
    ],
  ]);

  const choices = html`<ul class="choices">${CHOICES.map((key) => html`<li>${t(key)}</li>`)}</ul>`;
  const warnings =
    scores.warnings.length === 0
      ? ''
      : html`<h3 class="sub">${t('report_warningsTitle')}</h3><ul class="warnings">${scores.warnings.map((w) => html`<li data-warning="${w.kind}">${warningText(ctx, w)}</li>`)}</ul>`;

  const shots = ctx.data.screenshots;
  const integrity =
    shots.length === 0
      ? html`<p class="muted">${t('report_noScreenshots')}</p>`
      : html`<table class="integrity"><thead><tr><th scope="col">${t('report_colShot')}</th><th scope="col">${t('report_colStep')}</th><th scope="col">${t('report_colTaken')}</th><th scope="col">${t('report_colSize')}</th><th scope="col">${t('report_colMasked')}</th><th scope="col">SHA-256</th></tr></thead><tbody>${shots.map(
          (s) =>
            html`<tr data-shot-id="${s.id}"><td class="mono">${s.id}</td><td>${stepLink(ctx, s.stepId)}</td><td>${fmt.dateTime(s.takenAt)}</td><td>${s.width} × ${s.height}<br/><span class="muted">${fmt.bytes(s.bytes)}</span></td><td>${s.masked ? tp('report_maskedFields', s.maskedFields, fmt.int(s.maskedFields)) : t('report_no')}</td><td class="mono hash">${s.sha256}</td></tr>`,
        )}</tbody></table>`;

  const completenessBlock = completeness.complete
    ? html`<p class="ok-text" data-role="complete-note">${t('report_completeText')}</p>`
    : html`<div class="alert incomplete" data-role="completeness-warning"><p class="alert-title">${t('report_incompleteTitle')}</p><p>${tp('report_incompleteText', completeness.missing.length, fmt.int(completeness.missing.length))}</p><ul class="missing">${completeness.missing.map(
        (m) => html`<li data-kind="${m.kind}">${missingText(ctx, m)}</li>`,
      )}</ul></div>`;

  const body = html`<h3 class="sub" id="audit-details">${t('report_detailsTitle')}</h3>
${auditDetails(ctx)}
<h3 class="sub">${t('report_formulasTitle')}</h3>
${formulas}
<h3 class="sub">${t('report_settingsTitle')}</h3>
${settings}
<h3 class="sub">${t('report_choicesTitle')}</h3>
${choices}
${warnings}
<h3 class="sub" id="integrity">${t('report_integrityTitle')}</h3>
<p class="lede small">${t('report_integrityLede')}</p>
${integrity}
<h3 class="sub" id="completeness">${t('report_completenessTitle')}</h3>
${completenessBlock}
<p class="sources">${t('report_sources')}</p>`;
  return section('method', 'appendix page-start', t('report_appendixTitle'), body);
}
