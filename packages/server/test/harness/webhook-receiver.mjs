// A webhook receiver for tests, run as its own process: answers 500 to the first FAIL_TIMES deliveries of
// each event, 200 after that, and prints every request as one JSON line on stdout.
import http from 'node:http';

const failTimes = Number(process.env.FAIL_TIMES ?? 0);
const attemptsByEvent = new Map();
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const eventId = String(request.headers['tripo-webhook-id']);
    const attempt = (attemptsByEvent.get(eventId) ?? 0) + 1;
    attemptsByEvent.set(eventId, attempt);
    const status = attempt <= failTimes ? 500 : 200;
    process.stdout.write(`${JSON.stringify({ attempt, status, headers: request.headers, body })}\n`);
    response.writeHead(status).end();
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ listening: server.address().port })}\n`));
