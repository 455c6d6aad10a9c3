/**
 * XML 1.0 text and attribute escaping. Counterexamples carry arbitrary Unicode and control
 * characters; the ones XML 1.0 cannot hold at all (C0 controls other than tab/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF) are written as a visible `\uXXXX` so the reader still sees them.
 */
import { visible } from './format.js';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (s: string) => s.replace(FORBIDDEN, visible);

/** A CR is written as a reference because parsers normalise a literal one to LF. */
export const escapeText = (s: string) => xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** Attribute values also keep their tabs and line breaks, which parsers would otherwise normalise to spaces. */
export const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
