import { describe, expect, it } from 'vitest';
import { localProgrammeId, programmeRefFor } from '../../../src/domain/programme-view/index.ts';

describe('setting a programme by name', () => {
  it('reuses the id of a programme of the same name, case and spacing aside', () => {
    const known = [{ id: 'team:42', name: 'Mystery Q4', wave: 'Wave 1' }];
    expect(programmeRefFor('  mystery   q4 ', ' Wave  2 ', known)).toEqual({
      id: 'team:42',
      name: 'Mystery Q4',
      wave: 'Wave 2',
    });
  });

  it('derives a local id for a new name, and a blank name leaves the programme', () => {
    expect(programmeRefFor('Spring audit', '', [])).toEqual({
      id: localProgrammeId('spring audit'),
      name: 'Spring audit',
      wave: '',
    });
    expect(localProgrammeId('Spring  Audit')).toBe('local:spring audit');
    expect(programmeRefFor('   ', 'Wave 1', [])).toBeNull();
  });
});
