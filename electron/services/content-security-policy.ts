/**
 * The renderer's Content-Security-Policy, sent by both hosts. Mantine writes its CSS
 * variables into <style> elements at run time, hence 'unsafe-inline' for styles only.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
