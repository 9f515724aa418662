/**
 * Layer configs that survive a save and a load. tfjs-layers writes a model's config in Keras'
 * format, snake_casing every string and key on the way out and camelCasing them on the way in,
 * so `'b C_in'` would come back as `'b cIn'`. Strings and keys are therefore stored with each
 * character those conversions touch (capitals, `_`, and `%`, the escape itself) written as
 * `%<hex code point>;`. A pattern in lower case without underscores is stored as is.
 */
import { EinopsError } from '../errors';
import type { AxesLengths } from '../runtime/bind';

const isTouched = (char: string): boolean => char === '%' || char === '_' || char.toLowerCase() !== char;

export function encodeString(text: string): string {
  return Array.from(text, (char) => (isTouched(char) ? `%${char.codePointAt(0)!.toString(16)};` : char)).join('');
}

/** A string field of a saved config, decoded. */
export function decodeString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new EinopsError(`a layer config needs ${field} as a string, got ${value === null ? 'null' : typeof value}`);
  return value.replace(/%([0-9a-f]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/** Axis lengths with encoded names. */
export function encodeAxes(axes: AxesLengths): Record<string, number> {
  return Object.fromEntries(Object.entries(axes).map(([name, length]) => [encodeString(name), length]));
}

export function decodeAxes(value: unknown): AxesLengths {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new EinopsError(`a layer config needs axesLengths as an object, got ${typeof value}`);
  return Object.fromEntries(Object.entries(value).map(([name, length]) => [decodeString(name, 'an axis name'), length as number]));
}
