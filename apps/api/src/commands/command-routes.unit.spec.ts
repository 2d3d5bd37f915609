import { commandCatalogue } from '@coachline/domain';
import { COLLECTIONS, commandRoutes, findCommandRoute } from './command-routes';

describe('the command route table', () => {
  it('gives every command of the catalogue exactly one route', () => {
    expect(commandRoutes.map((r) => r.type).sort()).toEqual(commandCatalogue.map((d) => d.type).sort());
    expect(new Set(commandRoutes.map((r) => r.path)).size).toBe(commandRoutes.length);
  });

  it('files each command under the collection of its stream kind, with the stream id as :id', () => {
    for (const route of commandRoutes) {
      expect(route.collection).toBe(COLLECTIONS[route.definition.streamKind]);
      expect(route.path).toBe(`/${route.collection}/{id}/${route.action}`);
    }
    expect(findCommandRoute('providers', 'sessions')?.type).toBe('LogSession');
    expect(findCommandRoute('communities', 'program-years')?.type).toBe('StartProgramYear');
  });

  it('finds nothing for a path that is not in the table', () => {
    expect(findCommandRoute('providers', 'naps')).toBeUndefined();
    expect(findCommandRoute('coaches', 'sessions')).toBeUndefined();
  });
});
