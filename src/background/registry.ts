// Features register here and are started together (as Refined GitHub does). A service worker must add
// its event listeners synchronously at start-up, so start() is synchronous and returns its undo.
export interface Feature {
  id: string;
  start(): () => void;
}

const features: Feature[] = [];
const running = new Map<string, () => void>();

export function defineFeature(feature: Feature): Feature {
  if (features.some((f) => f.id === feature.id)) throw new Error(`Feature ${feature.id} is defined twice`);
  features.push(feature);
  return feature;
}

export function startFeatures(): string[] {
  for (const feature of features) {
    if (!running.has(feature.id)) running.set(feature.id, feature.start());
  }
  return [...running.keys()];
}

export function stopFeatures(): void {
  for (const [id, stop] of running) {
    stop();
    running.delete(id);
  }
}
