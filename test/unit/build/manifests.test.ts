import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import {
  FIREFOX_MIN_VERSION,
  GECKO_ID,
  chromeManifest,
  firefoxManifest,
  type SourceManifest,
} from '../../../scripts/build/manifests.ts';

const source = manifest as SourceManifest;

describe('the two manifests from manifest.json', () => {
  it('version both builds from package.json', () => {
    expect(chromeManifest(source, '9.8.7').version).toBe('9.8.7');
    expect(firefoxManifest(source, '9.8.7').version).toBe('9.8.7');
  });

  it('gives Firefox the panel as its sidebar, an event page, and no Chrome-only permission', () => {
    const ff = firefoxManifest(source, '1.0.0');
    expect(ff.side_panel).toBeUndefined();
    expect(ff.minimum_chrome_version).toBeUndefined();
    expect(ff.sidebar_action).toMatchObject({ default_panel: source.side_panel?.default_path });
    expect(ff.background).toEqual({ scripts: [source.background?.service_worker], type: 'module' });
    expect(ff.permissions).not.toContain('sidePanel');
    expect(ff.permissions).not.toContain('offscreen');
    expect(ff.permissions).toEqual(expect.arrayContaining(['tabs', 'webNavigation', 'scripting']));
    expect(ff.host_permissions).toEqual(['<all_urls>']);
  });

  it('declares the gecko id, the minimum version, no required data and what a share sends as optional', () => {
    expect(firefoxManifest(source, '1.0.0').browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: {
          required: ['none'],
          optional: ['websiteContent', 'browsingActivity', 'websiteActivity', 'personallyIdentifyingInfo'],
        },
      },
    });
  });

  it('leaves Chrome with its side panel and service worker', () => {
    const chrome = chromeManifest(source, '1.0.0');
    expect(chrome.side_panel).toEqual(source.side_panel);
    expect(chrome.background).toEqual(source.background);
    expect(chrome.browser_specific_settings).toBeUndefined();
  });
});
