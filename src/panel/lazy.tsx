import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';

/**
 * A view loaded on first use: the panel opens with the recording views only, and the rubric, summary,
 * survey and template views (with the scoring code) arrive when their tab is opened.
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  /** Shown until it has loaded: "Loading…" for a view, nothing for a part of one. */
  quiet = false,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyView(props: P) {
    const [View, setView] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (View) return;
      let live = true;
      void load().then((component) => {
        loaded = component;
        if (live) setView(() => component);
      });
      return () => {
        live = false;
      };
    }, [View]);
    if (View) return <View {...props} />;
    return quiet ? null : <p class="empty">{t('loading')}</p>;
  };
}
