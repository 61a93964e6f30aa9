/** The join code's form, checked on the device before the server is asked (and by the server alike). */
import { describe, expect, it } from 'vitest';
import { isWellFormedJoinCode, joinCodeProblem, normaliseJoinCode } from '../../../protocol/join-code.ts';

describe('joinCodeProblem', () => {
  it('accepts a code as children type it: lowercase, spaces, dashes', () => {
    for (const typed of ['ABCDEFGHJ', 'abc-def-ghj', ' abc def ghj ', 'ABC–DEF—GHJ', 'k2m.9pq_r7z']) {
      expect(joinCodeProblem(typed), typed).toBeNull();
      expect(isWellFormedJoinCode(normaliseJoinCode(typed)), typed).toBe(true);
    }
  });

  it('names an empty field, a missing and an extra character', () => {
    expect(joinCodeProblem('')).toEqual({ kind: 'empty' });
    expect(joinCodeProblem('  - - ')).toEqual({ kind: 'empty' });
    expect(joinCodeProblem('ABC-DEF-GH')).toEqual({ kind: 'tooShort', length: 8 });
    expect(joinCodeProblem('ab')).toEqual({ kind: 'tooShort', length: 2 });
    expect(joinCodeProblem('ABC-DEF-GHJK')).toEqual({ kind: 'tooLong', length: 10 });
  });

  it('names the first character no code holds (0, O, 1, I, L, accents, symbols), as typed', () => {
    expect(joinCodeProblem('ABC-DEF-GH0')).toEqual({ kind: 'notInCodes', character: '0' });
    expect(joinCodeProblem('abc-def-gho')).toEqual({ kind: 'notInCodes', character: 'O' });
    expect(joinCodeProblem('1BC-DEF-GHI')).toEqual({ kind: 'notInCodes', character: '1' });
    expect(joinCodeProblem('lbc')).toEqual({ kind: 'notInCodes', character: 'L' });
    expect(joinCodeProblem('ABCDEFGHÉ')).toEqual({ kind: 'notInCodes', character: 'É' });
    // A wrong character is the first thing to fix, even when the length is wrong too.
    expect(joinCodeProblem('AB?')).toEqual({ kind: 'notInCodes', character: '?' });
  });

  it('agrees with the server: every code it finds no problem in is well formed, and the reverse', () => {
    for (const typed of ['', 'ab', 'ABCDEFGHJ', 'ABCDEFGH0', 'ABCDEFGHJK', 'abc def ghj', 'ABCDEFGHI']) {
      expect(joinCodeProblem(typed) === null, typed).toBe(isWellFormedJoinCode(normaliseJoinCode(typed)));
    }
  });
});
