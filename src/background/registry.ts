// Features register here and are started together (as Refined GitHub does). A service worker must add
// its event listeners synchronously at start-up, so start() is synchronous. Nothing stops a feature:
// the browser ends the worker as a whole, and a listener removed would not wake it for that event.
export interface Feature {
  id: string;
  start(): void;
}

const features: Feature[] = [];

export function defineFeature(feature: Feature): Feature {
  if (features.some((f) => f.id === feature.id)) throw new Error(`Feature ${feature.id} is defined twice`);
  features.push(feature);
  return feature;
}

export function startFeatures(): void {
  for (const feature of features) feature.start();
}
