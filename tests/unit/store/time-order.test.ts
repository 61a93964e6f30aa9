/** Orders the list uses without building a collator. */
import { describe, expect, it } from 'vitest';
import { alphabetical, earliestFirst, latestFirst } from '../../../src/store/time-order.ts';

describe('time order', () => {
  it('orders ISO times as times', () => {
    const times = ['2027-04-06T06:30:00.000Z', '2026-12-31T23:00:00.000Z', '2027-04-06T06:29:59.999Z'];
    expect([...times].sort(earliestFirst)).toEqual([times[1], times[2], times[0]]);
    expect([...times].sort(latestFirst)).toEqual([times[0], times[2], times[1]]);
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
