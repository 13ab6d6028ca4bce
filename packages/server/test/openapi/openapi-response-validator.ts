// Holds real answers against the served OpenAPI document: finds the operation of a concrete method + path,
// checks the status is documented and validates a JSON body against that status's schema (ajv, JSON Schema
// 2020-12, the dialect of OpenAPI 3.1). Records which operations were answered with which statuses.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperationObject>>;
  components?: Record<string, unknown>;
}

export interface OpenApiOperationObject {
  operationId: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: unknown }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
}

export interface DocumentedOperation {
  method: string;
  pathTemplate: string;
  operation: OpenApiOperationObject;
  pattern: RegExp;
}

export interface AnswerToCheck {
  method: string;
  /** the request path, query string allowed */
  url: string;
  status: number;
  contentType: string | null;
  /** parsed JSON, or undefined when the body was not JSON */
  body: unknown;
}

const DOCUMENT_ID = 'polyforge-openapi';

export class OpenApiResponseValidator {
  readonly operations: DocumentedOperation[];
  /** operationId → statuses seen */
  readonly answered = new Map<string, Set<number>>();
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    // formats (binary, ...) are annotations here; the document is added whole so each `$ref` resolves in it
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    this.operations = Object.entries(document.paths).flatMap(([pathTemplate, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        pathTemplate,
        operation,
        pattern: patternOf(pathTemplate),
      })),
    );
  }

  /** The documented operation for a concrete request; literal paths win over templated ones. */
  find(method: string, url: string): DocumentedOperation | undefined {
    const pathOnly = url.split('?')[0]!;
    const candidates = this.operations.filter(
      (entry) => entry.method === method.toUpperCase() && entry.pattern.test(pathOnly),
    );
    return candidates.sort((a, b) => templateCount(a.pathTemplate) - templateCount(b.pathTemplate))[0];
  }

  /** Problems with one answer; empty when it is documented and its JSON body matches the schema. */
  check(answer: AnswerToCheck): string[] {
    const documented = this.find(answer.method, answer.url);
    const label = `${answer.method} ${answer.url.slice(0, 120)} → ${answer.status}`;
    if (!documented) return [`${label}: no documented operation`];
    const seen = this.answered.get(documented.operation.operationId) ?? new Set<number>();
    seen.add(answer.status);
    this.answered.set(documented.operation.operationId, seen);
    const response = documented.operation.responses[String(answer.status)];
    if (!response)
      return [
        `${label}: status ${answer.status} is not documented for ${documented.operation.operationId} (${Object.keys(documented.operation.responses).join(', ')})`,
      ];
    const mediaType = (answer.contentType ?? '').split(';')[0]!.trim();
    if (!response.content) return [];
    if (!response.content[mediaType] && !response.content['*/*'])
      return [
        `${label}: Content-Type ${mediaType || '(none)'} is not documented (${Object.keys(response.content).join(', ')})`,
      ];
    if (mediaType !== 'application/json') return [];
    if (answer.body === undefined) return [`${label}: the body is not JSON`];
    const validate = this.validatorFor(documented, String(answer.status));
    if (validate(answer.body)) return [];
    const body = JSON.stringify(answer.body).slice(0, 300);
    return (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (error) =>
          `${label}: ${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)} in ${body}`,
      );
  }

  private validatorFor(documented: DocumentedOperation, status: string): ValidateFunction {
    const pointer = [
      'paths',
      documented.pathTemplate,
      documented.method.toLowerCase(),
      'responses',
      status,
      'content',
      'application/json',
      'schema',
    ]
      .map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const key = `${DOCUMENT_ID}#/${pointer}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: key });
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** `/v3/tasks/{taskId}` → a pattern matching concrete paths (a parameter never spans a slash). */
export function patternOf(pathTemplate: string): RegExp {
  const escaped = pathTemplate
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}$`);
}

function templateCount(pathTemplate: string): number {
  return (pathTemplate.match(/\{/g) ?? []).length;
}
