// What the web dashboard and Studio need from the platform, passed in by platform.ts.
import type { FastifyRequest } from 'fastify';
import type { AccountOnboarding } from '../accounts/account-onboarding.ts';
import type { AccountStore } from '../accounts/account-store.ts';
import type { ApiKeyAuthenticator } from '../accounts/api-key-authenticator.ts';
import type { SessionStore, WebSession } from '../accounts/sessions.ts';
import type { WebAccount, WebAccounts } from '../accounts/web-accounts.ts';
import type { Ledger } from '../billing/ledger.ts';
import type { StripeCheckout } from '../billing/stripe-checkout.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database-schema.ts';
import type { EngineRegistry } from '../engines/engine-registry.ts';
import type { DownloadSigner } from '../files/download-signer.ts';
import type { FileStore } from '../files/file-store.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { cancelTask } from '../tasks/cancel-task.ts';
import type { TaskService } from '../tasks/task-service.ts';
import type { LogInThrottle } from './log-in-throttle.ts';
import type { SignupService } from '../accounts/signup-service.ts';
import type { StaticAssets } from './static-assets.ts';

export interface WebContext {
  db: Database;
  clock: Clock;
  accounts: AccountStore;
  webAccounts: WebAccounts;
  onboarding: AccountOnboarding;
  sessions: SessionStore;
  ledger: Ledger;
  tasks: TaskService;
  files: FileStore;
  /** read directly only for small previews (task thumbnails); downloads go through signed links */
  blobs: BlobStore;
  signer: DownloadSigner;
  engines: EngineRegistry;
  authenticator: ApiKeyAuthenticator;
  cancelDependencies: Parameters<typeof cancelTask>[0];
  /** absent when the operator has not configured Stripe */
  stripe?: StripeCheckout;
  /** attempts per email and per client address, so passwords cannot be guessed at speed */
  logInThrottle: LogInThrottle;
  /** HMAC key of the CSRF tokens, one per deployment (kept in the settings table) */
  csrfSecret: string;
  signupOpen: boolean;
  /** sign-up under the operator's mode (open, verify-email, invite-only, closed), throttled per client address */
  signups: SignupService;
  maxUploadBytes: number;
  /** the deployment's default data-retention period in days (0 = keep forever) */
  defaultRetentionDays: number;
  /** set when the deployment sits behind https (cookies are then always Secure) */
  publicUrl?: string;
  baseUrlOf(request: FastifyRequest): string;
}

export interface SignedInVisitor {
  account: WebAccount;
  session: WebSession;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the logged-in visitor of a web route, if any */
    visitor?: SignedInVisitor;
    /** per-response nonce for inline scripts (Content-Security-Policy); pages have none today */
    cspNonce: string;
    /** the built scripts and styles, set by the web scope's first hook */
    staticAssets?: StaticAssets;
  }
  interface FastifyContextConfig {
    /** web route reachable without logging in */
    public?: boolean;
    /** web route for admin accounts only */
    admin?: boolean;
    /** web route that answers JSON (errors too) rather than a page */
    json?: boolean;
    /** skips the CSRF check: only the Stripe webhook, which is authenticated by its signature */
    skipCsrf?: boolean;
  }
}
