// Which tab an audit records: the active tab of the panel's window (the side panel belongs to one
// window), else of the last focused window. Extension pages are never the audited tab.
import browser, { type Tabs } from 'webextension-polyfill';
import { PeakendFailure } from '../domain/errors.ts';
import type { TargetDescription } from '../protocol.ts';
import { uncapturableReason } from './capture/capturable.ts';

export type AuditedTab = Tabs.Tab & { id: number; windowId: number };

function ownOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

function isOwnPage(tab: Tabs.Tab): boolean {
  return (tab.url ?? '').startsWith(ownOrigin());
}

export async function resolveTab(windowId: number | null): Promise<AuditedTab> {
  const query: Tabs.QueryQueryInfoType =
    windowId === null ? { active: true, lastFocusedWindow: true } : { active: true, windowId };
  let tabs = (await browser.tabs.query(query)).filter((tab) => !isOwnPage(tab));
  if (tabs.length === 0) tabs = (await browser.tabs.query({ active: true })).filter((tab) => !isOwnPage(tab));
  const tab = tabs[0];
  if (!tab || tab.id === undefined || tab.windowId === undefined) throw new PeakendFailure({ code: 'no-tab' });
  return tab as AuditedTab;
}

export function describeBrowser(): string {
  const data = (navigator as Navigator & { userAgentData?: { brands: { brand: string; version: string }[] } })
    .userAgentData;
  const brand =
    data?.brands.find((b) => !/not.?a.?brand/i.test(b.brand) && b.brand !== 'Chromium') ??
    data?.brands.find((b) => b.brand === 'Chromium');
  const full = /(?:Chrome|Chromium)\/([\d.]+)/.exec(navigator.userAgent)?.[1];
  return brand ? `${brand.brand} ${full ?? brand.version}` : navigator.userAgent;
}

export function describeDevice(): string {
  return /Mobi|Android/i.test(navigator.userAgent) ? 'mobile' : 'desktop';
}

/** The page's own viewport in CSS pixels; the tab's size when the page cannot be scripted. */
async function viewportOf(tab: AuditedTab): Promise<{ width: number; height: number }> {
  const fallback = { width: tab.width ?? 0, height: tab.height ?? 0 };
  const [result] = await browser.scripting
    .executeScript({ target: { tabId: tab.id }, func: () => ({ width: innerWidth, height: innerHeight }) })
    .catch(() => [undefined]);
  const size = result?.result as { width: number; height: number } | undefined;
  return size && size.width > 0 ? size : fallback;
}

/** The id of the document the tab's top frame shows (Chrome 106): a capture checks it has not changed. */
export async function mainDocument(tabId: number): Promise<string | undefined> {
  const frame = await browser.webNavigation.getFrame({ tabId, frameId: 0 }).catch(() => null);
  return frame?.documentId;
}

export async function describeTarget(windowId: number | null): Promise<TargetDescription> {
  const tab = await resolveTab(windowId);
  const url = tab.url ?? '';
  return {
    url,
    title: tab.title ?? '',
    viewport: await viewportOf(tab),
    browser: describeBrowser(),
    locale: navigator.language,
    device: describeDevice(),
    capturable: uncapturableReason(url, ownOrigin()) === null,
  };
}

export { ownOrigin };
