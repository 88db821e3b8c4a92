import { afterEach, describe, expect, it } from 'vitest';
import { setMessages, t } from '../../../src/i18n/t.ts';

afterEach(() => setMessages({}));

describe('t (plain-page fallback over messages.json)', () => {
  it('fills named placeholders from their positional content', () => {
    setMessages({
      auditMeta: {
        message: '$DATE$ · $STEPS$ steps',
        placeholders: { date: { content: '$1' }, steps: { content: '$2' } },
      },
    });
    expect(t('auditMeta', '23 Nov', 7)).toBe('23 Nov · 7 steps');
  });

  it('inserts values literally: a value holding "$2" or markup is not substituted again', () => {
    setMessages({
      auditMeta: { message: '$DATE$ · $STEPS$', placeholders: { date: { content: '$1' }, steps: { content: '$2' } } },
    });
    expect(t('auditMeta', 'costs $2 more', '<b>5</b>')).toBe('costs $2 more · <b>5</b>');
  });

  it('keeps "$$" as a dollar sign and falls back to the key when a message is missing', () => {
    setMessages({ dismiss: { message: 'Pay $$5' } });
    expect(t('dismiss')).toBe('Pay $5');
    expect(t('logStep')).toBe('logStep');
  });
});
