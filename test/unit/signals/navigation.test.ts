import { describe, expect, it } from 'vitest';
import { classifyNavigation, countBackNavigations, isBackNavigation } from '../../../src/domain/signals/navigation.ts';

describe('back navigations', () => {
  it('classifies PerformanceNavigationTiming types and legacy numbers', () => {
    expect(classifyNavigation('back_forward')).toBe('back_forward');
    expect(classifyNavigation('navigate')).toBe('navigate');
    expect(classifyNavigation('reload')).toBe('reload');
    expect(classifyNavigation(2)).toBe('back_forward');
    expect(classifyNavigation(undefined)).toBe('unknown');
    expect(classifyNavigation('BACK_FORWARD')).toBe('unknown');
  });

  it('counts loads of type back_forward, bfcache restores and history traversals only', () => {
    expect(isBackNavigation({ source: 'load', type: 'back_forward' })).toBe(true);
    expect(isBackNavigation({ source: 'load', type: 'reload' })).toBe(false);
    expect(isBackNavigation({ source: 'pageshow', persisted: true })).toBe(true);
    expect(isBackNavigation({ source: 'pageshow', persisted: false })).toBe(false);
    expect(isBackNavigation({ source: 'navigate-event', navigationType: 'traverse' })).toBe(true);
    expect(isBackNavigation({ source: 'navigate-event', navigationType: 'push' })).toBe(false);
    expect(
      countBackNavigations([
        { source: 'load', type: 'navigate' },
        { source: 'navigate-event', navigationType: 'traverse' },
        { source: 'pageshow', persisted: true },
      ]),
    ).toBe(2);
  });
});
