// One-line renderings of any error the CLI can meet: API errors with code and suggestion, never a stack trace.
import { PolyforgeApiError, PolyforgeNetworkError, PolyforgeTimeoutError } from '@polyforge/sdk';
import { CliUsageError } from './cli-usage-error.ts';

export function formatErrorLine(error: unknown): string {
  if (error instanceof PolyforgeApiError) {
    const message = oneLine(error.message).replace(/\.$/, '');
    const suggestion = oneLine(error.suggestion);
    return suggestion ? `Error ${error.code}: ${message}. ${suggestion}` : `Error ${error.code}: ${message}.`;
  }
  if (
    error instanceof PolyforgeNetworkError ||
    error instanceof PolyforgeTimeoutError ||
    error instanceof CliUsageError
  ) {
    return `Error: ${oneLine(error.message)}`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error)
    return typeof code === 'string' ? `Error: ${oneLine(error.message)} (${code})` : `Error: ${oneLine(error.message)}`;
  return `Error: ${oneLine(String(error))}`;
}

/** The same error as one JSON line, for `--json`. */
export function formatErrorJson(error: unknown): string {
  if (error instanceof PolyforgeApiError) {
    return JSON.stringify({
      error: {
        code: error.code,
        http_status: error.httpStatus,
        message: error.message,
        suggestion: error.suggestion,
        retry_after_seconds: error.retryAfterSeconds,
        request_id: error.requestId,
      },
    });
  }
  return JSON.stringify({ error: { message: formatErrorLine(error).replace(/^Error: /, '') } });
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
