import { errorReason } from '../../services/error-reason.ts';

/** Chromium's and Node's codes for a network that is down or a server that cannot be reached. */
const offlineCodes = /\b(?:net::)?(?:ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_NETWORK_CHANGED|ERR_NETWORK_IO_SUSPENDED|ERR_ADDRESS_UNREACHABLE|ERR_CONNECTION_(?:REFUSED|RESET|CLOSED|TIMED_OUT|FAILED)|ERR_PROXY_CONNECTION_FAILED|ERR_TIMED_OUT|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b/;

const maxMessage = 300;

/** What a failed update check tells the user: offline (tried again later), or its reason on one line. */
export function updateFailure(error: unknown): { offline: boolean; message: string } {
  const reason = errorReason(error);
  const firstLine = reason.trim().split('\n', 1)[0]!.trim();
  return { offline: offlineCodes.test(reason), message: firstLine.length > maxMessage ? `${firstLine.slice(0, maxMessage)}…` : firstLine };
}
