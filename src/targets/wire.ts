/**
 * The awsJson1_1 wire form shared by every target: how an error code is read from a reply and
 * how SDK-level values become wire JSON (timestamps as epoch seconds).
 */

/** `aws.protocols#awsJson1_1` error codes may carry a namespace prefix and a `:uri` suffix. */
export function normaliseErrorCode(raw: string): string {
  return raw.slice(raw.lastIndexOf('#') + 1).split(':')[0].trim();
}

/** The error code of a reply: the `x-amzn-errortype` header wins over the body's `__type`/`code`. */
export function errorCodeOf(header: string | undefined, body: Record<string, unknown>): string | undefined {
  const raw = header ?? (body.__type as string | undefined) ?? (body.code as string | undefined);
  return typeof raw === 'string' && raw !== '' ? normaliseErrorCode(raw) : undefined;
}

/** Parses a reply body: JSON object, or `{}` for an empty body; anything else is kept as `raw`. */
export function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { raw: v };
  } catch {
    return { raw: text };
  }
}

/** SDK output → wire JSON: Dates become epoch seconds, `$metadata` and undefined members vanish. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$metadata' || v === undefined) continue;
      out[k] = toWire(v);
    }
    return out;
  }
  return value;
}

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
