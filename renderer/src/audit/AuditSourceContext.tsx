import { createContext, useContext } from 'react';
import type { SourceId } from '../../../shared/console-api/index.ts';

/** The source the audit view reads (undefined: the active profile's cache); every audit call passes it. */
export const AuditSourceContext = createContext<SourceId | undefined>(undefined);

export const useAuditSource = () => useContext(AuditSourceContext);
