/**
 * Each check's fast-check seed comes from the run seed and the check id alone, so
 * `--only ID --seed S` replays exactly what that check did inside the full run.
 */
import { createHash } from 'node:crypto';

export const checkSeed = (runSeed: number, checkId: string) => createHash('sha256').update(`${runSeed}:${checkId}`).digest().readInt32BE(0);

export const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

export const newRunId = () => `tc-${new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}-${Math.random().toString(36).slice(2, 8)}`;
