// The auditor's own masking selectors, typed as one comma-separated list. Commas inside brackets,
// parentheses or quotes belong to a selector (`:is(.a, .b)`, `[data-x="1,2"]`), so the list is split
// only at top-level commas: a naive split would turn one valid selector into two broken ones, and a
// broken selector masks nothing.
export function splitSelectorList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      i++;
    } else if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '(' || c === '[') {
      depth++;
    } else if (c === ')' || c === ']') {
      depth = Math.max(0, depth - 1);
    } else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}
