import { describe, expect, it } from 'vitest';
import { PolyforgeApiError, PolyforgeNetworkError } from '@polyforge/sdk';
import { CliUsageError } from './cli-usage-error.ts';
import { formatErrorJson, formatErrorLine } from './format-error.ts';

const creditsError = new PolyforgeApiError({
  code: 2010,
  httpStatus: 403,
  message: "You don't have enough credits to start a new task",
  suggestion: 'Check your balance and buy or request more credits.',
});

describe('formatErrorLine', () => {
  it('puts code, message and suggestion on one line', () => {
    expect(formatErrorLine(creditsError)).toBe(
      "Error 2010: You don't have enough credits to start a new task. Check your balance and buy or request more credits.",
    );
  });

  it('does not double the full stop, and leaves out an empty suggestion', () => {
    expect(
      formatErrorLine(
        new PolyforgeApiError({ code: 1004, httpStatus: 400, message: 'Bad.\nVery bad.', suggestion: '' }),
      ),
    ).toBe('Error 1004: Bad. Very bad.');
  });

  it.each([
    [new CliUsageError('No API key'), 'Error: No API key'],
    [
      new PolyforgeNetworkError('http://h/x', { message: 'ECONNREFUSED' }),
      'Error: Could not reach http://h/x: ECONNREFUSED',
    ],
    [Object.assign(new Error('no such file'), { code: 'ENOENT' }), 'Error: no such file (ENOENT)'],
    ['plain string', 'Error: plain string'],
  ])('renders %s as one line', (error, expected) => {
    expect(formatErrorLine(error)).toBe(expected);
  });
});

describe('formatErrorJson', () => {
  it('keeps every field of an API error', () => {
    expect(JSON.parse(formatErrorJson(creditsError))).toEqual({
      error: { code: 2010, http_status: 403, message: creditsError.message, suggestion: creditsError.suggestion },
    });
  });

  it('adds the request id when the server gave one', () => {
    const error = new PolyforgeApiError({ code: 2001, httpStatus: 404, message: 'Task not found', requestId: 'req_9' });
    expect(JSON.parse(formatErrorJson(error))).toMatchObject({ error: { code: 2001, request_id: 'req_9' } });
  });

  it('wraps other errors as a message', () => {
    expect(JSON.parse(formatErrorJson(new CliUsageError('No API key')))).toEqual({ error: { message: 'No API key' } });
  });
});
