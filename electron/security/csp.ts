/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol handler and by the test
 * harness's server, so tests run under the same policy as the app. Scripts only from the app itself; no
 * network at all. Styles allow 'unsafe-inline' because Mantine writes its theme variables into a <style>
 * element at run time; style injection cannot run script, and script-src stays strict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
