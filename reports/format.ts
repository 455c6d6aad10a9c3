/**
 * One readable text form for arbitrary values (counterexamples, observation answers) shared by
 * every writer: JSON where JSON can say it, and a visible stand-in where it cannot (undefined,
 * bigint, functions, cycles), so a writer never throws on what a failing target returned.
 */
export const CYCLE = '<cycle>';

/**
 * A JSON.stringify replacer that never throws: bigint, functions and cycles get a visible
 * stand-in. `undefined` members are dropped as JSON drops them, unless `showUndefined` (a
 * counterexample reads better saying a member was undefined).
 */
export function jsonReplacer(showUndefined: boolean) {
  const ancestors: object[] = [];
  return function (this: unknown, _key: string, v: unknown) {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'function' || typeof v === 'symbol') return `<${typeof v}>`;
    if (v === undefined) return showUndefined ? '<undefined>' : undefined;
    if (typeof v === 'object' && v !== null) {
      // `this` is the holder: drop the ancestors that are not on the path to it
      while (ancestors.length && ancestors[ancestors.length - 1] !== this) ancestors.pop();
      if (ancestors.includes(v)) return CYCLE;
      ancestors.push(v);
    }
    return v;
  };
}

export function formatValue(value: unknown, indent = 2): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, jsonReplacer(true), indent) ?? String(value);
}

/** One UTF-16 code unit written as `\uXXXX`, the way JSON and JavaScript would spell it. */
export const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A string safe to print on one terminal line: control characters (which could move the cursor
 * or recolour the terminal when a target returns them), line breaks and lone surrogates become
 * a visible `\uXXXX`.
 */
export const printable = (s: string) => s.replace(/[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, visible);

/** `http http://127.0.0.1:8080`, or just `mock` when the kind is its own endpoint. */
export const targetLabel = (r: { target: { kind: string; endpoint: string } }) =>
  r.target.endpoint === r.target.kind ? r.target.kind : `${r.target.kind} ${r.target.endpoint}`;
