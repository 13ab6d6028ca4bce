// The process's structured logger: one JSON object per line (pino), with the service name, time and level, so a
// log pipeline can index it. Fastify uses it for request logs (each line carries reqId, the X-Request-Id); the
// task runner and the dispatchers log through it with taskId and requestId fields.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'polyforge', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // never write credentials that a request or an error object may carry
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** Accepts a client's X-Request-Id when it is a plain token (so it can be logged and echoed safely). */
export function acceptableRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(value) ? value : undefined;
}
