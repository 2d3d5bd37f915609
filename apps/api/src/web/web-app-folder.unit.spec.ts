import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { webAppFolder } from './web-app-folder';

describe('where the built web app is looked for', () => {
  it('is apps/web/dist of the repository, from the sources or from the API’s build alike', () => {
    const fromSources = webAppFolder(undefined, __dirname);
    const fromBuild = webAppFolder(undefined, resolve(__dirname, '../../dist'));
    expect(fromSources).toBe(fromBuild);
    expect(fromSources.endsWith(join('apps', 'web', 'dist'))).toBe(true);
    expect(existsSync(join(dirname(dirname(dirname(fromSources))), 'apps', 'api', 'src', 'web'))).toBe(true);
  });

  it('is the folder COACHLINE_WEB_DIR names when it is set', () => {
    expect(webAppFolder('some/where')).toBe(resolve('some/where'));
  });
});
