import { describe, expect, it } from 'vitest';
import { anchorId, escapeAttr, escapeHtml, html, join, raw, safeHref } from '../../../src/report/escape.ts';

describe('escaping', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeAttr('" onmouseover="alert(1)')).toBe('&quot; onmouseover=&quot;alert(1)');
  });

  it('html`` escapes every interpolation, nested arrays too, and passes SafeHtml through', () => {
    const evil = '</title><script>alert(1)</script>';
    const out = html`<p title="${evil}">${evil}${[evil, html`<b>${evil}</b>`]}${raw('<hr>')}${null}${false}${3}</p>`
      .value;
    expect(out).not.toContain('<script>');
    expect(out).toContain('<b>&lt;/title&gt;');
    expect(out).toContain('<hr>');
    expect(out.endsWith('3</p>')).toBe(true);
    expect(join(['<', '>'], '<br>').value).toBe('&lt;<br>&gt;');
  });

  it('safeHref only lets http(s) URLs through', () => {
    expect(safeHref('https://shop.example/a?b=1&c=<x>')).toBe('https://shop.example/a?b=1&c=%3Cx%3E');
    expect(safeHref('http://shop.example')).toBe('http://shop.example/');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      '/relative',
      '',
      'file:///etc/passwd',
      null,
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });

  it('anchorId keeps only safe characters', () => {
    expect(anchorId('step', '1" onclick="x')).toBe('step-1__onclick__x');
  });
});
