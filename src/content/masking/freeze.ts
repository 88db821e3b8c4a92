// Animations held still while the covers are up. A field under a running CSS animation, transition
// or script-started Web Animation would otherwise move between the moment its box is measured and
// the moment the pixels are taken, out from under its cover. Each running animation's rate is set to
// 0 (its current time is kept) and set back afterwards. pause() and play() are not used: on a CSS
// animation they would override the page's own animation-play-state from then on, so the page would
// not get back exactly what it had. Document.getAnimations() leaves out shadow trees, so every scope
// is asked.

let held: Array<{ animation: Animation; rate: number }> = [];

/** Holds every running animation in these scopes still; returns how many. */
export function holdAnimations(scopes: readonly ParentNode[]): number {
  releaseAnimations();
  const seen = new Set<Animation>();
  for (const scope of scopes) {
    const list = (scope as Partial<DocumentOrShadowRoot>).getAnimations?.() ?? [];
    for (const animation of list) {
      if (seen.has(animation)) continue;
      seen.add(animation);
      if (animation.playState !== 'running' || animation.playbackRate === 0) continue;
      held.push({ animation, rate: animation.playbackRate });
      animation.playbackRate = 0;
    }
  }
  return held.length;
}

/** Lets the held animations run on at their own rate, from where they stood. */
export function releaseAnimations(): void {
  for (const { animation, rate } of held) {
    // A rate the page itself changed meanwhile is the page's to keep.
    if (animation.playbackRate === 0) animation.playbackRate = rate;
  }
  held = [];
}
