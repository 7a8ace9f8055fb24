/** The one list of the resource types the behavior table speaks about, read from its "valid on" column. */
import { describe, expect, it } from 'vitest';
import { BEHAVIOR_TABLE_KINDS } from '../../shared/iiif/behavior-table';

describe('BEHAVIOR_TABLE_KINDS', () => {
  it('is every type of the "valid on" column, and nothing else (not content resources or services)', () => {
    expect([...BEHAVIOR_TABLE_KINDS].sort()).toEqual(
      [
        'Collection',
        'Manifest',
        'Canvas',
        'Range',
        'AnnotationCollection',
        'AnnotationPage',
        'Annotation',
        'SpecificResource',
        'Choice',
      ].sort(),
    );
  });
});
