import type { ProgramStep } from './program-script';
import { pathOf } from './program-script';
import type { TestApi } from './test-api';

/** Sends the steps as an admin, in order, failing loudly on the first refusal; returns the last position. */
export const seed = async (api: TestApi, steps: ReadonlyArray<ProgramStep>): Promise<number> => {
  const token = await api.token('admin', 'admin-1');
  let position = 0;
  for (const { type, id, body } of steps) {
    const response = await api.http().post(pathOf(type, id)).set('Authorization', `Bearer ${token}`).send(body);
    if (response.status !== 201)
      throw new Error(`${type} on ${id} was refused: ${response.status} ${JSON.stringify(response.body)}`);
    position = response.body.position;
  }
  return position;
};
