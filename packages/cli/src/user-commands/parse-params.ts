// Turns repeated `--param key=value` arguments into a task body: JSON values when they parse, dotted keys nest.
import { CliUsageError } from '../cli-usage-error.ts';

const FORBIDDEN_KEY_PARTS = new Set(['__proto__', 'prototype', 'constructor']);

/** `--param` collector for commander: keeps every occurrence, in order. */
export function collectRepeated(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `"7"` → 7, `"true"` → true, `"[1,2]"` → [1, 2], `"red"` → "red", `""` → "". */
export function parseParamValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Applies each `key=value` in order; later assignments win, and dotted keys (`texture_prompt.text=red`) build nested objects. */
export function parseParamAssignments(
  assignments: readonly string[],
  target: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const assignment of assignments) {
    const equalsIndex = assignment.indexOf('=');
    if (equalsIndex <= 0) throw new CliUsageError(`--param "${assignment}" must look like key=value`);
    const keyPath = assignment.slice(0, equalsIndex).split('.');
    if (keyPath.some((part) => part === '' || FORBIDDEN_KEY_PARTS.has(part))) {
      throw new CliUsageError(`--param "${assignment}" has an invalid key`);
    }
    setPath(target, keyPath, parseParamValue(assignment.slice(equalsIndex + 1)), assignment);
  }
  return target;
}

function setPath(target: Record<string, unknown>, keyPath: string[], value: unknown, assignment: string): void {
  let node = target;
  for (const part of keyPath.slice(0, -1)) {
    const existing = node[part];
    if (existing === undefined) {
      const child: Record<string, unknown> = {};
      node[part] = child;
      node = child;
    } else if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) {
      node = existing as Record<string, unknown>;
    } else {
      throw new CliUsageError(`--param "${assignment}": "${part}" is already set to a value that is not an object`);
    }
  }
  node[keyPath[keyPath.length - 1]!] = value;
}

/** A positive integer option (`--limit`, `--poll-interval-ms`), or a usage error that names the option. */
export function parsePositiveInteger(text: string, optionName: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new CliUsageError(`${optionName} must be a positive integer, got "${text}"`);
  return value;
}
