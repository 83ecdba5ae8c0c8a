import { createContext, useContext } from 'react';
import type { ConsoleClient } from './console-client.ts';

export const ConsoleContext = createContext<ConsoleClient | null>(null);

export function useConsole(): ConsoleClient {
  const client = useContext(ConsoleContext);
  if (client === null) throw new Error('useConsole outside <ConsoleContext.Provider>');
  return client;
}
