import { commandRoutes } from '../commands/command-routes';
import { openApiDocument } from './openapi-document';

describe('the OpenAPI document', () => {
  const document = openApiDocument('0.1.0');

  it('has one operation per command route, its body the command’s data with the path’s id optional', () => {
    for (const route of commandRoutes) expect(document.paths[route.path as keyof typeof document.paths]).toBeDefined();
    type Operation = { requestBody: { content: { 'application/json': { schema: { required: string[] } } } }; description: string };
    const logSession = (document.paths as unknown as Record<string, { post: Operation }>)['/providers/{id}/sessions']!.post;
    expect(logSession.requestBody.content['application/json'].schema.required).not.toContain('providerId');
    expect(logSession.requestBody.content['application/json'].schema.required).toContain('heldOn');
    expect(logSession.description).toContain('coach (caseload)');
  });

  it('describes the views, tokens and health, and the error shape', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/views/dosage', '/views/share', '/providers/{id}/timeline', '/streams/{stream}', '/tokens', '/health', '/health/ready']),
    );
    expect(document.components.schemas.Error).toMatchObject({ required: ['code', 'message', 'errors'] });
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
