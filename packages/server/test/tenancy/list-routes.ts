// Every (method, path) a Fastify app serves, read from its own route tree (printRoutes), so tests that walk all
// endpoints see new ones without being told.
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  path: string;
  /** names of the path parameters, in order */
  params: string[];
}

/**
 * printRoutes({ commonPrefix: false }) draws a tree, four columns per level, each node a path piece followed by
 * its methods in parentheses; a route's path is the concatenation of the pieces from the root down to its node.
 */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    if (!match[3]) continue;
    const path = stack.join('').replace(/^\/\//, '/');
    for (const method of match[3].split(',').map((name) => name.trim())) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push({ method, path, params: [...path.matchAll(/:(\w+)/g)].map((param) => param[1]) });
    }
  }
  return routes;
}
