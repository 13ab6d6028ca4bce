import { describe, expect, it } from 'vitest';
import { readServerSentEvents, ServerSentEventParser, type ServerSentEvent } from './server-sent-events.ts';

function parseInChunks(chunks: readonly string[]): ServerSentEvent[] {
  const parser = new ServerSentEventParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

function streamOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

const STREAM = 'event: update\ndata: {"progress":10}\n\nevent: finalized\ndata: {"progress":100}\n\n';

describe('ServerSentEventParser', () => {
  it('reads named events with their data', () => {
    expect(parseInChunks([STREAM])).toEqual([
      { event: 'update', data: '{"progress":10}', id: '' },
      { event: 'finalized', data: '{"progress":100}', id: '' },
    ]);
  });

  it('gives the same events however the text is split, one character at a time included', () => {
    const whole = parseInChunks([STREAM]);
    expect(parseInChunks([...STREAM])).toEqual(whole);
    expect(parseInChunks([STREAM.slice(0, 17), STREAM.slice(17, 40), STREAM.slice(40)])).toEqual(whole);
  });

  it('accepts CRLF and CR line ends, also when a CRLF is split between chunks', () => {
    const crlf = STREAM.replaceAll('\n', '\r\n');
    expect(parseInChunks([crlf])).toEqual(parseInChunks([STREAM]));
    expect(parseInChunks([...crlf])).toEqual(parseInChunks([STREAM]));
    expect(parseInChunks([STREAM.replaceAll('\n', '\r')])).toEqual(parseInChunks([STREAM]));
  });

  it('joins data lines, skips comments and empty events, defaults the type to message and keeps the last id', () => {
    const text = '\uFEFF: keep-alive\n\ndata:one\ndata: two\nid: 7\n\nevent: ping\n\ndata\n\n';
    expect(parseInChunks([text])).toEqual([
      { event: 'message', data: 'one\ntwo', id: '7' },
      { event: 'message', data: '', id: '7' },
    ]);
  });

  it('drops an event that the end of the stream cut off', () => {
    expect(parseInChunks(['event: update\ndata: {"a":1}\n'])).toEqual([]);
  });
});

describe('readServerSentEvents', () => {
  it('decodes a byte stream, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✓\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const events: ServerSentEvent[] = [];
    for await (const event of readServerSentEvents(stream)) events.push(event);
    expect(events).toEqual([{ event: 'message', data: 'héllo ✓', id: '' }]);
  });

  it('stops reading when the consumer leaves early', async () => {
    let cancelled = false;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode('data: x\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readServerSentEvents(stream)) {
      expect(event.data).toBe('x');
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('reads a whole stream', async () => {
    const events: string[] = [];
    for await (const event of readServerSentEvents(
      streamOf(['event: update\nda', 'ta: 1\n\n', 'event: finalized\ndata: 2\n\n']),
    ))
      events.push(`${event.event}:${event.data}`);
    expect(events).toEqual(['update:1', 'finalized:2']);
  });
});
