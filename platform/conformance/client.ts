/** One raw HTTP exchange, kept whole so checks can look at status, headers and exact bytes. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown;
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Request = (method: string, path: string, options?: RequestOptions) => Promise<Exchange>;

/** Plain fetch against any base URL; `token` is the default bearer token. */
export function createRequest(baseUrl: string, token: string): Request {
  const base = baseUrl.replace(/\/+$/, '');
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const bearer = options.token === undefined ? token : options.token;
    if (bearer !== null) headers.Authorization = `Bearer ${bearer}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(base + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { method, path, status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, text, json };
  };
}
