// Placeholder: signals land with the observer feature.
import type { StepSignals } from '../../domain/model.ts';

export function startSignals(): void {}

export function flushSignals(): StepSignals | null {
  return null;
}
