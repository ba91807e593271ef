import { anchorPattern, compilePattern, unanchorPattern } from '../../../catalogue/validation/patterns';

describe('patterns', () => {
  test('anchoring makes a pattern match the whole value, as Table Schema does', () => {
    const regExp = compilePattern(anchorPattern('\\d{5}'))!;
    expect(regExp.test('27000')).toBe(true);
    expect(regExp.test('270001')).toBe(false);
    expect(regExp.test('x27000')).toBe(false);
  });

  test('an alternation is anchored as a whole, not only its first branch', () => {
    const regExp = compilePattern(anchorPattern('a|b'))!;
    expect(regExp.test('a')).toBe(true);
    expect(regExp.test('ab')).toBe(false);
  });

  test('a pattern already written ^…$ keeps its meaning', () => {
    const regExp = compilePattern(anchorPattern('^\\d{5}$'))!;
    expect(regExp.test('27000')).toBe(true);
    expect(regExp.test('2700')).toBe(false);
  });

  test('unanchorPattern gives back what the author wrote (for messages)', () => {
    expect(unanchorPattern(anchorPattern('^\\d{5}$'))).toBe('^\\d{5}$');
    expect(unanchorPattern('abc')).toBe('abc');
  });

  test('falls back to the legacy mode for patterns that u mode rejects', () => {
    const source = "^[a-zA-Z0-9\\-\\'\\s]+$";
    expect(() => new RegExp(source, 'u')).toThrow();
    const regExp = compilePattern(source)!;
    expect(regExp.flags).toBe('');
    expect(regExp.test("rue d'Evreux")).toBe(true);
    expect(regExp.test('rue_Evreux')).toBe(false);
  });

  test('uses u mode when it compiles', () => {
    expect(compilePattern('^\\p{L}+$')!.flags).toBe('u');
    expect(compilePattern('^\\p{L}+$')!.test('Évreux')).toBe(true);
  });

  test('undefined when neither mode compiles', () => {
    expect(compilePattern('(')).toBeUndefined();
  });
});
