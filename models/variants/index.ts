/** The catalogue of variants of the reference implementation, for self-validation (issue 9). */
import { faults } from './faults.js';
import { legitimate } from './legitimate.js';
import type { Variant } from './variant.js';

export { serveVariant, type Variant, type VariantKind } from './variant.js';
export { faults } from './faults.js';
export { legitimate } from './legitimate.js';

export const variants: Variant[] = [...faults, ...legitimate];

export function variantNamed(name: string): Variant {
  const v = variants.find((x) => x.name === name);
  if (!v) throw new Error(`no variant named ${name}`);
  return v;
}
