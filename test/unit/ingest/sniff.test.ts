import { detectLineTerminator, sniffDialect } from '../../../catalogue/ingest/sniff';

describe('sniffDialect', () => {
  it.each([
    [',', 'id,commune,montant\n1,Évreux,12\n2,Vernon,13\n'],
    [';', 'id;commune;montant\r\n1;Évreux;12,5\r\n2;Vernon;13,25\r\n'],
    ['\t', 'id\tcommune\tmontant\n1\tÉvreux\t12,5\n2\tVernon\t1,3\n'],
    ['|', 'id|commune|montant\n1|Évreux, centre|12\n2|Vernon|13\n'],
  ])('finds %j as the delimiter', (delimiter, text) => {
    expect(sniffDialect(text).delimiter).toBe(delimiter);
  });

  it('ignores delimiters inside quotes, including quoted newlines', () => {
    const text = 'a;b;c\n"x, y, z";"un\ntexte, long";3\n"p, q";r;4\n';
    expect(sniffDialect(text).delimiter).toBe(';');
  });

  it('prefers the delimiter consistent across lines over a frequent one in free text', () => {
    const text = 'nom;objet;montant\nA;aide, soutien, projet;10\nB;achat;20\nC;local;30\n';
    expect(sniffDialect(text).delimiter).toBe(';');
  });

  it('notices a space after every delimiter (skipInitialSpace)', () => {
    expect(sniffDialect('a, b, c\n1, 2, 3\n4, 5, 6\n').skipInitialSpace).toBe(true);
    expect(sniffDialect('a,b,c\n1, 2,3\n').skipInitialSpace).toBe(false);
  });

  it('falls back to a comma on a single column file', () => {
    expect(sniffDialect('code\n27229\n27681\n').delimiter).toBe(',');
  });
});

describe('detectLineTerminator', () => {
  it.each([
    ['a\r\nb\r\n', '\r\n'],
    ['a\nb\n', '\n'],
    ['a\rb\r', '\r'],
    ['a\r\nb\nc', 'mixed'],
    ['a', '\n'],
    ['a,b\r\n"un\ntexte",2\r\n', '\r\n'],
  ])('%j → %j', (text, expected) => {
    expect(detectLineTerminator(text)).toBe(expected);
  });
});
