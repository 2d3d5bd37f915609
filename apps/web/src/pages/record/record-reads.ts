import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { documentedCommands } from '../../forms/command-routes';

/**
 * The commands the API's OpenAPI document lists, with their routes: read once per sign-in, since
 * the document only changes with the API's version.
 */
export const useDocumentedCommands = () =>
  useQuery({
    queryKey: ['docs', 'commands'],
    queryFn: async () => documentedCommands(await api<unknown>('/docs')),
    staleTime: Infinity,
  });
