/** A view cannot answer yet (still catching up, behind the position asked for) or at all (parked): 503. */
export class ViewUnavailableError extends Error {
  override readonly name = 'ViewUnavailableError';
  constructor(
    readonly code: 'view-behind' | 'view-parked',
    message: string,
  ) {
    super(message);
  }
}
