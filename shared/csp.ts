/**
 * The Content-Security-Policy of Concerto's pages, sent by Electron's app:// protocol and by the
 * web host alike, so the end-to-end tests run the renderer under the very policy the app ships.
 * Scripts come only from our bundle (never inline, never eval); styles may be inline because
 * Mantine writes style attributes and injects <style> tags for its CSS variables; images and
 * fonts may be data: or blob: URLs (logos, previews); the page may fetch nothing but itself
 * (the web host's /rpc and /events included), embed no plugin, be framed by nobody, post no form.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
