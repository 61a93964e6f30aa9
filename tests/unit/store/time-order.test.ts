/** Orders the list uses without building a collator. */
import { describe, expect, it } from 'vitest';
import { alphabetical, earliestFirst, latestFirst } from '../../../src/store/time-order.ts';

describe('time order', () => {
  it('orders ISO times as localeCompare did, without a collator', () => {
    const times = [
      '2026-12-07T08:30:00.000Z',
      '2026-11-30T23:59:59.999Z',
      '2027-01-01T00:00:00.000Z',
      '2026-12-07T08:29:00.000Z',
    ];
    const byLocale = [...times].sort((a, b) => a.localeCompare(b));
    expect([...times].sort(earliestFirst)).toEqual(byLocale);
    expect([...times].sort(latestFirst)).toEqual([...byLocale].reverse());
  });

  it('orders French titles as a French collator does', () => {
    const titles = [
      'Zoologie',
      'Écrire une lettre',
      'ecrire un conte',
      'Fractions',
      'À la plage',
      'Œuvres de Molière',
      'Ours',
      'Ça commence',
      'calcul mental',
      'Île de France',
      'idées',
    ];
    const collator = new Intl.Collator('fr', { sensitivity: 'base' });
    const byCollator = [...titles].sort((a, b) => collator.compare(a, b));
    expect([...titles].sort(alphabetical)).toEqual(byCollator);
  });
});
