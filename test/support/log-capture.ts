import type { Config } from '../../catalogue/config';
import { createLogger, type Logger } from '../../server/logging/logger';

/**
 * A logger writing into memory, for tests that check what is logged (the default test logger is
 * silent): `lines()` parses each JSON line, `text()` is everything written, for "never contains".
 */
export interface LogCapture {
  logger: Logger;
  text(): string;
  lines<T = Record<string, unknown>>(): T[];
}

export function captureLog(config: Pick<Config, 'logLevel'>): LogCapture {
  const chunks: string[] = [];
  const logger = createLogger(config, { write: (line: string) => void chunks.push(line) });
  return {
    logger,
    text: () => chunks.join(''),
    lines: <T>() => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as T),
  };
}
