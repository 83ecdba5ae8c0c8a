import { join } from 'node:path';
import { systemClock } from '../../../shared/clock.ts';
import type { Clock } from '../../../shared/clock.ts';
import { errorReason } from '../error-reason.ts';
import { redactSecrets } from './redact-secrets.ts';
import { openRotatingFile } from './rotating-file.ts';
import type { RotatingFile } from './rotating-file.ts';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** A secret this process holds (a token, a password): never written, wherever it shows up. */
  rememberSecret(secret: string): void;
  /** Redacts as the log does: patterns of secrets and every remembered one. */
  redact(text: string): string;
  close(): void;
}

export interface LoggerOptions {
  /** The data dir's logs/ folder. */
  dir: string;
  clock?: Clock;
  maxBytes?: number;
  maxFiles?: number;
  /** Where warnings and errors are echoed too (stderr by default); the file has them all. */
  echo?: (line: string) => void;
}

export const logFileName = 'opsdeck.log';
/** Longer messages are cut: one runaway message must not rotate the useful ones away. */
const maxMessageChars = 8_000;

/**
 * The local log both hosts write: one line per entry, secrets redacted before anything is
 * written, rotated by size (5 files of 1 MB by default). Logging never throws: when the file
 * cannot be written, entries still reach `echo`, with one line saying why the file is not kept.
 */
export function openLogger({ dir, clock = systemClock, maxBytes = 1_048_576, maxFiles = 5, echo = (line) => console.warn(line) }: LoggerOptions): Logger {
  const secrets = new Set<string>();
  const redact = (text: string) => redactSecrets(text, secrets);
  let file: RotatingFile | null = null;
  try {
    file = openRotatingFile({ path: join(dir, logFileName), maxBytes, maxFiles });
  } catch (error) {
    echo(`Opsdeck keeps no log file this session: cannot open ${join(dir, logFileName)}: ${errorReason(error)}`);
  }

  function write(level: LogLevel, message: string) {
    const text = oneLine(redact(message));
    if (level !== 'info') echo(text);
    if (file === null) return;
    try {
      file.append(`${new Date(clock()).toISOString()} ${level.toUpperCase()} ${text}\n`);
    } catch (error) {
      file = null;
      echo(`Opsdeck stopped writing its log file: ${errorReason(error)}`);
    }
  }

  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
    rememberSecret: (secret) => void secrets.add(secret),
    redact,
    close() {
      file?.close();
      file = null;
    },
  };
}

function oneLine(text: string): string {
  const cut = text.length > maxMessageChars ? `${text.slice(0, maxMessageChars)}… (${text.length - maxMessageChars} more characters)` : text;
  return cut.replace(/\r?\n/g, '\\n');
}
