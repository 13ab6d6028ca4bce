// The reference for API throughput: a hello-world route of the same HTTP framework, nothing else.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ code: 0, data: { hello: 'world' } }));
app.post('/hello', async () => ({ code: 0, data: { hello: 'world' } }));
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`listening ${address}`);
