/**
 * Where to go after signing in: a page of this app only. A `next` that would leave it
 * (`//elsewhere.example`, `https://…`, `javascript:`) is ignored, so a link to the sign-in page
 * cannot send a person on to another site after they typed their password.
 */
export const safeNext = (next: string | null): string => (next !== null && /^\/(?![/\\])/.test(next) ? next : '/');
