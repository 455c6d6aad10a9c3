/**
 * Reads the one pattern family the derived schemas use: an anchored, repeated character class
 * (`^[class]{m,n}$`, `^[class]+$`, `^([class]*)$`). Anything else is refused loudly, so that a new
 * model revision with a richer pattern fails here instead of producing inputs that never match.
 */
export interface ClassRepetition {
  /** The class body between the brackets, as written (a `u`-flag regex class). */
  classBody: string;
  min: number;
  /** Undefined when the quantifier is unbounded (`+`, `*`, `{m,}`). */
  max?: number;
}

const FAMILY = /^\^(\(?)\[((?:\\.|[^\]\\])*)\](?:\{(\d+)(,(\d*))?\}|([+*?]))?(\)?)\$$/;

export function parseClassRepetition(pattern: string): ClassRepetition {
  const m = FAMILY.exec(pattern);
  if (!m || (m[1] === '(') !== (m[7] === ')')) {
    throw new Error(
      `generators: pattern ${JSON.stringify(pattern)} is outside the supported family ` +
        '(an anchored character class with one quantifier, e.g. ^[a-z]{1,8}$ or ^([\\p{L}]*)$)',
    );
  }
  const [, , classBody, lo, comma, hi, sym] = m;
  try {
    new RegExp(`[${classBody}]`, 'u');
  } catch (e) {
    throw new Error(`generators: character class [${classBody}] is not a valid u-flag class: ${(e as Error).message}`);
  }
  if (lo !== undefined) {
    const min = Number(lo);
    const max = comma === undefined ? min : hi === '' ? undefined : Number(hi);
    if (max !== undefined && max < min) throw new Error(`generators: quantifier {${lo},${hi}} in ${pattern} is empty`);
    return { classBody, min, max };
  }
  if (sym === '+') return { classBody, min: 1 };
  if (sym === '*') return { classBody, min: 0 };
  if (sym === '?') return { classBody, min: 0, max: 1 };
  return { classBody, min: 1, max: 1 };
}
