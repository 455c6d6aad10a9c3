/**
 * The mutants of models/ that no test can kill, each with the reason it behaves exactly like the
 * original. `npm run mutation` fails on a survivor not listed here, so a new survivor is either
 * killed by a new test or argued for in this file, never silently tolerated.
 *
 * A mutant is matched by file, mutator, replacement and a piece of its original line (not by
 * line number, which moves with every edit above it).
 */
export interface EquivalentMutant {
  file: string;
  mutator: string;
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
    replacement: 'false',
    line: TIE_BREAK,
    why:
      'Turns the comparator\'s 1 (a sorts after b) into 0. Every caller only asks whether the result is below 0: ' +
      'V8\'s TimSort (Array.prototype.sort on Node 20) decides on `< 0` alone, and the cursor keeps a tunnel when `newestFirst(after, t) < 0`. ' +
      'A 1 and a 0 answer that question alike, so no order and no page can differ.',
  },
  {
    file: 'models/service.ts',
    mutator: 'EqualityOperator',
    replacement: 'a.id <= b.id',
    line: TIE_BREAK,
    why:
      'Differs only when both ids are equal, where it answers 1 instead of 0. Ids are unique, so only a tunnel compared with itself ' +
      '(the cursor\'s own tunnel) has equal ids, and both 1 and 0 are not below 0: the tunnel is excluded either way.',
  },
  {
    file: 'models/server.ts',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    line: "if (refused) return;",
    why:
      'The guard in the request\'s \'end\' handler. tooLarge pauses the request, and nothing reads a paused stream, so \'end\' never ' +
      'follows a refusal (tests send the crossing chunk last and still see one 413). It stays because a second answer would throw ' +
      'ERR_HTTP_HEADERS_SENT in an event handler and take the whole server down if node ever emitted it.',
  },
  {
    file: 'models/server.ts',
    mutator: 'BooleanLiteral',
    replacement: 'false',
    line: 'refused = true;',
    why: 'Only the \'end\' guard (`if (refused) return;`, below) reads the flag, and \'end\' does not follow a refusal: equivalent for the same reason.',
  },
];
