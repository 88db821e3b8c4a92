// Every word a person reads in the panel, the report or the compare page comes from t(). This scans
// the sources' markup for words written in place: JSX text, user-visible JSX attributes, the text and
// attributes of html`` / svg`` templates, and the DOM properties the report tabs set by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import type { Node } from '@babel/types';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const VISIBLE_ATTRS = new Set(['title', 'aria-label', 'ariaLabel', 'placeholder', 'alt', 'label', 'aria-description']);
const VISIBLE_PROPS = new Set(['textContent', 'innerText', 'title', 'ariaLabel', 'placeholder', 'alt', 'label']);

/**
 * Words that may stay literal, each for a reason; a text passes when every word with a letter in it
 * matches one. The product's name is not translated. "px" is a unit and "×" a dimension sign, read
 * the same in all six languages. SHA-256 is a standard's name, not a word, and PDF a file type's
 * (every locale keeps it, as docs/glossary.md does). A CSS selector list
 * shown as an example of what to type is code, typed the same in every language. Anything else
 * with a letter must come from t().
 */
const ALLOWED = [/^Peakend$/, /^px$/, /^[×x]$/, /^SHA-256$/, /^PDF$/, /^[.#][a-z][\w-]*,?$/];

const hasLetters = (text: string): boolean => /\p{L}/u.test(text);
const allowed = (text: string): boolean =>
  text
    .split(/\s+/)
    .filter(hasLetters)
    .every((word) => ALLOWED.some((re) => re.test(word)));

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f))
    .map((f) => join(ROOT, dir, f));
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as { type?: unknown }).type !== 'string') return;
  visit(node as Node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
    if (value && typeof value === 'object') walk(value, visit);
  }
}

/** A literal's text when it is a plain string or a template without holes' worth of words. */
function literalText(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join(' ');
  if (node.type === 'JSXExpressionContainer') return literalText(node.expression);
  if (node.type === 'LogicalExpression') return literalText(node.right);
  if (node.type === 'ConditionalExpression') {
    return [literalText(node.consequent), literalText(node.alternate)].filter((x) => x !== null).join(' ') || null;
  }
  return null;
}

/** The words of an html`` template: text between tags and visible attribute values, holes removed. */
function templateWords(quasis: readonly string[]): string[] {
  const HOLE = '\u0000';
  const source = quasis.join(HOLE).replace(/<style[\s\S]*?<\/style>/g, '');
  const words: string[] = [];
  const ATTR = /\s([a-zA-Z-]+)="([^"]*)"/g;
  for (const m of source.matchAll(ATTR)) {
    if (VISIBLE_ATTRS.has(m[1] ?? '')) words.push((m[2] ?? '').replaceAll(HOLE, ' '));
  }
  // Attributes go before tags: a nested template may hold attributes alone (` dash="${d}"`).
  const text = source
    .replace(ATTR, ' ')
    .replace(/<[^>]*>/g, HOLE)
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .split(HOLE);
  words.push(...text);
  return words;
}

function scan(file: string): Finding[] {
  const code = readFileSync(file, 'utf8');
  const ast = parse(code, {
    sourceType: 'module',
    plugins: ['typescript', ...(file.endsWith('.tsx') ? ['jsx' as const] : [])],
  });
  const found: Finding[] = [];
  const report = (node: Node, text: string | null): void => {
    if (text === null) return;
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (hasLetters(trimmed) && !allowed(trimmed))
      found.push({ file: relative(ROOT, file), line: node.loc?.start.line ?? 0, text: trimmed });
  };
  walk(ast.program, (node) => {
    switch (node.type) {
      case 'JSXText':
        report(node, node.value);
        break;
      case 'JSXElement':
      case 'JSXFragment':
        for (const child of node.children)
          if (child.type === 'JSXExpressionContainer') report(child, literalText(child));
        break;
      case 'JSXAttribute': {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
        if (VISIBLE_ATTRS.has(name)) report(node, literalText(node.value));
        break;
      }
      case 'TaggedTemplateExpression': {
        const tag = node.tag.type === 'Identifier' ? node.tag.name : '';
        if (tag === 'html' || tag === 'svg') {
          for (const words of templateWords(node.quasi.quasis.map((q) => q.value.cooked ?? ''))) report(node, words);
        }
        break;
      }
      case 'AssignmentExpression': {
        const target = node.left;
        if (
          target.type === 'MemberExpression' &&
          target.property.type === 'Identifier' &&
          VISIBLE_PROPS.has(target.property.name)
        ) {
          report(node, literalText(node.right));
        }
        break;
      }
      case 'CallExpression': {
        // el.setAttribute('aria-label', 'Words')
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'setAttribute'
        ) {
          const [name, value] = node.arguments;
          if (name?.type === 'StringLiteral' && VISIBLE_ATTRS.has(name.value)) report(node, literalText(value));
        }
        break;
      }
      default:
        break;
    }
  });
  return found;
}

const files = [...sourceFiles('src/panel', /\.tsx?$/), ...sourceFiles('src/report', /\.tsx?$/)];

describe('no literal user-visible text outside t()', () => {
  it('scans the panel and report sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('finds none in the panel and the report', () => {
    const found = files.flatMap(scan).map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`);
    expect(found).toEqual([]);
  });

  it('would catch each kind of literal it looks for', () => {
    const sample = join(ROOT, 'test/unit/i18n/fixtures/literal-text-sample.tsx');
    expect(scan(sample).map((f) => f.text)).toEqual([
      'Save audit',
      'Close the panel',
      'Your name',
      'Literal child',
      'Saving…',
      'Step has no screenshot',
      'Loading report',
      'Export',
      'Untitled site',
    ]);
  });
});
