// V2 account endpoints: balance (and the alias some clients use).
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api-context.ts';

export function registerV2AccountRoutes(app: FastifyInstance, context: ApiContext): void {
  const balanceHandler = async (request: { account: { accountId: string } }) => {
    const balance = await context.ledger.balance(context.db, request.account.accountId);
    return { code: 0, data: balance };
  };
  app.get('/v2/openapi/user/balance', balanceHandler);
  app.get('/v2/openapi/user/wallet/balance', balanceHandler);
}
