import type { Operand, WhereNode } from './ast';
import { WhereSyntaxError, quote } from './errors';

/**
 * The three condition functions of the language and the checks on their arguments. They are
 * checked here rather than in the compiler because the arguments are constants: a latitude of 95
 * is wrong whatever the dataset, and the user should learn it with a position.
 */
export const WHERE_FUNCTIONS = ['search', 'in_bbox', 'within_distance'] as const;
export type WhereFunction = (typeof WHERE_FUNCTIONS)[number];

/** Case-insensitive on ASCII only, like keywords. */
export function functionOf(name: string): WhereFunction | undefined {
  if (!/^[A-Za-z_]+$/.test(name)) return undefined;
  const lower = name.toLowerCase();
  return (WHERE_FUNCTIONS as readonly string[]).includes(lower) ? (lower as WhereFunction) : undefined;
}

export function unknownFunction(position: number, name: string): WhereSyntaxError {
  return new WhereSyntaxError(position, `fonction inconnue ${quote(name)}, fonctions possibles : ${WHERE_FUNCTIONS.join(', ')}`);
}

export interface Call {
  fn: WhereFunction;
  /** Where the name starts: the node's position. */
  position: number;
  args: Operand[];
  /** Where the arguments start (the first one, or the closing parenthesis): where a wrong count is reported. */
  argsPosition: number;
}

export function buildCall(call: Call): WhereNode {
  switch (call.fn) {
    case 'search':
      return buildSearch(call);
    case 'in_bbox':
      return buildBbox(call);
    case 'within_distance':
      return buildDistance(call);
  }
}

function buildSearch({ position, args, argsPosition }: Call): WhereNode {
  const usage = "search attend un seul texte entre apostrophes, par exemple search('piscine')";
  if (args.length !== 1) throw new WhereSyntaxError(argsPosition, usage);
  const [arg] = args;
  if (arg.type !== 'literal' || arg.kind !== 'string') throw new WhereSyntaxError(arg.position, usage);
  if (arg.value.trim() === '') throw new WhereSyntaxError(arg.position, 'search attend un texte non vide');
  return { type: 'search', text: arg.value, position };
}

function buildBbox({ position, args, argsPosition }: Call): WhereNode {
  const [minLon, minLat, maxLon, maxLat] = numbers(args, argsPosition, 'in_bbox attend 4 nombres (minLon, minLat, maxLon, maxLat)', 4);
  inRange('in_bbox', minLon, 'la longitude minimale', 180);
  inRange('in_bbox', minLat, 'la latitude minimale', 90);
  inRange('in_bbox', maxLon, 'la longitude maximale', 180);
  inRange('in_bbox', maxLat, 'la latitude maximale', 90);
  if (minLon.value > maxLon.value) {
    throw new WhereSyntaxError(minLon.position, `in_bbox : la longitude minimale (${minLon.value}) dépasse la longitude maximale (${maxLon.value})`);
  }
  if (minLat.value > maxLat.value) {
    throw new WhereSyntaxError(minLat.position, `in_bbox : la latitude minimale (${minLat.value}) dépasse la latitude maximale (${maxLat.value})`);
  }
  return { type: 'in_bbox', minLon: minLon.value, minLat: minLat.value, maxLon: maxLon.value, maxLat: maxLat.value, position };
}

function buildDistance({ position, args, argsPosition }: Call): WhereNode {
  const [lat, lon, metres] = numbers(args, argsPosition, 'within_distance attend 3 nombres (latitude, longitude, mètres)', 3);
  inRange('within_distance', lat, 'la latitude', 90);
  inRange('within_distance', lon, 'la longitude', 180);
  if (!(metres.value > 0)) {
    throw new WhereSyntaxError(metres.position, `within_distance : la distance en mètres doit être positive (reçu ${metres.value})`);
  }
  return { type: 'within_distance', lat: lat.value, lon: lon.value, metres: metres.value, position };
}

interface NumberArg {
  value: number;
  position: number;
}

function numbers(args: Operand[], argsPosition: number, usage: string, count: number): NumberArg[] {
  if (args.length !== count) throw new WhereSyntaxError(argsPosition, usage);
  return args.map((arg) => {
    if (arg.type !== 'literal' || arg.kind !== 'number') throw new WhereSyntaxError(arg.position, usage);
    return { value: arg.value, position: arg.position };
  });
}

function inRange(fn: string, arg: NumberArg, what: string, bound: number): void {
  if (arg.value < -bound || arg.value > bound) {
    throw new WhereSyntaxError(arg.position, `${fn} : ${what} doit être comprise entre -${bound} et ${bound} (reçu ${arg.value})`);
  }
}
