import type { Operation, OperationId } from '../../shared/ops-api/index.ts';

interface CompiledRoute {
  id: OperationId;
  method: Operation['method'];
  pattern: RegExp;
  params: string[];
  /** Literal segments count: the more, the more specific (/audit-events/head beats /audit-events/{id}). */
  literals: number;
}

export type RouteMatch = { kind: 'found'; id: OperationId; params: Record<string, string> } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

/** Matches request paths against the OpenAPI-style paths of the operation table. */
export function createRouter(operations: Record<OperationId, Operation>) {
  const routes: CompiledRoute[] = (Object.entries(operations) as Array<[OperationId, Operation]>)
    .map(([id, operation]) => {
      const params: string[] = [];
      const source = operation.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
        params.push(name);
        return '([^/]+)';
      });
      return { id, method: operation.method, pattern: new RegExp(`^${source}$`), params, literals: operation.path.split('/').filter((part) => !part.startsWith('{')).length };
    })
    .sort((a, b) => b.literals - a.literals);

  return function match(method: string, pathname: string): RouteMatch {
    const allowed: string[] = [];
    for (const route of routes) {
      const found = route.pattern.exec(pathname);
      if (found === null) continue;
      if (route.method !== method.toLowerCase()) {
        allowed.push(route.method.toUpperCase());
        continue;
      }
      const params: Record<string, string> = {};
      route.params.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1]!)));
      return { kind: 'found', id: route.id, params };
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  };
}
