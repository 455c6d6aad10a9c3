/**
 * The mutants of models/ that no test can kill, each with the reason it behaves exactly like the
 * original. `npm run mutation` fails on a survivor not listed here, so a new survivor is either
 * killed by a new test or argued for in this file, never silently tolerated.
 *
 * A mutant is matched by file, mutator, the code it replaces, its replacement and a piece of its
 * line (not by line number, which moves with every edit above it). One entry excuses one mutant:
 * `npm run mutation` fails on an entry that matches two.
 */
export interface EquivalentMutant {
  file: string;
  mutator: string;
  /** the code the mutant replaces, exactly */
  original: string;
  replacement: string;
  /** a piece of the original source line the mutant sits on */
  line: string;
  why: string;
}

const TIE_BREAK = 'b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);';

export const equivalentMutants: EquivalentMutant[] = [
  {
    file: 'models/service.ts',
    mutator: 'ConditionalExpression',
    original: 'a.id < b.id',
    replacement: 'false',
    line: TIE_BREAK,
    why:
      'Turns the comparator\'s 1 (a sorts after b) into 0. Every caller only asks whether the result is below 0: ' +
      'V8\'s TimSort (Array.prototype.sort on Node 20) decides on `< 0` alone, and the cursor keeps a tunnel when `newestFirst(after, t) < 0`. ' +
      'A 1 and a 0 answer that question alike, so no order and no page can differ (on V8; the mutant breaks the consistency sort\'s spec asks of a comparator).',
  },
  {
    file: 'models/service.ts',
    mutator: 'EqualityOperator',
    original: 'a.id < b.id',
    replacement: 'a.id <= b.id',
    line: TIE_BREAK,
    why:
      'Differs only when both ids are equal, where it answers 1 instead of 0. Ids are unique, so only a tunnel compared with itself ' +
      '(the cursor\'s own tunnel) has equal ids, and neither 1 nor 0 is below 0: the tunnel is excluded either way.',
  },
  {
    file: 'models/service.ts',
    mutator: 'ConditionalExpression',
    original: 'this.tunnels.size >= this.maxOpenTunnels',
    replacement: 'true',
    line: 'if (this.tunnels.size >= this.maxOpenTunnels && counted() >= this.maxOpenTunnels)',
    why:
      'OpenTunnel\'s shortcut past the open-tunnel count. The count is of tunnels all() yields, at most one per stored tunnel, so with ' +
      'fewer tunnels than the limit it is below the limit too: taking it anyway answers the same. Reading every tunnel settles each ' +
      '(applies its expiry), which every later read of that tunnel does first in any case, so no answer differs either.',
  },
  {
    file: 'models/server.ts',
    mutator: 'ConditionalExpression',
    original: 'res.headersSent',
    replacement: 'false',
    line: 'if (res.headersSent) return;',
    why:
      'The guard in the request\'s \'end\' handler. tooLarge pauses the request; a paused stream emits \'end\' only if the chunk that ' +
      'crossed the limit was taken from its buffer after the body had ended, and a request body is buffered only before its first read ' +
      '(one socket read, 64 KiB), far below the 1 MiB limit. So no test can reach it; it stays because a second answer would throw ' +
      'ERR_HTTP_HEADERS_SENT in an event handler and take the whole server down.',
  },
  {
    file: 'models/wire.ts',
    mutator: 'BlockStatement',
    original: '{ return undefined; }',
    replacement: '{}',
    line: '} catch {',
    why:
      'jsonMember\'s catch for a body that is not JSON. Emptied, `parsed` stays undefined and the function goes on to ' +
      '`(undefined)?.[name]`, which is undefined too: the same answer by another road, for every body.',
  },
];
