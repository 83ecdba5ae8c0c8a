export interface DemoPlatformRequest {
  dbPath: string;
  events: number;
  tenants: number;
}

export type DemoPlatformMessage =
  | { kind: 'ready'; url: string; token: string; generationMs: number | null }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' };
