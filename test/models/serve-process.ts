/** `tunnel-conformance serve` as a child process, as a user or CI runs it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface Serve {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
  /** stdout after the listening line: CONTRACT.md allows none */
  laterLines: string[];
}

/** Starts serve and resolves once it printed its listening line (bounded to 30 s). */
export function startServe(args: string[] = ['--port', '0']): Promise<Serve> {
  const child = spawn(process.execPath, ['bin/tunnel-conformance.js', 'serve', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no listening line within 30 s')), 30_000);
    const laterLines: string[] = [];
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.on('line', (later) => laterLines.push(later));
      const m = /^listening on (https?:\/\/\S+:\d+)$/.exec(line);
      if (m) resolve({ child, url: m[1], exit, laterLines });
      else reject(new Error(`unexpected first line from serve: ${line}`));
    });
    exit.then((code) => reject(new Error(`serve exited with ${code} before listening`)));
  });
}
