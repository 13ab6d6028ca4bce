// Reads a `text/event-stream` body into events. Written by hand rather than taken from a library (eventsource,
// eventsource-parser): the format is a few line rules (WHATWG HTML §9.2.6), fetch gives us the byte stream
// already, and the SDK stays free of runtime dependencies. Reconnection is the caller's business.

export interface ServerSentEvent {
  /** `message` when the server named none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last `id:` seen, as the spec's "last event ID". */
  id: string;
}

/** Yields each complete event; an event cut off by the end of the stream is dropped, as browsers do. */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const parser = new ServerSentEventParser();
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
  } finally {
    // Stops the download when the consumer leaves early (a `break`, a thrown error).
    await reader.cancel().catch(() => undefined);
  }
}

/** The line state machine, fed text in arbitrary chunks (a line or a CRLF may be split across chunks). */
export class ServerSentEventParser {
  private buffer = '';
  private startOfStream = true;
  private skipLeadingLineFeed = false;
  private eventType = '';
  private dataLines: string[] = [];
  private lastEventId = '';

  push(text: string): ServerSentEvent[] {
    if (this.startOfStream && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.startOfStream = false;
    }
    if (this.skipLeadingLineFeed && text.startsWith('\n')) text = text.slice(1);
    this.skipLeadingLineFeed = false;
    this.buffer += text;
    const events: ServerSentEvent[] = [];
    for (;;) {
      const end = this.buffer.search(/[\r\n]/);
      if (end < 0) break;
      const line = this.buffer.slice(0, end);
      let next = end + 1;
      if (this.buffer[end] === '\r') {
        if (end + 1 < this.buffer.length) {
          if (this.buffer[end + 1] === '\n') next = end + 2;
        } else {
          // A CR at the end of this chunk: its LF, if any, comes first in the next one.
          this.skipLeadingLineFeed = true;
        }
      }
      this.buffer = this.buffer.slice(next);
      const event = this.processLine(line);
      if (event) events.push(event);
    }
    return events;
  }

  private processLine(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined; // comment, e.g. a keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventType = value;
    else if (field === 'data') this.dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    // `retry` and unknown fields are ignored: this reader does not reconnect by itself.
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const eventType = this.eventType;
    const dataLines = this.dataLines;
    this.eventType = '';
    this.dataLines = [];
    if (dataLines.length === 0) return undefined;
    return { event: eventType || 'message', data: dataLines.join('\n'), id: this.lastEventId };
  }
}
