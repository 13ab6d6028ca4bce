// Deployment settings that fill what a request leaves out, before the schema's own defaults: a generate_image
// request that names no model gets the deployment's default image model (not Tripo's third-party default,
// which a deployment without that provider could only refuse).
import { isPlainObject } from '@polyforge/protocol';

export interface DeploymentDefaults {
  /** generate_image model_version for requests that name none */
  imageModelVersion?: string;
}

export function applyDeploymentDefaults(body: unknown, defaults: DeploymentDefaults): unknown {
  if (!defaults.imageModelVersion || !isPlainObject(body) || body.type !== 'generate_image') return body;
  const named = (value: unknown) => value !== undefined && value !== null;
  if (named(body.model_version) || named(body.model)) return body;
  return { ...body, model_version: defaults.imageModelVersion };
}
