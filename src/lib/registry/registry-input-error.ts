/**
 * The registry file cannot be used at all (no header row, required columns missing, undecodable bytes).
 * The build script turns it into a one-line message and exit code 2.
 */
export class RegistryInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RegistryInputError'
  }
}
