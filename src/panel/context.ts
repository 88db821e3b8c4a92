import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelBackend } from './backend.ts';

export const BackendContext = createContext<PanelBackend | null>(null);

export function useBackend(): PanelBackend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('The panel was rendered without a backend');
  return backend;
}
