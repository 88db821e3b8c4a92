// Text the user or the page wrote (titles, URLs, notes, site names), shown in its own bidi isolate:
// in a Hebrew panel "Checkout 1280 × 800 (step 2)" keeps its order and its parenthesis, and a
// Hebrew title in an English panel does not pull the numbers beside it to the other side.
import type { ComponentChildren, VNode } from 'preact';
import { t, type MessageKey } from '../../i18n/t.ts';

export function UserText(props: { children: ComponentChildren; class?: string }) {
  return <bdi class={props.class}>{props.children}</bdi>;
}

// Private-use markers stand for the values while the message is looked up, so the message's own
// words (in any order the locale puts them) come out as text and each value as its own <bdi>.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/;

/**
 * A message whose values are user text: t(key, ...values) with every text value isolated in a
 * <bdi>; a value that is already an element (an <Ltr> number) goes in as it is.
 */
export function Message(props: { k: MessageKey; values: ReadonlyArray<string | number | VNode> }) {
  const parts = t(props.k, ...props.values.map((_, i) => `${OPEN}${i}${CLOSE}`)).split(MARKER);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const value = props.values[Number(part)];
        return typeof value === 'object' ? value : <bdi key={i}>{value}</bdi>;
      })}
    </>
  );
}

/**
 * Numbers and signs that must read left to right in any panel ("1280 × 800", "+3"): in a Hebrew
 * line the bidi algorithm would otherwise show "800 × 1280".
 */
export function Ltr(props: { children: ComponentChildren }) {
  return <bdi dir="ltr">{props.children}</bdi>;
}
