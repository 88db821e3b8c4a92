// Who this person is in programmes, read for the views (which never import the store). A local
// setting: switching it is how one profile acts as auditor or as reviewer.
import { useEffect, useState } from 'preact/hooks';
import type { ProgrammeIdentity } from '../domain/review.ts';
import { getProgrammeIdentity } from '../store/index.ts';
import { useBackend } from './context.ts';

/** The stored identity: undefined while it is read, null when none is set (or it cannot be read). */
export function useProgrammeIdentity(): ProgrammeIdentity | null | undefined {
  const backend = useBackend();
  const [identity, setIdentity] = useState<ProgrammeIdentity | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void backend
      .db()
      .then(getProgrammeIdentity)
      .catch(() => null)
      .then((read) => {
        if (live) setIdentity(read);
      });
    return () => {
      live = false;
    };
  }, [backend]);
  return identity;
}
