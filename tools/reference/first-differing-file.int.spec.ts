import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { firstDifferingFile } from './first-differing-file';

const folderWith = (files: Record<string, string>): string => {
  const folder = mkdtempSync(join(tmpdir(), 'coachline-reference-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
};

describe('the first file that differs between the committed and the generated reference', () => {
  const folders: string[] = [];
  const folder = (files: Record<string, string>): string => {
    const made = folderWith(files);
    folders.push(made);
    return made;
  };
  afterEach(() => folders.splice(0).forEach((made) => rmSync(made, { recursive: true, force: true })));

  const pages = { 'README.md': '# domain\n', 'index/functions/accept.md': '# accept\n' };

  it('is nothing when both hold the same files with the same text', () => {
    expect(firstDifferingFile(folder(pages), folder(pages))).toBeUndefined();
  });

  it('names a page whose text changed, by its path inside the reference', () => {
    const generated = folder({ ...pages, 'index/functions/accept.md': '# accept\n\nWhy it exists.\n' });
    expect(firstDifferingFile(folder(pages), generated)).toBe('index/functions/accept.md differs');
  });

  it('names a page that is generated but was never committed', () => {
    const generated = folder({ ...pages, 'index/functions/refuse.md': '# refuse\n' });
    expect(firstDifferingFile(folder(pages), generated)).toBe(
      'index/functions/refuse.md is generated but not committed',
    );
  });

  it('names a committed page that is no longer generated', () => {
    const generated = folder({ 'README.md': pages['README.md'] });
    expect(firstDifferingFile(folder(pages), generated)).toBe(
      'index/functions/accept.md is committed but no longer generated',
    );
  });

  it('names the first of several differences in path order', () => {
    const generated = folder({ 'README.md': '# changed\n', 'index/functions/accept.md': '# changed\n' });
    expect(firstDifferingFile(folder(pages), generated)).toBe('README.md differs');
  });
});
