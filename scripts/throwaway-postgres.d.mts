/** Types of throwaway-postgres.mjs, for the TypeScript that uses it (the academy). */
export function freePort(): Promise<number>;
export function postgresBin(): string | null;
export interface ThrowawayPostgres {
  url: string;
  port: number;
  dir: string;
  /** Starts it again after `halt` (same port, same data); resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it at once, as a crash would, keeping its data. */
  halt(): Promise<void>;
  /** Stops it and deletes its folder. */
  remove(): void;
}
export function startThrowawayPostgres(options?: {
  durable?: boolean;
  settings?: string[];
}): Promise<ThrowawayPostgres>;
