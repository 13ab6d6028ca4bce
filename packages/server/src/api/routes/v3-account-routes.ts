// /v3 account endpoints: balance (decimal numbers) and usage (the account's tasks and their cost, limit/offset).
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api-context.ts';
import { accountUsage } from '../v3/account-usage.ts';
import { creditsOf } from '../v3/task-view-v3.ts';
import { v3Success } from '../v3/v3-envelope.ts';

/** Registers inside the /v3 prefix. */
export function registerV3AccountRoutes(app: FastifyInstance, context: ApiContext): void {
  app.get('/account/balance', async (request) => {
    const balance = await context.ledger.balance(context.db, request.account.accountId);
    return v3Success({ balance: creditsOf(balance.balance), frozen: creditsOf(balance.frozen) });
  });

  app.get<{ Querystring: { limit?: string; offset?: string } }>('/account/usage', async (request) => {
    return v3Success(await accountUsage(context.db, request.account.accountId, request.query));
  });
}
