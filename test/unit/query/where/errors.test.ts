import { CatalogueError } from '../../../../catalogue/errors';
import { WhereSyntaxError, parseWhere } from '../../../../catalogue/query/where/parse-where';

function errorOf(text: string): WhereSyntaxError {
  try {
    parseWhere(text);
  } catch (error) {
    if (error instanceof WhereSyntaxError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${text}`);
}

const FUNCTIONS = 'fonctions possibles : search, in_bbox, within_distance';

describe('WhereSyntaxError', () => {
  it('is a bad-request CatalogueError carrying its position', () => {
    const error = errorOf('montant > 1000 )');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error.name).toBe('WhereSyntaxError');
    expect(error.code).toBe('bad-request');
    expect(error.position).toBe(16);
    expect(error.reason).toBe('« ) » inattendu, aucune « ( » ne lui correspond');
    expect(error.message).toBe('colonne 16 : « ) » inattendu, aucune « ( » ne lui correspond');
  });

  it('refuses a value that is not a string', () => {
    expect(() => parseWhere(['a = 1'] as unknown as string)).toThrow(new WhereSyntaxError(1, "l'expression doit être un texte"));
    expect(() => parseWhere(undefined as unknown as string)).toThrow(WhereSyntaxError);
  });
});

describe('parseWhere: every message, with its position', () => {
  it.each([
    // Structure
    ['', 'colonne 1 : expression vide'],
    ['   \n ', 'colonne 1 : expression vide'],
    ["(categorie = 'Sport')) AND x = 1", 'colonne 22 : « ) » inattendu, aucune « ( » ne lui correspond'],
    ['a = 1 b = 2', 'colonne 7 : « b » inattendu, AND ou OR est attendu'],
    ['(a = 1', 'colonne 1 : parenthèse « ( » jamais fermée'],
    ['(a = 1 b', 'colonne 8 : « b » inattendu, AND, OR ou « ) » est attendu'],
    ['()', 'colonne 2 : « ) » inattendu, une condition est attendue après « ( »'],
    ['AND a = 1', 'colonne 1 : « AND » inattendu, une condition est attendue'],
    ['a = 1 AND', "colonne 10 : fin de l'expression inattendue, une condition est attendue après « AND »"],
    ['a = 1 OR OR b = 2', 'colonne 10 : « OR » inattendu, une condition est attendue après « OR »'],
    ['NOT', "colonne 4 : fin de l'expression inattendue, une condition est attendue après « NOT »"],
    ['in = 1', 'colonne 1 : « in » inattendu, une condition est attendue (pour une colonne nommée ainsi, écrivez `in`)'],
    // Operators
    ['montant', "colonne 8 : fin de l'expression inattendue, un opérateur est attendu après « montant » (=, !=, <>, <, <=, >, >=, IN, LIKE, IS NULL)"],
    ["montant 'x'", 'colonne 9 : « \'x\' » inattendu, un opérateur est attendu après « montant » (=, !=, <>, <, <=, >, >=, IN, LIKE, IS NULL)'],
    ['montant >', "colonne 10 : fin de l'expression inattendue, une valeur est attendue après « > »"],
    ['montant > )', 'colonne 11 : « ) » inattendu, une valeur est attendue après « > »'],
    ['montant > AND', 'colonne 11 : « AND » inattendu, une valeur est attendue après « > »'],
    ['montant == 5', "colonne 9 : « == » n'existe pas, écrivez « = »"],
    ['montant ! 5', "colonne 9 : « ! » seul n'existe pas, écrivez « != » ou NOT"],
    ['a = 1 && b = 2', 'colonne 7 : caractère « & » inattendu, écrivez AND'],
    ['a = 1 || b = 2', 'colonne 7 : caractère « | » inattendu, écrivez OR'],
    ['1 = 1', "colonne 1 : comparaison entre deux valeurs, l'un des deux côtés doit être une colonne"],
    ['email = null', "colonne 9 : une comparaison avec null n'est jamais vraie, écrivez « email IS NULL »"],
    ['null <> `e mail`', "colonne 1 : une comparaison avec null n'est jamais vraie, écrivez « `e mail` IS NOT NULL »"],
    ['n > NULL', "colonne 5 : une comparaison avec null n'est jamais vraie, utilisez IS NULL ou IS NOT NULL"],
    ['a NOT = 1', 'colonne 7 : « = » inattendu, IN ou LIKE est attendu après NOT'],
    ['a IS 1', 'colonne 6 : « 1 » inattendu, NULL ou NOT NULL est attendu après IS'],
    ['a IS NOT', "colonne 9 : fin de l'expression inattendue, NULL est attendu après IS NOT"],
    ["'x' IS NULL", "colonne 1 : IS NULL s'applique à une colonne, pas à une valeur"],
    // IN
    ['a IN 1', 'colonne 6 : « 1 » inattendu, « ( » est attendu après IN'],
    ['a IN ()', 'colonne 7 : liste vide après IN, au moins une valeur est attendue'],
    ["a IN ('x',)", 'colonne 11 : « ) » inattendu, une valeur est attendue dans la liste IN'],
    ["a IN ('x' 'y')", "colonne 11 : « 'y' » inattendu, « , » ou « ) » est attendu dans la liste IN"],
    ["a IN ('x'", 'colonne 6 : parenthèse « ( » de IN jamais fermée'],
    ['commune IN (Évreux)', "colonne 13 : « Évreux » n'est pas une valeur, un texte s'écrit entre apostrophes : 'Évreux'"],
    ['a IN (`b`)', 'colonne 7 : une colonne ne peut pas figurer dans une liste IN'],
    ['a IN (1, NULL)', 'colonne 10 : null ne peut pas figurer dans une liste IN (il ne correspond à rien), utilisez IS NULL'],
    ["'x' NOT IN ('y')", "colonne 1 : IN s'applique à une colonne, pas à une valeur"],
    // LIKE
    ['nom LIKE 5', "colonne 10 : « 5 » inattendu, un motif entre apostrophes est attendu après LIKE, par exemple 'Év%'"],
    ["'x' LIKE 'y'", "colonne 1 : LIKE s'applique à une colonne, pas à une valeur"],
    // Strings, names, characters
    ["nom='abc", "colonne 5 : chaîne non terminée : il manque l'apostrophe fermante (une apostrophe dans un texte s'écrit deux fois : 'L''Aigle')"],
    ["commune = 'L'Aigle'", "colonne 14 : « Aigle » inattendu juste après le texte « 'L' », une apostrophe dans un texte s'écrit deux fois : 'L''Aigle'"],
    ['`nom = 1', 'colonne 1 : nom de colonne non terminé : il manque le « ` » fermant'],
    ['a = 1 AND "b = 2', 'colonne 11 : nom de colonne non terminé : il manque le « " » fermant'],
    ['`` = 1', 'colonne 1 : nom de colonne vide'],
    ['a = 1 ; DROP TABLE x', 'colonne 7 : caractère « ; » inattendu'],
    ['a = 1\u0000', 'colonne 6 : caractère « U+0000 » inattendu'],
    ['a = -b', 'colonne 5 : caractère « - » inattendu'],
    ['commune = ’Vernon’', "colonne 11 : caractère « ’ » inattendu : un texte s'écrit entre apostrophes droites, 'ainsi', et une colonne entre accents graves, `ainsi`"],
    ['commune = « Vernon »', "colonne 11 : caractère « « » inattendu : un texte s'écrit entre apostrophes droites, 'ainsi', et une colonne entre accents graves, `ainsi`"],
    // Numbers
    ['x = 12abc', 'colonne 5 : nombre mal écrit « 12abc »'],
    ['x = 1.2.3', 'colonne 5 : nombre mal écrit « 1.2.3 »'],
    ['x = 1e', 'colonne 5 : nombre mal écrit « 1e »'],
    ['x = 1e400', 'colonne 5 : nombre trop grand « 1e400 »'],
    ['siret = 12345678901234567', "colonne 9 : nombre entier trop grand pour être exact « 12345678901234567 » ; s'il s'agit d'un code, écrivez-le entre apostrophes"],
    // Dates
    ["d = date'2023-02-29'", 'colonne 5 : date invalide « 2023-02-29 », une date qui existe est attendue au format AAAA-MM-JJ'],
    ["d = date'2024-13-01'", 'colonne 5 : date invalide « 2024-13-01 », une date qui existe est attendue au format AAAA-MM-JJ'],
    ["d = date'1900-02-29'", 'colonne 5 : date invalide « 1900-02-29 », une date qui existe est attendue au format AAAA-MM-JJ'],
    ["d = date'2024-04-31'", 'colonne 5 : date invalide « 2024-04-31 », une date qui existe est attendue au format AAAA-MM-JJ'],
    ["d = date'24-01-01'", 'colonne 5 : date invalide « 24-01-01 », une date qui existe est attendue au format AAAA-MM-JJ'],
    ["d = date'2024-01-01T10:00'", 'colonne 5 : date invalide « 2024-01-01T10:00 », une date qui existe est attendue au format AAAA-MM-JJ'],
    ["d = date''", 'colonne 5 : date invalide «  », une date qui existe est attendue au format AAAA-MM-JJ'],
    ["d >= datetime'2024-01-01T10:00:00'", "colonne 6 : datetime'…' n'est pas pris en charge, comparez à un texte, par exemple '2024-01-01T10:00:00', ou à une date, date'2024-01-01'"],
    ["d >= TIMESTAMP '2024-01-01 10:00'", "colonne 6 : TIMESTAMP'…' n'est pas pris en charge, comparez à un texte, par exemple '2024-01-01T10:00:00', ou à une date, date'2024-01-01'"],
    // Functions
    ["a = 1 AND foo('x')", `colonne 11 : fonction inconnue « foo », ${FUNCTIONS}`],
    ["categorie = upper('x')", `colonne 13 : fonction inconnue « upper », ${FUNCTIONS}`],
    ["a = search('x')", 'colonne 5 : search(…) est une condition, pas une valeur'],
    ['in_bbox(1, 2)', 'colonne 9 : in_bbox attend 4 nombres (minLon, minLat, maxLon, maxLat)'],
    ['in_bbox()', 'colonne 9 : in_bbox attend 4 nombres (minLon, minLat, maxLon, maxLat)'],
    ["in_bbox(1, 2, '3', 4)", 'colonne 15 : in_bbox attend 4 nombres (minLon, minLat, maxLon, maxLat)'],
    ['in_bbox(1, 2, 3, 4, 5)', 'colonne 9 : in_bbox attend 4 nombres (minLon, minLat, maxLon, maxLat)'],
    ['in_bbox(-181, 0, 1, 1)', 'colonne 9 : in_bbox : la longitude minimale doit être comprise entre -180 et 180 (reçu -181)'],
    ['in_bbox(0, 0, 1, 90.5)', 'colonne 18 : in_bbox : la latitude maximale doit être comprise entre -90 et 90 (reçu 90.5)'],
    ['in_bbox(2, 0, 1, 1)', 'colonne 9 : in_bbox : la longitude minimale (2) dépasse la longitude maximale (1)'],
    ['in_bbox(0, 49.5, 1, 48.5)', 'colonne 12 : in_bbox : la latitude minimale (49.5) dépasse la latitude maximale (48.5)'],
    ['in_bbox(1, 2, 3 4)', 'colonne 17 : « 4 » inattendu, « , » ou « ) » est attendu dans les arguments de in_bbox'],
    ['in_bbox(1, 2', 'colonne 8 : parenthèse « ( » de in_bbox jamais fermée'],
    ['in_bbox(1,', "colonne 11 : fin de l'expression inattendue, un argument de in_bbox est attendu"],
    ['within_distance(49, 1)', 'colonne 17 : within_distance attend 3 nombres (latitude, longitude, mètres)'],
    ['within_distance(91, 1, 10)', 'colonne 17 : within_distance : la latitude doit être comprise entre -90 et 90 (reçu 91)'],
    ['within_distance(49, 181, 10)', 'colonne 21 : within_distance : la longitude doit être comprise entre -180 et 180 (reçu 181)'],
    ['within_distance(49, 1, 0)', 'colonne 24 : within_distance : la distance en mètres doit être positive (reçu 0)'],
    ['within_distance(49, 1, -5)', 'colonne 24 : within_distance : la distance en mètres doit être positive (reçu -5)'],
    ['search(texte)', "colonne 8 : search attend un seul texte entre apostrophes, par exemple search('piscine')"],
    ["search('a', 'b')", "colonne 8 : search attend un seul texte entre apostrophes, par exemple search('piscine')"],
    ["search('  ')", 'colonne 8 : search attend un texte non vide'],
  ])('%j → %s', (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });
});

describe('parseWhere: limits', () => {
  it('refuses more than 4,000 characters', () => {
    const text = `a = '${'x'.repeat(4000)}'`;
    expect(errorOf(text).message).toBe('colonne 4001 : expression trop longue (4 000 caractères au plus)');
    expect(errorOf(`a = 1${' '.repeat(3996)}`).message).toBe('colonne 4001 : expression trop longue (4 000 caractères au plus)');
    expect(errorOf(`${'a = 1 OR '.repeat(1_000_000)}a = 1`).position).toBe(4001);
    // Counted in characters: 4,000 emoji fit, 4,001 do not.
    expect(parseWhere(`a = '${'😀'.repeat(3994)}'`).type).toBe('compare');
    expect(errorOf(`a = '${'😀'.repeat(3995)}'`).position).toBe(4001);
  });

  it('reports an earlier error before the length, in reading order', () => {
    expect(errorOf(`a = = ${'x'.repeat(5000)}`).message).toBe('colonne 5 : « = » inattendu, une valeur est attendue après « = »');
  });

  it('refuses more than 32 levels of parentheses or NOT', () => {
    const message = 'colonne 33 : expression trop imbriquée (32 niveaux de parenthèses ou de NOT au plus)';
    expect(errorOf(`${'('.repeat(33)}a = 1${')'.repeat(33)}`).message).toBe(message);
    expect(errorOf(`${'NOT '.repeat(33)}a = 1`).message).toBe('colonne 129 : expression trop imbriquée (32 niveaux de parenthèses ou de NOT au plus)');
    expect(errorOf(`${'NOT ('.repeat(17)}a = 1${')'.repeat(17)}`).position).toBe(81);
  });

  it('10,000 parentheses give the depth error, not a RangeError', () => {
    expect(errorOf(`${'('.repeat(10_000)}a = 1${')'.repeat(10_000)}`).message).toBe('colonne 33 : expression trop imbriquée (32 niveaux de parenthèses ou de NOT au plus)');
    expect(errorOf('('.repeat(10_000)).position).toBe(33);
    expect(errorOf('NOT '.repeat(10_000)).position).toBe(129);
  });

  it('refuses more than 1,000 values in a list', () => {
    const values = Array.from({ length: 1001 }, () => '1').join(',');
    expect(errorOf(`n IN (${values})`).message).toBe('colonne 2007 : liste IN trop longue (1 000 valeurs au plus)');
  });
});
