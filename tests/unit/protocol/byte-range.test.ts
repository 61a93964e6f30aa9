import { describe, expect, it } from 'vitest';
import { parseRange, rangeSpec, resolveRange } from '../../../protocol/byte-range.ts';

describe('parseRange', () => {
  it('handles a-b, a-, -n, and refuses what lies outside', () => {
    expect(parseRange(undefined, 10)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=2-4', 10)).toEqual({ kind: 'part', start: 2, end: 4 });
    expect(parseRange('bytes=7-', 10)).toEqual({ kind: 'part', start: 7, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ kind: 'part', start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(parseRange('bytes=10-', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=5-2', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-1,4-5', 10)).toEqual({ kind: 'whole' });
  });
});

describe('one Range parser for the server and the service worker', () => {
  it('reads the unit case-insensitively and tells the size-free part apart', () => {
    expect(parseRange('Bytes=2-4', 10)).toEqual({ kind: 'part', start: 2, end: 4 });
    expect(parseRange(null, 10)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=-', 10)).toEqual({ kind: 'whole' });
    expect(parseRange('items=0-1', 10)).toEqual({ kind: 'whole' });
    expect(rangeSpec('bytes=5-')).toEqual({ first: 5, last: null });
    expect(rangeSpec('bytes=-5')).toEqual({ first: null, suffix: 5 });
    expect(rangeSpec('bytes=0-1,4-5')).toBeNull();
  });

  it('refuses an empty suffix and any range of an empty file', () => {
    expect(resolveRange({ first: null, suffix: 0 }, 10)).toEqual({ kind: 'unsatisfiable' });
    expect(resolveRange({ first: null, suffix: 3 }, 0)).toEqual({ kind: 'unsatisfiable' });
    expect(resolveRange({ first: 0, last: null }, 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
