import { describe, expect, it } from 'vitest';
import { duplicateNames, withoutDuplicates } from '../../../src/teacher/duplicate-names.ts';

describe('names added twice', () => {
  const existing = ['Chloé Lefèvre', 'Adam Girard'];
  it('finds names already in the class (case, accents, spaces aside) and repeats within the list', () => {
    const adding = ['chloe  lefevre', 'Nina Roux', 'Jade', 'Nina Roux'];
    expect(duplicateNames(adding, existing)).toEqual(['chloe  lefevre', 'Nina Roux']);
    expect(withoutDuplicates(adding, existing)).toEqual(['Nina Roux', 'Jade']);
  });
  it('says nothing about a list of new names', () => {
    expect(duplicateNames(['Léo', 'Lea'], existing)).toEqual([]);
  });
});
