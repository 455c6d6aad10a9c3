/**
 * What the model does not say about each operation but the suite must know: the hand-written
 * half of the operation table (the derived half is operations.json). Keyed by the derived
 * OperationName, so re-deriving a model with a new operation fails to compile until its row is
 * written here. test/specs/facts.test.ts holds each row against the derived schema.
 */
import type { OperationName } from './index.js';

export interface OperationFacts {
  /** The input member that names an existing tunnel; absent when the operation names none. */
  names?: 'tunnelId' | 'resourceArn';
  /** Creates a tunnel: a refused call must leave none behind, and the run must journal what it opens. */
  opens?: true;
  /**
   * What to read back from the named tunnel to prove that a refused call changed nothing:
   * `status` what DescribeTunnel shows (status, destinationConfig, timestamps; the tokens a
   * rotation changes are never readable), `tags` its tag set. An operation with neither `opens`
   * nor `changes` is read-only.
   */
  changes?: 'status' | 'tags';
  /** SERVICE-FACTS UNKNOWN: the answer on a CLOSED tunnel is not promised: a success or a 4xx that changes nothing, observed. */
  unknownWhenClosed?: true;
  /**
   * The member that confines a listing to one run's own tunnels, so that a run on a shared
   * account never reads (or trips over) anyone else's.
   */
  scopedBy?: 'thingName';
}

export const operationFacts: Record<OperationName, OperationFacts> = {
  CloseTunnel: { names: 'tunnelId', changes: 'status', unknownWhenClosed: true },
  DescribeTunnel: { names: 'tunnelId' },
  ListTagsForResource: { names: 'resourceArn' },
  ListTunnels: { scopedBy: 'thingName' },
  OpenTunnel: { opens: true },
  RotateTunnelAccessToken: { names: 'tunnelId', changes: 'status', unknownWhenClosed: true },
  TagResource: { names: 'resourceArn', changes: 'tags', unknownWhenClosed: true },
  UntagResource: { names: 'resourceArn', changes: 'tags', unknownWhenClosed: true },
};
