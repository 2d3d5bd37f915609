import { commandCatalogue } from '@coachline/domain';
import { commandAddress, documentedCommands, rolesOfDescription } from './command-routes';

const document = {
  paths: {
    '/providers/{id}/sessions': {
      post: { operationId: 'LogSession', description: 'Sends LogSession. Who may: admin (all), coach (caseload).' },
    },
    '/communities/{id}/registration': { post: { operationId: 'RegisterCommunity', description: 'No roles here' } },
    '/providers': { get: { operationId: 'providers' } },
    '/tokens': { post: { operationId: 'IssueToken', description: 'Who may: admin (all).' } },
  },
};

describe('the command routes read from the API document', () => {
  it('matches operations to the catalogue by id, with the roles their sentence names', () => {
    const commands = documentedCommands(document);
    expect([...commands.keys()]).toEqual(['RegisterCommunity', 'LogSession']);
    expect(commands.get('LogSession')?.path).toBe('/providers/{id}/sessions');
    expect([...(commands.get('LogSession')?.roles ?? [])]).toEqual(['admin', 'coach']);
    expect(commands.get('RegisterCommunity')?.roles).toBeUndefined();
  });

  it('reads nothing from a document that is not one', () => {
    expect(documentedCommands(null).size).toBe(0);
    expect(documentedCommands({ paths: [] }).size).toBe(0);
    expect(commandCatalogue.length).toBeGreaterThan(0);
  });

  it('reads the roles of a "Who may:" sentence', () => {
    expect([...(rolesOfDescription('Who may: admin (all), provider (self).') ?? [])]).toEqual(['admin', 'provider']);
    expect(rolesOfDescription('Anyone.')).toBeUndefined();
  });

  it('puts a hostile stream id in the address as one path segment', () => {
    expect(commandAddress('/providers/{id}/sessions', '../tokens?x=1')).toBe('/providers/..%2Ftokens%3Fx%3D1/sessions');
  });
});
