// One way to print progress and results, so every command reads the same and tests can capture it.
import { CliError } from './cli-error';

/** Where a command writes its lines. */
export interface Output {
  line: (text: string) => void;
  error: (text: string) => void;
}

export const consoleOutput: Output = {
  line: (text) => console.log(text),
  error: (text) => console.error(text),
};

/** Collects lines (tests, nested steps). */
export function memoryOutput(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, line: (text) => lines.push(text), error: (text) => lines.push(text) };
}

export const mark = { ok: '✓', changed: '✎', fail: '✗', step: '›' } as const;

/** An error as one or two lines: what happened, then what to do. */
export function errorLines(error: unknown): string[] {
  if (error instanceof CliError) return [error.message, ...(error.hint ? [`  → ${error.hint}`] : [])];
  return [error instanceof Error ? (error.stack ?? error.message) : String(error)];
}
