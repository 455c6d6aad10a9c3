/**
 * One readable text form for arbitrary values (counterexamples, observation answers) shared by
 * every writer: JSON where JSON can say it, and a visible stand-in where it cannot (undefined,
 * bigint, functions, cycles), so a writer never throws on what a failing target returned.
 */
export function formatValue(value: unknown, indent = 2): string {
  if (value === undefined) return 'undefined';
  const ancestors: object[] = [];
  const text = JSON.stringify(
    value,
    function (this: unknown, _key, v: unknown) {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'function' || typeof v === 'symbol') return `<${typeof v}>`;
      if (v === undefined) return '<undefined>';
      if (typeof v === 'object' && v !== null) {
        // `this` is the holder: drop the ancestors that are not on the path to it
        while (ancestors.length && ancestors[ancestors.length - 1] !== this) ancestors.pop();
        if (ancestors.includes(v)) return '<cycle>';
        ancestors.push(v);
      }
      return v;
    },
    indent,
  );
  return text ?? String(value);
}
