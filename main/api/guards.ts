// Process-level guards for the long-lived hosts of the Api (the loopback bridge, the Electron main process)
// and the command line. Reading runs in workers (readers/pool.ts), so nothing a file does should reach
// here; these are the net under that: a stray rejection is logged and the process goes on.
import { toErrorData } from '../model/errors.js';

export interface GuardOptions {
  /** Where a line about a caught problem goes. */
  log: (line: string) => void;
  /** An exception nobody caught. Without this the host logs it and keeps serving (every request is its own). */
  uncaught?: (err: unknown) => void;
}

export const describeProblem = (reason: unknown): string => {
  const e = toErrorData(reason);
  return e.code === 'internal' ? e.en.replace(/\s+/g, ' ').slice(0, 300) : `${e.zh} / ${e.en}`;
};

export function installProcessGuards(options: GuardOptions): void {
  process.on('unhandledRejection', (reason) => options.log(`未处理的异步错误（已忽略） / unhandled rejection, ignored: ${describeProblem(reason)}`));
  process.on('uncaughtException', (err) => {
    if (options.uncaught) return options.uncaught(err);
    options.log(`未捕获的错误（已记录，继续运行） / uncaught exception, logged: ${describeProblem(err)}`);
  });
}
