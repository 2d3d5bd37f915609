import fc from 'fast-check';
import { safeNext } from './safe-next';

describe('where a sign-in goes next', () => {
  it('goes back to the page of this app that was asked for', () => {
    expect(safeNext('/caseload')).toBe('/caseload');
    expect(safeNext('/providers/p-017?tab=sessions')).toBe('/providers/p-017?tab=sessions');
  });

  it('goes to the first page when nothing, or anything outside the app, is asked for', () => {
    for (const hostile of [
      null,
      '',
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
    ])
      expect(safeNext(hostile)).toBe('/');
  });

  it('never answers anything a browser could read as another origin', () => {
    fc.assert(
      fc.property(fc.string(), (next) => {
        const target = new URL(`#${safeNext(next)}`, 'http://127.0.0.1:3000/');
        expect(target.origin).toBe('http://127.0.0.1:3000');
        expect(safeNext(next).startsWith('/')).toBe(true);
        expect(safeNext(next).startsWith('//')).toBe(false);
      }),
    );
  });
});
